import { afterEach, describe, expect, it } from 'vitest';
import { createSourceAdapters } from './create-source-adapters.ts';
import { createSimulator, type Simulator } from './simulator/create-simulator.ts';
import { generatePopulation } from './simulator/generate-population.ts';
import { SourceUnavailableError } from './source-errors.ts';

// One population for every simulator in this file: generating it is the slow part.
const population = generatePopulation({ seed: 2026, referenceDate: '2026-11-23' });
const started: Simulator[] = [];

async function startSimulator(options: Parameters<typeof createSimulator>[0] = {}) {
  const simulator = await createSimulator({
    population,
    port: 0,
    failureRate: 0,
    latencyMs: [0, 0],
    ...options,
  });
  started.push(simulator);
  return simulator;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((simulator) => simulator.close()));
});

/** Adapters whose retries wait no real time, counting the waits (one per retried failure). */
function adaptersFor(baseUrl: string, options: Partial<Parameters<typeof createSourceAdapters>[0]> = {}) {
  const waits: number[] = [];
  const sources = createSourceAdapters({
    baseUrl,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { sources, waits };
}

describe('failure injection seen through the adapters', () => {
  it('hides a 2% failure rate behind the retries', async () => {
    const simulator = await startSimulator({ failureRate: 0.02 });
    const { sources, waits } = adaptersFor(simulator.url);
    const people = population.people.slice(0, 300);
    for (const person of people) {
      const result = await sources.nationalRegister.getPerson(person.insz);
      expect(result.found).toBe(true);
    }
    // The simulator did fail some requests (deterministic for the seed), and every one was retried.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.length).toBeLessThan(30);
  }, 30_000); // 300 calls with real back-off waits: slow only on a loaded machine

  it('reports SourceUnavailableError at a 100% failure rate, then stops calling (circuit open)', async () => {
    const simulator = await startSimulator({ failureRate: 1 });
    const { sources, waits } = adaptersFor(simulator.url, {
      retries: 2,
      settings: { kbo: { failureThreshold: 2 } },
    });
    for (let i = 0; i < 2; i++) {
      const error = await sources.kbo.getEnterprise('0403170701').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect(error).toMatchObject({ source: 'kbo', cause: 'HTTP_5XX', status: 503, attempts: 3 });
    }
    expect(waits).toHaveLength(4);
    await expect(sources.kbo.getEnterprise('0403170701')).rejects.toMatchObject({
      cause: 'CIRCUIT_OPEN',
      attempts: 0,
    });
    expect(waits).toHaveLength(4);
    // Breakers are per register: the national register is still tried.
    await expect(sources.nationalRegister.getPerson(population.demo.director.insz)).rejects.toMatchObject({
      cause: 'HTTP_5XX',
    });
  });

  it('times out a register slower than the timeout', async () => {
    const simulator = await startSimulator({ latencyMs: [300, 300] });
    const { sources } = adaptersFor(simulator.url, { timeoutMs: 40, retries: 1 });
    await expect(sources.kbo.getEnterprise('0403170701')).rejects.toMatchObject({
      cause: 'TIMEOUT',
      attempts: 2,
    });
  });

  it('reports a register stopped mid-request as unavailable, and succeeds once it is back on the same port', async () => {
    const slow = await startSimulator({ latencyMs: [400, 400] });
    const { sources, waits } = adaptersFor(slow.url, { retries: 2 });
    const inFlight = sources.kbo.getEnterprise('0403170701').catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await slow.close();
    const error = await inFlight;
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect(error).toMatchObject({ source: 'kbo', cause: 'NETWORK', attempts: 3 });
    expect(waits).toHaveLength(2);

    await startSimulator({ port: slow.port });
    const result = await sources.kbo.getEnterprise('0403170701');
    expect(result).toMatchObject({ found: true, value: { name: 'Bakkerij Peeters bv' } });
    expect(sources.callers.kbo.breaker.state).toBe('CLOSED');
  });

  it('notifies a dossier exactly once when the answer is lost and the call retried', async () => {
    const simulator = await startSimulator({ failureRate: 0.5 });
    const { sources, waits } = adaptersFor(simulator.url, { settings: { federal: { retries: 10 } } });
    const receipts = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { value } = await sources.federal.notifyAdmissibleDossier({
        dossierNumber: `LOK-2026-${i}`,
        category: 'EU_BLUE_CARD',
        enterpriseNumber: '0403170701',
        worker: { birthDate: '1990-01-01', nationality: 'BR' },
        admissibleOn: '2026-11-20',
        idempotencyKey: `LOK-2026-${i}-admissible`,
      });
      receipts.add(value.receiptId);
    }
    expect(waits.length).toBeGreaterThan(0); // answers were lost and the notifications retried
    // Five dossiers, five receipts, numbered without gaps: no dossier was recorded twice.
    expect([...receipts].sort()).toEqual([
      'DVZ-00000001',
      'DVZ-00000002',
      'DVZ-00000003',
      'DVZ-00000004',
      'DVZ-00000005',
    ]);
  });
});

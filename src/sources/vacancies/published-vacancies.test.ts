import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSourceAdapters } from '../create-source-adapters.ts';
import { createSimulator, type Simulator } from '../simulator/create-simulator.ts';
import { generatePopulation } from '../simulator/generate-population.ts';
import { SourceRequestError, SourceUnavailableError } from '../source-errors.ts';
import type { PublishedVacancy, VacancyChannel, VacancyRegister } from './vacancies.ts';

// The published-vacancy listings of VDAB and EURES through the vacancy register adapter, against the
// simulator as a real HTTP service: paging, changes at the source, and a register that fails.
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

function adaptersFor(baseUrl: string, settings = {}) {
  const waits: number[] = [];
  const sources = createSourceAdapters({
    baseUrl,
    sleep: async (ms) => {
      waits.push(ms);
    },
    settings: { vacancies: settings },
  });
  return { register: sources.vacancies, breaker: sources.callers.vacancies.breaker, waits };
}

async function readAll(register: VacancyRegister, channel: VacancyChannel, pageSize: number) {
  const items: PublishedVacancy[] = [];
  for (let page = 1; ; page++) {
    const answer = await register.listPublished(channel, page, pageSize);
    items.push(...answer.items);
    if (page >= answer.totalPages) return { items, totalItems: answer.totalItems, pages: page };
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((simulator) => simulator.close()));
});

describe('the published vacancies through the adapter', () => {
  let simulator: Simulator;
  let register: VacancyRegister;
  beforeAll(async () => {
    simulator = await createSimulator({ population, port: 0, failureRate: 0, latencyMs: [0, 0] });
    register = adaptersFor(simulator.url).register;
  });
  afterAll(() => simulator.close());

  it("reads VDAB's shortage vacancies page by page, each once, in a stable order", async () => {
    const { items, totalItems, pages } = await readAll(register, 'VDAB', 20);
    expect(totalItems).toBeGreaterThan(40);
    expect(pages).toBe(Math.ceil(totalItems / 20));
    expect(items).toHaveLength(totalItems);
    expect(new Set(items.map((item) => item.id)).size).toBe(totalItems);
    // Only shortage functions, each with its ESCO occupation and VDAB's flag.
    expect(items.every((item) => item.shortageOccupation === true && item.escoOccupation.length > 0)).toBe(
      true,
    );
    expect(items.map((item) => item.id)).toEqual([...items.map((item) => item.id)].sort());
  });

  it("reads EURES's vacancies for Flanders: some carry the VDAB vacancy they took over", async () => {
    const { items } = await readAll(register, 'EURES', 100);
    expect(items.some((item) => item.nationalReference !== undefined)).toBe(true);
    expect(items.some((item) => item.id.startsWith('EURES-') && item.nationalReference === undefined)).toBe(
      true,
    );
    expect(items.every((item) => item.shortageOccupation === undefined)).toBe(true);
  });

  it('sees an update and a withdrawal at the source as new versions (the listing is never cached)', async () => {
    const [first] = (await register.listPublished('VDAB', 1, 5)).items;
    if (!first) throw new Error('VDAB publishes vacancies');
    simulator.vacancyFeed.update('VDAB', first.id, { positions: first.positions + 2 });
    let again = (await register.listPublished('VDAB', 1, 5)).items[0];
    expect(again).toMatchObject({ id: first.id, version: first.version + 1, positions: first.positions + 2 });
    simulator.vacancyFeed.withdraw('VDAB', first.id);
    again = (await register.listPublished('VDAB', 1, 5)).items[0];
    expect(again).toMatchObject({ id: first.id, version: first.version + 2, status: 'WITHDRAWN' });
  });

  it('refuses a page it cannot ask for before any call', async () => {
    await expect(register.listPublished('VDAB', 0)).rejects.toBeInstanceOf(SourceRequestError);
    await expect(register.listPublished('EURES', 1, 101)).rejects.toBeInstanceOf(SourceRequestError);
  });
});

describe('a vacancy register that fails', () => {
  it('hides occasional failures behind the retries', async () => {
    const simulator = await startSimulator({ failureRate: 0.2, seed: 7 });
    const { register, waits } = adaptersFor(simulator.url, { retries: 4 });
    const { items, totalItems } = await readAll(register, 'VDAB', 10);
    expect(items).toHaveLength(totalItems);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('reports a register that is down as unavailable, then opens its circuit and stops calling', async () => {
    const simulator = await startSimulator({ failureRate: 1 });
    const { register, breaker } = adaptersFor(simulator.url, { failureThreshold: 2, retries: 1 });
    for (let call = 0; call < 2; call++) {
      const failure = await register.listPublished('VDAB', 1).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SourceUnavailableError);
      expect(failure).toMatchObject({ source: 'vacancies', cause: 'HTTP_5XX', attempts: 2, status: 503 });
    }
    expect(breaker.state).toBe('OPEN');
    const refused = await register.listPublished('EURES', 1).catch((error: unknown) => error);
    expect(refused).toMatchObject({ cause: 'CIRCUIT_OPEN', attempts: 0 });
  });

  it('reports a register that does not listen as a network failure', async () => {
    const simulator = await startSimulator();
    const url = simulator.url;
    await simulator.close();
    started.splice(0);
    const { register } = adaptersFor(url, { retries: 1 });
    await expect(register.listPublished('VDAB', 1)).rejects.toMatchObject({ cause: 'NETWORK' });
  });
});

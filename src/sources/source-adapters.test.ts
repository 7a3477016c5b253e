import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourceAdapters, type SourceAdapters } from './create-source-adapters.ts';
import { createSimulator, type Simulator } from './simulator/create-simulator.ts';
import { SourceRequestError } from './source-errors.ts';
import type { Lookup } from './source-result.ts';

// Valid numbers (reference.md §7) that the population does not contain; checked below.
const UNKNOWN_KBO = '0353.456.320';
const UNKNOWN_INSZ = '93.05.18-223.61';
const NOW = new Date('2026-11-23T10:00:00.000Z');

let simulator: Simulator;
let sources: SourceAdapters;

beforeAll(async () => {
  simulator = await createSimulator({
    seed: 2026,
    referenceDate: '2026-11-23',
    port: 0,
    failureRate: 0,
    latencyMs: [0, 0],
    federalDecisionDelayMs: 0,
  });
  sources = createSourceAdapters({ baseUrl: simulator.url, now: () => NOW });
  expect(simulator.population.findEnterprise('0353456320')).toBeUndefined();
  expect(simulator.population.findPerson('93051822361')).toBeUndefined();
});

afterAll(() => simulator.close());

function recordOf<T>(result: Lookup<T>): T {
  if (!result.found) throw new Error('expected a found record');
  return result.value;
}

describe('each register through its adapter', () => {
  it('KBO: an enterprise with provenance, and "not found" for an unknown number', async () => {
    const result = await sources.kbo.getEnterprise('0403.170.701');
    expect(result.found).toBe(true);
    expect(recordOf(result)).toMatchObject({ name: 'Bakkerij Peeters bv', status: 'ACTIVE' });
    expect(result.provenance).toMatchObject({ source: 'kbo', fetchedAt: NOW.toISOString() });
    expect(result.provenance.requestId).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(result.provenance.requestId).not.toMatch(/^sim-/);
    const missing = await sources.kbo.getEnterprise(UNKNOWN_KBO);
    expect(missing).toMatchObject({ found: false, provenance: { source: 'kbo' } });
  });

  it('national register: a person by INSZ (with separators), not found for an unknown one', async () => {
    const person = simulator.population.people[0];
    if (!person) throw new Error('population has people');
    const formatted = `${person.insz.slice(0, 2)}.${person.insz.slice(2, 4)}.${person.insz.slice(4, 6)}-${person.insz.slice(6, 9)}.${person.insz.slice(9)}`;
    expect(recordOf(await sources.nationalRegister.getPerson(formatted))).toEqual(person);
    expect((await sources.nationalRegister.getPerson(UNKNOWN_INSZ)).found).toBe(false);
  });

  it('national register: several people in one call, the unknown left out, invalid INSZ refused', async () => {
    const [first, second] = simulator.population.people;
    if (!first || !second) throw new Error('population has people');
    const answer = recordOf(
      await sources.nationalRegister.getPeople([second.insz, UNKNOWN_INSZ, first.insz]),
    );
    expect(answer.map((p) => p.insz).sort()).toEqual([first.insz, second.insz].sort());
    expect(answer.find((p) => p.insz === first.insz)).toEqual(first);
    await expect(sources.nationalRegister.getPeople(['93051822362'])).rejects.toThrow(/not a valid INSZ/);
    await expect(sources.nationalRegister.getPeople([])).rejects.toThrow(RangeError);
  });

  it('Dimona: the demo employer’s 12 periods, one worker’s, and not found for an employer never declared', async () => {
    const employer = recordOf(await sources.dimona.getEmployerEmployments('0403170701'));
    expect(employer.periods).toHaveLength(12);
    const worker = simulator.population.demo.nonEuWorkers[0];
    if (!worker) throw new Error('demo has non-EU workers');
    const filtered = recordOf(
      await sources.dimona.getEmployerEmployments('0403170701', { insz: worker.insz }),
    );
    expect(filtered.periods.map((p) => p.insz)).toEqual([worker.insz]);
    expect(
      recordOf(await sources.dimona.getWorkerEmployments(worker.insz)).periods[0]?.declarations[0]?.type,
    ).toBe('IN');
    expect((await sources.dimona.getEmployerEmployments(UNKNOWN_KBO)).found).toBe(false);
    expect((await sources.dimona.getWorkerEmployments(UNKNOWN_INSZ)).found).toBe(false);
  });

  it('Dimona batch: the staff of several employers running on a day, employers without staff absent', async () => {
    const all = recordOf(await sources.dimona.getEmployerEmployments('0403170701')).periods;
    const day = simulator.population.referenceDate;
    const running = all.filter((p) => p.startDate <= day && (p.endDate === null || p.endDate >= day));
    const answer = await sources.dimona.getEmployersStaff(['0403170701', UNKNOWN_KBO], day);
    expect(answer.value.map((e) => e.enterpriseNumber)).toEqual(['0403170701']);
    expect(answer.value[0]?.periods.map((p) => p.dimonaId).sort()).toEqual(
      running.map((p) => p.dimonaId).sort(),
    );
    expect(running.length).toBeGreaterThan(0);
    expect(answer.provenance.source).toBe('dimona');
    // A day before any employment: nobody running.
    expect((await sources.dimona.getEmployersStaff(['0403170701'], '1990-01-01')).value).toEqual([]);
    await expect(sources.dimona.getEmployersStaff(['0403170701'], '1-1-2026')).rejects.toThrow(RangeError);
    await expect(sources.dimona.getEmployersStaff([], day)).rejects.toThrow(RangeError);
  });

  it('DmfA: a worker’s quarter, not found for a quarter nobody declared', async () => {
    const declared = simulator.population.dmfaQuarters[0];
    if (!declared) throw new Error('population has DmfA quarters');
    expect(recordOf(await sources.dmfa.getWorkerQuarter(declared.insz, declared.quarter))).toEqual(declared);
    expect((await sources.dmfa.getWorkerQuarter(declared.insz, '2019-Q1')).found).toBe(false);
    expect(() => sources.dmfa.getWorkerQuarter(declared.insz, '2019-5')).toThrow(SourceRequestError);
  });

  it('VDAB/EURES: a vacancy with its publications, the shortage list, and not found', async () => {
    const vacancy = recordOf(await sources.vacancies.getVacancy('71234567'));
    expect(vacancy).toMatchObject({ enterpriseNumber: '0403170701', iscoCode: '7512' });
    expect(vacancy.publications.map((p) => p.channel).sort()).toEqual(['EURES', 'VDAB']);
    expect((await sources.vacancies.getVacancy('10000000')).found).toBe(false);
    expect(recordOf(await sources.vacancies.getShortageStatus('7512', 2026))).toMatchObject({
      isShortage: true,
    });
    expect((await sources.vacancies.getShortageStatus('0110', 2026)).found).toBe(false);
  });

  it('NARIC: a decided recognition with its VKS level, not found for an unknown file', async () => {
    const recognition = recordOf(
      await sources.naric.getRecognition(simulator.population.demo.recognitionReference),
    );
    expect(recognition).toMatchObject({ status: 'DECIDED', levelDecided: 6 });
    expect((await sources.naric.getRecognition('NARIC-2020-99999')).found).toBe(false);
  });

  it('sanctions: a sanctioned enterprise, a known person without sanctions, and not found for an unknown subject', async () => {
    const sanctioned = simulator.population.sanctions.find((s) => s.subject.kind === 'ENTERPRISE');
    if (!sanctioned) throw new Error('population has sanctions');
    const record = recordOf(await sources.sanctions.getEnterpriseSanctions(sanctioned.subject.id));
    expect(record.sanctions.length).toBeGreaterThan(0);
    expect(record.sanctions[0]?.legalBasis).toMatch(/wet|Strafwetboek/);
    const clean = recordOf(
      await sources.sanctions.getPersonSanctions(simulator.population.demo.director.insz),
    );
    expect(clean.sanctions).toEqual([]);
    expect((await sources.sanctions.getEnterpriseSanctions(UNKNOWN_KBO)).found).toBe(false);
    expect((await sources.sanctions.getPersonSanctions(UNKNOWN_INSZ)).found).toBe(false);
  });

  it('refuses an identifier with wrong check digits before calling the register', () => {
    expect(() => sources.kbo.getEnterprise('0403.170.702')).toThrow(SourceRequestError);
    expect(() => sources.nationalRegister.getPerson('93051822362')).toThrow(/not a valid INSZ/);
    expect(() => sources.naric.getRecognition('../kbo')).toThrow(SourceRequestError);
  });

  it('answers a repeated lookup from the cache (the same provenance), per register', async () => {
    const fresh = createSourceAdapters({ baseUrl: simulator.url });
    const first = await fresh.kbo.getEnterprise('0403170701');
    const second = await fresh.kbo.getEnterprise('0403.170.701');
    expect(second.provenance).toBe(first.provenance);
    expect(fresh.callers.kbo.cache.size).toBe(1);
    expect(fresh.callers.dimona.cache.size).toBe(0);
  });
});

describe('federal immigration office', () => {
  const notice = (overrides: Partial<{ dossierNumber: string; idempotencyKey: string }> = {}) => ({
    dossierNumber: 'LOK-2026-000123',
    category: 'HIGHLY_SKILLED' as const,
    enterpriseNumber: '0403.170.701',
    worker: { birthDate: '1991-04-12', nationality: 'IN' },
    admissibleOn: '2026-11-20',
    idempotencyKey: 'LOK-2026-000123-admissible',
    ...overrides,
  });

  it('returns the same receipt for the same idempotency key, a new one for another key', async () => {
    const first = await sources.federal.notifyAdmissibleDossier(notice());
    const again = await sources.federal.notifyAdmissibleDossier(notice());
    expect(again.value).toEqual(first.value);
    expect(first.value.receiptId).toMatch(/^DVZ-/);
    expect(first.provenance.source).toBe('federal');
    const other = await sources.federal.notifyAdmissibleDossier(
      notice({ dossierNumber: 'LOK-2026-000124', idempotencyKey: 'LOK-2026-000124-admissible' }),
    );
    expect(other.value.receiptId).not.toBe(first.value.receiptId);
  });

  it('refuses the same key for a different dossier', async () => {
    await sources.federal.notifyAdmissibleDossier(notice({ idempotencyKey: 'key-reuse' }));
    await expect(
      sources.federal.notifyAdmissibleDossier(
        notice({ idempotencyKey: 'key-reuse', dossierNumber: 'LOK-OTHER' }),
      ),
    ).rejects.toMatchObject({ name: 'SourceRequestError', status: 409 });
  });

  it('decides residence (no delay in tests), the same way for the same dossier; unknown receipt not found', async () => {
    const { value } = await sources.federal.notifyAdmissibleDossier(notice());
    const decision = recordOf(await sources.federal.getResidenceDecision(value.receiptId));
    expect(['GRANTED', 'REFUSED']).toContain(decision.status);
    expect(decision).toHaveProperty('decidedOn');
    expect((await sources.federal.getResidenceDecision('DVZ-99999999')).found).toBe(false);
  });

  it('reports PENDING until the decision delay has passed, and never caches a pending decision', async () => {
    const slow = await createSimulator({
      population: simulator.population,
      port: 0,
      failureRate: 0,
      latencyMs: [0, 0],
      federalDecisionDelayMs: 60_000,
    });
    try {
      const federal = createSourceAdapters({ baseUrl: slow.url });
      const { value } = await federal.federal.notifyAdmissibleDossier(notice());
      expect(recordOf(await federal.federal.getResidenceDecision(value.receiptId))).toEqual({
        status: 'PENDING',
      });
      expect(federal.callers.federal.cache.size).toBe(0);
    } finally {
      await slow.close();
    }
  });
});

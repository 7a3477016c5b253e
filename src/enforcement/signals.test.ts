import { describe, expect, it } from 'vitest';
import type { DimonaPeriod } from '../sources/dimona/dimona.ts';
import { generateMonitoringPopulation } from '../sources/simulator/generate-monitoring.ts';
import { rankEmployers } from './employer-signals.ts';
import type { MonitoredAuthorisation, Reading, RegisterReading } from './monitoring-types.ts';
import { quartersBefore } from './read-registers.ts';
import { riskParametersOn } from './risk-parameters.ts';
import { scoringRules } from './score-rules.ts';
import { dimonaSignals } from './signals.ts';

const READ_ON = '2026-12-01';
const population = generateMonitoringPopulation({ seed: 7, referenceDate: READ_ON, authorisations: 3_000 });

/** What the registers would answer, read straight from the simulated records (no HTTP). */
function readingOf(): RegisterReading {
  const at = <T>(source: Reading<T>['source'], value: T): Reading<T> => ({
    value,
    source,
    readAt: `${READ_ON}T03:00:00Z`,
    requestId: 'test',
  });
  const reading: RegisterReading = {
    readOn: READ_ON,
    quarters: quartersBefore(READ_ON, 4),
    enterprises: new Map(population.enterprises.map((e) => [e.enterpriseNumber, at('kbo', e)])),
    employments: new Map(),
    dmfa: new Map(),
    sanctions: new Map(
      population.sanctions.map((r) => [`${r.subject.kind} ${r.subject.id}`, at('sanctions', r.sanctions)]),
    ),
    persons: new Map(population.people.map((p) => [p.insz, at('national-register', p)])),
    staff: new Map(),
  };
  for (const p of population.employments) {
    if (p.startDate > READ_ON || (p.endDate !== null && p.endDate < READ_ON)) continue;
    const staff = reading.staff.get(p.enterpriseNumber) ?? at('dimona', []);
    staff.value.push(p);
    reading.staff.set(p.enterpriseNumber, staff);
  }
  for (const a of population.authorisations) {
    reading.employments.set(
      a.insz,
      at(
        'dimona',
        population.employments.filter((p) => p.insz === a.insz),
      ),
    );
    reading.dmfa.set(
      a.insz,
      at(
        'dmfa',
        population.dmfaQuarters.filter((q) => q.insz === a.insz),
      ),
    );
  }
  return reading;
}

describe('risk ranking on the seeded monitoring population', () => {
  const ranking = rankEmployers(population.authorisations, readingOf(), riskParametersOn(READ_ON));
  const planted = new Set(population.truth.planted.map((p) => p.enterpriseNumber));
  const scoreOf = new Map(ranking.map((r) => [r.enterpriseNumber, r]));

  it('ranks planted employers above every honest look-alike', () => {
    const lowestPlantedFound = Math.min(
      ...population.truth.planted.flatMap((p) =>
        scoreOf.get(p.enterpriseNumber) ? [scoreOf.get(p.enterpriseNumber)?.score ?? 0] : [],
      ),
    );
    const top = ranking.slice(0, Math.min(20, planted.size));
    expect(top.every((r) => planted.has(r.enterpriseNumber))).toBe(true);
    expect(lowestPlantedFound).toBeGreaterThan(0);
  });

  it('flags an underpaid worker with the values compared, and not a part-time change or sick leave', () => {
    const underpaid = population.truth.planted.find((p) => p.kind === 'UNDERPAID');
    const signal = scoreOf
      .get(underpaid?.enterpriseNumber ?? '')
      ?.signals.find((s) => s.kind === 'WAGE_BELOW_PROMISE');
    expect(signal?.facts.map((f) => f.name)).toEqual(
      expect.arrayContaining(['promisedAnnualSalary', 'wagesDeclared', 'hoursDeclared', 'paidShare']),
    );
    expect(signal?.rule).toEqual(
      expect.objectContaining({ parameter: 'enforcement.wage.minimumPaidShare', value: 0.8 }),
    );
    // Not ONE_OFF_BONUS: when the bonus falls outside the quarters judged, the rule cannot see it (docs/enforcement.md).
    for (const kind of ['PART_TIME', 'SICK_LEAVE', 'QUARTER_NOT_DECLARED', 'LEFT_LEGALLY'] as const) {
      for (const lookAlike of population.truth.lookAlikes.filter((l) => l.kind === kind)) {
        const kinds = scoreOf.get(lookAlike.enterpriseNumber)?.signals.map((s) => s.kind) ?? [];
        expect(kinds, `${kind} ${lookAlike.enterpriseNumber}`).not.toContain('WAGE_BELOW_PROMISE');
        expect(kinds, `${kind} ${lookAlike.enterpriseNumber}`).not.toContain('DECLARED_ELSEWHERE');
      }
    }
  });

  it('shows every part of a score, and counts no more dossiers than the parameter says', () => {
    for (const risk of ranking) {
      const counted = risk.parts.filter((p) => p.counted).reduce((sum, p) => sum + p.points, 0);
      expect(risk.score).toBeCloseTo(counted, 1);
      const countedDossiers = new Set(
        risk.parts.filter((p) => p.counted && p.authorisationId).map((p) => p.authorisationId),
      );
      expect(countedDossiers.size).toBeLessThanOrEqual(3);
    }
  });

  it('gives every signal the points the score’s explanation states, from the same weights', () => {
    const rules = scoringRules(riskParametersOn(READ_ON));
    const fact = (signal: (typeof ranking)[number]['signals'][number], name: string) =>
      Number(signal.facts.find((f) => f.name === name)?.value);
    const seen = new Set<string>();
    for (const signal of ranking.flatMap((r) => r.signals)) {
      seen.add(signal.kind);
      const base = rules.points[signal.kind];
      if (signal.kind === 'WAGE_BELOW_PROMISE') {
        // The pay share is kept to two decimals: the points agree within half a point.
        const gap = (rules.wageMinimumPaidShare - fact(signal, 'paidShare')) * 100 * rules.wageGapPerPoint;
        expect(Math.abs(signal.points - (base + gap))).toBeLessThanOrEqual(0.5);
      } else if (signal.kind === 'SHARED_ADDRESS') {
        const extra = fact(signal, 'workersAtAddress') - rules.sharedAddressMinimumWorkers;
        expect(signal.points).toBe(base + rules.sharedAddressPerExtraWorker * extra);
      } else expect(signal.points, signal.kind).toBe(base);
    }
    expect(seen).toContain('WAGE_BELOW_PROMISE');
    expect(seen).toContain('SHARED_ADDRESS');
    expect(rules.countedDossiers).toBe(3);
  });

  it('flags the planted employers working almost only with non-EU staff, not ordinary employers or a small team', () => {
    const flagged = (kind: string) =>
      new Set(ranking.filter((r) => r.signals.some((s) => s.kind === kind)).map((r) => r.enterpriseNumber));
    const nonEu = flagged('NON_EU_STAFF');
    const planted = population.truth.planted.filter((p) => p.kind === 'ALMOST_ONLY_NON_EU');
    expect(planted.length).toBeGreaterThan(0);
    for (const p of planted) expect(nonEu.has(p.enterpriseNumber), p.enterpriseNumber).toBe(true);
    for (const l of population.truth.lookAlikes.filter((x) => x.kind === 'SMALL_NON_EU_TEAM'))
      expect(nonEu.has(l.enterpriseNumber)).toBe(false);
    // The international branch may show the signal (a legal pattern); ordinary employers rarely do.
    const explained = new Set([
      ...planted.map((p) => p.enterpriseNumber),
      ...population.truth.lookAlikes
        .filter((l) => l.kind === 'INTERNATIONAL_BRANCH')
        .map((l) => l.enterpriseNumber),
    ]);
    expect([...nonEu].filter((n) => !explained.has(n)).length).toBeLessThanOrEqual(2);
    const signal = scoreOf
      .get(planted[0]?.enterpriseNumber ?? '')
      ?.signals.find((s) => s.kind === 'NON_EU_STAFF');
    expect(signal?.facts.map((f) => [f.name, f.source])).toEqual([
      ['staffHeadcount', 'dimona'],
      ['nonEuHeadcount', 'national-register'],
      ['nonEuShare', 'national-register'],
      ['minimumHeadcount', 'LOKET'],
    ]);
    expect(signal?.rule).toMatchObject({ parameter: 'policy.almostOnlyNonEu.minimumShare', value: 0.9 });
  });

  it('flags every moved employer with both addresses, weakly: an honest move alone stays out of the top', () => {
    const moved = new Set(
      ranking
        .filter((r) => r.signals.some((s) => s.kind === 'EMPLOYER_MOVED'))
        .map((r) => r.enterpriseNumber),
    );
    const honest = population.truth.lookAlikes.filter((l) => l.kind === 'MOVED');
    const shells = population.truth.planted.filter((p) => p.moved);
    expect(honest.length).toBeGreaterThan(0);
    expect(shells.length).toBeGreaterThan(0);
    for (const e of [...honest, ...shells])
      expect(moved.has(e.enterpriseNumber), e.enterpriseNumber).toBe(true);
    expect(moved.size).toBe(honest.length + shells.length);
    const top = new Set(ranking.slice(0, 20).map((r) => r.enterpriseNumber));
    for (const e of honest) expect(top.has(e.enterpriseNumber)).toBe(false);
  });

  it('is reproducible from the seed', () => {
    const again = generateMonitoringPopulation({ seed: 7, referenceDate: READ_ON, authorisations: 3_000 });
    expect(again.truth).toEqual(population.truth);
  });
});

describe('Dimona before the authorisation starts', () => {
  const reading = (periods: DimonaPeriod[]): RegisterReading => ({
    readOn: READ_ON,
    quarters: [],
    enterprises: new Map(),
    employments: new Map([
      ['90010112345', { value: periods, source: 'dimona', readAt: `${READ_ON}T03:00:00Z`, requestId: 't' }],
    ]),
    dmfa: new Map(),
    sanctions: new Map(),
    persons: new Map(),
    staff: new Map(),
  });
  const auth: MonitoredAuthorisation = {
    authorisationId: 'd1',
    enterpriseNumber: '0403170701',
    insz: '90010112345',
    grossAnnualSalary: 40_000,
    employmentFraction: 1,
    grantedOn: '2026-11-20',
    validFrom: '2026-12-15',
    validUntil: '2027-12-14',
    workplacePostalCode: '2000',
  };
  const elsewhere = {
    insz: '90010112345',
    enterpriseNumber: '0202239951',
    startDate: '2025-03-01',
    endDate: null,
  };

  it('says nothing of a worker still employed elsewhere before the permit’s first day', () => {
    const signals = dimonaSignals(
      auth,
      reading([elsewhere as DimonaPeriod]),
      riskParametersOn(READ_ON),
      new Set(),
    );
    expect(signals).toEqual([]);
  });

  it('flags the same period once the permit runs', () => {
    const started = { ...auth, validFrom: '2026-11-01' };
    const signals = dimonaSignals(
      started,
      reading([elsewhere as DimonaPeriod]),
      riskParametersOn(READ_ON),
      new Set(),
    );
    expect(signals.map((s) => s.kind)).toEqual(['DECLARED_ELSEWHERE']);
  });
});

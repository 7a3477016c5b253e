import { addDays } from '../rules/dates/iso-date.ts';
import type { DimonaPeriod } from '../sources/index.ts';
import type {
  MonitoredAuthorisation,
  Reading,
  RegisterReading,
  Signal,
  SignalFact,
} from './monitoring-types.ts';
import type { ParameterUse, RiskParameters, SignalKind } from './risk-parameters.ts';

/**
 * The signals, pure: a dossier's promise and the registers' readings in, explainable signals out.
 * Each signal names the values it compared (with source and time of reading) and the rule it
 * applied (parameter, value, in force since, legal basis). A signal is a reason to look, not proof.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

function rule(use: ParameterUse<number>): Signal['rule'] {
  return { parameter: use.name, value: use.value, validFrom: use.validFrom, legalBasis: use.legalBasis };
}

function fromRegister<T>(name: string, value: SignalFact['value'], reading: Reading<T>): SignalFact {
  return { name, value, source: reading.source, at: reading.readAt, requestId: reading.requestId };
}

const fromDossier = (auth: MonitoredAuthorisation, name: string, value: SignalFact['value']): SignalFact => ({
  name,
  value,
  source: 'LOKET',
  at: auth.grantedOn,
});

/** `2026-Q3` → first and last day. */
export function quarterBounds(quarter: string): { first: string; last: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

/** The quarters whose DmfA is due and validated by `readOn` and that overlap the authorisation. */
export function quartersToJudge(
  auth: MonitoredAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
): string[] {
  return reading.quarters.filter((q) => {
    const { first, last } = quarterBounds(q);
    return (
      last >= auth.validFrom &&
      first <= auth.validUntil &&
      addDays(last, params.declarationGraceDays.value) <= reading.readOn
    );
  });
}

function signal(
  kind: SignalKind,
  auth: MonitoredAuthorisation | null,
  enterpriseNumber: string,
  params: RiskParameters,
  facts: SignalFact[],
  used: ParameterUse<number>,
  extra = 0,
): Signal {
  return {
    kind,
    enterpriseNumber,
    authorisationId: auth?.authorisationId ?? null,
    points: round2(params.points.value[kind] + extra),
    facts,
    rule: rule(used),
  };
}

/**
 * What the DmfA says this employer paid the worker over the judged quarters (all wage codes), or
 * null when the DmfA was not read. Shared by the wage signal and the market-conformity figures.
 */
export function declaredWages(
  auth: MonitoredAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
): { paid: number; hours: number; quarters: string[] } | null {
  const dmfa = reading.dmfa.get(auth.insz);
  if (!dmfa) return null;
  const judged = new Set(quartersToJudge(auth, reading, params));
  let paid = 0;
  let hours = 0;
  const quarters: string[] = [];
  for (const quarter of dmfa.value) {
    if (!judged.has(quarter.quarter)) continue;
    for (const line of quarter.lines) {
      if (line.enterpriseNumber !== auth.enterpriseNumber) continue;
      paid += line.wages.reduce((sum, w) => sum + w.amount, 0);
      hours += line.hours;
      quarters.push(quarter.quarter);
    }
  }
  return { paid, hours, quarters };
}

/** Wages paid per hour (DmfA, all wage codes, for this employer) against the promised hourly pay. */
export function wageSignal(
  auth: MonitoredAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
): Signal | null {
  const dmfa = reading.dmfa.get(auth.insz);
  if (!dmfa || auth.grossAnnualSalary === null || auth.employmentFraction <= 0) return null;
  const { paid, hours, quarters } = declaredWages(auth, reading, params) ?? {
    paid: 0,
    hours: 0,
    quarters: [],
  };
  if (hours < params.minimumHoursJudged.value) return null;
  const promisedPerHour =
    auth.grossAnnualSalary / (params.annualFullTimeHours.value * auth.employmentFraction);
  const paidPerHour = paid / hours;
  const share = paidPerHour / promisedPerHour;
  const threshold = params.minimumPaidShare.value;
  if (share >= threshold) return null;
  const gapPoints = (threshold - share) * 100 * params.points.value.WAGE_GAP_PER_POINT;
  return signal(
    'WAGE_BELOW_PROMISE',
    auth,
    auth.enterpriseNumber,
    params,
    [
      fromDossier(auth, 'promisedAnnualSalary', auth.grossAnnualSalary),
      fromDossier(auth, 'employmentFraction', auth.employmentFraction),
      fromDossier(auth, 'promisedPerHour', round2(promisedPerHour)),
      fromRegister('quarters', [...new Set(quarters)].join(', '), dmfa),
      fromRegister('wagesDeclared', round2(paid), dmfa),
      fromRegister('hoursDeclared', round2(hours), dmfa),
      fromRegister('paidPerHour', round2(paidPerHour), dmfa),
      { name: 'paidShare', value: round2(share), source: dmfa.source, at: dmfa.readAt },
    ],
    params.minimumPaidShare,
    gapPoints,
  );
}

const overlaps = (p: DimonaPeriod, from: string, to: string) =>
  p.startDate <= to && (p.endDate ?? '9999-12-31') >= from;

/**
 * Dimona against the authorisation: never declared by this employer (after the arrival grace),
 * declared by an employer that holds no authorisation for the worker, declared late, or ended
 * while the authorisation runs with no authorised employer after it. `authorised` holds
 * `<enterprise> <insz>` of every monitored authorisation: a worker who changed to an employer that
 * got its own authorisation left legally.
 */
export function dimonaSignals(
  auth: MonitoredAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
  authorised: ReadonlySet<string>,
): Signal[] {
  const employments = reading.employments.get(auth.insz);
  // An authorisation that starts after the reading has nothing to compare yet: a worker still
  // employed elsewhere (or abroad) before the permit's first day is what one expects.
  if (!employments || auth.validFrom > reading.readOn) return [];
  const until = auth.validUntil < reading.readOn ? auth.validUntil : reading.readOn;
  const periods = employments.value.filter((p) => overlaps(p, auth.validFrom, until));
  const own = periods.filter((p) => p.enterpriseNumber === auth.enterpriseNumber);
  const lastOwnEnd = own.reduce<string | null>(
    (end, p) => (end === null || p.endDate === null ? null : p.endDate > end ? p.endDate : end),
    own.length > 0 ? '0000-01-01' : null,
  );
  const unauthorised = periods.filter(
    (p) =>
      p.enterpriseNumber !== auth.enterpriseNumber &&
      !authorised.has(`${p.enterpriseNumber} ${auth.insz}`) &&
      (own.length === 0 || (lastOwnEnd !== null && p.startDate > lastOwnEnd)),
  );
  const signals: Signal[] = [];
  const [elsewhere] = unauthorised;
  if (elsewhere) {
    signals.push(
      signal(
        'DECLARED_ELSEWHERE',
        auth,
        auth.enterpriseNumber,
        params,
        [
          fromDossier(auth, 'authorisedEmployer', auth.enterpriseNumber),
          fromRegister('declaredEmployer', elsewhere.enterpriseNumber, employments),
          fromRegister('declaredFrom', elsewhere.startDate, employments),
        ],
        params.arrivalGraceDays,
      ),
    );
  } else if (own.length === 0) {
    const expectedBy = addDays(auth.validFrom, params.arrivalGraceDays.value);
    if (reading.readOn > expectedBy) {
      signals.push(
        signal(
          'NOT_DECLARED',
          auth,
          auth.enterpriseNumber,
          params,
          [
            fromDossier(auth, 'validFrom', auth.validFrom),
            { name: 'expectedBy', value: expectedBy, source: 'LOKET', at: auth.grantedOn },
            fromRegister('periodsWithEmployer', 0, employments),
          ],
          params.arrivalGraceDays,
        ),
      );
    }
  } else if (lastOwnEnd !== null && lastOwnEnd < reading.readOn) {
    const movedToAuthorised = employments.value.some(
      (p) => p.startDate > lastOwnEnd && authorised.has(`${p.enterpriseNumber} ${auth.insz}`),
    );
    if (!movedToAuthorised) {
      signals.push(
        signal(
          'EMPLOYMENT_ENDED',
          auth,
          auth.enterpriseNumber,
          params,
          [
            fromDossier(auth, 'validUntil', auth.validUntil),
            fromRegister('employmentEnded', lastOwnEnd, employments),
          ],
          params.arrivalGraceDays,
        ),
      );
    }
  }
  for (const p of own) {
    const declaredIn = p.declarations.find((d) => d.type === 'IN');
    const limit = addDays(p.startDate, params.lateToleranceDays.value);
    if (declaredIn && declaredIn.declaredOn > limit) {
      signals.push(
        signal(
          'LATE_DIMONA',
          auth,
          auth.enterpriseNumber,
          params,
          [
            fromRegister('workStarted', p.startDate, employments),
            fromRegister('declaredOn', declaredIn.declaredOn, employments),
          ],
          params.lateToleranceDays,
        ),
      );
      break;
    }
  }
  return signals;
}

/** A judged quarter in which the employer declared the worker in Dimona but sent no DmfA line. */
export function dmfaMissingSignal(
  auth: MonitoredAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
): Signal | null {
  const dmfa = reading.dmfa.get(auth.insz);
  const employments = reading.employments.get(auth.insz);
  if (!dmfa || !employments) return null;
  const missing = quartersToJudge(auth, reading, params).filter((q) => {
    const { first, last } = quarterBounds(q);
    const employed = employments.value.some(
      (p) =>
        p.enterpriseNumber === auth.enterpriseNumber &&
        p.startDate <= first &&
        (p.endDate ?? '9999-12-31') >= last,
    );
    const declared = dmfa.value.some(
      (d) => d.quarter === q && d.lines.some((l) => l.enterpriseNumber === auth.enterpriseNumber),
    );
    return employed && !declared;
  });
  if (missing.length === 0) return null;
  return signal(
    'DMFA_MISSING',
    auth,
    auth.enterpriseNumber,
    params,
    [
      fromRegister('employedWholeQuarter', missing.join(', '), employments),
      fromRegister('quartersWithoutDmfa', missing.join(', '), dmfa),
    ],
    params.declarationGraceDays,
  );
}

export function dossierSignals(
  auth: MonitoredAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
  authorised: ReadonlySet<string>,
): Signal[] {
  return [
    wageSignal(auth, reading, params),
    ...dimonaSignals(auth, reading, params, authorised),
    dmfaMissingSignal(auth, reading, params),
  ].filter((s): s is Signal => s !== null);
}

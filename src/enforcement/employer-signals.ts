import { toDayNumber } from '../rules/dates/iso-date.ts';
import type {
  EmployerRisk,
  MonitoredAuthorisation,
  RegisterReading,
  ScorePart,
  Signal,
  SignalFact,
} from './monitoring-types.ts';
import type { RiskParameters } from './risk-parameters.ts';
import { dossierSignals } from './signals.ts';
import { movedSignal, nonEuStaffSignal } from './workforce-signals.ts';

/**
 * Signals about the employer as a whole (KBO, sanctions, patterns across its dossiers) and the
 * risk score: the employer's own signals plus its highest-scoring dossiers, every part listed.
 */

export function employerSignals(
  enterpriseNumber: string,
  auths: readonly MonitoredAuthorisation[],
  reading: RegisterReading,
  params: RiskParameters,
): Signal[] {
  const signals: Signal[] = [];
  const points = params.points.value;
  const make = (kind: Signal['kind'], facts: SignalFact[], used: Signal['rule'], extra = 0): Signal => ({
    kind,
    enterpriseNumber,
    authorisationId: null,
    points: points[kind] + extra,
    facts,
    rule: used,
  });
  const ruleOf = (use: { name: string; value: number; validFrom: string; legalBasis: string }) => ({
    parameter: use.name,
    value: use.value,
    validFrom: use.validFrom,
    legalBasis: use.legalBasis,
  });
  const firstGrant = auths.reduce((d, a) => (a.grantedOn < d ? a.grantedOn : d), '9999-12-31');

  const kbo = reading.enterprises.get(enterpriseNumber);
  const enterprise = kbo?.value ?? null;
  if (kbo && enterprise && enterprise.status !== 'ACTIVE') {
    signals.push(
      make(
        'EMPLOYER_NOT_ACTIVE',
        [
          {
            name: 'enterpriseStatus',
            value: enterprise.status,
            source: kbo.source,
            at: kbo.readAt,
            requestId: kbo.requestId,
          },
          {
            name: 'endDate',
            value: enterprise.endDate,
            source: kbo.source,
            at: kbo.readAt,
            requestId: kbo.requestId,
          },
        ],
        {
          parameter: 'KBO status',
          value: 0,
          validFrom: firstGrant,
          legalBasis:
            'BVR 7 Dec 2018, optional withdrawal: bankruptcy or manifest insolvency of the employer (reference.md §5.2)',
        },
      ),
    );
  }
  if (kbo && enterprise) {
    const changed = enterprise.directors.filter((d) => d.since > firstGrant);
    if (changed.length > 0) {
      signals.push(
        make(
          'DIRECTORS_CHANGED',
          [
            { name: 'firstGrant', value: firstGrant, source: 'LOKET', at: firstGrant },
            {
              name: 'directorSince',
              value: changed.map((d) => d.since).join(', '),
              source: kbo.source,
              at: kbo.readAt,
              requestId: kbo.requestId,
            },
          ],
          {
            parameter: 'KBO directors',
            value: 0,
            validFrom: firstGrant,
            legalBasis: 'KB 23 juni 2003 (KBO); sanctions reach directors (reference.md §5.2)',
          },
        ),
      );
    }
  }

  const subjects = [
    `ENTERPRISE ${enterpriseNumber}`,
    ...(enterprise?.directors ?? []).flatMap((d) => (d.insz ? [`PERSON ${d.insz}`] : [])),
  ];
  for (const key of subjects) {
    const record = reading.sanctions.get(key);
    const active = record?.value.find((s) => s.imposedOn <= reading.readOn && s.endDate >= reading.readOn);
    if (!record || !active) continue;
    signals.push(
      make(
        'SANCTION_ACTIVE',
        [
          {
            name: 'sanctionOn',
            value: key.startsWith('PERSON') ? 'DIRECTOR' : 'EMPLOYER',
            source: record.source,
            at: record.readAt,
            requestId: record.requestId,
          },
          {
            name: 'sanctionKind',
            value: active.kind,
            source: record.source,
            at: record.readAt,
            requestId: record.requestId,
          },
          {
            name: 'sanctionUntil',
            value: active.endDate,
            source: record.source,
            at: record.readAt,
            requestId: record.requestId,
          },
        ],
        {
          parameter: 'sanctions register',
          value: 0,
          validFrom: active.imposedOn,
          legalBasis: `${active.legalBasis}; BVR 7 Dec 2018, optional withdrawal (reference.md §5.2)`,
        },
      ),
    );
    break;
  }

  // Hub: of its permit workers, the share who left within the set days of starting.
  if (auths.length >= params.hubMinimumPermits.value) {
    let started = 0;
    let leftSoon = 0;
    let lastRead: SignalFact | null = null;
    for (const auth of auths) {
      const employments = reading.employments.get(auth.insz);
      const own = employments?.value.find((p) => p.enterpriseNumber === enterpriseNumber);
      if (!employments || !own) continue;
      started++;
      if (
        own.endDate &&
        toDayNumber(own.endDate) - toDayNumber(own.startDate) <= params.hubLeftWithinDays.value
      )
        leftSoon++;
      lastRead = { name: 'workersStarted', value: 0, source: employments.source, at: employments.readAt };
    }
    const share = started > 0 ? leftSoon / started : 0;
    if (lastRead && share >= params.hubMinimumShare.value && enterprise?.status === 'ACTIVE') {
      signals.push(
        make(
          'HUB',
          [
            { name: 'authorisations', value: auths.length, source: 'LOKET', at: firstGrant },
            { ...lastRead, value: started },
            { ...lastRead, name: 'leftWithinDays', value: leftSoon },
            { ...lastRead, name: 'leftShare', value: Math.round(share * 100) / 100 },
          ],
          ruleOf(params.hubMinimumShare),
        ),
      );
    }
  }

  // Many workers of this employer registered at one address.
  const atAddress = new Map<string, number>();
  let personRead: SignalFact | null = null;
  for (const auth of auths) {
    const person = reading.persons.get(auth.insz);
    const address = person?.value?.mainAddress;
    if (!person || !address) continue;
    const key = `${address.street} ${address.houseNumber}, ${address.postalCode} ${address.municipality}`;
    atAddress.set(key, (atAddress.get(key) ?? 0) + 1);
    personRead = { name: 'workersAtAddress', value: 0, source: person.source, at: person.readAt };
  }
  const [busiest, count] = [...atAddress.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (personRead && count >= params.addressMinimumWorkers.value) {
    signals.push(
      make(
        'SHARED_ADDRESS',
        [
          { ...personRead, value: count },
          { ...personRead, name: 'address', value: busiest },
        ],
        ruleOf(params.addressMinimumWorkers),
        points.SHARED_ADDRESS_PER_EXTRA_WORKER * (count - params.addressMinimumWorkers.value),
      ),
    );
  }

  for (const found of [
    nonEuStaffSignal(enterpriseNumber, reading, params),
    movedSignal(enterpriseNumber, auths, reading, params),
  ])
    if (found) signals.push(found);
  return signals;
}

/** The employer's signals and score: its own signals plus the counted highest dossier scores. */
export function assessEmployer(
  enterpriseNumber: string,
  auths: readonly MonitoredAuthorisation[],
  reading: RegisterReading,
  params: RiskParameters,
  authorised: ReadonlySet<string>,
): EmployerRisk {
  const own = employerSignals(enterpriseNumber, auths, reading, params);
  const perDossier = auths.map((auth) => ({
    auth,
    signals: dossierSignals(auth, reading, params, authorised),
  }));
  const dossierScores = perDossier
    .map(({ auth, signals }) => ({
      authorisationId: auth.authorisationId,
      score: signals.reduce((s, x) => s + x.points, 0),
    }))
    .filter((d) => d.score > 0)
    .sort((a, b) => b.score - a.score || a.authorisationId.localeCompare(b.authorisationId));
  const counted = new Set(dossierScores.slice(0, params.countedDossiers.value).map((d) => d.authorisationId));
  const dossierSignalList = perDossier.flatMap((d) => d.signals);
  const parts: ScorePart[] = [
    ...own.map((s) => ({ kind: s.kind, points: s.points, authorisationId: null, counted: true })),
    ...dossierSignalList.map((s) => ({
      kind: s.kind,
      points: s.points,
      authorisationId: s.authorisationId,
      counted: counted.has(s.authorisationId ?? ''),
    })),
  ];
  const score = Math.round(parts.filter((p) => p.counted).reduce((sum, p) => sum + p.points, 0) * 100) / 100;
  return { enterpriseNumber, score, parts, signals: [...own, ...dossierSignalList], dossierScores };
}

/** Every employer with at least one signal, highest score first (ties by enterprise number, for a stable list). */
export function rankEmployers(
  auths: readonly MonitoredAuthorisation[],
  reading: RegisterReading,
  params: RiskParameters,
): EmployerRisk[] {
  const authorised = new Set(auths.map((a) => `${a.enterpriseNumber} ${a.insz}`));
  const byEmployer = new Map<string, MonitoredAuthorisation[]>();
  for (const auth of auths) {
    const list = byEmployer.get(auth.enterpriseNumber);
    if (list) list.push(auth);
    else byEmployer.set(auth.enterpriseNumber, [auth]);
  }
  return [...byEmployer.entries()]
    .map(([number, list]) => assessEmployer(number, list, reading, params, authorised))
    .filter((risk) => risk.score > 0)
    .sort((a, b) => b.score - a.score || a.enterpriseNumber.localeCompare(b.enterpriseNumber));
}

import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import type { Acting } from '../dossiers/change-dossier.ts';
import { answerHearing, decideRevocation, proposeRevocation } from '../dossiers/revocation/revocation.ts';
import { type InspectionInput, recordInspection } from '../enforcement/enforcement.repo.ts';
import { addDays } from '../rules/dates/iso-date.ts';
import type { DemoMonitoringCase } from '../sources/index.ts';

/**
 * The demo's earlier inspections (issue 14), so the inspection figures (`/inspection-statistics`)
 * and the employer files have something to show on a fresh demo: a few inspections of the demo's
 * enforcement employers over the last months, with findings, fines and referrals, and the
 * withdrawal procedure that followed two of them: one proposal still open (the employer's hearing
 * is over, a supervisor may decide), one dismissed after the employer's answer. Recorded through the
 * same repository and use cases as real work, dated back from `today`; the texts are in Dutch, as
 * the inspectors would write them. Exported so tests count what the demo holds, not a copy of it.
 */

/** Which demo employer: by what the register simulator planted (its worker's or its own). */
export type DemoEmployer =
  | 'UNDERPAID'
  | 'UNDECLARED'
  | 'SANCTIONED_FRONT_MAN'
  | 'PART_TIME'
  | 'EXPIRED_SANCTION';

export interface DemoInspection {
  employer: DemoEmployer;
  daysAgo: number;
  origin: InspectionInput['origin'];
  findings: InspectionInput['findings'];
  fineEuro: number | null;
  outcome: InspectionInput['outcome'];
  referrals: Array<{ addressee: InspectionInput['referrals'][number]['addressee']; daysAgo: number }>;
  /** The withdrawal an inspector proposed after it, of the employer's dossier, and what became of it. */
  withdrawal?: {
    groundCode: string;
    daysAgo: number;
    facts: string;
    answer?: { daysAgo: number; text: string };
    dismissed?: { daysAgo: number; note: string };
  };
}

export const DEMO_INSPECTIONS: readonly DemoInspection[] = [
  {
    employer: 'UNDERPAID',
    daysAgo: 35,
    origin: 'SIGNAL',
    findings: [
      {
        type: 'WAGES',
        description:
          'Loonfiches van augustus tot oktober: 2 820 euro bruto per maand in plaats van de beloofde 4 700 euro.',
      },
      {
        type: 'WORKING_TIME',
        description: 'Werkroosters tonen 46 uur per week; de arbeidsovereenkomst vermeldt 38 uur.',
      },
    ],
    fineEuro: 3_600,
    outcome: 'FINE_PROPOSED',
    referrals: [],
  },
  {
    employer: 'UNDECLARED',
    daysAgo: 62,
    origin: 'REPORT',
    findings: [
      {
        type: 'DOCUMENTS',
        description: 'De werknemer werd op de werf aan het werk aangetroffen zonder Dimona-aangifte.',
      },
      { type: 'HOUSING', description: 'Hij overnacht in een werfcontainer zonder verwarming of sanitair.' },
      {
        type: 'EXPLOITATION',
        description:
          'Zijn paspoort wordt door de ploegbaas bijgehouden; hij kreeg sinds twee maanden geen loon.',
      },
    ],
    fineEuro: 7_800,
    outcome: 'FINE_PROPOSED',
    referrals: [
      { addressee: 'HOUSING_INSPECTION', daysAgo: 61 },
      { addressee: 'VICTIM_SUPPORT', daysAgo: 62 },
    ],
  },
  {
    employer: 'SANCTIONED_FRONT_MAN',
    daysAgo: 24,
    origin: 'SIGNAL',
    findings: [
      {
        type: 'DOCUMENTS',
        description:
          'De nieuwe zaakvoerder is uitgesloten door een lopende sanctie; de vorige zaakvoerder tekent de loonfiches en leidt het bedrijf feitelijk verder.',
      },
    ],
    fineEuro: null,
    outcome: 'WITHDRAWAL_PROPOSED',
    referrals: [],
    withdrawal: {
      groundCode: 'EMPLOYER_EXCLUDED',
      daysAgo: 23,
      facts:
        'Sinds de benoeming van een zaakvoerder die door een lopende sanctie is uitgesloten, valt de werkgever onder de uitsluiting; bij de inspectie bleek hij een stroman.',
    },
  },
  {
    employer: 'PART_TIME',
    daysAgo: 130,
    origin: 'SIGNAL',
    findings: [
      {
        type: 'WORKING_TIME',
        description:
          'Een werknemer werkt sinds juni deeltijds; de wijziging van de arbeidsovereenkomst lag niet ter inzage. Een andere werknemer werd twaalf dagen na de start in Dimona aangegeven.',
      },
    ],
    fineEuro: null,
    outcome: 'WITHDRAWAL_PROPOSED',
    referrals: [],
    withdrawal: {
      groundCode: 'EMPLOYER_OBLIGATIONS_NOT_MET',
      daysAgo: 128,
      facts:
        'Deeltijdse arbeid zonder schriftelijke wijziging van de overeenkomst en een laattijdige Dimona.',
      answer: {
        daysAgo: 120,
        text: 'De ondertekende wijziging naar 4/5 dateert van mei; het visum van de tweede werknemer kwam laat, wij gaven hem aan op de dag van zijn aankomst.',
      },
      dismissed: {
        daysAgo: 110,
        note: 'De wijziging was ondertekend vóór de deeltijdse arbeid en het loon per uur ligt boven de belofte; de laattijdige Dimona volgt uit de late visumafgifte.',
      },
    },
  },
  {
    employer: 'EXPIRED_SANCTION',
    daysAgo: 200,
    origin: 'OTHER',
    findings: [],
    fineEuro: null,
    outcome: 'NO_INFRINGEMENT',
    referrals: [],
  },
];

/**
 * Records the demo's inspections and withdrawals. `dossierOf` gives each demo case's granted
 * dossier. Without the demo's inspector and supervisor nothing is recorded.
 */
export async function loadDemoInspections(
  db: Db,
  today: string,
  cases: readonly DemoMonitoringCase[],
  dossierOf: (demoCase: DemoMonitoringCase) => { dossierId: string; employerUserId: string },
): Promise<number> {
  const [inspector, supervisor] = await Promise.all(
    ['inspecteur', 'teamleider'].map((username) =>
      db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst(),
    ),
  );
  if (!inspector || !supervisor) return 0;
  const caseOf = (employer: DemoEmployer) => {
    const found = cases.find((c) => c.truth === employer || c.employerTruth === employer);
    if (!found) throw new Error(`no demo enforcement case ${employer}`);
    return found;
  };
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  for (const planned of DEMO_INSPECTIONS) {
    const demoCase = caseOf(planned.employer);
    await recordInspection(
      db,
      {
        enterpriseNumber: demoCase.enterpriseNumber,
        origin: planned.origin,
        inspectedOn: day(planned.daysAgo),
        findings: planned.findings,
        fineProposedCents: planned.fineEuro === null ? null : Math.round(planned.fineEuro * 100),
        outcome: planned.outcome,
        referrals: planned.referrals.map((r) => ({ addressee: r.addressee, referredOn: day(r.daysAgo) })),
        idempotencyKey: null,
      },
      inspector.id,
      // As the route records it: the findings' types in the trail, their text in the inspection.
      (trx, inspectionId) =>
        recordAuditEvent(trx, {
          actorUserId: inspector.id,
          action: 'INSPECTION_RECORDED',
          subjectType: 'enterprise',
          subjectId: demoCase.enterpriseNumber,
          details: {
            inspectionId,
            outcome: planned.outcome,
            findingTypes: planned.findings.map((f) => f.type),
            referrals: planned.referrals.map((r) => r.addressee),
          },
        }),
    );
    if (planned.withdrawal)
      await withdrawal(db, dossierOf(demoCase), planned.withdrawal, {
        inspector: { role: 'INSPECTOR', userId: inspector.id },
        supervisor: { role: 'SUPERVISOR', userId: supervisor.id },
        day,
      });
  }
  return DEMO_INSPECTIONS.length;
}

async function withdrawal(
  db: Db,
  { dossierId, employerUserId }: { dossierId: string; employerUserId: string },
  planned: NonNullable<DemoInspection['withdrawal']>,
  who: { inspector: Acting; supervisor: Acting; day: (daysAgo: number) => string },
): Promise<void> {
  const version = async () =>
    (await db.selectFrom('dossiers').select('version').where('id', '=', dossierId).executeTakeFirstOrThrow())
      .version;
  await proposeRevocation(
    db,
    dossierId,
    { version: await version(), groundCodes: [planned.groundCode], facts: planned.facts },
    { acting: who.inspector, today: who.day(planned.daysAgo), lang: 'nl' },
  );
  if (planned.answer)
    await answerHearing(
      db,
      dossierId,
      { version: await version(), answer: planned.answer.text },
      {
        acting: { role: 'EMPLOYER', userId: employerUserId },
        today: who.day(planned.answer.daysAgo),
        lang: 'nl',
      },
    );
  if (planned.dismissed)
    await decideRevocation(
      db,
      dossierId,
      { version: await version(), outcome: 'DISMISS', note: planned.dismissed.note },
      { acting: who.supervisor, today: who.day(planned.dismissed.daysAgo), lang: 'nl' },
    );
}

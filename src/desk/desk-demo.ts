import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import { addMessage, createReport, triageReport } from './desk.repo.ts';
import type { TriageOutcome } from './report-input.ts';

interface DemoReport {
  lang: string;
  reporterRole: string;
  employerName: string | null;
  enterpriseNumber: string | null;
  place: string | null;
  categories: string[];
  description: string;
  question?: string;
  answer?: string;
  triage?: { outcome: TriageOutcome; reason: string; forwardedTo?: string };
}

// A few reports in every state of the triage, so the inspector's queue is not empty in the demo.
const REPORTS: DemoReport[] = [
  {
    lang: 'tr',
    reporterRole: 'WORKER',
    employerName: 'Bouwonderneming Demir',
    enterpriseNumber: null,
    place: 'Genk',
    categories: ['UNPAID_WAGES', 'WORKING_TIME'],
    description: 'Haftada 55 saat çalışıyoruz ama sadece 38 saat ödeniyor. Fazla mesai hiç ödenmedi.',
  },
  {
    lang: 'nl',
    reporterRole: 'COLLEAGUE',
    employerName: 'Bakkerij Peeters',
    enterpriseNumber: '0403170701',
    place: 'Gent',
    categories: ['HOUSING'],
    description:
      'Zes arbeiders slapen in één kamer boven de bakkerij; er wordt 400 euro per maand van hun loon afgehouden.',
    question: 'Weet u sinds wanneer zij daar wonen?',
    answer: 'Sinds september, denk ik.',
    triage: { outcome: 'ADMISSIBLE', reason: 'Concrete feiten over huisvesting afgehouden van het loon.' },
  },
  {
    lang: 'fr',
    reporterRole: 'OTHER',
    employerName: null,
    enterpriseNumber: null,
    place: null,
    categories: ['OTHER'],
    description: 'Je voudrais savoir comment obtenir un permis de travail pour mon cousin.',
    triage: { outcome: 'NOT_ADMISSIBLE', reason: 'Een vraag om informatie, geen melding van misbruik.' },
  },
  {
    lang: 'en',
    reporterRole: 'WORKER',
    employerName: 'Serre Van Damme',
    enterpriseNumber: null,
    place: 'Sint-Katelijne-Waver',
    categories: ['HOUSING'],
    description: 'The container we live in has no heating and the toilet is outside.',
    triage: {
      outcome: 'FORWARDED',
      reason: 'Alleen huisvesting, geen tewerkstelling met toelating.',
      forwardedTo: 'Wonen in Vlaanderen, woninginspectie',
    },
  },
];

/** Files the demo reports once (on an empty desk), as their reporters and an inspector would. */
export async function loadDemoReports(db: Db, today: string, inspectorId: string | null): Promise<number> {
  const existing = await db.selectFrom('desk_reports').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  for (const demo of REPORTS) {
    await db.transaction().execute(async (trx) => {
      const report = await createReport(trx, {
        lang: demo.lang,
        reporterRole: demo.reporterRole,
        contact: null,
        employerName: demo.employerName,
        enterpriseNumber: demo.enterpriseNumber,
        place: demo.place,
        categories: demo.categories,
        description: demo.description,
        receivedOn: today,
      });
      await recordAuditEvent(trx, {
        actorUserId: null,
        action: 'DESK_REPORT_FILED',
        subjectType: 'desk_report',
        subjectId: report.id,
        details: { demo: true },
      });
      if (demo.question && inspectorId) {
        await addMessage(trx, {
          reportId: report.id,
          author: 'INSPECTOR',
          userId: inspectorId,
          body: demo.question,
          on: today,
        });
        if (demo.answer)
          await addMessage(trx, {
            reportId: report.id,
            author: 'REPORTER',
            userId: null,
            body: demo.answer,
            on: today,
          });
      }
      if (demo.triage && inspectorId)
        await triageReport(trx, {
          id: report.id,
          outcome: demo.triage.outcome,
          reason: demo.triage.reason,
          forwardedTo: demo.triage.forwardedTo ?? null,
          userId: inspectorId,
          on: today,
        });
    });
  }
  return REPORTS.length;
}

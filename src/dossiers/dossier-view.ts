import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/client.ts';
import type { Lang } from '../i18n/languages.ts';
import { type Assessment, assess, type Category, nationalitiesWithoutAuthorisation } from '../rules/index.ts';
import { requiredDocumentTypes } from './documents/required-documents.ts';
import { foldDraftSaves } from './dossier-history.ts';
import { type DossierRow, listActions } from './dossiers.repo.ts';
import { isAnsweredLate, isAnswerOverdue } from './handling/information-requests.ts';
import { offeredGrounds, refusalShown } from './handling/refusal-grounds.ts';
import { applicationSteps, withNationalityNotice } from './intake/application-steps.ts';
import { allowedActionsFor, type DossierStatus } from './lifecycle/dossier-lifecycle.ts';
import { appealLastDay, clockStartOf, computeLegalClock } from './lifecycle/legal-clock.ts';
import type { RegisterMapping } from './register-check/map-register-facts.ts';
import { applyRegisterPatch } from './register-check/run-register-checks.ts';
import { shownWithdrawalGround, withdrawalGroundsOfDossier } from './revocation/revocation-rules.ts';
import { revocationShown, withdrawalOf } from './revocation/revocation-view.ts';
import { staffHistoryOf } from './staff/staff-entries.repo.ts';

/** The dossier as one overview: what the employer sees and, for staff, the whole file. */

/** The columns a dossier's summary needs: lists select these, not the application and assessment. */
export const SUMMARY_COLUMNS = [
  'id',
  'number',
  'status',
  'category',
  'kind',
  'enterprise_number',
  'worker_identity',
  'version',
  'submitted_at',
  'updated_at',
] as const;

export function summariseDossier(dossier: Pick<DossierRow, (typeof SUMMARY_COLUMNS)[number]>) {
  const identity = dossier.worker_identity as { givenNames?: string; familyName?: string };
  return {
    id: dossier.id,
    number: dossier.number,
    status: dossier.status as DossierStatus,
    category: dossier.category as Category,
    kind: dossier.kind,
    enterpriseNumber: dossier.enterprise_number,
    workerName: [identity.givenNames, identity.familyName].filter(Boolean).join(' ') || null,
    version: dossier.version,
    submittedAt: dossier.submitted_at?.toISOString() ?? null,
    updatedAt: dossier.updated_at.toISOString(),
  };
}

/**
 * The assessment in the reader's language: the same rules on the same application, re-rendered.
 * For a draft it is a preview (null while the answers do not yet form a valid application).
 */
function assessmentIn(
  dossier: DossierRow,
  lang: Lang,
  patch: RegisterMapping['applicationPatch'] | undefined,
  storedIfUnassessable = true,
): Assessment | null {
  try {
    return assess(applyRegisterPatch(dossier.application, patch), { lang });
  } catch {
    return storedIfUnassessable ? ((dossier.assessment as unknown as Assessment | null) ?? null) : null;
  }
}

function filingDateOf(dossier: DossierRow, today: string): string {
  const date = (dossier.application as { applicationDate?: unknown }).applicationDate;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today;
}

/** The assessment as the case handler sees it now (register data applied), in `lang`. */
export async function assessDossierNow(db: Db, dossier: DossierRow, lang: Lang): Promise<Assessment | null> {
  const check = await db
    .selectFrom('register_checks')
    .select('comparison')
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirst();
  const mapping = check?.comparison as unknown as RegisterMapping | null | undefined;
  return assessmentIn(dossier, lang, mapping?.applicationPatch);
}

export async function buildDossierOverview(
  db: Db,
  dossier: DossierRow,
  reader: { role: Role; lang: Lang; today: string; refusalNeedsCoSign?: boolean },
) {
  const isStaff = reader.role === 'CASE_HANDLER' || reader.role === 'SUPERVISOR';
  const [
    actions,
    documents,
    requests,
    letters,
    assignee,
    registerCheck,
    registerFacts,
    staffWork,
    withdrawal,
  ] = await Promise.all([
    listActions(db, dossier.id),
    db
      .selectFrom('dossier_documents')
      .select(['id', 'document_type', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'])
      .where('dossier_id', '=', dossier.id)
      .where('removed_at', 'is', null)
      .orderBy('uploaded_at')
      .execute(),
    db
      .selectFrom('information_requests')
      .select([
        'id',
        'question',
        'requested_on',
        'answer',
        'answered_on',
        'answer_due_on',
        'reminder_queued_at',
      ])
      .where('dossier_id', '=', dossier.id)
      .orderBy('requested_on')
      .execute(),
    db
      .selectFrom('dossier_letters')
      .select(['id', 'kind', 'lang', 'created_at'])
      .where('dossier_id', '=', dossier.id)
      .orderBy('created_at', 'desc')
      .execute(),
    dossier.assigned_to
      ? db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', '=', dossier.assigned_to)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom('register_checks').selectAll().where('dossier_id', '=', dossier.id).executeTakeFirst(),
    isStaff
      ? db
          .selectFrom('register_facts')
          .select(['source', 'subject', 'is_found', 'fetched_at', 'request_id'])
          .where('dossier_id', '=', dossier.id)
          .orderBy('source')
          .execute()
      : Promise.resolve([]),
    // Notes, assignments and letter edits: staff only, never in the employer's or worker's view.
    isStaff ? staffHistoryOf(db, dossier.id) : Promise.resolve(null),
    withdrawalOf(db, dossier, reader.lang, isStaff ? 'STAFF' : 'EMPLOYER', reader.today),
  ]);
  const mapping = registerCheck?.comparison as unknown as RegisterMapping | null | undefined;
  // Staff weigh the application with what the registers said; the employer sees the assessment of
  // what they declared, never a value from a register (least privilege: issue 12, "Privacy").
  // The stored assessment is the register-weighed one once the register check ran: an employer
  // whose application no longer assesses gets none rather than that one.
  const assessment = isStaff
    ? assessmentIn(dossier, reader.lang, mapping?.applicationPatch)
    : assessmentIn(dossier, reader.lang, undefined, !registerCheck);
  const clock = dossier.deadline_days
    ? computeLegalClock(
        actions,
        dossier.deadline_days,
        reader.today,
        clockStartOf(dossier.assessment, dossier.fee_paid_on),
      )
    : null;
  const procedureType = assessment?.procedure.type ?? null;
  return {
    ...summariseDossier(dossier),
    lang: dossier.lang,
    application: dossier.application,
    workerIdentity: dossier.worker_identity,
    steps: withNationalityNotice(
      applicationSteps(dossier.category as Category),
      nationalitiesWithoutAuthorisation(filingDateOf(dossier, reader.today)),
    ),
    assessment,
    // The worker's confirmation that the employer told them the terms (policy note 002 §2.8).
    workerTermsConfirmedAt: dossier.worker_terms_confirmed_at
      ? new Date(dossier.worker_terms_confirmed_at).toISOString()
      : null,
    clock: clock ? { ...clock, deadlineDays: dossier.deadline_days } : null,
    fee: {
      amountDueCents: dossier.fee_amount_cents,
      reference: dossier.fee_reference,
      paidOn: dossier.fee_paid_on,
    },
    documents: documents.map((doc) => ({
      id: doc.id,
      documentType: doc.document_type,
      fileName: doc.file_name,
      mediaType: doc.media_type,
      sizeBytes: doc.size_bytes,
      uploadedAt: doc.uploaded_at.toISOString(),
    })),
    requiredDocumentTypes: requiredDocumentTypes(dossier.category as Category, procedureType),
    informationRequests: requests.map((r) => ({
      id: r.id,
      question: r.question,
      requestedOn: r.requested_on,
      answer: r.answer,
      answeredOn: r.answered_on,
      // The day the employer should answer by, and whether it has passed unanswered.
      answerDueOn: r.answer_due_on,
      isOverdue: isAnswerOverdue(r, reader.today),
      isAnsweredLate: isAnsweredLate(r),
      reminderSentAt: r.reminder_queued_at ? new Date(r.reminder_queued_at).toISOString() : null,
    })),
    decision: dossier.decision,
    // The refusal's grounds and motivation written for the reader, on the page and not only in the letter.
    refusal: refusalShown(dossier, reader.lang),
    // The employer's grounds of appeal, for the supervisor who decides it.
    appeal: appealOf(actions),
    // Until when a refusal may be appealed (the form says so, and is not offered after it).
    appealLastDay:
      dossier.status === 'DECIDED_REFUSED' && dossier.decided_on ? appealLastDay(dossier.decided_on) : null,
    inadmissibility: actions.findLast((a) => a.action === 'DECLARE_INADMISSIBLE')?.details ?? null,
    pendingRefusal: isStaff ? dossier.pending_refusal : null,
    // The grounds a case handler may pick to refuse, each with what the rules found about it.
    // Whether a case handler's refusal is a proposal for a supervisor to co-sign (a setting).
    refusalNeedsCoSign: isStaff ? reader.refusalNeedsCoSign === true : null,
    refusalGrounds: isStaff
      ? offeredGrounds(
          dossier.category as Category,
          assessment,
          dossier.application,
          staffWork?.groundProposals ?? [],
        )
      : null,
    returnedRefusal: isStaff && dossier.status === 'IN_REVIEW' ? returnedRefusalOf(actions) : null,
    // The withdrawal procedure of a granted authorisation (decision 012): proposal, hearing, outcome.
    withdrawal,
    // A withdrawal decided: its day, grounds with legal basis and motivation, beside the grant.
    revocation: revocationShown(dossier, reader.lang),
    // The grounds a case handler may propose a withdrawal on, today.
    withdrawalGrounds:
      isStaff && dossier.status === 'DECIDED_GRANTED'
        ? withdrawalGroundsOfDossier(dossier.application, reader.today).map((ground) =>
            shownWithdrawalGround(ground, ground.code, reader.lang),
          )
        : null,
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      lang: l.lang,
      createdAt: l.created_at.toISOString(),
    })),
    history: foldDraftSaves(
      mergeHistory(
        (isStaff ? actions : actions.filter((a) => !STAFF_ONLY_ACTIONS.has(a.action))).map((a) => ({
          action: a.action as string,
          by: a.by as string,
          // Employers see that the service acted, not which civil servant.
          actorName: isStaff || a.by === 'EMPLOYER' ? a.actorName : null,
          on: a.on,
          occurredAt: a.occurredAt,
        })),
        staffWork?.history ?? [],
      ),
    ),
    internalNotes: staffWork?.notes ?? null,
    // A minister of religion's referral to the screening service and its advice (staff only).
    screening: staffWork?.screening ?? null,
    assignee: isStaff && assignee ? { id: assignee.id, displayName: assignee.display_name } : null,
    federal: { status: dossier.federal_status, decidedOn: dossier.federal_decided_on },
    // Register data only for staff (least privilege; each staff read is logged by the route).
    registerCheck:
      isStaff && registerCheck
        ? {
            status: registerCheck.status,
            requestedAt: registerCheck.requested_at.toISOString(),
            completedAt: registerCheck.completed_at?.toISOString() ?? null,
            waiting: registerCheck.waiting,
            comparisons: mapping?.comparisons ?? [],
            findings: mapping?.findings ?? [],
            facts: registerFacts.map((fact) => ({
              source: fact.source,
              subject: fact.subject,
              isFound: fact.is_found,
              fetchedAt: new Date(fact.fetched_at).toISOString(),
              requestId: fact.request_id,
            })),
          }
        : null,
    allowedActions: allowedActionsFor(dossier.status as DossierStatus, reader.role),
  };
}

interface HistoryRow {
  action: string;
  by: string;
  actorName: string | null;
  on: string;
  occurredAt: Date;
  detail?: string | null;
}

/** The lifecycle log and the staff entries in the order they happened (the log first on a tie). */
function mergeHistory(lifecycle: HistoryRow[], staff: HistoryRow[]) {
  return [
    ...lifecycle.map((row, i) => ({ row, i })),
    ...staff.map((row, i) => ({ row, i: lifecycle.length + i })),
  ]
    .sort((a, b) => a.row.occurredAt.getTime() - b.row.occurredAt.getTime() || a.i - b.i)
    .map(({ row }) => ({ ...row, detail: row.detail ?? null, occurredAt: row.occurredAt.toISOString() }));
}

/** Deliberation inside the service (a refusal proposed, sent back): not a step of the employer's file. */
export const STAFF_ONLY_ACTIONS: ReadonlySet<string> = new Set(['PROPOSE_REFUSAL', 'RETURN_REFUSAL']);

/** The supervisor's note when the last refusal proposal was sent back and none followed yet. */
function returnedRefusalOf(actions: Awaited<ReturnType<typeof listActions>>) {
  const last = actions.findLast((a) => a.action === 'PROPOSE_REFUSAL' || a.action === 'RETURN_REFUSAL');
  if (last?.action !== 'RETURN_REFUSAL') return null;
  return {
    note: String(last.details.note ?? ''),
    reasonCodes: (last.details.reasonCodes as string[] | undefined) ?? [],
    returnedOn: last.on,
    returnedBy: last.actorName,
  };
}

function appealOf(actions: Awaited<ReturnType<typeof listActions>>) {
  const appeal = actions.findLast((action) => action.action === 'APPEAL');
  return appeal ? { grounds: String(appeal.details.grounds ?? ''), lodgedOn: appeal.on } : null;
}

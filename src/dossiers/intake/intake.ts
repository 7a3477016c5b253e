import { sql } from 'kysely';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { assess, type Category, formatEnterpriseNumber, validateApplication } from '../../rules/index.ts';
import { findImplausibleDates } from '../../rules/schema/validate-application.ts';
import { LoketError } from '../../server/errors.ts';
import { lockIdempotencyKey } from '../../server/idempotency.ts';
import { dayInstant } from '../../server/today.ts';
import { type FieldError, toFieldErrors } from '../../validation/field-errors.ts';
import { type Acting, assertVersion, changeDossier } from '../change-dossier.ts';
import {
  type DossierRow,
  enterprisesOf,
  findDossier,
  insertAction,
  listActions,
  listDocumentTypes,
  lockDossier,
  nextDossierNumber,
  nextFeeSequence,
} from '../dossiers.repo.ts';
import { createStructuredReference } from '../fees/structured-reference.ts';
import { runAdmissibility } from '../handling/run-admissibility.ts';
import { checkAdmissibility } from '../lifecycle/admissibility.ts';
import { REGISTER_CHECK_LEASE_SECONDS } from '../register-check/run-register-checks.ts';
import { applicationSteps, clearUnasked, findStep, isAsked, type Question } from './application-steps.ts';
import { type Draft, isAnswered, readPath, writePath } from './draft.ts';
import {
  answerCheckErrors,
  ENTERPRISE_NUMBER_PATH,
  enterpriseNumberErrors,
  missingDocumentErrors,
  NATIONALITY_PATH,
  nationalityErrors,
} from './intake-checks.ts';

/**
 * The employer's side of intake: a draft saved step by step, then one submission that numbers the
 * dossier, assesses it, sets the fee and runs admissibility, all in one transaction.
 */

function fieldError(path: string, rule: string, lang: Lang, key = `validation.${rule}`): FieldError {
  return { path, rule, message: translate(lang, key) };
}

export async function assertEmployerActsFor(db: Db, user: User, enterpriseNumber: string): Promise<void> {
  const compact = enterpriseNumber.replace(/[.\s]/g, '');
  if (!(await enterprisesOf(db, user)).includes(compact)) {
    throw new LoketError('LOKET_FORBIDDEN');
  }
}

export interface NewDraft {
  category: Category;
  enterpriseNumber: string;
  lang: Lang;
  idempotencyKey?: string;
  renewalOf?: DossierRow;
}

export async function createDraft(db: Db, user: User, draft: NewDraft, today: string): Promise<DossierRow> {
  const enterpriseNumber = draft.enterpriseNumber.replace(/[.\s]/g, '');
  await assertEmployerActsFor(db, user, enterpriseNumber);
  return db.transaction().execute(async (trx) => {
    if (draft.idempotencyKey) {
      await lockIdempotencyKey(trx, `dossier:${user.id}`, draft.idempotencyKey);
      const existing = await trx
        .selectFrom('dossiers')
        .selectAll()
        .where('created_by', '=', user.id)
        .where('idempotency_key', '=', draft.idempotencyKey)
        .executeTakeFirst();
      if (existing) return existing;
    }
    const previous = draft.renewalOf;
    const application = previous
      ? { ...(previous.application as Record<string, unknown>), applicationDate: today, kind: 'RENEWAL' }
      : {
          applicationDate: today,
          kind: 'FIRST',
          category: draft.category,
          employer: { enterpriseNumber: formatEnterpriseNumber(enterpriseNumber) },
        };
    const inserted = await trx
      .insertInto('dossiers')
      .values({
        enterprise_number: enterpriseNumber,
        category: previous?.category ?? draft.category,
        kind: previous ? 'RENEWAL' : 'FIRST',
        lang: draft.lang,
        application,
        worker_identity: previous?.worker_identity ?? {},
        previous_dossier_id: previous?.id ?? null,
        created_by: user.id,
        idempotency_key: draft.idempotencyKey ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertAction(trx, {
      dossierId: inserted.id,
      action: 'SAVE_DRAFT',
      actor: 'EMPLOYER',
      actorUserId: user.id,
      on: today,
      details: { created: true, ...(previous ? { renewalOf: previous.number } : {}) },
    });
    await recordAuditEvent(trx, {
      actorUserId: user.id,
      action: 'DOSSIER_CREATED',
      subjectType: 'dossier',
      subjectId: inserted.id,
      details: { category: inserted.category, kind: inserted.kind },
    });
    return inserted;
  });
}

function draftOf(dossier: DossierRow): Draft {
  return { application: dossier.application, workerIdentity: dossier.worker_identity };
}

/** Schema and cross-field errors of the whole application that fall on the given questions. */
function schemaErrorsOn(draft: Draft, questions: readonly Question[], lang: Lang): FieldError[] {
  const result = validateApplication(draft.application);
  if (result.ok) return [];
  const paths = questions.map((question) => question.path);
  return toFieldErrors(result.errors, lang, 'application').filter(
    (error) =>
      error.rule !== 'required' &&
      paths.some(
        (path) =>
          error.path === path || error.path.startsWith(`${path}.`) || error.path.startsWith(`${path}[`),
      ),
  );
}

/**
 * A birth date or start date no real application has, said on its step even before the draft is
 * complete (the schema's cross-field checks only run on a whole application).
 */
function implausibleDatesOn(draft: Draft, questions: readonly Question[], lang: Lang): FieldError[] {
  const paths = questions.map((question) => question.path);
  return toFieldErrors(findImplausibleDates(draft.application as never), lang, 'application').filter(
    (error) => paths.includes(error.path),
  );
}

function missingAnswers(draft: Draft, questions: readonly Question[], lang: Lang): FieldError[] {
  const answerAt = (path: string) => readPath(draft, path);
  return questions
    .filter((q) => q.required && isAsked(q, answerAt) && !isAnswered(answerAt(q.path)))
    .map((question) => fieldError(question.path, 'required', lang));
}

/** The errors of one step's answers in a draft: required ones missing, invalid ones, a nationality that ends it. */
function stepErrors(draft: Draft, questions: readonly Question[], lang: Lang, today: string): FieldError[] {
  const errors = [
    ...missingAnswers(draft, questions, lang),
    ...schemaErrorsOn(draft, questions, lang),
    // Said at once, on the step where the nationality is given: no authorisation, no application.
    ...(questions.some((q) => q.path === NATIONALITY_PATH)
      ? nationalityErrors(draft.application, today, lang)
      : []),
    ...implausibleDatesOn(draft, questions, lang),
    ...(questions.some((q) => q.path === ENTERPRISE_NUMBER_PATH)
      ? enterpriseNumberErrors(readPath(draft, ENTERPRISE_NUMBER_PATH), lang)
      : []),
    // The form says these as the field is left (answer-checks.ts, shared with the browser).
    ...answerCheckErrors(questions, (path) => readPath(draft, path), draft.application, today, lang),
  ];
  // A whole application's schema check finds the implausible dates too: each error once.
  return errors.filter(
    (error, i) => errors.findIndex((other) => other.path === error.path && other.rule === error.rule) === i,
  );
}

// Errors that leave the answer saved: a nationality needing no authorisation marks a draft never to file.
const KEPT_RULES: ReadonlySet<string> = new Set(['required', 'workAuthorisationNotRequired']);

function questionOf(questions: readonly Question[], errorPath: string): Question | undefined {
  return questions.find(
    (q) => errorPath === q.path || errorPath.startsWith(`${q.path}.`) || errorPath.startsWith(`${q.path}[`),
  );
}

/**
 * Saves one step: only that step's questions, each checked by the application schema. A draft may
 * be incomplete, so what is valid is kept even when another answer is not: an invalid answer is
 * not written (the stored one stays) and comes back in `errors` with its message, as does a
 * required answer still missing. Nothing is written when no valid answer changed anything.
 */
export async function saveDraftStep(
  db: Db,
  user: User,
  input: {
    dossierId: string;
    step: string;
    answers: Record<string, unknown>;
    version: number;
    lang: Lang;
    requestId?: string;
  },
  today: string,
): Promise<{ dossier: DossierRow; errors: FieldError[] }> {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, input.dossierId);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    const step = findStep(dossier.category as Category, input.step);
    if (!step || step.questions.length === 0) {
      throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
        fieldError('step', 'enum', input.lang, 'validation.unknownStep'),
      ]);
    }
    const unknown = Object.keys(input.answers).filter((path) => !step.questions.some((q) => q.path === path));
    if (unknown.length > 0) {
      throw new LoketError(
        'LOKET_VALIDATION_FAILED',
        {},
        unknown.map((path) => fieldError(`answers.${path}`, 'additionalProperties', input.lang)),
      );
    }
    const stored = draftOf(dossier);
    const given = step.questions.filter((question) => question.path in input.answers);
    const answerAt = (path: string) =>
      ['', null].includes(input.answers[path] as never) ? undefined : input.answers[path];
    const withAnswers = (skip: ReadonlySet<string>) =>
      given.reduce(
        (draft, question) =>
          skip.has(question.path) ? draft : writePath(draft, question.path, answerAt(question.path)),
        stored,
      );
    // The errors of the answers as given; then the invalid ones are left out until the rest holds
    // (leaving one out may expose a cross-field error in another, hence the loop).
    const errors = stepErrors(withAnswers(new Set()), step.questions, input.lang, today);
    const invalid = new Set<string>();
    let draft = stored;
    for (let round = 0; round <= given.length; round += 1) {
      for (const error of errors) {
        const question = KEPT_RULES.has(error.rule) ? undefined : questionOf(given, error.path);
        if (question) invalid.add(question.path);
      }
      draft = clearUnasked(withAnswers(invalid), dossier.category as Category).draft;
      const remaining = stepErrors(draft, step.questions, input.lang, today).filter(
        (error) =>
          !KEPT_RULES.has(error.rule) &&
          questionOf(given, error.path) &&
          !invalid.has(questionOf(given, error.path)?.path ?? ''),
      );
      if (remaining.length === 0) break;
      errors.push(...remaining);
    }
    if (step.id === 'employer') {
      const chosen = readPath(draft, 'application.employer.enterpriseNumber');
      await assertEmployerActsFor(trx, user, String(chosen ?? ''));
    }
    const changed /* with the answers no longer asked (clearUnasked) */ = applicationSteps(
      dossier.category as Category,
    )
      .flatMap((step) => step.questions)
      .filter((question) => !invalid.has(question.path))
      .filter((q) => JSON.stringify(readPath(stored, q.path)) !== JSON.stringify(readPath(draft, q.path)))
      .map((question) => question.path);
    if (errors.length > 0 && changed.length === 0) {
      assertVersion(dossier, input.version);
      return { dossier, errors };
    }
    const enterprise = String(
      readPath(draft, 'application.employer.enterpriseNumber') ?? dossier.enterprise_number,
    );
    const acting: Acting = { role: 'EMPLOYER', userId: user.id, requestId: input.requestId };
    const saved = await changeDossier(trx, dossier, {
      action: 'SAVE_DRAFT',
      acting,
      on: today,
      expectedVersion: input.version,
      details: {
        step: step.id,
        changedFields: changed,
        ...(invalid.size > 0 ? { notSaved: [...invalid] } : {}),
      },
      patch: {
        application: draft.application,
        worker_identity: { ...draft.workerIdentity },
        enterprise_number: enterprise.replace(/[.\s]/g, ''),
      },
    });
    return { dossier: saved, errors };
  });
}

/**
 * Every answer a submission still lacks or gets wrong, in the user's language: missing or invalid
 * answers, a worker who needs no authorisation, and each required document not uploaded.
 */
export function findSubmissionErrors(
  dossier: DossierRow,
  lang: Lang,
  context: { today: string; documentTypes: readonly string[] },
): FieldError[] {
  const draft = draftOf(dossier);
  const questions = applicationSteps(dossier.category as Category).flatMap((step) => step.questions);
  const result = validateApplication(draft.application);
  const schemaErrors = result.ok ? [] : toFieldErrors(result.errors, lang, 'application');
  const missing = missingAnswers(draft, questions, lang);
  const seen = new Set(missing.map((error) => error.path));
  return [
    ...missing,
    ...schemaErrors.filter((error) => !seen.has(error.path)),
    ...nationalityErrors(draft.application, context.today, lang),
    ...missingDocumentErrors(dossier.category as Category, draft.application, context.documentTypes, lang),
  ];
}

/**
 * Submits a draft. Retrying with the same idempotency key answers the dossier as it is (never a
 * second submission); the number, assessment, fee and admissibility are written in one transaction.
 */
export async function submitDossier(
  db: Db,
  acting: Acting,
  input: {
    dossierId: string;
    version?: number;
    idempotencyKey?: string;
    lang: Lang;
    /** The caller runs the register check itself after the commit (runClaimedRegisterCheck). */
    claimRegisterCheck?: boolean;
    /** How long that claim keeps other instances off the check; REGISTER_CHECK_LEASE_SECONDS by default. */
    claimLeaseSeconds?: number;
  },
  today: string,
): Promise<{ dossier: DossierRow; replayed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, input.dossierId);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    if (dossier.status !== 'DRAFT' && input.idempotencyKey) {
      const submitted = (await listActions(trx, dossier.id)).find((entry) => entry.action === 'SUBMIT');
      if (submitted?.details.idempotencyKey === input.idempotencyKey) return { dossier, replayed: true };
    }
    if (dossier.status === 'DRAFT') {
      const documentTypes = await listDocumentTypes(trx, dossier.id);
      const errors = findSubmissionErrors(dossier, input.lang, { today, documentTypes });
      if (errors.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, errors);
    }
    const assessment = assess(dossier.application, { lang: dossier.lang });
    // A dossier that is inadmissible on arrival is not handled, so no fee is asked for it.
    const isInadmissible =
      checkAdmissibility({
        assessment,
        documentTypes: await listDocumentTypes(trx, dossier.id),
        feeAmountDueCents: 0,
        isFeePaid: false,
      }).decision === 'INADMISSIBLE';
    const feeCents = isInadmissible ? 0 : Math.round(assessment.fee.amountDue * 100);
    const patch = {
      number: await nextDossierNumber(trx, Number(today.slice(0, 4))),
      assessment: assessment as unknown as Record<string, unknown>,
      submitted_at: dayInstant(today),
      deadline_days: assessment.procedure.regionalDeadlineDays,
      fee_amount_cents: feeCents,
      fee_reference: feeCents > 0 ? createStructuredReference(await nextFeeSequence(trx)) : null,
    };
    const submitted = await changeDossier(trx, dossier, {
      action: 'SUBMIT',
      acting,
      on: today,
      ...(input.version === undefined ? {} : { expectedVersion: input.version }),
      details: {
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        outcome: assessment.outcome,
      },
      patch,
    });
    // The registers are asked after the commit, by the register check (never inside the submission).
    // A caller that runs the check itself right after the commit claims it here (attempt 1, a lease
    // of LOKET_CLAIM_LEASE_SECONDS); otherwise the register-check loop takes it at once.
    await trx
      .insertInto('register_checks')
      .values(
        input.claimRegisterCheck
          ? {
              dossier_id: dossier.id,
              attempts: 1,
              next_attempt_at: sql<Date>`now() + make_interval(secs => ${input.claimLeaseSeconds ?? REGISTER_CHECK_LEASE_SECONDS})`,
            }
          : { dossier_id: dossier.id },
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    return { dossier: await runAdmissibility(trx, submitted, today), replayed: false };
  });
}

export async function findDossierOrThrow(db: Db, id: string): Promise<DossierRow> {
  const dossier = await findDossier(db, id);
  if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
  return dossier;
}

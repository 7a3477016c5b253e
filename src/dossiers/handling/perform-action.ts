import Type, { type Static } from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { formatBelgianDate } from '../../rules/dates/iso-date.ts';
import { LoketError } from '../../server/errors.ts';
import { compileValidator, type Validation } from '../../validation/compile-validator.ts';
import { type Acting, assertVersion, changeDossier } from '../change-dossier.ts';
import { type DossierRow, lockDossier } from '../dossiers.repo.ts';
import { appealLastDay } from '../lifecycle/legal-clock.ts';
import { appealedDecisionDay, decideAppeal } from './decide-appeal.ts';
import { grantDossier, refuseDossier, returnRefusal } from './decide-dossier.ts';
import { answerDueOn } from './information-requests.ts';
import { runAdmissibility } from './run-admissibility.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const IsoDate = Type.String({ format: 'date' });

/** The body of `POST /dossiers/:id/actions`: one shape per action, each validated by its schema. */
export const ActionRequestSchema = Type.Union([
  Type.Object(
    { action: Type.Literal('START_REVIEW'), version: Type.Integer() },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('REQUEST_INFORMATION'),
      version: Type.Integer(),
      question: Text(4000),
      // The day the employer should answer by; default DEFAULT_ANSWER_DAYS from today.
      answerDueOn: Type.Optional(IsoDate),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('ANSWER_INFORMATION'), version: Type.Integer(), answer: Text(8000) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('GRANT'),
      version: Type.Integer(),
      validFrom: IsoDate,
      validUntil: IsoDate,
      note: Type.Optional(Type.String({ maxLength: 4000 })),
      // The motivation as edited in the letter's draft (letter-draft route); replaces `note`.
      letterMotivation: Type.Optional(Type.String({ maxLength: 4000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('REFUSE'),
      version: Type.Integer(),
      reasonCodes: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 }),
      note: Type.Optional(Type.String({ maxLength: 4000 })),
      letterMotivation: Type.Optional(Type.String({ maxLength: 4000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('RETURN_REFUSAL'), version: Type.Integer(), note: Text(4000) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('WITHDRAW'),
      version: Type.Integer(),
      reason: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('APPEAL'), version: Type.Integer(), grounds: Text(8000) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('DECIDE_APPEAL'),
      version: Type.Integer(),
      // UPHELD: the refusal stands (appeal dismissed); OVERTURNED: the appeal is allowed, and
      // `followUp` says what replaces the refusal (decide-appeal.ts).
      appealOutcome: Type.Enum(['UPHELD', 'OVERTURNED']),
      note: Text(4000),
      followUp: Type.Optional(Type.Enum(['GRANT', 'REVIEW'])),
      validFrom: Type.Optional(IsoDate),
      validUntil: Type.Optional(IsoDate),
      // The reasons as edited in the appeal letter's draft (appeal-letter-draft route); replace `note`.
      letterMotivation: Type.Optional(Type.String({ maxLength: 4000 })),
    },
    { additionalProperties: false },
  ),
]);
export type ActionRequest = Static<typeof ActionRequestSchema>;

const BRANCHES = new Map(
  ActionRequestSchema.anyOf.map((branch) => [
    String((branch.properties.action as { const: string }).const),
    compileValidator<ActionRequest>(branch),
  ]),
);
const checkActionName = compileValidator<{ action: string }>(
  Type.Object({ action: Type.Enum([...BRANCHES.keys()]) }),
);

/**
 * Validates an action request against the schema of its own action only, so a wrong field is
 * reported once and by name (a plain union would report the errors of every other action too).
 */
export function validateActionRequest(input: unknown): Validation<ActionRequest> {
  const named = checkActionName(input);
  if (!named.ok) return named;
  return (BRANCHES.get(named.value.action) as (value: unknown) => Validation<ActionRequest>)(input);
}

export interface ActionContext {
  acting: Acting;
  today: string;
  lang: Lang;
  refusalNeedsCoSign: boolean;
}

/** Performs one lifecycle action on a dossier in one transaction; the lifecycle table decides who may. */
export async function performAction(
  db: Db,
  dossierId: string,
  request: ActionRequest,
  context: ActionContext,
): Promise<DossierRow> {
  const { acting, today, lang } = context;
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, dossierId);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    const base = { acting, on: today, expectedVersion: request.version };
    switch (request.action) {
      case 'START_REVIEW':
        return changeDossier(trx, dossier, {
          ...base,
          action: 'START_REVIEW',
          patch: dossier.assigned_to ? {} : { assigned_to: acting.userId },
        });
      case 'REQUEST_INFORMATION': {
        const dueOn = answerDueOn(today, request.answerDueOn, lang);
        const changed = await changeDossier(trx, dossier, {
          ...base,
          action: 'REQUEST_INFORMATION',
          details: { answerDueOn: dueOn },
        });
        await trx
          .insertInto('information_requests')
          .values({
            dossier_id: dossier.id,
            question: request.question,
            requested_by: acting.userId,
            requested_on: today,
            answer_due_on: dueOn,
          })
          .execute();
        return changed;
      }
      case 'ANSWER_INFORMATION': {
        const changed = await changeDossier(trx, dossier, { ...base, action: 'ANSWER_INFORMATION' });
        await trx
          .updateTable('information_requests')
          .set({ answer: request.answer, answered_by: acting.userId, answered_on: today })
          .where('dossier_id', '=', dossier.id)
          .where('answered_on', 'is', null)
          .execute();
        return changed;
      }
      case 'GRANT':
        return grantDossier(trx, dossier, acting, { ...request, today, lang });
      case 'REFUSE':
        return refuseDossier(trx, dossier, acting, {
          ...request,
          today,
          lang,
          refusalNeedsCoSign: context.refusalNeedsCoSign,
        });
      case 'WITHDRAW':
        return changeDossier(trx, dossier, {
          ...base,
          action: 'WITHDRAW',
          details: request.reason ? { reason: request.reason } : {},
        });
      case 'APPEAL': {
        // Appeal: a motivated letter to the minister within one month of notification (reference.md §5.3).
        const decidedOn = appealedDecisionDay(dossier);
        const lastDay = decidedOn ? appealLastDay(decidedOn) : null;
        if (lastDay && today > lastDay) {
          throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
            {
              path: 'action',
              rule: 'appealPeriod',
              message: translate(lang, 'validation.decision.appealPeriod', {
                lastDay: formatBelgianDate(lastDay),
              }),
            },
          ]);
        }
        return changeDossier(trx, dossier, {
          ...base,
          action: 'APPEAL',
          details: { grounds: request.grounds },
        });
      }
      case 'RETURN_REFUSAL':
        return returnRefusal(trx, dossier, acting, { ...request, today, lang });
      case 'DECIDE_APPEAL':
        return decideAppeal(trx, dossier, acting, { ...request, today, lang });
    }
  });
}

/** The case handler (or a payment import) records that the fee was paid; admissibility runs again. */
export async function recordFeePaid(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  paidOn: string,
  today: string,
  expectedVersion?: number,
): Promise<DossierRow> {
  assertVersion(dossier, expectedVersion);
  if (dossier.fee_paid_on || !dossier.fee_reference) return dossier;
  const paid = await trx
    .updateTable('dossiers')
    .set({ fee_paid_on: paidOn, version: dossier.version + 1, updated_at: new Date() })
    .where('id', '=', dossier.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAuditEvent(trx, {
    actorUserId: acting.userId,
    action: 'DOSSIER_FEE_PAID',
    subjectType: 'dossier',
    subjectId: dossier.id,
    details: { paidOn, version: paid.version },
  });
  return runAdmissibility(trx, paid, today);
}

import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { addMonths, isIsoDate } from '../../rules/dates/iso-date.ts';
import type { Assessment, Category, Reason } from '../../rules/index.ts';
import { LoketError } from '../../server/errors.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { type Acting, changeDossier } from '../change-dossier.ts';
import type { DossierRow } from '../dossiers.repo.ts';
import { type DecisionLetterInput, renderDecisionLetter } from '../letters/decision-letter.ts';

/**
 * The case handler's decision on the work part: a grant with its validity, or a refusal whose
 * reasons are taken from the assessment (formal motivation: every reason with its legal basis)
 * plus free text. Where the setting asks it, a case handler's refusal is only a proposal until a
 * supervisor co-signs it. The letter is generated in the applicant's language in the same
 * transaction as the decision: there is never a decision without its letter.
 */

export const LEGAL_FRAME: Record<Lang, string> = {
  nl: 'Besluit van de Vlaamse Regering van 7 december 2018',
  fr: 'Arrêté du Gouvernement flamand du 7 décembre 2018',
  en: 'Decree of the Flemish Government of 7 December 2018',
};

export interface GrantInput {
  validFrom: string;
  validUntil: string;
  note?: string | null;
}

export interface RefusalInput {
  reasonCodes: string[];
  note?: string | null;
}

function invalid(lang: Lang, ...fields: [string, string, Record<string, unknown>?][]): LoketError {
  const errors: FieldError[] = fields.map(([path, rule, params]) => ({
    path,
    rule,
    message: translate(lang, `validation.decision.${rule}`, params ?? {}),
  }));
  return new LoketError('LOKET_VALIDATION_FAILED', {}, errors);
}

export function checkGrant(assessment: Assessment, grant: GrantInput, lang: Lang): void {
  if (!isIsoDate(grant.validFrom)) throw invalid(lang, ['validFrom', 'date']);
  if (!isIsoDate(grant.validUntil)) throw invalid(lang, ['validUntil', 'date']);
  if (grant.validUntil < grant.validFrom) throw invalid(lang, ['validUntil', 'afterValidFrom']);
  const months = assessment.procedure.maxValidityMonths;
  if (months !== null && grant.validUntil > addMonths(grant.validFrom, months)) {
    throw invalid(lang, ['validUntil', 'maxValidity', { months }]);
  }
}

export function chooseRefusalReasons(assessment: Assessment, refusal: RefusalInput, lang: Lang): Reason[] {
  const unknown = refusal.reasonCodes.filter((code) => !assessment.reasons.some((r) => r.code === code));
  if (unknown.length > 0)
    throw invalid(lang, ['reasonCodes', 'notInAssessment', { codes: unknown.join(', ') }]);
  if (refusal.reasonCodes.length === 0 && !refusal.note?.trim())
    throw invalid(lang, ['reasonCodes', 'reasonRequired']);
  return assessment.reasons.filter((reason) => refusal.reasonCodes.includes(reason.code));
}

async function issueLetter(
  trx: Db,
  dossier: DossierRow,
  decision: DecisionLetterInput['decision'],
  names: { decidedBy: string; coSignedBy?: string | null },
): Promise<void> {
  const lang = dossier.lang;
  const identity = dossier.worker_identity as { givenNames?: string; familyName?: string };
  const worker =
    (dossier.application as { worker?: { nationality?: string; birthDate?: string } }).worker ?? {};
  const employer = await trx
    .selectFrom('employer_mandates')
    .select('enterprise_name')
    .where('enterprise_number', '=', dossier.enterprise_number)
    .where('enterprise_name', 'is not', null)
    .executeTakeFirst();
  const pdf = await renderDecisionLetter({
    lang,
    generatedAt: new Date(),
    dossierNumber: dossier.number ?? dossier.id,
    employer: { enterpriseNumber: dossier.enterprise_number, name: employer?.enterprise_name ?? null },
    worker: {
      givenNames: identity.givenNames ?? '',
      familyName: identity.familyName ?? '',
      nationality: worker.nationality ?? '',
      birthDate: worker.birthDate ?? '',
    },
    category: dossier.category as Category,
    decision,
    decidedBy: names.decidedBy,
    coSignedBy: names.coSignedBy ?? null,
    legalFrame: LEGAL_FRAME[lang],
  });
  await trx
    .insertInto('dossier_letters')
    .values({
      dossier_id: dossier.id,
      kind: 'DECISION',
      lang,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    })
    .execute();
}

async function displayName(trx: Db, userId: string | null): Promise<string> {
  if (!userId) return '';
  const row = await trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? '';
}

export async function grantDossier(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: GrantInput & { version: number; today: string; lang: Lang },
): Promise<DossierRow> {
  const assessment = dossier.assessment as unknown as Assessment;
  checkGrant(assessment, input, input.lang);
  const decision = {
    outcome: 'GRANTED' as const,
    decidedOn: input.today,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    note: input.note ?? null,
  };
  const granted = await changeDossier(trx, dossier, {
    action: 'GRANT',
    acting,
    on: input.today,
    expectedVersion: input.version,
    details: { validFrom: input.validFrom, validUntil: input.validUntil },
    patch: {
      decision: { ...decision, decidedBy: acting.userId },
      decided_on: input.today,
      pending_refusal: null,
    },
  });
  await issueLetter(trx, granted, decision, { decidedBy: await displayName(trx, acting.userId) });
  return granted;
}

export async function refuseDossier(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: RefusalInput & { version: number; today: string; lang: Lang; refusalNeedsCoSign: boolean },
): Promise<DossierRow> {
  const assessment = dossier.assessment as unknown as Assessment;
  const pending = dossier.pending_refusal as (RefusalInput & { proposedBy: string }) | null;
  // A supervisor who sends no reasons of their own co-signs the pending proposal as it stands.
  const isCoSigning =
    acting.role === 'SUPERVISOR' && pending !== null && input.reasonCodes.length === 0 && !input.note;
  const refusal = isCoSigning && pending ? pending : input;
  const reasons = chooseRefusalReasons(assessment, refusal, input.lang);
  if (input.refusalNeedsCoSign && acting.role === 'CASE_HANDLER') {
    const proposed = await changeDossier(trx, dossier, {
      action: 'PROPOSE_REFUSAL',
      acting,
      on: input.today,
      expectedVersion: input.version,
      details: { reasonCodes: refusal.reasonCodes },
      patch: {
        pending_refusal: {
          reasonCodes: refusal.reasonCodes,
          note: refusal.note ?? null,
          proposedBy: acting.userId,
        },
      },
    });
    await trx
      .insertInto('staff_notifications')
      .values({
        recipient_role: 'SUPERVISOR',
        kind: 'REFUSAL_TO_CO_SIGN',
        dossier_id: dossier.id,
        created_on: input.today,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return proposed;
  }
  const decision = {
    outcome: 'REFUSED' as const,
    decidedOn: input.today,
    reasons,
    note: refusal.note ?? null,
  };
  const decidedBy = isCoSigning && pending ? pending.proposedBy : acting.userId;
  const refused = await changeDossier(trx, dossier, {
    action: 'REFUSE',
    acting,
    on: input.today,
    expectedVersion: input.version,
    details: { reasonCodes: refusal.reasonCodes, coSigned: isCoSigning },
    patch: {
      decision: {
        outcome: 'REFUSED',
        decidedOn: input.today,
        reasonCodes: refusal.reasonCodes,
        note: refusal.note ?? null,
        decidedBy,
        coSignedBy: isCoSigning ? acting.userId : null,
      },
      decided_on: input.today,
      pending_refusal: null,
    },
  });
  await issueLetter(trx, refused, decision, {
    decidedBy: await displayName(trx, decidedBy),
    coSignedBy: isCoSigning ? await displayName(trx, acting.userId) : null,
  });
  return refused;
}

import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { addMonths, isIsoDate } from '../../rules/dates/iso-date.ts';
import type { Assessment, Category } from '../../rules/index.ts';
import { type Acting, changeDossier } from '../change-dossier.ts';
import { assessDossierNow } from '../dossier-view.ts';
import type { DossierRow } from '../dossiers.repo.ts';
import { renderDecisionLetter } from '../letters/decision-letter.ts';
import { insertStaffEntry } from '../staff/staff-entries.repo.ts';
import { displayName, letterParties, storeLetter } from './issue-letter.ts';
import { chooseRefusalGrounds, invalidDecision, type RefusalChoice } from './refusal-grounds.ts';

/**
 * The case handler's decision on the work part: a grant with its validity, or a refusal on grounds
 * picked from the category's legal grounds (refusal-grounds.ts) with a written motivation, every
 * ground printed with its legal basis. Where the setting asks it, a case handler's refusal is only
 * a proposal until a supervisor co-signs it, or sends it back with a note. The letter is generated
 * in the applicant's language in the same transaction as the decision: there is never a decision
 * without its letter.
 */

export interface GrantInput {
  validFrom: string;
  validUntil: string;
  note?: string | null;
  /** The motivation as the case handler edited it in the letter's draft; replaces `note`. */
  letterMotivation?: string | undefined;
}

export type RefusalInput = RefusalChoice & { letterMotivation?: string | undefined };

/**
 * The motivation the decision and its letter carry: the one edited in the letter's draft when
 * there is one. An edit is kept in the dossier's staff history (draft and signed text) and named
 * in the audit trail; a refusal's edited motivation may not be emptied.
 */
export async function signedMotivation(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: {
    note?: string | null | undefined;
    letterMotivation?: string | undefined;
    today: string;
    lang: Lang;
  },
  outcome: 'GRANTED' | 'REFUSED' | 'APPEAL',
): Promise<string | null> {
  const draft = input.note?.trim() ?? '';
  if (input.letterMotivation === undefined) return draft || null;
  const signed = input.letterMotivation.trim();
  // A refusal, and a decision on an appeal, are not motivated in law without their reasons.
  if (outcome !== 'GRANTED' && !signed)
    throw invalidDecision(input.lang, ['letterMotivation', 'motivationRequired']);
  if (signed !== draft) {
    await insertStaffEntry(trx, {
      dossierId: dossier.id,
      kind: 'LETTER_EDITED',
      actorUserId: acting.userId,
      on: input.today,
      details: { outcome, draft, signed },
    });
    await recordAuditEvent(trx, {
      actorUserId: acting.userId,
      action: 'DOSSIER_LETTER_EDITED',
      subjectType: 'dossier',
      subjectId: dossier.id,
      details: { outcome, draftLength: draft.length, signedLength: signed.length },
    });
  }
  return signed || null;
}

interface PendingRefusal {
  reasonCodes: string[];
  note: string | null;
  proposedBy: string;
}

export function checkGrant(assessment: Assessment | null, grant: GrantInput, lang: Lang): void {
  if (!isIsoDate(grant.validFrom)) throw invalidDecision(lang, ['validFrom', 'date']);
  if (!isIsoDate(grant.validUntil)) throw invalidDecision(lang, ['validUntil', 'date']);
  if (grant.validUntil < grant.validFrom) throw invalidDecision(lang, ['validUntil', 'afterValidFrom']);
  const months = assessment?.procedure.maxValidityMonths ?? null;
  if (months !== null && grant.validUntil > addMonths(grant.validFrom, months)) {
    throw invalidDecision(lang, ['validUntil', 'maxValidity', { months }]);
  }
}

export async function grantDossier(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: GrantInput & { version: number; today: string; lang: Lang },
): Promise<DossierRow> {
  const assessment = dossier.assessment as unknown as Assessment | null;
  checkGrant(assessment, input, input.lang);
  const decision = {
    outcome: 'GRANTED' as const,
    decidedOn: input.today,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    note: await signedMotivation(trx, dossier, acting, input, 'GRANTED'),
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
  const parties = await letterParties(trx, granted, input.today);
  const pdf = await renderDecisionLetter({
    ...parties,
    decision,
    decidedBy: await displayName(trx, acting.userId),
  });
  await storeLetter(trx, granted, 'DECISION', pdf, parties.generatedAt);
  return granted;
}

export async function refuseDossier(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: RefusalInput & { version: number; today: string; lang: Lang; refusalNeedsCoSign: boolean },
): Promise<DossierRow> {
  const pending = dossier.pending_refusal as PendingRefusal | null;
  // A supervisor who sends no grounds of their own co-signs the pending proposal as it stands.
  const isCoSigning =
    acting.role === 'SUPERVISOR' && pending !== null && input.reasonCodes.length === 0 && !input.note;
  const refusal =
    isCoSigning && pending
      ? pending
      : input.letterMotivation === undefined
        ? input
        : // Checked first, so an emptied motivation is named as the letter's field.
          { ...input, note: await signedMotivation(trx, dossier, acting, input, 'REFUSED') };
  // The grounds the case handler saw (register data applied), worded in the letter's language.
  const assessment = await assessDossierNow(trx, dossier, dossier.lang);
  const reasons = chooseRefusalGrounds(
    { category: dossier.category as Category, application: dossier.application },
    assessment,
    refusal,
    input.lang,
    dossier.lang,
  );
  const reasonCodes = reasons.map((reason) => reason.code);
  const note = refusal.note?.trim() ?? null;
  if (input.refusalNeedsCoSign && acting.role === 'CASE_HANDLER') {
    const proposed = await changeDossier(trx, dossier, {
      action: 'PROPOSE_REFUSAL',
      acting,
      on: input.today,
      expectedVersion: input.version,
      details: { reasonCodes },
      patch: { pending_refusal: { reasonCodes, note, proposedBy: acting.userId } },
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
  const decidedBy = isCoSigning && pending ? pending.proposedBy : acting.userId;
  const refused = await changeDossier(trx, dossier, {
    action: 'REFUSE',
    acting,
    on: input.today,
    expectedVersion: input.version,
    details: { reasonCodes, coSigned: isCoSigning },
    patch: {
      decision: {
        outcome: 'REFUSED',
        decidedOn: input.today,
        reasonCodes,
        note,
        decidedBy,
        coSignedBy: isCoSigning ? acting.userId : null,
      },
      decided_on: input.today,
      pending_refusal: null,
    },
  });
  const parties = await letterParties(trx, refused, input.today);
  const pdf = await renderDecisionLetter({
    ...parties,
    decision: { outcome: 'REFUSED', decidedOn: input.today, reasons, note },
    decidedBy: await displayName(trx, decidedBy),
    coSignedBy: isCoSigning ? await displayName(trx, acting.userId) : null,
  });
  await storeLetter(trx, refused, 'DECISION', pdf, parties.generatedAt);
  return refused;
}

/**
 * A supervisor does not co-sign a proposed refusal and sends it back to the case handler with a
 * note; the dossier stays in review, the proposal is cleared and its notification is done.
 */
export async function returnRefusal(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: { note: string; version: number; today: string; lang: Lang },
): Promise<DossierRow> {
  const pending = dossier.pending_refusal as PendingRefusal | null;
  if (!pending) throw invalidDecision(input.lang, ['action', 'noPendingRefusal']);
  if (!input.note.trim()) throw invalidDecision(input.lang, ['note', 'required']);
  const returned = await changeDossier(trx, dossier, {
    action: 'RETURN_REFUSAL',
    acting,
    on: input.today,
    expectedVersion: input.version,
    details: { note: input.note.trim(), reasonCodes: pending.reasonCodes, proposedBy: pending.proposedBy },
    patch: { pending_refusal: null },
  });
  await trx
    .updateTable('staff_notifications')
    .set({ read_at: new Date() })
    .where('dossier_id', '=', dossier.id)
    .where('kind', '=', 'REFUSAL_TO_CO_SIGN')
    .where('read_at', 'is', null)
    .execute();
  return returned;
}

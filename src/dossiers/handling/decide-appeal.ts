import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import type { Assessment } from '../../rules/index.ts';
import { LoketError } from '../../server/errors.ts';
import { type Acting, changeDossier } from '../change-dossier.ts';
import { type DossierRow, listActions } from '../dossiers.repo.ts';
import { type AppealDecision, renderAppealLetter } from '../letters/appeal-letter.ts';
import { allowedActionsFor, type DossierStatus } from '../lifecycle/dossier-lifecycle.ts';
import { checkGrant, signedMotivation } from './decide-dossier.ts';
import { displayName, letterParties, storeLetter } from './issue-letter.ts';
import { invalidDecision } from './refusal-grounds.ts';

/**
 * A supervisor decides the employer's appeal against a refusal, on the minister's behalf
 * (reference.md §5.3). `UPHELD` keeps the refusal (the appeal is dismissed, "ongegrond");
 * `OVERTURNED` allows it ("gegrond"): the refusal is withdrawn and a new decision follows in the
 * same step, either a grant with its validity (GRANT_ON_APPEAL) or a new examination by the case
 * handler (REOPEN_ON_APPEAL, the legal clock starting again). Each outcome has its own letter.
 */
export interface AppealDecisionInput {
  appealOutcome: 'UPHELD' | 'OVERTURNED';
  note: string;
  followUp?: 'GRANT' | 'REVIEW' | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  /** The reasons as the supervisor edited them in the letter's draft; replace `note`. */
  letterMotivation?: string | undefined;
}

type Context = { version: number; today: string; lang: Lang };

/** What an appeal decision needs; a letter's draft may be asked for before the reasons are written. */
export function checkAppealDecision(
  input: Omit<AppealDecisionInput, 'note'> & { note?: string | undefined },
  assessment: Assessment | null,
  lang: Lang,
  { isDraft = false } = {},
) {
  if (!isDraft && !input.note?.trim()) throw invalidDecision(lang, ['note', 'required']);
  if (input.appealOutcome === 'UPHELD') {
    if (input.followUp) throw invalidDecision(lang, ['followUp', 'followUpOnlyWhenOverturned']);
    return;
  }
  if (!input.followUp) throw invalidDecision(lang, ['followUp', 'followUpRequired']);
  if (input.followUp === 'GRANT') {
    const missing = (['validFrom', 'validUntil'] as const).filter((field) => !input[field]);
    if (missing.length > 0)
      throw invalidDecision(lang, ...missing.map((field) => [field, 'required'] as [string, string]));
    checkGrant(
      assessment,
      { validFrom: input.validFrom as string, validUntil: input.validUntil as string },
      lang,
    );
  }
}

/**
 * The day of the decision an appeal is against: the withdrawal's day when the grant was withdrawn
 * (decision 021: `decided_on` stays the grant's day, the withdrawal's is in `decision.revocation`),
 * else the refusal's (`decided_on`).
 */
export function appealedDecisionDay(dossier: Pick<DossierRow, 'decision' | 'decided_on'>): string | null {
  const revocation = (dossier.decision as { revocation?: { decidedOn?: string } } | null)?.revocation;
  return revocation?.decidedOn ?? dossier.decided_on ?? null;
}

/** The day of the refusal (or withdrawal) appealed against and the day the appeal was lodged. */
export async function appealDates(trx: Db, dossier: DossierRow, today: string) {
  const refusedOn = appealedDecisionDay(dossier) ?? today;
  const lodgedOn =
    (await listActions(trx, dossier.id)).findLast((a) => a.action === 'APPEAL')?.on ?? refusedOn;
  return { refusedOn, lodgedOn };
}

export async function decideAppeal(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  input: AppealDecisionInput & Context,
): Promise<DossierRow> {
  // Who may decide comes before what they sent: a case handler gets the 409, not a form error.
  if (!allowedActionsFor(dossier.status as DossierStatus, acting.role).includes('DECIDE_APPEAL')) {
    throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action: 'DECIDE_APPEAL' });
  }
  checkAppealDecision(input, dossier.assessment as unknown as Assessment | null, input.lang);
  // The reasons as signed: the letter's draft as edited, when the supervisor saw one.
  const note = (await signedMotivation(trx, dossier, acting, input, 'APPEAL')) ?? '';
  const refusal = (dossier.decision ?? {}) as Record<string, unknown>;
  // The appealed decision may be the withdrawal of a grant (decision 012) rather than a refusal.
  const isRevocation =
    dossier.status === 'APPEALED' && refusal.revocation !== undefined && refusal.outcome === 'GRANTED';
  const { refusedOn, lodgedOn } = await appealDates(trx, dossier, input.today);
  const appeal = {
    outcome: input.appealOutcome,
    followUp: input.followUp ?? null,
    decidedOn: input.today,
    lodgedOn,
    refusedOn,
    note,
    decidedBy: acting.userId,
  };
  const base = { acting, on: input.today, expectedVersion: input.version };
  const details = { appealOutcome: input.appealOutcome, followUp: input.followUp ?? null, note };
  let decided: DossierRow;
  let letter: AppealDecision;
  if (input.appealOutcome === 'UPHELD') {
    decided = await changeDossier(trx, dossier, {
      ...base,
      action: 'DECIDE_APPEAL',
      details,
      patch: { decision: { ...refusal, appeal } },
    });
    letter = { outcome: 'DISMISSED' };
  } else if (input.followUp === 'GRANT') {
    const validity = { validFrom: input.validFrom as string, validUntil: input.validUntil as string };
    decided = await changeDossier(trx, dossier, {
      ...base,
      action: 'GRANT_ON_APPEAL',
      details: { ...details, ...validity },
      patch: {
        decision: {
          outcome: 'GRANTED',
          decidedOn: input.today,
          ...validity,
          note,
          decidedBy: acting.userId,
          appeal: { ...appeal, refusal },
        },
        decided_on: input.today,
      },
    });
    letter = { outcome: 'GRANTED', ...validity };
  } else {
    // Back to review: no decision stands until the case handler takes a new one.
    decided = await changeDossier(trx, dossier, {
      ...base,
      action: 'REOPEN_ON_APPEAL',
      details,
      patch: { decision: { appeal: { ...appeal, refusal } }, decided_on: null },
    });
    letter = { outcome: 'REVIEW', dueDate: decided.due_date };
  }
  const parties = await letterParties(trx, decided, input.today);
  const pdf = await renderAppealLetter({
    ...parties,
    appeal: { ...letter, lodgedOn, refusedOn, decidedOn: input.today, motivation: note, isRevocation },
    decidedBy: await displayName(trx, acting.userId),
  });
  await storeLetter(trx, decided, 'APPEAL_DECISION', pdf, parties.generatedAt);
  return decided;
}

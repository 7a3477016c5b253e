import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { queueHearingMails } from '../../notifications/mail-outbox.repo.ts';
import { LoketError } from '../../server/errors.ts';
import { type Acting, assertVersion, changeDossier } from '../change-dossier.ts';
import { type DossierRow, lockDossier } from '../dossiers.repo.ts';
import { displayName, letterParties, storeLetter } from '../handling/issue-letter.ts';
import { renderRevocationLetter } from '../letters/revocation-letter.ts';
import { allowedActionsFor, type DossierAction, type DossierStatus } from '../lifecycle/dossier-lifecycle.ts';
import {
  findOpenProposal,
  insertProposal,
  notifySupervisors,
  queueFederalRevocation,
  recordAnswer,
  recordOutcome,
} from './revocation.repo.ts';
import {
  checkDecisionGrounds,
  checkProposal,
  hearingDueOn,
  invalidRevocation,
  shownWithdrawalGround,
  withdrawalGroundsOfDossier,
} from './revocation-rules.ts';

/**
 * Withdrawal (intrekking) of a granted authorisation, as three steps on the dossier's action log
 * (decisions 003 and 012), each one transaction with its audit event:
 * 1. a case handler or an inspector proposes it, with grounds, facts and evidence, and the employer
 *    is told by mail that it is heard until a day (PROPOSE_REVOCATION);
 * 2. the employer answers on its dossier page (ANSWER_HEARING), until that day;
 * 3. a supervisor, after the answer or the day, dismisses the proposal (DISMISS_REVOCATION) or
 *    withdraws the authorisation (REVOKE): the letter in the dossier's language, the worker told by
 *    mail, the federal office through the outbox. The withdrawal is appealed like a refusal.
 */

interface Context {
  acting: Acting;
  today: string;
  lang: Lang;
}

/** Who may comes before what was sent: the lifecycle table answers 409 for anyone else. */
function assertAllowed(dossier: DossierRow, action: DossierAction, acting: Acting): void {
  if (!allowedActionsFor(dossier.status as DossierStatus, acting.role).includes(action))
    throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action });
}

async function lockGranted(trx: Db, dossierId: string): Promise<DossierRow> {
  const dossier = await lockDossier(trx, dossierId);
  if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
  return dossier;
}

function grantOf(dossier: DossierRow) {
  return (dossier.decision ?? {}) as { decidedOn?: string; validFrom?: string; validUntil?: string };
}

export interface ProposeRevocation {
  version: number;
  groundCodes: string[];
  facts: string;
  evidence?: string | undefined;
  hearingDueOn?: string | undefined;
}

export async function proposeRevocation(db: Db, dossierId: string, input: ProposeRevocation, ctx: Context) {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockGranted(trx, dossierId);
    assertAllowed(dossier, 'PROPOSE_REVOCATION', ctx.acting);
    assertVersion(dossier, input.version);
    if (await findOpenProposal(trx, dossier.id))
      throw invalidRevocation(ctx.lang, ['action', 'proposalOpen']);
    const validUntil = grantOf(dossier).validUntil;
    if (validUntil && validUntil < ctx.today)
      throw invalidRevocation(ctx.lang, ['action', 'authorisationEnded', { validUntil }]);
    const grounds = checkProposal(
      withdrawalGroundsOfDossier(dossier.application, ctx.today),
      input,
      ctx.lang,
    );
    const dueOn = hearingDueOn(ctx.today, input.hearingDueOn, ctx.lang);
    const groundCodes = grounds.map((ground) => ground.code);
    const changed = await changeDossier(trx, dossier, {
      action: 'PROPOSE_REVOCATION',
      acting: ctx.acting,
      on: ctx.today,
      details: { groundCodes, hearingDueOn: dueOn, proposedRole: ctx.acting.role },
    });
    await insertProposal(trx, {
      dossier_id: dossier.id,
      proposed_by: ctx.acting.userId,
      proposed_role: ctx.acting.role as 'CASE_HANDLER' | 'INSPECTOR',
      proposed_on: ctx.today,
      ground_codes: groundCodes,
      facts: input.facts.trim(),
      evidence: input.evidence?.trim() || null,
      hearing_due_on: dueOn,
    });
    await notifySupervisors(trx, dossier.id, ctx.today);
    await queueHearingMails(trx, changed, dueOn);
    return changed;
  });
}

export async function answerHearing(
  db: Db,
  dossierId: string,
  input: { version: number; answer: string },
  ctx: Context,
) {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockGranted(trx, dossierId);
    assertAllowed(dossier, 'ANSWER_HEARING', ctx.acting);
    const proposal = await findOpenProposal(trx, dossier.id);
    if (!proposal) throw invalidRevocation(ctx.lang, ['action', 'noOpenProposal']);
    if (proposal.answered_on) throw invalidRevocation(ctx.lang, ['answer', 'alreadyAnswered']);
    if (ctx.today > proposal.hearing_due_on)
      throw invalidRevocation(ctx.lang, ['answer', 'hearingClosed', { dueOn: proposal.hearing_due_on }]);
    const changed = await changeDossier(trx, dossier, {
      action: 'ANSWER_HEARING',
      acting: ctx.acting,
      on: ctx.today,
      expectedVersion: input.version,
      details: { answer: input.answer.trim() },
    });
    await recordAnswer(trx, proposal.id, {
      answer: input.answer.trim(),
      answered_on: ctx.today,
      answered_by: ctx.acting.userId,
    });
    return changed;
  });
}

export interface DecideRevocation {
  version: number;
  outcome: 'REVOKE' | 'DISMISS';
  note: string;
  /** The proposal's grounds the withdrawal rests on; all of them when absent. */
  groundCodes?: string[] | undefined;
}

export async function decideRevocation(db: Db, dossierId: string, input: DecideRevocation, ctx: Context) {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockGranted(trx, dossierId);
    const action = input.outcome === 'REVOKE' ? 'REVOKE' : 'DISMISS_REVOCATION';
    assertAllowed(dossier, action, ctx.acting);
    assertVersion(dossier, input.version);
    const proposal = await findOpenProposal(trx, dossier.id);
    if (!proposal) throw invalidRevocation(ctx.lang, ['action', 'noOpenProposal']);
    // Four eyes: the one who proposed never decides (a supervisor cannot propose; kept explicit).
    if (proposal.proposed_by && proposal.proposed_by === ctx.acting.userId)
      throw new LoketError('LOKET_FORBIDDEN');
    if (input.outcome === 'REVOKE' && !proposal.answered_on && ctx.today <= proposal.hearing_due_on)
      throw invalidRevocation(ctx.lang, ['action', 'hearingOpen', { dueOn: proposal.hearing_due_on }]);
    const note = input.note.trim();
    if (!note) throw invalidRevocation(ctx.lang, ['note', 'motivationRequired']);
    const groundCodes =
      input.outcome === 'REVOKE'
        ? checkDecisionGrounds(proposal.ground_codes, input.groundCodes, ctx.lang)
        : proposal.ground_codes;
    const outcome = input.outcome === 'REVOKE' ? 'REVOKED' : 'DISMISSED';
    const grant = grantOf(dossier);
    const changed = await changeDossier(trx, dossier, {
      action,
      acting: ctx.acting,
      on: ctx.today,
      details: { groundCodes, note },
      // The grant stays the decision on the application, on its day (`decided_on` unchanged, so
      // statistics and lead times keep the grant where it was: decision 021); the withdrawal is kept
      // beside it, and the appeal's month runs from its day (handling/decide-appeal.ts).
      ...(outcome === 'REVOKED'
        ? {
            patch: {
              decision: {
                ...(dossier.decision as Record<string, unknown>),
                revocation: { decidedOn: ctx.today, groundCodes, note, decidedBy: ctx.acting.userId },
              },
            },
          }
        : {}),
    });
    await recordOutcome(trx, proposal.id, {
      outcome,
      decided_on: ctx.today,
      decided_by: ctx.acting.userId,
      decision_note: note,
      ground_codes: groundCodes,
    });
    if (outcome === 'DISMISSED') return changed;
    const offered = withdrawalGroundsOfDossier(dossier.application, proposal.proposed_on);
    const parties = await letterParties(trx, changed, ctx.today);
    const pdf = await renderRevocationLetter({
      ...parties,
      revocation: {
        grantedOn: grant.decidedOn ?? proposal.proposed_on,
        validFrom: grant.validFrom ?? proposal.proposed_on,
        validUntil: grant.validUntil ?? proposal.proposed_on,
        proposedOn: proposal.proposed_on,
        hearingDueOn: proposal.hearing_due_on,
        answeredOn: proposal.answered_on,
        decidedOn: ctx.today,
        grounds: groundCodes.map((code) => {
          const ground = offered.find((g) => g.code === code);
          // The letter renders the legal basis itself, in its language.
          return {
            statement: shownWithdrawalGround(ground, code, changed.lang).statement,
            legalBasis: ground?.legalBasis ?? '',
          };
        }),
        facts: proposal.facts,
        motivation: note,
      },
      decidedBy: await displayName(trx, ctx.acting.userId),
    });
    await storeLetter(trx, changed, 'REVOCATION', pdf, parties.generatedAt);
    await queueFederalRevocation(trx, changed, ctx.today, groundCodes);
    return changed;
  });
}

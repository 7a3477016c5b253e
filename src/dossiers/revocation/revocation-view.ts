import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { listProposals, type ProposalRow } from './revocation.repo.ts';
import { shownWithdrawalGround, withdrawalGroundsOfDossier } from './revocation-rules.ts';

/**
 * A dossier's withdrawal procedure as its readers see it: the proposal's grounds written out with
 * their legal basis, the facts, the employer's term and answer, the outcome. The employer must see
 * the grounds and facts to be heard on them; the evidence references (an inspection report's
 * number, a register extract) and who proposed it are for staff and the inspector.
 */
export type Reader = 'STAFF' | 'EMPLOYER';

export function showProposal(
  row: ProposalRow,
  application: unknown,
  lang: Lang,
  reader: Reader,
  today: string,
) {
  const offered = withdrawalGroundsOfDossier(application, row.proposed_on);
  return {
    id: row.id,
    proposedOn: row.proposed_on,
    grounds: row.ground_codes.map((code) =>
      shownWithdrawalGround(
        offered.find((ground) => ground.code === code),
        code,
        lang,
      ),
    ),
    facts: row.facts,
    hearingDueOn: row.hearing_due_on,
    // The employer may still answer: no answer yet and the day not past.
    isHearingOpen: row.outcome === null && row.answered_on === null && today <= row.hearing_due_on,
    answer: row.answer,
    answeredOn: row.answered_on,
    outcome: row.outcome,
    decidedOn: row.decided_on,
    decisionNote: row.outcome === 'REVOKED' || reader === 'STAFF' ? row.decision_note : null,
    ...(reader === 'STAFF' ? { evidence: row.evidence, proposedRole: row.proposed_role } : {}),
  };
}

export type ShownProposal = ReturnType<typeof showProposal>;

/** The latest proposal for the dossier's page: the open one, else the last decided one. */
export async function withdrawalOf(
  db: Db,
  dossier: { id: string; application: unknown },
  lang: Lang,
  reader: Reader,
  today: string,
): Promise<ShownProposal | null> {
  const [latest] = await listProposals(db, dossier.id);
  if (!latest) return null;
  return showProposal(latest, dossier.application, lang, reader, today);
}

/**
 * A withdrawal decided, as the employer and the worker read it beside the grant it ended: the day,
 * the grounds with their legal basis and the supervisor's motivation (also in the letter). Read
 * from `decision.revocation` (decision 012), so the worker's view needs no proposal row.
 */
export function revocationShown(dossier: { decision: unknown; application: unknown }, lang: Lang) {
  const revocation = (dossier.decision as { revocation?: RevocationDecision } | null)?.revocation;
  if (!revocation) return null;
  const offered = withdrawalGroundsOfDossier(dossier.application, revocation.decidedOn);
  return {
    decidedOn: revocation.decidedOn,
    grounds: revocation.groundCodes.map((code) =>
      shownWithdrawalGround(
        offered.find((ground) => ground.code === code),
        code,
        lang,
      ),
    ),
    motivation: revocation.note || null,
  };
}

interface RevocationDecision {
  decidedOn: string;
  groundCodes: string[];
  note: string;
}

export type ShownRevocation = NonNullable<ReturnType<typeof revocationShown>>;

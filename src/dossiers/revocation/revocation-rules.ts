import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { addDays } from '../../rules/dates/iso-date.ts';
import {
  type Application,
  type WithdrawalGround,
  withdrawalGroundsForApplication,
  withdrawalOnlyGrounds,
} from '../../rules/index.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { LoketError } from '../../server/errors.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { withdrawalGroundStatement } from '../letters/ground-texts.ts';

/**
 * The pure part of withdrawing an authorisation (decision 012): which grounds are offered, the
 * employer's term to be heard, and the checks of a proposal and a decision, each answered as a
 * field error in the reader's language.
 *
 * The right to be heard (hoorrecht, a general principle of good administration) asks that the
 * employer knows the grounds and the facts and has a useful term to answer before an act that
 * takes away a right it holds. The decree fixes no term; we give 15 days by default (the term an
 * incomplete application gets to be completed), never fewer, at most 60. A supervisor decides
 * only after the answer or after the term, and only on grounds the employer was heard on.
 */
export const DEFAULT_HEARING_DAYS = 15;
export const MIN_HEARING_DAYS = 15;
export const MAX_HEARING_DAYS = 60;

export function invalidRevocation(
  lang: Lang,
  ...fields: [path: string, rule: string, params?: Record<string, unknown>][]
): LoketError {
  const errors: FieldError[] = fields.map(([path, rule, params]) => ({
    path,
    rule,
    message: translate(lang, `validation.revocation.${rule}`, params ?? {}),
  }));
  return new LoketError('LOKET_VALIDATION_FAILED', {}, errors);
}

/** The day the employer may answer until: the proposer's, within the window, or the default. */
export function hearingDueOn(today: string, chosen: string | undefined, lang: Lang): string {
  if (chosen === undefined) return addDays(today, DEFAULT_HEARING_DAYS);
  const earliest = addDays(today, MIN_HEARING_DAYS);
  const latest = addDays(today, MAX_HEARING_DAYS);
  if (chosen < earliest || chosen > latest)
    throw invalidRevocation(lang, ['hearingDueOn', 'hearingDueOn', { earliest, latest }]);
  return chosen;
}

/** The grounds offered for a dossier on `on`; without a readable application, the withdrawal-only ones. */
export function withdrawalGroundsOfDossier(application: unknown, on: string): WithdrawalGround[] {
  try {
    return withdrawalGroundsForApplication(application as Application, on);
  } catch {
    return withdrawalOnlyGrounds();
  }
}

export interface ProposalInput {
  groundCodes: string[];
  facts: string;
}

/** Checks a proposal's grounds and facts; returns the grounds chosen, in the offered order. */
export function checkProposal(
  offered: readonly WithdrawalGround[],
  input: ProposalInput,
  lang: Lang,
): WithdrawalGround[] {
  const codes = [...new Set(input.groundCodes)];
  const foreign = codes.filter((code) => !offered.some((ground) => ground.code === code));
  const errors: [string, string, Record<string, unknown>?][] = [];
  if (foreign.length > 0) errors.push(['groundCodes', 'notAWithdrawalGround', { codes: foreign.join(', ') }]);
  else if (codes.length === 0) errors.push(['groundCodes', 'groundRequired']);
  if (!input.facts.trim()) errors.push(['facts', 'factsRequired']);
  if (errors.length > 0) throw invalidRevocation(lang, ...errors);
  return offered.filter((ground) => codes.includes(ground.code));
}

/** A supervisor revokes on the proposal's grounds or fewer: never on one the employer was not heard on. */
export function checkDecisionGrounds(
  proposed: readonly string[],
  chosen: string[] | undefined,
  lang: Lang,
): string[] {
  if (chosen === undefined) return [...proposed];
  const codes = [...new Set(chosen)];
  const foreign = codes.filter((code) => !proposed.includes(code));
  if (foreign.length > 0)
    throw invalidRevocation(lang, ['groundCodes', 'notProposedGround', { codes: foreign.join(', ') }]);
  if (codes.length === 0) throw invalidRevocation(lang, ['groundCodes', 'groundRequired']);
  return proposed.filter((code) => codes.includes(code));
}

/** A ground as the employer, the worker and staff read it: its statement and legal basis written out. */
export function shownWithdrawalGround(ground: WithdrawalGround | undefined, code: string, lang: Lang) {
  return {
    code,
    kind: ground?.kind ?? null,
    statement: withdrawalGroundStatement(lang, code),
    legalBasis: ground ? renderLegalBasis(ground.legalBasis, lang) : '',
  };
}

export type ShownWithdrawalGround = ReturnType<typeof shownWithdrawalGround>;

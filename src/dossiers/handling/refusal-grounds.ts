import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import {
  type Application,
  type Assessment,
  type Category,
  type Reason,
  type RefusalGround,
  type RefusalGroundCode,
  refusalGroundsForApplication,
  refusalGroundsOf,
} from '../../rules/index.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { LoketError } from '../../server/errors.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { GROUND_STATEMENTS } from '../letters/ground-texts.ts';

/**
 * Which grounds a refusal may rest on, and the reasons its letter prints. A case handler picks
 * from the legal grounds of the dossier's category (refusalGroundsOf), whether or not the rules
 * found them: a false document, a sham vacancy or an employer acting as a hub is often known only
 * to the case handler. The written motivation is always required (formal motivation, law of
 * 29 July 1991, art. 2–3): it carries the facts a ground the rules did not find cannot quote.
 */

/** A ground offered to the case handler, with what the assessment found about it (null: nothing). */
export interface OfferedGround {
  code: RefusalGroundCode;
  effect: 'REFUSE' | 'REVIEW';
  legalBasis: string;
  /** The assessment's message when the rules found this ground. */
  found: string | null;
  /** The latest inspector's proposal naming this ground (issue 14), if any. */
  proposed: { on: string; by: string | null; facts: string } | null;
}

export interface RefusalChoice {
  reasonCodes: string[];
  note?: string | null | undefined;
}

/** Builds the 400 of a decision, each field error named and translated. */
export function invalidDecision(
  lang: Lang,
  ...fields: [path: string, rule: string, params?: Record<string, unknown>][]
): LoketError {
  const errors: FieldError[] = fields.map(([path, rule, params]) => ({
    path,
    rule,
    message: translate(lang, `validation.decision.${rule}`, params ?? {}),
  }));
  return new LoketError('LOKET_VALIDATION_FAILED', {}, errors);
}

/** The grounds in force for the dossier's application; all of its category's if it cannot be read. */
function groundsOfDossier(category: Category, application: unknown): RefusalGround[] {
  try {
    return refusalGroundsForApplication(application as Application);
  } catch {
    return refusalGroundsOf(category);
  }
}

export function offeredGrounds(
  category: Category,
  assessment: Assessment | null,
  application: unknown,
  proposals: readonly { codes: readonly string[]; on: string; by: string | null; facts: string }[] = [],
): OfferedGround[] {
  return groundsOfDossier(category, application).map((ground) => {
    const reason = assessment?.reasons.find((r) => r.code === ground.code);
    const proposal = proposals.findLast((p) => p.codes.includes(ground.code));
    return {
      code: ground.code,
      effect: ground.effect,
      legalBasis: reason?.legalBasis ?? ground.legalBasis,
      found: reason?.message ?? null,
      proposed: proposal ? { on: proposal.on, by: proposal.by, facts: proposal.facts } : null,
    };
  });
}

/**
 * Checks a refusal (at least one ground, every ground one of the category's in force for the
 * application, a motivation) and
 * returns the reasons for the letter in `letterLang`, in the order of the category's conditions:
 * the assessment's own reason where the rules found the ground, else the ground's statement.
 */
export function chooseRefusalGrounds(
  dossier: { category: Category; application: unknown },
  assessment: Assessment | null,
  refusal: RefusalChoice,
  lang: Lang,
  letterLang: Lang,
): Reason[] {
  const grounds = offeredGrounds(dossier.category, assessment, dossier.application);
  const codes = [...new Set(refusal.reasonCodes)];
  const foreign = codes.filter((code) => !grounds.some((ground) => ground.code === code));
  const errors: [string, string, Record<string, unknown>?][] = [];
  if (foreign.length > 0) errors.push(['reasonCodes', 'notAGroundOfCategory', { codes: foreign.join(', ') }]);
  else if (codes.length === 0) errors.push(['reasonCodes', 'reasonRequired']);
  if (!refusal.note?.trim()) errors.push(['note', 'motivationRequired']);
  if (errors.length > 0) throw invalidDecision(lang, ...errors);
  return grounds
    .filter((ground) => codes.includes(ground.code))
    .map(
      (ground) =>
        assessment?.reasons.find((reason) => reason.code === ground.code) ?? {
          code: ground.code,
          effect: ground.effect,
          legalBasis: ground.legalBasis,
          message: GROUND_STATEMENTS[letterLang][ground.code],
          facts: {},
        },
    );
}

/** A refusal's grounds as the employer and the worker read them on their pages, in `lang`. */
export interface ShownGround {
  code: string;
  statement: string;
  legalBasis: string;
}

/**
 * The grounds and motivation of a refused dossier's decision, written for its readers: each ground's
 * statement and its legal basis written out, as the letter has them (the letter keeps the rules'
 * own wording with the figures where they found the ground). Null when the dossier is not refused.
 */
export function refusalShown(
  dossier: { category: string; application: unknown; decision: unknown },
  lang: Lang,
): { grounds: ShownGround[]; motivation: string | null } | null {
  const decision = dossier.decision as {
    outcome?: string;
    reasonCodes?: string[];
    note?: string | null;
  } | null;
  if (decision?.outcome !== 'REFUSED') return null;
  const offered = groundsOfDossier(dossier.category as Category, dossier.application);
  const grounds = (decision.reasonCodes ?? []).map((code) => {
    const ground = offered.find((g) => g.code === code);
    return {
      code,
      statement: GROUND_STATEMENTS[lang][code as RefusalGroundCode] ?? code,
      legalBasis: ground ? renderLegalBasis(ground.legalBasis, lang) : '',
    };
  });
  return { grounds, motivation: decision.note?.trim() || null };
}

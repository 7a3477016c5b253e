import type { Lang } from '../../i18n/languages.ts';
import { checkHighlySkilledFunction } from '../../rules/conditions/function-level.ts';
import type { RuleData } from '../../rules/data/rule-data.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { type CareProfession, isPending, type RecognitionStatus } from './recognition-model.ts';

/**
 * What a candidate in recognition may do while waiting, read from the rules themselves (not
 * written here): the nurse exception of checkHighlySkilledFunction (src/rules/conditions/
 * function-level.ts) with its legal basis, and the parameters it reads on that day, with their
 * sources. Pure but for the default rule data.
 *
 * - NURSE_EXCEPTION: a nurse awaiting recognition may take another care function, even below the
 *   level a highly skilled function must require (`minimumVks`); the NARIC file's reference is
 *   then needed when `naricReferenceRequired`.
 * - NO_LEVEL_CONDITION: on that day the function's level is no condition at all (before 2026), so
 *   a care function at any level may be taken; the exception is not needed.
 * - NONE: the exception is for nurses; a care worker waits for recognition to practise.
 */
export type InterimKind = 'NURSE_EXCEPTION' | 'NO_LEVEL_CONDITION' | 'NONE';

export interface InterimCareFunction {
  kind: InterimKind;
  minimumVks: number | null;
  naricReferenceRequired: boolean;
  /** The rule's legal basis, as the rules engine cites it, in the reader's language. */
  legalBasis: string;
  /** The parameters' public sources in force on that day. */
  sources: string[];
  /** The day the rules were read on. */
  on: string;
}

/** Null when the file is no longer pending: recognised (the profession itself), or refused. */
export function interimCareFunction(
  profession: CareProfession,
  status: RecognitionStatus,
  on: string,
  lang: Lang = 'nl',
  data: RuleData = getDefaultRuleData(),
): InterimCareFunction | null {
  if (!isPending(status)) return null;
  const level = data.parameters.resolve('function.highlySkilledMinimumRequiredVks', on);
  const naric = data.parameters.resolve('function.nurseExceptionNaricRequired', on);
  const minimumVks = typeof level?.value === 'number' ? level.value : null;
  const kind: InterimKind =
    profession !== 'NURSE' ? 'NONE' : minimumVks === null ? 'NO_LEVEL_CONDITION' : 'NURSE_EXCEPTION';
  return {
    kind,
    minimumVks,
    naricReferenceRequired: kind === 'NURSE_EXCEPTION' && naric?.value === true,
    legalBasis: renderLegalBasis(checkHighlySkilledFunction.legalBasis, lang),
    sources: [level?.source, kind === 'NURSE_EXCEPTION' ? naric?.source : undefined].filter(
      (source): source is string => typeof source === 'string',
    ),
    on,
  };
}

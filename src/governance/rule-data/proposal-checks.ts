import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { findIscoGroup } from '../../occupations/function-classification.ts';
import { findOccupation } from '../../occupations/occupation-catalogue.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { latestFilingDate } from './rule-versions.repo.ts';
import { earliestEffectiveDate } from './rule-versions.ts';

/** The checks every rule-data proposal route shares: one answer shape, one effective-date rule. */

export function invalidRuleData(errors: FieldError[]): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', { count: errors.length }, errors);
}

export function ruleDataFieldError(
  lang: Lang,
  path: string,
  rule: string,
  params?: Record<string, unknown>,
): FieldError {
  return { path, rule, message: translate(lang, `validation.ruleData.${rule}`, params) };
}

/** A new version never takes effect on a day already past or on which a filing was made. */
export async function checkEffectiveDate(trx: Db, validFrom: string, lang: Lang, now: Date): Promise<void> {
  const earliest = earliestEffectiveDate(brusselsDate(now), await latestFilingDate(trx));
  if (validFrom < earliest)
    throw invalidRuleData([ruleDataFieldError(lang, 'body.validFrom', 'effectiveDate', { date: earliest })]);
}

/** An entry's ISCO group and ESCO occupation must exist in data/esco, and agree with each other. */
export function entryCodeErrors(
  lang: Lang,
  entry: { isco?: string; esco?: string; escoFit?: 'none' },
  index: number,
): FieldError[] {
  const at = (key: string) => `body.entries.${index}.${key}`;
  const errors: FieldError[] = [];
  if (entry.isco && !findIscoGroup(entry.isco))
    errors.push(ruleDataFieldError(lang, at('isco'), 'iscoUnknown'));
  if (entry.esco) {
    const occupation = findOccupation(entry.esco);
    if (!occupation) errors.push(ruleDataFieldError(lang, at('esco'), 'escoUnknown'));
    else if (entry.isco && occupation.iscoCode !== entry.isco)
      errors.push(ruleDataFieldError(lang, at('esco'), 'escoOutsideIsco', { isco: occupation.iscoCode }));
    if (entry.escoFit) errors.push(ruleDataFieldError(lang, at('escoFit'), 'escoFitWithEsco'));
  }
  return errors;
}

import type { Role } from '../../auth/roles.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { isValidEnterpriseNumber } from '../../rules/index.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

/**
 * What an administrator may make of an account, checked before any write. Pure. Role handling is
 * generic: any role of ROLES may be given; only the employer role carries an enterprise and
 * mandates (the users table requires its own enterprise for an employer and none for others).
 */
export interface AccountInput {
  role: Role;
  enterpriseNumber: string | null;
  email: string | null;
  mandates: readonly { enterpriseNumber: string }[];
}

export function compactEnterpriseNumber(value: string): string {
  return value.replace(/[.\s]/g, '');
}

export function fieldError(
  lang: Lang,
  path: string,
  rule: string,
  params?: Record<string, unknown>,
): FieldError {
  return { path, rule, message: translate(lang, `validation.account.${rule}`, params) };
}

export function checkAccountInput(input: AccountInput, lang: Lang, needsEmail: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const isEmployer = input.role === 'EMPLOYER';
  const own = input.enterpriseNumber === null ? null : compactEnterpriseNumber(input.enterpriseNumber);
  if (isEmployer && !own) errors.push(fieldError(lang, 'body.enterpriseNumber', 'enterpriseRequired'));
  if (!isEmployer && own) errors.push(fieldError(lang, 'body.enterpriseNumber', 'enterpriseNotForRole'));
  if (own && !isValidEnterpriseNumber(own))
    errors.push(fieldError(lang, 'body.enterpriseNumber', 'enterpriseNumber'));
  if (needsEmail && !input.email) errors.push(fieldError(lang, 'body.email', 'emailRequired'));
  if (!isEmployer && input.mandates.length > 0)
    errors.push(fieldError(lang, 'body.mandates', 'enterpriseNotForRole'));
  errors.push(...checkMandates(input.mandates, lang));
  return errors;
}

/**
 * A partner account acts for exactly one partner organisation (it sees that one's candidates
 * only); no other role acts for one. Linking to a deactivated organisation is refused; an account
 * already linked to one keeps its link (the organisation may be activated again).
 */
export function checkPartnerLink(
  input: { role: Role; partnerId: string | null; previousPartnerId: string | null },
  state: 'ACTIVE' | 'INACTIVE' | 'UNKNOWN' | null,
  lang: Lang,
): FieldError[] {
  const path = 'body.partnerId';
  if (input.role !== 'PARTNER')
    return input.partnerId === null ? [] : [fieldError(lang, path, 'partnerNotForRole')];
  if (input.partnerId === null) return [fieldError(lang, path, 'partnerRequired')];
  if (state === 'UNKNOWN') return [fieldError(lang, path, 'partnerUnknown')];
  if (state === 'INACTIVE' && input.partnerId !== input.previousPartnerId)
    return [fieldError(lang, path, 'partnerInactive')];
  return [];
}

// A mandate for the account's own enterprise is allowed: it is where the enterprise's name is kept.
export function checkMandates(mandates: readonly { enterpriseNumber: string }[], lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  mandates.forEach((mandate, index) => {
    const path = `body.mandates.${index}.enterpriseNumber`;
    const number = compactEnterpriseNumber(mandate.enterpriseNumber);
    if (!isValidEnterpriseNumber(number)) errors.push(fieldError(lang, path, 'enterpriseNumber'));
    else if (seen.has(number)) errors.push(fieldError(lang, path, 'mandateDuplicate'));
    seen.add(number);
  });
  return errors;
}

export function passwordErrors(password: string, username: string, lang: Lang): FieldError[] {
  const problem = checkPassword(password, username);
  if (!problem) return [];
  return [
    {
      path: 'body.password',
      rule: problem,
      message: translate(lang, `validation.account.password.${problem}`, {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      }),
    },
  ];
}

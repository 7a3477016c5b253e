import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/languages.ts';
import { translate } from '../i18n/translate.ts';
import { findOccupation } from '../occupations/occupation-catalogue.ts';
import { foldText } from '../occupations/search-text.ts';
import { addMonths } from '../rules/dates/iso-date.ts';
import { locatePostalCode } from '../rules/index.ts';
import { LoketError } from '../server/errors.ts';
import { isCountryCode } from '../validation/country-codes.ts';
import { type FieldError, type SchemaError, toFieldErrors } from '../validation/field-errors.ts';
import { type Circle, type LanguageSkill, MAX_RETENTION_MONTHS } from './talent-model.ts';

/**
 * The checks a schema cannot make: an ESCO occupation that exists, a Belgian postal code, dates
 * that make sense together. Each failing field is named with its rule, all at once (400).
 */

export class FieldChecks {
  readonly errors: FieldError[] = [];
  constructor(private readonly lang: Lang) {}

  fail(path: string, rule: string, key: string, params?: Record<string, unknown>): void {
    this.errors.push({ path, rule, message: translate(this.lang, `validation.talent.${key}`, params) });
  }

  occupation(path: string, id: string) {
    const occupation = findOccupation(id);
    if (!occupation) this.fail(path, 'esco', 'unknownOccupation');
    return occupation;
  }

  /** An assigned ISO 3166-1 code: the schema lets any two capitals through. */
  country(path: string, code: string): void {
    if (!isCountryCode(code)) this.fail(path, 'iso3166', 'nationality');
  }

  postalCode(path: string, code: string | null | undefined): void {
    if (code && !locatePostalCode(code)) this.fail(path, 'belgianPostalCode', 'postalCode');
  }

  languages(path: string, languages: readonly LanguageSkill[]): void {
    if (new Set(languages.map((skill) => skill.lang)).size !== languages.length)
      this.fail(path, 'uniqueLanguage', 'duplicateLanguage');
  }

  /** Someone in Belgium has a postal code (distance is measured from it); someone abroad has none. */
  residence(circle: Circle, postalCode: string | null | undefined): void {
    if ((circle === 'BELGIUM') !== Boolean(postalCode))
      this.fail('postalCode', 'postalCodeForBelgium', 'postalCodeForBelgium');
  }

  /**
   * Consent given no later than today; kept after today, and at most `months` after consent: the
   * partner organisation's own retention (migration 0040), never more than MAX_RETENTION_MONTHS.
   */
  retention(
    consentGivenOn: string,
    retentionUntil: string,
    today: string,
    months = MAX_RETENTION_MONTHS,
  ): void {
    const limit = Math.min(months, MAX_RETENTION_MONTHS);
    if (consentGivenOn > today) this.fail('consentGivenOn', 'notInFuture', 'consentInFuture');
    if (retentionUntil <= today || retentionUntil > addMonths(consentGivenOn, limit))
      this.fail('retentionUntil', 'retentionPeriod', 'retention', { months: limit });
  }

  /**
   * The schema's refusals of a route that validates late (`attachValidation`), so they are answered
   * together with the handler's own checks instead of in a first round of their own. Answers
   * whether the schema refused a field or a part of it: that field's own checks wait.
   */
  addSchemaErrors(request: FastifyRequest): (path: string) => boolean {
    const error = request.validationError as (Error & { validation?: SchemaError[] }) | undefined;
    if (!error) return () => false;
    const fields = toFieldErrors(error.validation ?? [], this.lang).map((field) =>
      field.path ? field : { ...field, path: 'body' },
    );
    const refused =
      fields.length > 0
        ? fields
        : [{ path: 'body', rule: 'invalid', message: translate(this.lang, 'validation.fallback') }];
    this.errors.push(...refused);
    return (path) =>
      refused.some(
        (field) =>
          field.path === 'body' ||
          field.path === path ||
          field.path.startsWith(`${path}.`) ||
          field.path.startsWith(`${path}[`),
      );
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, this.errors);
  }
}

/** The occupation's labels in every language and the title, folded as the pickers fold: for trigram search. */
export function vacancySearchText(occupationId: string, title: string): string {
  const occupation = findOccupation(occupationId);
  const labels = occupation ? Object.values(occupation.labels) : [];
  return foldText([...labels, title].join(' '));
}

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeFieldError, fieldName } from './field-names.ts';
import { CATALOGUES } from './i18n.ts';

describe('field errors name their field', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { nl: { translation: CATALOGUES.nl }, fr: { translation: CATALOGUES.fr } },
      lng: 'nl',
      showSupportNotice: false,
    });
  });

  it('names API fields and application questions in the interface language', async () => {
    expect(describeFieldError({ path: 'body.validUntil', rule: 'required', message: 'is verplicht' })).toBe(
      'Geldig tot is verplicht',
    );
    expect(fieldName('answers.application.job.grossAnnualSalary')).toBe(
      CATALOGUES.nl.employer.questions.application.job.grossAnnualSalary,
    );
    expect(fieldName('labourMarketTest.publications[0].from')).toBe('De begindatum');
    await i18next.changeLanguage('fr');
    expect(
      describeFieldError({ path: 'code', rule: 'minLength', message: 'doit compter 10 caractères' }),
    ).toBe("Le code d'accès doit compter 10 caractères");
    await i18next.changeLanguage('nl');
  });

  it('falls back to the path only for a field no catalogue knows', () => {
    expect(fieldName('query.somethingNew')).toBe('somethingNew');
  });
});

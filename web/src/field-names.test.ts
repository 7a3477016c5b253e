import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerErrorBeside, answerErrorInSummary, describeFieldError, fieldName } from './field-names.ts';
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

  it('says an answer’s error beside its field without repeating the label, and names it once in the summary', async () => {
    const label = CATALOGUES.fr.employer.questions.application.employer.enterpriseNumber;
    await i18next.changeLanguage('fr');
    const required = [{ rule: 'required', message: 'est obligatoire' }];
    const pattern = [{ rule: 'enterpriseNumber.checkDigits', message: "n'a pas le bon chiffre de contrôle" }];
    expect(answerErrorBeside(required)).toBe('Ce champ est obligatoire.');
    expect(answerErrorBeside(pattern)).toBe("Cette réponse n'a pas le bon chiffre de contrôle.");
    expect(answerErrorBeside(pattern)).not.toContain(label);
    expect(answerErrorInSummary(label, required)).toBe(`${label} : ce champ est obligatoire.`);
    // A message that is a sentence of its own stays as it is.
    expect(answerErrorBeside([{ rule: 'x', message: 'Le document manque' }])).toBe('Le document manque.');
    await i18next.changeLanguage('nl');
    expect(answerErrorBeside(required)).toBe('Dit veld is verplicht.');
    expect(answerErrorInSummary('Geboortedatum', [{ rule: 'type', message: 'moet een datum zijn' }])).toBe(
      'Geboortedatum moet een datum zijn',
    );
  });
});

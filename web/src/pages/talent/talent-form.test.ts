import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import { type CandidateDraft, candidateDraftErrors, formErrors, parseLanguages } from './talent-form.ts';

const fields = {
  occupationIds: {
    id: 'candidate-occupationIds',
    label: 'Beroep (ESCO)',
    explain: 'is niet gekozen: kies uit de suggesties',
  },
  postalCode: { id: 'candidate-postalCode', label: 'Postcode', hint: '4 cijfers, bijvoorbeeld 9000' },
  languages: { id: 'candidate-languages', label: 'Talen en niveau' },
  retentionUntil: { id: 'candidate-retentionUntil', label: 'Bewaren tot' },
};

describe('formErrors', () => {
  it("names each field once, in words to act on, with the hint a rule needs, in the form's order", () => {
    const error = new ApiError(400, 'LOKET_VALIDATION', 'Ongeldige invoer', [
      { path: 'postalCode', rule: 'pattern', message: 'heeft niet de juiste vorm' },
      { path: 'occupationIds', rule: 'minItems', message: 'is verplicht: kies er minstens één' },
      { path: 'postalCode', rule: 'anyOf', message: 'heeft geen geldige vorm' },
      { path: 'languages[0].level', rule: 'enum', message: 'moet een van deze waarden zijn: A1, A2' },
      { path: 'consent.retentionUntil', rule: 'retentionPeriod', message: 'ligt te ver' },
    ]);
    const { byPath, summary } = formErrors(error, fields);
    expect(summary).toEqual([
      {
        message: 'Beroep (ESCO) is niet gekozen: kies uit de suggesties',
        fieldId: 'candidate-occupationIds',
      },
      {
        message: 'Postcode heeft niet de juiste vorm (4 cijfers, bijvoorbeeld 9000)',
        fieldId: 'candidate-postalCode',
      },
      { message: 'Talen en niveau moet een van deze waarden zijn: A1, A2', fieldId: 'candidate-languages' },
      { message: 'Bewaren tot ligt te ver', fieldId: 'candidate-retentionUntil' },
    ]);
    expect(byPath.postalCode).toBe('heeft niet de juiste vorm (4 cijfers, bijvoorbeeld 9000)');
    expect(Object.keys(byPath).sort()).toEqual([
      'languages',
      'occupationIds',
      'postalCode',
      'retentionUntil',
    ]);
  });

  it('adds no hint to "is required"', () => {
    const error = new ApiError(400, 'LOKET_VALIDATION', 'x', [
      { path: 'postalCode', rule: 'required', message: 'is verplicht' },
    ]);
    expect(formErrors(error, fields).byPath.postalCode).toBe('is verplicht');
  });
});

describe('parseLanguages', () => {
  it('reads "nl B2, ar c2"', () => {
    expect(parseLanguages('nl B2, ar c2')).toEqual([
      { lang: 'nl', level: 'B2' },
      { lang: 'ar', level: 'C2' },
    ]);
  });
});

describe('candidateDraftErrors', () => {
  const draft: CandidateDraft = {
    reference: 'WW-2026/014',
    occupationChosen: true,
    languages: 'nl B1, ar C2',
    circle: 'BELGIUM',
    postalCode: '9000',
    nationality: 'SY',
    availableFrom: '2026-12-15',
    retentionUntil: '2027-12-01',
  };
  const check = (changes: Partial<CandidateDraft>, retentionMonths = 24) =>
    candidateDraftErrors(
      { ...draft, ...changes },
      {
        today: '2026-12-02',
        retentionMonths,
        words: (rule, params) => `${rule}${params ? JSON.stringify(params) : ''}`,
      },
    ).map((error) => [error.path, error.rule, error.message]);

  it('accepts a complete form', () => {
    expect(check({})).toEqual([]);
    expect(check({ circle: 'EU', postalCode: '' })).toEqual([]);
  });

  it('names every field the browser can check, at once, in the order of the form', () => {
    expect(
      check({
        reference: 'AB 1',
        occupationChosen: false,
        languages: 'nl B7',
        postalCode: '12',
        nationality: '',
        availableFrom: '',
        retentionUntil: '2029-01-01',
      }),
    ).toEqual([
      ['reference', 'reference', 'reference'],
      ['occupationIds', 'occupation', 'occupation'],
      ['languages', 'language', 'language'],
      ['postalCode', 'postalCode', 'postalCode'],
      ['nationality', 'nationality', 'nationality'],
      ['availableFrom', 'date', 'date'],
      ['retentionUntil', 'retentionTooLong', 'retentionTooLong{"months":24}'],
    ]);
  });

  it("knows the residence rule, a language twice, a code that is no country and the organisation's retention", () => {
    expect(
      check(
        {
          reference: ' ',
          circle: 'THIRD_COUNTRY',
          languages: 'nl B1, nl C1',
          nationality: 'ZZ',
          retentionUntil: '2027-12-01',
        },
        6,
      ),
    ).toEqual([
      ['reference', 'required', 'required'],
      ['languages', 'languageTwice', 'languageTwice'],
      ['postalCode', 'postalCodeForBelgium', 'postalCodeForBelgium'],
      ['nationality', 'nationality', 'nationality'],
      ['retentionUntil', 'retentionTooLong', 'retentionTooLong{"months":6}'],
    ]);
    expect(check({ postalCode: '', retentionUntil: '2026-12-02' })).toEqual([
      ['postalCode', 'postalCodeForBelgium', 'postalCodeForBelgium'],
      ['retentionUntil', 'retentionPast', 'retentionPast'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages.ts';
import { type AppealLetterInput, renderAppealLetter } from './appeal-letter.ts';
import { APPEAL_LETTER_TEXTS } from './appeal-letter-texts.ts';
import { LetterInputError } from './decision-letter.ts';
import { LETTER_TEXTS } from './letter-texts.ts';
import { readPdfText, squash } from './test-support/read-pdf-text.ts';

function anAppealLetter(
  appeal: AppealLetterInput['appeal'] | Partial<AppealLetterInput['appeal']> = {},
  lang: AppealLetterInput['lang'] = 'nl',
): AppealLetterInput {
  return {
    lang,
    generatedAt: new Date('2026-04-20T08:30:00Z'),
    dossierNumber: 'VL-2026-000123',
    employer: { enterpriseNumber: '0403170701', name: 'Tuinbouw De Vlaspit NV' },
    worker: { givenNames: 'Priya', familyName: 'Raman', nationality: 'IN', birthDate: '1994-07-21' },
    category: 'HIGHLY_SKILLED',
    legalFrame: 'Besluit van de Vlaamse Regering van 7 december 2018',
    compress: false,
    decidedBy: 'Bart Janssens',
    appeal: {
      outcome: 'DISMISSED',
      lodgedOn: '2026-03-20',
      refusedOn: '2026-03-11',
      decidedOn: '2026-04-19',
      motivation: 'De bonus is geen gewaarborgd loon.',
      ...appeal,
    } as AppealLetterInput['appeal'],
  };
}

const textOf = async (input: AppealLetterInput) => squash(readPdfText(await renderAppealLetter(input)));
const has = (text: string, sentence: string) => expect(text).toContain(squash(sentence));

describe('appeal letter', () => {
  it.each(LANGUAGES)(
    'in %s, a dismissed appeal keeps the refusal, states why and names the Council of State',
    async (lang) => {
      const own = APPEAL_LETTER_TEXTS[lang];
      const text = await textOf(anAppealLetter({}, lang));
      has(text, own.subject('VL-2026-000123'));
      has(text, own.dismissed({ decidedOn: '19/04/2026' }));
      has(text, 'De bonus is geen gewaarborgd loon.');
      has(text, own.furtherAppeal);
      has(text, own.signerRole);
      expect(text).not.toContain(squash(own.grantedOnAppeal));
    },
  );

  it('an appeal allowed with a grant states the validity; one sent back for review the new due date', async () => {
    const granted = await textOf(
      anAppealLetter({ outcome: 'GRANTED', validFrom: '2026-05-01', validUntil: '2029-04-30' }),
    );
    has(granted, APPEAL_LETTER_TEXTS.nl.allowed({ decidedOn: '19/04/2026' }));
    has(granted, LETTER_TEXTS.nl.validity({ validFrom: '01/05/2026', validUntil: '30/04/2029' }));
    expect(granted).not.toContain(squash(APPEAL_LETTER_TEXTS.nl.furtherAppeal));
    const review = await textOf(anAppealLetter({ outcome: 'REVIEW', dueDate: '2026-05-19' }, 'fr'));
    has(review, APPEAL_LETTER_TEXTS.fr.reviewAgain({ dueDate: '19/05/2026' }));
  });

  it('refuses to write an appeal decision without its reasons', async () => {
    await expect(renderAppealLetter(anAppealLetter({ motivation: '  ' }))).rejects.toThrow(LetterInputError);
    await expect(renderAppealLetter(anAppealLetter({ lodgedOn: '20/03/2026' }))).rejects.toMatchObject({
      field: 'appeal.lodgedOn',
    });
  });
});

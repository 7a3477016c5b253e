import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Lang } from '../../i18n/languages.ts';
import { assess } from '../../rules/index.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import type { Reason } from '../../rules/schema/assessment-schema.ts';
import { anApplication } from '../../rules/test-support/build-application.ts';
import { type DecisionLetterInput, LetterInputError, renderDecisionLetter } from './decision-letter.ts';
import { LETTER_TEXTS } from './letter-texts.ts';
import {
  readPdfGlyphRuns,
  readPdfText,
  readPdfTextLines,
  readPdfTextPositions,
  squash,
} from './test-support/read-pdf-text.ts';

const REASONS: Reason[] = [
  {
    code: 'SALARY_BELOW_THRESHOLD',
    effect: 'REFUSE',
    legalBasis: 'BVR 7 Dec 2018, art. 17, 1°',
    message: 'Het brutojaarloon (45 000 EUR) ligt onder de drempel (48 912 EUR).',
    facts: { salary: 45000, threshold: 48912 },
  },
  {
    code: 'FALSE_DOCUMENTS',
    effect: 'REFUSE',
    legalBasis: 'BVR 7 Dec 2018, art. 12, 1°',
    message: 'Er werden valse of vervalste documenten voorgelegd.',
    facts: {},
  },
];

function aLetter(overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  return {
    lang: 'nl',
    generatedAt: new Date('2026-03-12T08:30:00Z'),
    dossierNumber: 'VL-2026-000123',
    employer: { enterpriseNumber: '0403170701', name: 'Tuinbouw De Vlaspit NV' },
    worker: { givenNames: 'Priya', familyName: 'Raman', nationality: 'IN', birthDate: '1994-07-21' },
    category: 'HIGHLY_SKILLED',
    decision: {
      outcome: 'REFUSED',
      decidedOn: '2026-03-11',
      reasons: REASONS,
      note: 'Het loon volgt het barema niet.',
    },
    decidedBy: 'An Peeters',
    coSignedBy: 'Bart Janssens',
    legalFrame: 'Besluit van de Vlaamse Regering van 7 december 2018',
    compress: false,
    ...overrides,
  };
}

const A_GRANT: DecisionLetterInput['decision'] = {
  outcome: 'GRANTED',
  decidedOn: '2026-03-11',
  validFrom: '2026-04-01',
  validUntil: '2029-03-31',
};

async function textOf(input: DecisionLetterInput): Promise<string> {
  return squash(readPdfText(await renderDecisionLetter(input)));
}

describe('decision letter', () => {
  it.each(LANGUAGES)(
    'in %s, states each refusal reason with its legal basis, the note and the appeal route',
    async (lang) => {
      const texts = LETTER_TEXTS[lang];
      const text = await textOf(aLetter({ lang }));
      for (const line of texts.sender) expect(text).toContain(squash(line));
      expect(text).toContain(squash(texts.subject('VL-2026-000123')));
      expect(text).toContain(squash('0403.170.701'));
      expect(text).toContain(squash(texts.categories.HIGHLY_SKILLED));
      expect(text).toContain('12/03/2026'); // the date of the letter, in Brussels
      for (const [index, reason] of REASONS.entries()) {
        expect(text).toContain(squash(`${index + 1}. ${reason.message}`));
        expect(text).toContain(
          squash(`${texts.legalBasisLabel}: ${renderLegalBasis(reason.legalBasis, lang)}`),
        );
      }
      expect(text).toContain(squash('Het loon volgt het barema niet.'));
      expect(text).toContain(squash(texts.legalFrame('Besluit van de Vlaamse Regering van 7 december 2018')));
      expect(text).toContain(squash(texts.appealHeading));
      for (const paragraph of texts.appeal(1)) expect(text).toContain(squash(paragraph));
      expect(text).toContain('AnPeeters');
      expect(text).toContain('BartJanssens');
      expect(text).toContain(squash(texts.coSignerRole));
    },
  );

  it('words the appeal route as the law asks (registered letter, minister of Work, one month, national language) and names the online appeal too', async () => {
    const nl = await textOf(aLetter({ lang: 'nl' }));
    for (const words of [
      'aangetekende brief',
      'Vlaamse minister bevoegd voor Werk',
      'binnen een maand',
      'landstalen',
      'ook online indienen in Loket',
    ]) {
      expect(nl).toContain(squash(words));
    }
    const fr = await textOf(aLetter({ lang: 'fr' }));
    for (const words of [
      'lettre recommandée',
      "ministre flamand qui a l'Emploi",
      "délai d'un mois",
      'langues nationales',
      'en ligne dans Loket',
    ]) {
      expect(fr).toContain(squash(words));
    }
    const en = await textOf(aLetter({ lang: 'en' }));
    for (const words of [
      'registered letter',
      'Flemish minister responsible for Work',
      'within one month',
      'national languages',
      'online in Loket',
    ]) {
      expect(en).toContain(squash(words));
    }
  });

  it.each(LANGUAGES)('in %s, prints the reasons the rules engine wrote for a real refusal', async (lang) => {
    const assessment = assess(
      anApplication({ job: { grossAnnualSalary: 30000 }, worker: { qualificationVks: 3 } }),
      { lang },
    );
    const reasons = assessment.reasons.filter((reason) => reason.effect === 'REFUSE');
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    const text = await textOf(
      aLetter({ lang, decision: { outcome: 'REFUSED', decidedOn: '2026-03-11', reasons } }),
    );
    for (const reason of reasons) {
      expect(text).toContain(squash(reason.message));
      expect(text).toContain(squash(renderLegalBasis(reason.legalBasis, lang)));
      expect(text).not.toContain(squash(reason.legalBasis)); // never the canonical "7 Dec 2018" form
    }
  });

  it.each([
    ['nl', 'van 01/04/2026 tot en met 31/03/2029'],
    ['fr', 'du 01/04/2026 au 31/03/2029 inclus'],
    ['en', 'from 01/04/2026 up to and including 31/03/2029'],
  ] as [Lang, string][])(
    'in %s, gives a grant its validity period, the way to the desk of rights and no appeal route',
    async (lang, period) => {
      const texts = LETTER_TEXTS[lang];
      const text = await textOf(aLetter({ lang, decision: A_GRANT, coSignedBy: null }));
      expect(text).toContain(squash(period));
      expect(text).toContain(squash(texts.granted({ decidedOn: '11/03/2026' })));
      expect(text).not.toContain(squash(texts.appeal(1)[0] ?? 'missing'));
      expect(text).toContain(squash(texts.rights));
      expect(text).toContain('/desk');
      expect(text).not.toContain(squash(texts.legalBasisLabel));
      expect(text).not.toContain(squash(texts.coSignerRole));
    },
  );

  it.each([
    ['nl', 'nl-BE', 'Beslissing'],
    ['fr', 'fr-BE', 'Décision'],
    ['en', 'en-GB', 'Decision'],
  ] as [Lang, string, string][])(
    'sets the document language (%s → %s), title and author',
    async (lang, tag, title) => {
      const raw = (await renderDecisionLetter(aLetter({ lang }))).toString('latin1');
      expect(raw).toContain(`/Lang (${tag})`);
      expect(raw).toMatch(/\/Title \d+ 0 R/);
      expect(raw).toMatch(/\/Author \d+ 0 R/);
      // The XMP packet carries the title in UTF-8.
      expect(Buffer.from(raw, 'latin1').toString('utf8')).toContain(`${title} `);
      expect(raw).toContain('/MediaBox [0 0 595.28 841.89]'); // A4
    },
  );

  it('writes Dutch when asked for a language Loket does not speak', async () => {
    const text = await textOf(aLetter({ lang: 'de' as Lang }));
    expect(text).toContain(squash(LETTER_TEXTS.nl.appeal(1)[0] ?? 'missing'));
  });

  it('prints names outside Latin-1 as written, right-to-left names in reading order', async () => {
    const input = aLetter({
      employer: { enterpriseNumber: '0403.170.701', name: 'Đorđević Trading d.o.o.' },
      worker: { givenNames: 'محمد', familyName: 'عبد الله', nationality: 'EG', birthDate: '1990-01-02' },
      decidedBy: 'Nguyễn Văn Thành',
      coSignedBy: 'Αλέξανδρος Παπαδόπουλος',
      decision: { ...A_GRANT, note: 'Иванов Пётр; Łukasz Żółć' },
    });
    const pdf = await renderDecisionLetter(input);
    const lines = readPdfTextLines(pdf);
    const text = lines.join('\n');
    for (const name of ['Đorđević Trading d.o.o.', 'Nguyễn Văn Thành', 'Αλέξανδρος Παπαδόπουλος']) {
      expect(text).toContain(name);
    }
    expect(squash(text)).toContain(squash('Иванов Пётр; Łukasz Żółć'));
    // The Arabic name is one run with its logical text (/ActualText), between the Dutch words around it.
    expect(lines).toContain('محمد عبد الله');
    expect(squash(text)).toContain(
      squash('voor محمد عبد الله (nationaliteit: Egypte, geboren op 02/01/1990)'),
    );
    expect(text).not.toContain('\ufffd');
    expect(text).not.toContain('?');
  });

  it('lays an Arabic name out shaped and right to left', async () => {
    const pdf = await renderDecisionLetter(
      aLetter({
        worker: { givenNames: 'محمد', familyName: 'عبد الله', nationality: 'EG', birthDate: '1990-01-02' },
      }),
    );
    // Inside the /ActualText span the glyphs stand in visual order: last word first, joined forms.
    const glyphs = readPdfGlyphRuns(pdf).find((run) => run.actualText === 'محمد عبد الله');
    expect(glyphs).toBeDefined();
    const visual = glyphs?.glyphText ?? '';
    expect(visual.indexOf('م')).toBeGreaterThan(visual.indexOf('ع'));
    expect(visual.indexOf('ع')).toBeGreaterThan(visual.indexOf('ل'));
    // Shaped: the two mīms of محمد are drawn with different glyphs (final and initial forms).
    const mims = [...visual].flatMap((char, index) => (char === 'م' ? [glyphs?.glyphCodes[index]] : []));
    expect(mims).toHaveLength(2);
    expect(mims[0]).not.toBe(mims[1]);
  });

  it('embeds its font (subset) and uses no standard font', async () => {
    const raw = (await renderDecisionLetter(aLetter())).toString('latin1');
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/ToUnicode');
    expect(raw).not.toContain('/Helvetica');
  });

  it('is tagged for screen readers: structure tree, headings, a list of reasons, artifacts', async () => {
    const raw = (await renderDecisionLetter(aLetter())).toString('latin1');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody']) {
      expect(raw).toMatch(new RegExp(`/S /${role}\\b`));
    }
    // Two reasons, two list items.
    expect(raw.match(/\/S \/LI\b/g)).toHaveLength(2);
    // The footer is page furniture, not part of the letter's text for a screen reader.
    expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
  });

  it('puts the address block in the envelope window, with the address from the enterprise register', async () => {
    const pdf = await renderDecisionLetter(
      aLetter({
        employer: {
          enterpriseNumber: '0403.170.701',
          name: 'Bakkerij Peeters bv',
          address: { street: 'Kerkstraat', houseNumber: '12', postalCode: '2000', municipality: 'Antwerpen' },
        },
      }),
    );
    const positions = readPdfTextPositions(pdf);
    const name = positions.find((line) => line.text === 'Bakkerij Peeters bv');
    expect(name).toBeDefined();
    const mm = 72 / 25.4;
    // Window: 110 mm from the left, 50–90 mm from the top of an A4 page (841.89 pt high).
    expect(name?.x).toBeCloseTo(110 * mm, 0);
    expect(841.89 - (name?.y ?? 0)).toBeGreaterThan(50 * mm);
    const lines = positions.map((line) => line.text);
    const at = lines.indexOf('Bakkerij Peeters bv');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      'Kerkstraat 12',
      '2000 ANTWERPEN',
      'Ondernemingsnummer 0403.170.701',
    ]);
    const last = positions[at + 3];
    expect(841.89 - (last?.y ?? 0)).toBeLessThan(90 * mm);
  });

  it('names an enterprise without a name by its role', async () => {
    const text = await textOf(aLetter({ employer: { enterpriseNumber: '0403.170.701', name: null } }));
    expect(text).toContain(squash('De werkgever'));
  });

  it('is byte-for-byte deterministic apart from the creation date', async () => {
    const first = await renderDecisionLetter(aLetter({ compress: true }));
    const second = await renderDecisionLetter(aLetter({ compress: true }));
    expect(first.equals(second)).toBe(true);
    const later = await renderDecisionLetter(
      aLetter({ compress: true, generatedAt: new Date('2026-03-13T08:30:00Z') }),
    );
    expect(later.equals(first)).toBe(false);
  });

  it('compresses by default, and the text still reads back', async () => {
    const { compress: _, ...input } = aLetter();
    const pdf = await renderDecisionLetter(input);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(squash(readPdfText(pdf))).toContain(squash(REASONS[0]!.message));
  });

  it('flows a long refusal over several pages and numbers them', async () => {
    const reasons = Array.from({ length: 30 }, (_, index) => ({
      ...REASONS[0]!,
      legalBasis: `Art. ${index + 1}`,
    }));
    const text = await textOf(
      aLetter({ decision: { outcome: 'REFUSED', decidedOn: '2026-03-11', reasons } }),
    );
    expect(text).toContain(squash('Rechtsgrond: Art. 30'));
    expect(text).toMatch(/pagina1van([2-9])/);
    const pages = Number(/pagina1van(\d)/.exec(text)?.[1]);
    expect(text).toContain(`pagina${pages}van${pages}`);
  });

  it('refuses input no lawful letter can come from, naming the field', async () => {
    const refusal = (reasons: Reason[]) =>
      aLetter({ decision: { outcome: 'REFUSED', decidedOn: '2026-03-11', reasons } });
    await expect(renderDecisionLetter(refusal([]))).rejects.toThrow(
      expect.objectContaining({ field: 'decision.reasons' }),
    );
    await expect(renderDecisionLetter(refusal([{ ...REASONS[0]!, legalBasis: ' ' }]))).rejects.toThrow(
      expect.objectContaining({ field: 'decision.reasons.0.legalBasis' }),
    );
    await expect(
      renderDecisionLetter(aLetter({ decision: { ...A_GRANT, validUntil: '2026-02-30' } })),
    ).rejects.toThrow(LetterInputError);
    await expect(
      renderDecisionLetter(aLetter({ decision: { ...A_GRANT, validUntil: '2026-03-31' } })),
    ).rejects.toThrow(expect.objectContaining({ field: 'decision.validUntil' }));
    await expect(renderDecisionLetter(aLetter({ decidedBy: ' ' }))).rejects.toThrow(
      expect.objectContaining({ field: 'decidedBy' }),
    );
  });
});

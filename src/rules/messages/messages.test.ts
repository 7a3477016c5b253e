import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages.ts';
import { formatMoney } from '../../i18n/number-format.ts';
import { REASON_CODES, WARNING_CODES } from '../contract.ts';
import { assess } from '../index.ts';
import { anApplication } from '../test-support/build-application.ts';
import { CATALOGUES, FORMATTERS } from './index.ts';

describe('message catalogues', () => {
  it('have a message for every reason and warning code in nl, fr and en', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(CATALOGUES[lang].reasons).sort()).toEqual([...REASON_CODES].sort());
      expect(Object.keys(CATALOGUES[lang].warnings).sort()).toEqual([...WARNING_CODES].sort());
    }
  });

  it('say that a value is provisional or uncertain in plain words, citing no project file', () => {
    const internal = /reference\.md|parameters\.md|\.ts\b|seeds? \d{3}|No 20\d\d|to verify|carried forward/i;
    for (const applicationDate of ['2019-03-01', '2023-06-01', '2026-02-10', '2026-09-15']) {
      for (const category of ['HIGHLY_SKILLED', 'PROFESSIONAL_ATHLETE', 'PERFORMING_ARTIST'] as const) {
        for (const lang of LANGUAGES) {
          const assessment = assess(anApplication({ applicationDate, category }), { lang });
          expect(JSON.stringify(assessment), `${category} ${applicationDate} ${lang}`).not.toMatch(internal);
        }
      }
    }
    const app = anApplication({ applicationDate: '2026-02-10' });
    const nl = assess(app, { lang: 'nl' }).warnings.filter((w) => w.code === 'PARAMETER_UNVERIFIED');
    expect(nl.map((w) => w.facts.status).sort()).toEqual(['CONFLICTING', 'PROVISIONAL']);
    expect(nl.map((w) => w.message).join(' ')).toMatch(
      /^Gemiddeld bruto jaarloon.*voorlopig.*Retributie.*nog niet definitief/,
    );
    // Plain statements for the public: whether sources disagree is for staff, from the facts.
    expect(nl.map((w) => w.message).join(' ')).not.toMatch(/onzeker|bronnen|spreken elkaar tegen/);
    const fr = assess(app, { lang: 'fr' })
      .warnings.map((w) => w.message)
      .join(' ');
    expect(fr).toContain('Cette valeur est provisoire');
    const parameters = assess(app).parameters;
    expect(parameters.find((p) => p.name === 'fee.singlePermit')).toMatchObject({
      verified: false,
      status: 'CONFLICTING',
    });
    expect(parameters.every((p) => p.verified === (p.status === 'VERIFIED'))).toBe(true);
  });

  it('format amounts as the web app’s pages do, one formatter per language', () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(FORMATTERS.nl.amount(48912))).toBe('€ 48.912,00');
    expect(plain(FORMATTERS.fr.amount(63585.6))).toBe('63 585,60 €');
    expect(FORMATTERS.en.amount(48912)).toBe('€48,912.00');
    for (const lang of LANGUAGES) expect(FORMATTERS[lang].amount(2029.88)).toBe(formatMoney(lang, 2029.88));
    expect(plain(FORMATTERS.fr.percent(0.917))).toBe('91,7 %');
    expect(FORMATTERS.nl.date('2027-03-13')).toBe('13/03/2027');
  });

  it('write the deciding numbers into the message in each language, the monthly amount explained', () => {
    const app = anApplication({ job: { grossAnnualSalary: 45000 } });
    const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(assess(app, { lang: 'nl' }).reasons[0]?.message)).toBe(
      'Het brutojaarloon (€ 45.000,00) ligt onder de drempel (€ 48.912,00, 100% van het gemiddelde bruto jaarloon van 2025; dat is € 3.513,79 bruto per maand, dertiende maand en vakantiegeld meegerekend).',
    );
    expect(plain(assess(app, { lang: 'fr' }).reasons[0]?.message)).toContain('45 000,00 €');
    expect(assess(app, { lang: 'en' }).reasons[0]?.message).toContain(
      '(€45,000.00) is below the threshold (€48,912.00',
    );
  });
});

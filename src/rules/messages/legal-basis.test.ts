import { describe, expect, it } from 'vitest';
import { renderLegalBasis } from './legal-basis.ts';

describe('renderLegalBasis', () => {
  it('writes the decree and its date in the reader’s language', () => {
    const basis = 'BVR 7 Dec 2018, art. 17, 1°';
    expect(renderLegalBasis(basis, 'nl')).toBe(
      'Besluit van de Vlaamse Regering van 7 december 2018, art. 17, 1°',
    );
    expect(renderLegalBasis(basis, 'fr')).toBe(
      'Arrêté du Gouvernement flamand du 7 décembre 2018, art. 17, 1°',
    );
    expect(renderLegalBasis(basis, 'en')).toBe('Flemish Government Decree of 7 December 2018, Art. 17, 1°');
  });

  it('translates the phrases around the article, leaving no English on a Dutch or French page', () => {
    expect(
      renderLegalBasis('BVR 7 Dec 2018, art. 17, 1°, as amended with effect from 1 Jan 2026', 'fr'),
    ).toBe(
      'Arrêté du Gouvernement flamand du 7 décembre 2018, art. 17, 1°, tel que modifié à partir du 1er janvier 2026',
    );
    expect(renderLegalBasis('Law 15 Jan 1990 (Crossroads Bank for Social Security), art. 8', 'nl')).toBe(
      'Wet van 15 januari 1990 (Kruispuntbank van de Sociale Zekerheid), art. 8',
    );
    expect(
      renderLegalBasis('Special Law 8 Aug 1980, art. 6 §1 IX 3°; cooperation agreement 2 Feb 2018', 'fr'),
    ).toBe('Loi spéciale du 8 août 1980, art. 6 §1 IX 3°; accord de coopération du 2 février 2018');
    expect(renderLegalBasis('Code of Economic Law, book III, title 2 (KBO); KB 23 Jun 2003', 'fr')).toBe(
      'Code de droit économique, livre III, titre 2 (BCE); Arrêté royal du 23 juin 2003',
    );
    expect(renderLegalBasis('BVR 7 Dec 2018 as amended (retributie from 2026-01-01)', 'nl')).toBe(
      'Besluit van de Vlaamse Regering van 7 december 2018 zoals gewijzigd (retributie vanaf 1 januari 2026)',
    );
    expect(renderLegalBasis('BVR 7 Dec 2018, hoofdstuk 9 (art. 40–68)', 'en')).toBe(
      'Flemish Government Decree of 7 December 2018, chapter 9 (Art. 40–68)',
    );
  });

  it('renders every legal basis the rules cite without English words in Dutch or French', async () => {
    const { assess } = await import('../index.ts');
    const { anApplication } = await import('../test-support/build-application.ts');
    const english =
      /\b(as amended|with effect|from|of|Law|Decree|ministers|athletes|artists|directive \(EU\))\b/;
    const apps = [
      anApplication({ job: { grossAnnualSalary: 1000, workplacePostalCode: '1000' } }),
      anApplication({ category: 'MINISTER_OF_RELIGION' }),
      anApplication({ category: 'RESEARCHER' }),
      anApplication({ category: 'PROFESSIONAL_ATHLETE' }),
      anApplication({ category: 'PERFORMING_ARTIST' }),
      anApplication({ employer: { enterpriseNumber: '0403.170.700' } }),
      anApplication({ job: { workplacePostalCode: '4700' } }),
      anApplication({ applicationDate: '2026-02-02', job: { requiredVks: 2 } }),
      anApplication({ category: 'EU_BLUE_CARD', job: { requiredVks: 3 } }),
      anApplication({
        category: 'MEDIUM_SKILLED_SHORTAGE',
        applicationDate: '2025-02-03',
        job: { grossAnnualSalary: 1000, employmentFraction: 1, startDate: '2025-03-01' },
      }),
      anApplication({
        category: 'OTHER_LABOUR_MARKET_TEST',
        applicationDate: '2026-02-02',
        job: { grossAnnualSalary: 1000, employmentFraction: 1, requiredVks: 4, startDate: '2026-03-01' },
      }),
    ];
    for (const app of apps) {
      for (const reason of assess(app).reasons) {
        for (const lang of ['nl', 'fr'] as const) {
          expect(renderLegalBasis(reason.legalBasis, lang), reason.legalBasis).not.toMatch(english);
        }
      }
    }
  }, 30_000); // loads the whole rule data: slow on a busy machine

  it('renders the legal basis of every refusal ground offered to staff without English words', async () => {
    const { refusalGroundsOf, CATEGORIES } = await import('../index.ts');
    const english =
      /\b(fraud|falsified|statements|unlawfully|obtained|data|as amended|with effect|Law|Decree)\b/;
    for (const category of CATEGORIES) {
      for (const ground of refusalGroundsOf(category)) {
        for (const lang of ['nl', 'fr'] as const) {
          expect(renderLegalBasis(ground.legalBasis, lang), `${category} ${ground.code}`).not.toMatch(
            english,
          );
        }
      }
    }
  }, 30_000);

  it('renders the legal basis of every withdrawal-only ground without English words', async () => {
    const { withdrawalOnlyGrounds } = await import('../withdrawal-grounds.ts');
    const english = /\b(the|employer|employment|public order|law|agreements|bankruptcy|directors)\b/i;
    for (const ground of withdrawalOnlyGrounds())
      for (const lang of ['nl', 'fr'] as const)
        expect(renderLegalBasis(ground.legalBasis, lang), `${ground.code} ${lang}`).not.toMatch(english);
  });
});

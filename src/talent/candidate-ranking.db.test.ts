import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { readOccupations } from '../occupations/occupation-catalogue.ts';
import { createSeededRandom } from '../sources/simulator/seeded-random.ts';
import { rankShownCandidates, referenceRanking } from './candidate-ranking.ts';
import { ensurePartner } from './talent.repo.ts';
import {
  CEFR_LEVELS,
  CIRCLES,
  type LanguageSkill,
  TALENT_LANGUAGES,
  type VacancyForMatching,
  WORK_ACCESS,
} from './talent-model.ts';
import { matchContext } from './talent-views.ts';

/**
 * The ranking PostgreSQL cuts to the top N (ranking.repo.ts) against the reference: every shown
 * candidate of the minor group fetched and ranked by matching.ts. A seeded population spread over
 * three minor groups (one a regulated care function), every circle, postal code region (the
 * German-speaking municipalities too), language level, availability, recognition and work access,
 * lists of languages longer than the SQL reads by position, and many ties on the score so the order
 * by id is tested as well.
 */
describe('candidate ranking in PostgreSQL', () => {
  const today = '2026-12-01';
  const context = matchContext(today);
  const next = createSeededRandom(1717).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const plusDays = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const regulated = [...context.regulatedIscoCodes][0] as string;
  const minors = [regulated.slice(0, 3), '251', '932'];
  const occupations = readOccupations().filter((o) => minors.includes(o.iscoCode.slice(0, 3)));
  const postalCodes = [
    '1000',
    '1500',
    '2000',
    '2060',
    '3000',
    '3500',
    '4000',
    '4700',
    '8000',
    '8500',
    '9000',
  ];
  const languages = (count: number): LanguageSkill[] => {
    const langs = new Set<(typeof TALENT_LANGUAGES)[number]>();
    while (langs.size < count) langs.add(pick(['nl', 'fr', 'en', pick(TALENT_LANGUAGES)]));
    return [...langs].map((lang) => ({ lang, level: pick(CEFR_LEVELS) }));
  };
  let database: TestDatabase;
  const vacancies: VacancyForMatching[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const partner = await ensurePartner(database.db, 'Ranking partner');
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const chosen = [pick(occupations), ...(next() < 0.3 ? [pick(occupations)] : [])];
      const iscoCodes = [...new Set(chosen.map((o) => o.iscoCode))];
      const circle = pick(CIRCLES);
      return {
        partner_id: partner.id,
        reference: `R-${i}`,
        pool: 'REFUGEE' as const,
        occupation_ids: [...new Set(chosen.map((o) => o.id))],
        isco_codes: iscoCodes,
        isco_minors: [...new Set(iscoCodes.map((code) => code.slice(0, 3)))],
        education_vks: 1 + Math.floor(next() * 8),
        languages: sql<never>`${JSON.stringify(languages(next() < 0.1 ? 6 : Math.floor(next() * 4)))}::jsonb`,
        circle,
        postal_code: circle === 'BELGIUM' ? pick(postalCodes) : null,
        nationality: circle === 'BELGIUM' ? 'SY' : circle === 'EU' ? 'RO' : 'IN',
        work_access: pick(WORK_ACCESS),
        available_from: plusDays(Math.floor(next() * 200) - 30),
        recognition_status: pick(['NOT_APPLICABLE', 'PENDING', 'RECOGNISED', 'REFUSED'] as const),
        consent_purpose: 'SHORTAGE_MATCHING' as const,
        consent_given_on: '2026-01-01',
        consent_show_employers: next() < 0.85,
        retention_until: next() < 0.95 ? plusDays(365) : plusDays(-1),
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await database.db
        .insertInto('talent_candidates')
        .values(rows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < 40; i++) {
      const occupation =
        i < 12 ? pick(occupations.filter((o) => o.iscoCode === regulated)) : pick(occupations);
      vacancies.push({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        occupationId: occupation.id,
        iscoCode: occupation.iscoCode,
        postalCode: pick(postalCodes),
        requiredVks: 1 + Math.floor(next() * 8),
        languages: languages(i % 4),
        startDate: plusDays(Math.floor(next() * 90)),
      });
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('ranks the top 50 as the reference does, reasons and all', async () => {
    for (const vacancy of vacancies) {
      const ranked = await rankShownCandidates(database.db, vacancy, context, today, 50);
      const reference = await referenceRanking(database.db, vacancy, context, today, 50);
      expect(ranked.fellBack).toBe(false);
      expect(ranked.matches.length).toBe(50);
      expect(ranked.matches).toEqual(reference.matches);
      expect([...ranked.candidates.keys()].sort()).toEqual([...reference.candidates.keys()].sort());
    }
  });

  it('scores and orders every candidate of the minor group as matching.ts does', async () => {
    // The twelve regulated vacancies (recognition counts) and four others, every row compared.
    for (const vacancy of vacancies.slice(0, 16)) {
      const ranked = await rankShownCandidates(database.db, vacancy, context, today, 10_000);
      const reference = await referenceRanking(database.db, vacancy, context, today, 10_000);
      expect(ranked.fellBack).toBe(false);
      expect(ranked.matches.length).toBeGreaterThan(100);
      expect(ranked.matches).toEqual(reference.matches);
    }
  });

  it('falls back to the reference when a score differs', async () => {
    // A candidate whose languages the SQL reads differently from matching.ts (a level outside CEFR).
    const vacancy = vacancies[1] as VacancyForMatching;
    await database.owner.db
      .updateTable('talent_candidates')
      .set({ languages: sql<never>`'[{"lang":"nl","level":"Z9"}]'::jsonb` })
      .execute();
    const withNl = { ...vacancy, languages: [{ lang: 'nl' as const, level: 'A1' as const }] };
    const ranked = await rankShownCandidates(database.db, withNl, context, today, 50);
    const reference = await referenceRanking(database.db, withNl, context, today, 50);
    expect(ranked.fellBack).toBe(true);
    expect(ranked.matches).toEqual(reference.matches);
  });
});

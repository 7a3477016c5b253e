import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { CATEGORIES } from '../rules/index.ts';
import { TOTAL } from './dimensions.ts';
import { generateDossiers } from './generate/generate-dossiers.ts';
import { writeDossiers } from './generate/write-dossiers.ts';
import { findReport } from './reports/index.ts';
import { QUESTION_CATEGORIES, questionCategoryOf } from './stats-ids.ts';
import { loadFacts, recount, reportAsMap } from './test-support/recount.ts';

/**
 * 003 q2 in the question's own categories (report q2Question, migration 0029): athletes split by
 * the role their application records, Loket's other categories mapped, and the residence decision
 * next to the grants of the work part. Over a generated history with athletes of every role (and
 * one who left the role open) and residence decisions received as federal-handover.ts records
 * them (federal_status and the day on the dossier).
 */
const YEARS: [number, number] = [2019, 2026];
const ROLES = ['PLAYER', 'TRAINER', 'REFEREE', null] as const;

describe('003 q2 in the categories of the question', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 1500, seed: 29, until: '2026-11-30' }), {
      batchSize: 1500,
    });
    // Three more athletes of each role, granted in 2024, as the intake records the role.
    const granted = await database.db
      .selectFrom('dossiers')
      .select(['id'])
      .where('status', '=', 'DECIDED_GRANTED')
      .where('category', '=', 'HIGHLY_SKILLED')
      .where('decided_on', '>=', '2024-01-01')
      .where('decided_on', '<=', '2024-12-31')
      .orderBy('id')
      .limit(12)
      .execute();
    expect(granted).toHaveLength(12);
    for (const [i, { id }] of granted.entries()) {
      const role = ROLES[i % 4];
      await database.db
        .updateTable('dossiers')
        .set({
          category: 'PROFESSIONAL_ATHLETE',
          application: sql`jsonb_set(application, '{athlete}', ${JSON.stringify({ role, hasProfessionalContract: true })}::jsonb)`,
          federal_status: i % 3 === 0 ? 'REFUSED' : 'GRANTED',
          federal_decided_on: '2024-12-31',
        })
        .where('id', '=', id)
        .execute();
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('maps every one of Loket’s categories, and athletes by role, onto a value of the question', () => {
    for (const category of CATEGORIES) {
      const value = questionCategoryOf(category, null);
      expect(QUESTION_CATEGORIES as readonly string[], category).toContain(value);
    }
    expect(questionCategoryOf('PROFESSIONAL_ATHLETE', 'PLAYER')).toBe('ATHLETE_PLAYER');
    expect(questionCategoryOf('PROFESSIONAL_ATHLETE', 'TRAINER')).toBe('ATHLETE_TRAINER');
    expect(questionCategoryOf('PROFESSIONAL_ATHLETE', 'REFEREE')).toBe('ATHLETE_REFEREE');
    expect(questionCategoryOf('PROFESSIONAL_ATHLETE', null)).toBe('ATHLETE_ROLE_UNKNOWN');
    expect(questionCategoryOf('EU_BLUE_CARD', null)).toBe('EU_BLUE_CARD');
    expect(questionCategoryOf('MEDIUM_SKILLED_SHORTAGE', null)).toBe('SHORTAGE_OCCUPATION');
    expect(questionCategoryOf('HIGHLY_SKILLED', null)).toBe('NOT_ASKED');
  });

  it('equals the brute-force recount from the raw dossiers', async () => {
    const definition = findReport('q2Question')!;
    const expected = recount(await loadFacts(database), definition, YEARS);
    const actual = await reportAsMap(database, definition, YEARS);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, values] of expected) expect(actual.get(key), key).toEqual(values);
  });

  it('splits athletes by role, shows the residence decision, and adds up to q2', async () => {
    const question = await reportAsMap(database, findReport('q2Question')!, [2024, 2024]);
    const row = (value: string) => question.get(`2024|${value}|${TOTAL}`);
    // Three granted athletes per role in 2024, besides any the generator made.
    for (const value of ['ATHLETE_PLAYER', 'ATHLETE_TRAINER', 'ATHLETE_REFEREE', 'ATHLETE_ROLE_UNKNOWN'])
      expect(row(value)?.granted, value).toBeGreaterThanOrEqual(3);
    const athletes = ['ATHLETE_PLAYER', 'ATHLETE_TRAINER', 'ATHLETE_REFEREE', 'ATHLETE_ROLE_UNKNOWN']
      .map((value) => row(value))
      .reduce(
        (n, values) => n + Number(values?.residenceGranted ?? 0) + Number(values?.residenceRefused ?? 0),
        0,
      );
    expect(athletes).toBeGreaterThanOrEqual(12);
    const total = question.get(`${TOTAL}|${TOTAL}|${TOTAL}`)!;
    expect(Number(total.residenceGranted) + Number(total.residenceRefused)).toBeLessThanOrEqual(
      Number(total.granted),
    );
    expect(total.residenceRefused).toBeGreaterThanOrEqual(4);
    // The same dossiers as q2 (Loket's thirteen categories): the totals agree.
    const q2 = await reportAsMap(database, findReport('q2')!, [2024, 2024]);
    const q2Total = q2.get(`${TOTAL}|${TOTAL}|${TOTAL}`)!;
    expect(total.applications).toBe(q2Total.applications);
    expect(total.granted).toBe(q2Total.granted);
    for (const province of ['ANTWERPEN', 'LIMBURG'])
      expect(question.get(`2024|${TOTAL}|${province}`)?.granted, province).toBe(
        q2.get(`2024|${TOTAL}|${province}`)?.granted,
      );
  });
});

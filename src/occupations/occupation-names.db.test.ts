import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import type { Lang } from '../i18n/languages.ts';
import { loadOccupationNames, searchOccupationNames } from './occupation-names.repo.ts';

// The occupation pickers' search in PostgreSQL (decision 028): names in nl/fr/en with their
// alternative labels, folded, behind pg_trgm's GIN index; misspellings found by word similarity.
let database: TestDatabase;
let testApp: TestApp;

beforeAll(async () => {
  database = await createTestDatabase({ occupations: true });
  testApp = await createTestApp(database);
});
afterAll(async () => {
  await testApp?.app.close();
  await database?.dispose();
});

const GENERAL_NURSE = '8d3e8aaa-791b-4c75-a465-f3f827028f50'; // algemeen verpleegkundige, ISCO 2221

async function top(query: string, lang: Lang, limit = 5) {
  return searchOccupationNames(database.db, query, lang, limit);
}

describe('the occupation search in PostgreSQL', () => {
  it('was loaded from data/esco when the database was prepared, and is not loaded twice', async () => {
    const state = await database.db.selectFrom('esco_catalogue_state').selectAll().executeTakeFirstOrThrow();
    expect(state.checksum).toMatch(/^[0-9a-f]{64}$/);
    // 3,010 labels in each of three languages, plus the Dutch and English alternative labels.
    expect(state.names).toBeGreaterThan(3 * 3_000 + 40_000);
    expect(await loadOccupationNames(database.owner.db)).toBe(0);
  });

  it('finds the nurse in Dutch spelt right, by another name, and misspelt', async () => {
    expect((await top('verpleegkundige', 'nl')).map((m) => m.iscoCode).slice(0, 3)).toEqual([
      '2221',
      '2221',
      '2221',
    ]);
    // "verpleger" is an alternative label of the general nurse ("verpleger algemene zorg").
    const byOtherName = await top('verpleger', 'nl');
    expect(byOtherName[0]).toMatchObject({ id: GENERAL_NURSE, matchedAltLabel: 'verpleger algemene zorg' });
    // One letter missing: no name contains it, the trigram similarity finds the nurses first.
    const misspelt = await top('verplegkundige', 'nl');
    expect(misspelt.slice(0, 3).map((m) => m.iscoCode)).toEqual(['2221', '2221', '2221']);
    expect(misspelt.map((m) => m.id)).toContain(GENERAL_NURSE);
    expect((await top('elektriecien', 'nl')).map((m) => m.iscoCode)).toContain('7411');
  });

  it('finds the nurse in French with or without accents, and misspelt', async () => {
    const plain = await top('infirmiere', 'fr', 10);
    const accented = await top('INFIRMIÈRE', 'fr', 10);
    expect(plain.map((m) => m.id)).toEqual(accented.map((m) => m.id));
    expect(plain.map((m) => m.id)).toContain(GENERAL_NURSE);
    expect(plain[0]?.label).toMatch(/^infirmier/);
    const misspelt = await top('infirmeire', 'fr', 10);
    expect(misspelt.map((m) => m.id)).toContain(GENERAL_NURSE);
    expect(misspelt.slice(0, 5).every((m) => m.label.startsWith('infirmier'))).toBe(true);
    expect((await top('sodeur', 'fr', 5))[0]?.label).toBe('soudeur/soudeuse');
  });

  it('finds the nurse in English, misspelt, with the ISCO code and a proposed level', async () => {
    const misspelt = await top('nurce', 'en', 10);
    expect(misspelt.map((m) => m.label)).toContain('nurse responsible for general care');
    const nurse = misspelt.find((m) => m.id === GENERAL_NURSE);
    expect(nurse).toMatchObject({ iscoCode: '2221', labelLang: 'en', vks: { proposed: expect.any(Number) } });
    expect((await top('nurse', 'en'))[0]?.label).toMatch(/nurse/);
  });

  it('searches by ISCO code prefix and answers nothing for punctuation alone', async () => {
    const byCode = await top('2221', 'nl', 10);
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((m) => m.iscoCode === '2221')).toBe(true);
    expect(await top('%_', 'nl')).toEqual([]);
  });

  it('uses the trigram index of the language', async () => {
    const plan = await database.owner.db.transaction().execute(async (trx) => {
      await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`
        explain select occupation_id from esco_occupation_names
        where lang = 'fr' and folded like '%infirmier%'`.execute(trx);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('esco_occupation_names_fr_trgm');
  });

  it('answers the pickers through GET /api/v1/occupations', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/occupations?q=verplegkundige&lang=nl&limit=5',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().results.map((r: { iscoCode: string }) => r.iscoCode)).toContain('2221');
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Lang } from '../i18n/languages.ts';
import { OCCUPATIONS_CSV, readOccupations } from './occupation-catalogue.ts';
import type { Occupation, OccupationMatch } from './occupation-search.ts';
import { foldText, queryWords } from './search-text.ts';
import { proposeVks } from './vks-proposal.ts';

/**
 * The occupation pickers' search in PostgreSQL (migration 0041, decision 028): ESCO's preferred and
 * alternative labels per search language, folded in TypeScript exactly as the pickers fold what is
 * typed (so no `unaccent` dictionary is needed, and "infirmière", "infirmiere" and "INFIRMIERE" are
 * one text), searched with pg_trgm's GIN index: every word inside a name (`LIKE '%…%'`), or, for a
 * misspelling, the query's word similarity to some extent of a name (`<%`).
 */

// Where ESCO lacks a label in the asked language, the label of the next one is shown (as occupation-search.ts).
const FALLBACK: Record<Lang, readonly Lang[]> = {
  nl: ['nl', 'en', 'fr'],
  fr: ['fr', 'en', 'nl'],
  en: ['en', 'nl', 'fr'],
};

interface NameRow {
  occupation_id: string;
  isco_code: string;
  lang: Lang;
  kind: 'LABEL' | 'ALT';
  name: string;
  folded: string;
  label: string;
  label_lang: Lang;
}

/** Every searchable name of the catalogue: per language the (fallback) label, then the alternative labels. */
export function occupationNames(occupations: readonly Occupation[]): NameRow[] {
  const rows: NameRow[] = [];
  for (const lang of ['nl', 'fr', 'en'] as const) {
    for (const occupation of occupations) {
      const labelLang = FALLBACK[lang].find((candidate) => occupation.labels[candidate]);
      if (!labelLang) continue;
      const label = occupation.labels[labelLang] as string;
      const base = {
        occupation_id: occupation.id,
        isco_code: occupation.iscoCode,
        lang,
        label,
        label_lang: labelLang,
      };
      rows.push({ ...base, kind: 'LABEL', name: label, folded: foldText(label) });
      for (const alt of new Set(occupation.altLabels[lang] ?? [])) {
        const folded = foldText(alt);
        if (folded !== '') rows.push({ ...base, kind: 'ALT', name: alt, folded });
      }
    }
  }
  return rows;
}

const CHUNK = 5_000;

/**
 * Loads data/esco into the search table when the file changed since the last load (its sha-256),
 * as the owner, in one transaction: a search never sees half a catalogue. Returns the names loaded
 * now, 0 when the catalogue was already the file's.
 */
export async function loadOccupationNames(owner: Db, file = OCCUPATIONS_CSV): Promise<number> {
  const checksum = createHash('sha256').update(readFileSync(file)).digest('hex');
  const state = await owner.selectFrom('esco_catalogue_state').select('checksum').executeTakeFirst();
  if (state?.checksum === checksum) return 0;
  const rows = occupationNames(readOccupations(file));
  await owner.transaction().execute(async (trx) => {
    // Two instances starting together: the second waits here, then finds the first one's load.
    await sql`lock table esco_catalogue_state in exclusive mode`.execute(trx);
    const again = await trx.selectFrom('esco_catalogue_state').select('checksum').executeTakeFirst();
    if (again?.checksum === checksum) return;
    await trx.deleteFrom('esco_occupation_names').execute();
    for (let at = 0; at < rows.length; at += CHUNK) {
      // One parameter per chunk (JSON), not eight per row: PostgreSQL allows 65,535 parameters.
      const chunk = JSON.stringify(rows.slice(at, at + CHUNK));
      await sql`
        insert into esco_occupation_names (occupation_id, isco_code, lang, kind, name, folded, label, label_lang)
        select occupation_id, isco_code, lang, kind, name, folded, label, label_lang
        from json_to_recordset(${chunk}::json) as r(occupation_id text, isco_code text, lang text, kind text,
          name text, folded text, label text, label_lang text)`.execute(trx);
    }
    await trx
      .insertInto('esco_catalogue_state')
      .values({ singleton: true, checksum, names: rows.length })
      .onConflict((oc) =>
        oc.column('singleton').doUpdateSet({ checksum, names: rows.length, loaded_at: new Date() }),
      )
      .execute();
  });
  await sql`analyze esco_occupation_names`.execute(owner);
  return rows.length;
}

const loaded = new WeakSet<object>();

/**
 * Whether the catalogue is in the database (the owner loads it at start; a test database may go
 * without). Remembered once seen: it is never emptied again.
 */
export async function occupationNamesLoaded(db: Db): Promise<boolean> {
  if (loaded.has(db)) return true;
  const state = await db.selectFrom('esco_catalogue_state').select('names').executeTakeFirst();
  if (state && state.names > 0) loaded.add(db);
  return loaded.has(db);
}

/**
 * How close a misspelt query must come to some extent of a name (pg_trgm's word similarity, 0–1):
 * 0.5 finds "nurce" (nurse), "verplegkundige", "infirmeire" and "elektriecien", and little noise
 * (pg_trgm's default, 0.6, misses a one-letter slip in a five-letter word).
 */
export const FUZZY_THRESHOLD = 0.5;
/** A match through an alternative label ranks after every match on a label; a misspelt one after both. */
const ALT_PENALTY = 5;
const ISCO_PREFIX = /^[0-9]{1,4}$/;

const likeWord = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The occupations matching `query` in `lang`, best first: the ranks of `matchRank` (whole name,
 * start, whole words, word starts, inside) on a label, then on an alternative label, then
 * misspellings by similarity; ties by shorter label, then alphabetically. Digits search by ISCO
 * code prefix. Same answer shape as the in-memory search (occupation-search.ts).
 */
export async function searchOccupationNames(
  db: Db,
  query: string,
  lang: Lang,
  limit = 20,
): Promise<OccupationMatch[]> {
  const trimmed = query.trim();
  // The language is one of three, checked by the route's schema: inlined so the planner picks that
  // language's partial index.
  const langLit = sql.lit(lang);
  if (ISCO_PREFIX.test(trimmed)) {
    const rows = await db
      .selectFrom('esco_occupation_names')
      .select(['occupation_id', 'isco_code', 'label', 'label_lang'])
      .where('lang', '=', langLit as never)
      .where('kind', '=', 'LABEL')
      .where('isco_code', 'like', `${trimmed}%`)
      .orderBy('isco_code')
      .orderBy(sql`length(label)`)
      .orderBy('label')
      .limit(limit)
      .execute();
    return rows.map((row) => toMatch(row, null));
  }
  const words = queryWords(trimmed);
  if (words.length === 0) return [];
  const phrase = words.join(' ');
  const all = (expression: (word: string) => ReturnType<typeof sql>) =>
    sql.join(words.map(expression), sql` and `);
  const inside = all((w) => sql`folded like ${`%${likeWord(w)}%`}`);
  const wordStarts = all((w) => sql`(' ' || folded) like ${`% ${likeWord(w)}%`}`);
  const wholeWords = all((w) => sql`(' ' || folded || ' ') like ${`% ${likeWord(w)} %`}`);
  // A word of three letters or more gives the trigram index something to look up; shorter ones
  // (the first keystrokes) cannot, and a plain scan of the language's names is then the fastest.
  const indexable = words.some((word) => word.length >= 3);
  return db.transaction().execute(async (trx) => {
    // PostgreSQL's cost model prices a GIN trigram scan above a scan of this small table (60,000
    // names), yet the index answers in a tenth of the time (decision 028, measured): prefer it.
    if (indexable) await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
    const { rows } = await sql<NameRow & { rank: number }>`
      with named as (
        select occupation_id, isco_code, label, label_lang, kind, name,
          case
            when folded = ${phrase} then 0
            when folded like ${`${likeWord(phrase)} %`} then 1
            when ${wholeWords} then 2
            when ${wordStarts} then 3
            else 4
          end + case when kind = 'ALT' then ${ALT_PENALTY} else 0 end as rank
        from esco_occupation_names
        where lang = ${langLit} and ${inside}
      )
      select distinct on (rank, length(label), label, occupation_id) * from (
        select distinct on (occupation_id) * from named order by occupation_id, rank, length(name)
      ) best
      order by rank, length(label), label, occupation_id
      limit ${limit}`.execute(trx);
    const found = rows.map((row) => toMatch(row, row.kind === 'ALT' ? row.name : null));
    // Fewer than asked: a misspelling, perhaps. The names closest to the query by pg_trgm's word
    // similarity come after every name that contains the words.
    if (found.length >= limit || phrase.length < 3) return found;
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(
      trx,
    );
    const seen = found.map((match) => match.id);
    const { rows: close } = await sql<NameRow & { similarity: number }>`
      select * from (
        select distinct on (occupation_id) occupation_id, isco_code, label, label_lang, kind, name,
          strict_word_similarity(${phrase}, folded) + word_similarity(${phrase}, folded) as similarity
        from esco_occupation_names
        where lang = ${langLit} and ${phrase} <% folded
          ${seen.length ? sql`and occupation_id not in (${sql.join(seen)})` : sql``}
        order by occupation_id, similarity desc, kind = 'ALT', length(name)
      ) best
      order by similarity desc, kind = 'ALT', length(label), label
      limit ${limit - found.length}`.execute(trx);
    return [...found, ...close.map((row) => toMatch(row, row.kind === 'ALT' ? row.name : null))];
  });
}

function toMatch(
  row: Pick<NameRow, 'occupation_id' | 'isco_code' | 'label' | 'label_lang'>,
  matchedAltLabel: string | null,
): OccupationMatch {
  return {
    id: row.occupation_id,
    label: row.label,
    labelLang: row.label_lang,
    iscoCode: row.isco_code,
    matchedAltLabel,
    vks: proposeVks(row.isco_code),
  };
}

import { isSeq } from 'yaml';
import { LANGUAGES, type Lang } from '../../i18n/languages.ts';
import { isIsoDate } from '../dates/iso-date.ts';
import type { MigrationListEntry, MigrationListVersion } from '../migration-list/migration-list.ts';
import { findInternalReference } from '../parameters/parameter-status.ts';
import type { YamlSource } from './yaml-source.ts';

/** Reads one `rules/migration-list/vN.yaml`: the act, its date, and every entry with nl/fr/en labels. */

const VERSION_KEYS = ['version', 'validFrom', 'legalAct', 'source', 'verified', 'note', 'entries'] as const;
const ENTRY_KEYS = ['id', 'group', 'isco', 'esco', 'escoFit', 'labels', 'verified', 'note'] as const;
const ISCO_UNIT = /^[0-9]{4}$/;
const ESCO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function readEntry(source: YamlSource, node: unknown, versionVerified: boolean): MigrationListEntry | null {
  const fields = source.readMap(node, 'entry', ENTRY_KEYS, ['id', 'group', 'labels']);
  if (!fields) return null;
  const id = source.readText(fields.get('id'), 'entry id');
  if (id !== null && !SLUG.test(id))
    source.report(fields.get('id')?.value, `entry id "${id}" must be a kebab-case slug`);
  const group = source.readText(fields.get('group'), `entry ${id}: group`);
  const labelMap = source.readMap(fields.get('labels')?.value, `entry ${id}: labels`, LANGUAGES, LANGUAGES);
  const labels: Partial<Record<Lang, string>> = {};
  for (const lang of LANGUAGES) {
    const text = source.readText(labelMap?.get(lang), `entry ${id}: label ${lang}`);
    if (text !== null) labels[lang] = text;
  }
  const verifiedPair = fields.get('verified');
  const verified = verifiedPair ? source.toJS(verifiedPair.value) : versionVerified;
  if (typeof verified !== 'boolean') {
    source.report(verifiedPair?.value, `entry ${id}: verified must be true or false`);
    return null;
  }
  const codes = readCodes(source, fields, id);
  if (id === null || group === null || Object.keys(labels).length !== LANGUAGES.length) return null;
  if (!codes) return null;
  return { id, group, ...codes, labels: labels as Record<Lang, string>, verified };
}

type EntryFields = NonNullable<ReturnType<YamlSource['readMap']>>;

/** The optional classification: ISCO-08 unit group, ESCO occupation, or `escoFit: none`. */
function readCodes(
  source: YamlSource,
  fields: EntryFields,
  id: string | null,
): Pick<MigrationListEntry, 'isco' | 'esco' | 'escoFit'> | null {
  const codes: { isco?: string; esco?: string; escoFit?: 'none' } = {};
  let ok = true;
  const check = (key: 'isco' | 'esco' | 'escoFit', valid: (text: string) => boolean, rule: string) => {
    if (!fields.has(key)) return;
    const text = source.readText(fields.get(key), `entry ${id}: ${key}`);
    if (text === null || !valid(text)) {
      source.report(fields.get(key)?.value, `entry ${id}: ${key} ${rule}`);
      ok = false;
    } else if (key === 'escoFit') codes.escoFit = 'none';
    else codes[key] = text;
  };
  check('isco', (t) => ISCO_UNIT.test(t), 'must be an ISCO-08 unit group of 4 digits (quoted)');
  check('esco', (t) => ESCO_ID.test(t), 'must be the id of an ESCO occupation (data/esco/occupations.csv)');
  check('escoFit', (t) => t === 'none', 'must be "none" (no ESCO occupation fits clearly)');
  if (codes.esco && codes.escoFit) {
    source.report(fields.get('escoFit')?.value, `entry ${id}: esco and escoFit: none exclude each other`);
    ok = false;
  }
  return ok ? codes : null;
}

export function parseMigrationListVersion(
  source: YamlSource,
  expectedId: string,
): MigrationListVersion | null {
  const fields = source.readMap(source.root, 'migration list', VERSION_KEYS, [
    'version',
    'validFrom',
    'legalAct',
    'source',
    'verified',
    'entries',
  ]);
  if (!fields) return null;
  const id = source.readText(fields.get('version'), 'version');
  if (id !== null && id !== expectedId) {
    source.report(
      fields.get('version')?.value,
      `version "${id}" does not match the file name (${expectedId})`,
    );
  }
  const validFrom = String(source.toJS(fields.get('validFrom')?.value));
  if (!isIsoDate(validFrom))
    source.report(fields.get('validFrom')?.value, 'validFrom must be a date (YYYY-MM-DD)');
  const legalAct = source.readText(fields.get('legalAct'), 'legalAct');
  const sourceText = source.readText(fields.get('source'), 'source');
  // The source reaches staff screens (an unverified entry is flagged with it): public sources only.
  const internal = sourceText === null ? null : findInternalReference(sourceText);
  if (internal) {
    source.report(
      fields.get('source')?.value,
      `source cites "${internal}", a project file; cite the public source and move the remark to note`,
    );
  }
  const verified = source.toJS(fields.get('verified')?.value);
  if (typeof verified !== 'boolean')
    source.report(fields.get('verified')?.value, 'verified must be true or false');
  const note = fields.has('note') ? source.readText(fields.get('note'), 'note') : null;

  const entriesNode = fields.get('entries')?.value;
  const entries: MigrationListEntry[] = [];
  if (!isSeq(entriesNode)) {
    source.report(entriesNode, 'entries must be a list');
  } else {
    const seen = new Set<string>();
    for (const item of entriesNode.items) {
      const entry = readEntry(source, item, verified === true);
      if (!entry) continue;
      if (seen.has(entry.id)) source.report(item, `entry "${entry.id}" appears twice`);
      seen.add(entry.id);
      entries.push(entry);
    }
  }
  if (id === null || !isIsoDate(validFrom) || legalAct === null || sourceText === null) return null;
  if (typeof verified !== 'boolean') return null;
  return {
    id,
    validFrom,
    legalAct,
    source: sourceText,
    verified,
    note,
    entries,
    ids: new Set(entries.map((e) => e.id)),
  };
}

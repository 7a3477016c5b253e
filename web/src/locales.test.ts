import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/auth/roles.ts';
import { ROLE_TASKS } from '../../src/workspaces/workspaces.ts';
import { CATALOGUES } from './i18n.ts';

type Catalogue = Record<string, unknown>;

/** Every leaf of a catalogue as `dotted.key → text` (a non-string leaf is kept to fail the test). */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = `${prefix}${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Catalogue, `${path}.`)) entries.set(k, v);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

const catalogues = {
  nl: flatten(CATALOGUES.nl),
  fr: flatten(CATALOGUES.fr),
  en: flatten(CATALOGUES.en),
};
const dutchKeys = [...catalogues.nl.keys()].sort();

describe('the web catalogues', () => {
  it.each(['fr', 'en'] as const)('%s has exactly the keys of the Dutch catalogue', (lang) => {
    expect([...catalogues[lang].keys()].sort()).toEqual(dutchKeys);
  });

  it.each(['nl', 'fr', 'en'] as const)('%s has a non-empty text for every key', (lang) => {
    const empty = [...catalogues[lang]].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('%s uses the same {{placeholders}} as Dutch in every text', (lang) => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const differing = dutchKeys.filter(
      (key) => placeholders(catalogues.nl.get(key)).join() !== placeholders(catalogues[lang].get(key)).join(),
    );
    expect(differing).toEqual([]);
  });

  it('has a text for every task the server lists on a workspace, and a name and title for every role', () => {
    const tasks = Object.values(ROLE_TASKS).flat();
    const missing = [
      ...tasks.map((task) => `workspace.tasks.${task}`),
      ...ROLES.flatMap((role) => [`roles.${role}`, `workspace.title.${role}`]),
    ].filter((key) => !catalogues.nl.has(key));
    expect(missing).toEqual([]);
  });
});

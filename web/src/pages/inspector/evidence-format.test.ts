import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n.ts';
import fr from '../../locales/inspector/fr.json' with { type: 'json' };
import nl from '../../locales/inspector/nl.json' with { type: 'json' };
import { factName, factValue } from './evidence-format.ts';
import type { SignalFact } from './inspector-types.ts';

/** The catalogue lookup in short: a dotted key under `inspector.`, the key itself when missing. */
function translatorFor(catalogue: Record<string, unknown>): Translate {
  return (key) => {
    const value = key
      .replace(/^inspector\./, '')
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
    return typeof value === 'string' ? value : key;
  };
}

const fact = (name: string, value: SignalFact['value']) =>
  ({ name, value, source: 'sanctions', at: '2026-12-02T10:00:00Z' }) as SignalFact;

describe('a sanction signal’s evidence', () => {
  it('says on whom the sanction was imposed in words, never the code', () => {
    const tNl = translatorFor(nl);
    expect(factName(tNl, 'sanctionOn')).toBe('Sanctie opgelegd aan');
    expect(factValue(tNl, 'nl', fact('sanctionOn', 'DIRECTOR'))).toBe('een bestuurder van de werkgever');
    const tFr = translatorFor(fr);
    expect(factValue(tFr, 'fr', fact('sanctionOn', 'EMPLOYER'))).toBe('l’employeur lui-même');
    expect(factValue(tFr, 'fr', fact('sanctionOn', 'DIRECTOR'))).not.toContain('DIRECTOR');
  });
});

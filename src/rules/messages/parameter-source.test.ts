import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../data/load-rule-data.ts';
import { PARAMETER_CAVEAT, withoutParameterCaveat } from './parameter-caveat.ts';
import { renderParameterSource } from './parameter-source.ts';

const WEBSITE = /\b[\w-]+\.(be|com|eu|org|net|nl)\b/i;
const ENGLISH = /\b(not confirmed|official source|amount|from|of|the|in force|Decree|note|amending|kept)\b/;

describe('parameter sources shown to staff', () => {
  it('cite no website for a value that is not verified, and read without English in nl and fr', () => {
    const data = loadRuleData();
    const sources = [
      ...[...data.parameters.timelines.values()].flatMap((timeline) =>
        timeline.periods
          .filter((period) => period.status !== 'VERIFIED')
          .map((period) => [`${timeline.name} ${period.validFrom}`, period.source] as const),
      ),
      ...data.migrationList.map((version) => [`migrationList.${version.id}`, version.source] as const),
    ];
    expect(sources.length).toBeGreaterThan(10);
    for (const [what, source] of sources) {
      expect(source, what).not.toMatch(WEBSITE);
      for (const lang of ['nl', 'fr'] as const)
        expect(renderParameterSource(source, lang), `${what} ${lang}`).not.toMatch(ENGLISH);
    }
  }, 30_000); // loads the whole rule data

  it('say plainly where no official source confirms the fee of a later report', () => {
    const fee = loadRuleData().parameters.timeline('fee.singlePermit');
    const conflicting = fee?.periods.find((period) => period.status === 'CONFLICTING');
    expect(renderParameterSource(conflicting?.source ?? '', 'nl')).toMatch(
      /^Conceptnota economische migratie \(Vlaamse Regering, 9 mei 2025.*200 EUR vanaf 1 januari 2026.*180 EUR vanaf 1 september 2026: niet bevestigd door een officiële bron$/,
    );
  }, 30_000);

  it('leave out websites and firms a database seeded earlier still cites', () => {
    expect(renderParameterSource('Statbel 2025; vanhavermaet 2025; propay.be 2025', 'nl')).toBe(
      'Statbel 2025',
    );
    expect(renderParameterSource('agii.be schouwspelartiesten', 'fr')).toBe(
      'non confirmé par une source officielle',
    );
    expect(
      renderParameterSource(
        'Vlaamse beleidsnota (200 EUR, 1-1-2026); expatcentrelimburg.be (180 EUR, 1-9-2026)',
        'nl',
      ),
    ).toBe('Vlaamse beleidsnota (200 EUR, 1-1-2026)');
  });
});

describe('the caveat of an unverified value', () => {
  it('can be said once for a list: the message without it keeps the value and its date', () => {
    const message = `Retributie: 200,00 EUR vanaf 01/01/2026. ${PARAMETER_CAVEAT.nl.CONFLICTING}`;
    expect(withoutParameterCaveat(message)).toBe('Retributie: 200,00 EUR vanaf 01/01/2026.');
    expect(withoutParameterCaveat('Something else.')).toBe('Something else.');
  });
});

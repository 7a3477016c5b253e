import { describe, expect, it } from 'vitest';
import { assess } from '../../../../../src/rules/index.ts';
import type { Translate } from '../../../i18n.ts';
import en from '../../../locales/staff/en.json' with { type: 'json' };
import fr from '../../../locales/staff/fr.json' with { type: 'json' };
import nl from '../../../locales/staff/nl.json' with { type: 'json' };
import { parameterNote } from './parameter-source.tsx';

/** i18next's lookup in short: a dotted key under `staff.`, {{placeholders}}, the default for a missing key. */
function translatorFor(catalogue: Record<string, unknown>): Translate {
  return (key, params = {}) => {
    const value = key
      .replace(/^staff\./, '')
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
    const template = typeof value === 'string' ? value : String(params.defaultValue ?? key);
    return template.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));
  };
}

describe('staff notes on parameters without an official figure (issue 13, items 6 and 14)', () => {
  // A medium-skilled application whose pay floor reads the GGMMI of 1 April 2024, carried forward.
  const assessment = assess({
    applicationDate: '2026-02-02',
    category: 'MEDIUM_SKILLED_SHORTAGE',
    employer: { enterpriseNumber: '0644.580.242', establishedInBelgium: true },
    worker: { birthDate: '1987-01-30', nationality: 'TR', location: 'ABROAD', qualificationVks: 4 },
    job: {
      title: 'Bricklayer',
      requiredVks: 4,
      migrationListFunction: 'bricklayer',
      grossAnnualSalary: 40000,
      employmentFraction: 1,
      startDate: '2026-03-01',
      workplacePostalCode: '8000',
    },
  });
  const ggmmi = assessment.warnings.find(
    (warning) =>
      warning.code === 'PARAMETER_UNVERIFIED' &&
      (warning.facts as { parameter?: string }).parameter === 'salary.guaranteedMinimumMonthlyIncome',
  );

  it('flag the guaranteed minimum monthly income as unverified on the assessment', () => {
    expect(ggmmi?.facts).toMatchObject({ value: 2029.88, validFrom: '2024-04-01', status: 'PROVISIONAL' });
    // The public message says it is provisional, never the staff note.
    expect(ggmmi?.message).not.toMatch(/doorgetrokken|carried forward/);
  });

  it.each([
    ['nl', nl, /doorgetrokken/],
    ['fr', fr, /reconduit/],
    ['en', en, /carried forward/],
  ])(
    'tell staff in %s that the amount is carried forward and the floor may be too low',
    (_, catalogue, words) => {
      const t = translatorFor(catalogue);
      expect(parameterNote(t, 'salary.guaranteedMinimumMonthlyIncome')).toMatch(words);
      for (const threshold of [
        'policy.hub.minimumShare',
        'policy.hub.minimumPermits',
        'policy.almostOnlyNonEu.minimumShare',
        'policy.almostOnlyNonEu.minimumHeadcount',
      ])
        expect(parameterNote(t, threshold)).not.toBe('');
      // A verified parameter has no note.
      expect(parameterNote(t, 'salary.monthlyDivisor')).toBe('');
    },
  );
});

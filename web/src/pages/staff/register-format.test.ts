import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../../src/dossiers/register-check/map-register-facts.ts';
import { SOURCE_NAMES } from '../../../../src/sources/index.ts';
import type { Translate } from '../../i18n.ts';
import en from '../../locales/staff/en.json' with { type: 'json' };
import fr from '../../locales/staff/fr.json' with { type: 'json' };
import nl from '../../locales/staff/nl.json' with { type: 'json' };
import {
  describeFinding,
  formatDateTime,
  formatRegisterValue,
  registerSummary,
  subjectKind,
} from './register-format.ts';

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

const t = translatorFor(nl);

describe('subjectKind', () => {
  it('names the kind of subject a register was asked about', () => {
    expect(subjectKind('enterprise:0403170701')).toBe('enterprise');
    expect(subjectKind('quarter:90050100123:2026-Q1')).toBe('quarter');
    expect(subjectKind('odd')).toBe('odd');
  });
});

describe('formatDateTime', () => {
  it('shows a moment on Belgian time, date and time', () => {
    // 13:05 UTC in winter is 14:05 in Brussels.
    expect(formatDateTime('2026-02-10T13:05:09.000Z', 'nl')).toMatch(/^10\/02\/2026\D+14:05:09$/);
    expect(formatDateTime('2026-07-10T13:05:09.000Z', 'en')).toMatch(/^10\/07\/2026\D+15:05:09$/);
  });

  it('shows the empty mark for no moment and an unreadable one as it came', () => {
    expect(formatDateTime(null, 'nl')).toBe('—');
    expect(formatDateTime('yesterday', 'nl')).toBe('yesterday');
  });
});

describe('formatRegisterValue', () => {
  it('formats each fact by what it is', () => {
    expect(formatRegisterValue(t, 'worker.birthDate', '1990-05-01', 'nl')).toBe('01/05/1990');
    expect(formatRegisterValue(t, 'worker.sex', 'F', 'nl')).toBe('Vrouw');
    expect(formatRegisterValue(t, 'worker.location', 'ABROAD', 'nl')).toBe('In het buitenland');
    expect(formatRegisterValue(t, 'job.grossAnnualSalary', 85_000, 'nl')).toMatch(/85\.000/);
    expect(formatRegisterValue(t, 'worker.familyName', 'Raman', 'nl')).toBe('Raman');
    expect(formatRegisterValue(t, 'job.onVdabShortageList', false, 'nl')).toBe('Nee');
    expect(formatRegisterValue(t, 'worker.nationality', 'BR', 'nl')).toBe('Brazilië');
    expect(formatRegisterValue(t, 'worker.nationality', 'BR', 'fr')).toBe('Brésil');
  });

  it('says so when there is no value', () => {
    expect(formatRegisterValue(t, 'worker.sex', null, 'nl')).toBe(nl.register.notGiven);
    expect(formatRegisterValue(t, 'worker.familyName', '', 'nl')).toBe(nl.register.notGiven);
  });
});

describe('describeFinding', () => {
  it('names the differing identity facts in words', () => {
    const sentence = describeFinding(
      t,
      { code: 'IDENTITY_MISMATCH', facts: { fields: ['worker.familyName', 'worker.birthDate'] } },
      'nl',
    );
    expect(sentence).toBe(
      'De identiteit van de werknemer verschilt van het rijksregister: Familienaam, Geboortedatum.',
    );
  });

  it('dates a stopped enterprise only when the register gives the date', () => {
    expect(describeFinding(t, { code: 'ENTERPRISE_NOT_ACTIVE', facts: { status: 'BANKRUPT' } }, 'nl')).toBe(
      'Volgens de KBO is de onderneming niet actief (failliet).',
    );
    expect(
      describeFinding(
        t,
        { code: 'ENTERPRISE_NOT_ACTIVE', facts: { status: 'STOPPED', since: '2025-12-31' } },
        'nl',
      ),
    ).toBe('Volgens de KBO is de onderneming niet actief (stopgezet) sinds 31/12/2025.');
  });

  it('puts the wages in euro', () => {
    const sentence = describeFinding(
      t,
      { code: 'WAGE_BELOW_PROMISED', facts: { promised: 60_000, paidAnnualised: 48_000, quarters: 2 } },
      'en',
    );
    expect(sentence).toMatch(/€48,000\.00.*2 kwartalen.*€60,000\.00/);
  });

  it('writes enterprise numbers as the KBO does (0403.170.701), in the Dimona notice too', () => {
    const sentence = describeFinding(
      t,
      {
        code: 'WORKER_ALREADY_EMPLOYED_IN_BELGIUM',
        facts: { employers: ['0403170701', '0202239951'], since: '2026-01-05' },
      },
      'nl',
    );
    expect(sentence).toContain('0403.170.701, 0202.239.951');
    expect(sentence).not.toMatch(/\d{10}/);
    expect(
      describeFinding(t, { code: 'ENTERPRISE_UNKNOWN', facts: { enterpriseNumber: '0403170701' } }, 'nl'),
    ).toContain('0403.170.701');
  });

  it('says how a vacancy differs, or that it differs at all', () => {
    expect(
      describeFinding(
        t,
        { code: 'VACANCY_MISMATCH', facts: { publications: true, otherEmployer: '0202239951' } },
        'nl',
      ),
    ).toBe(
      'De bekendmakingen bij VDAB verschillen van wat de werkgever opgaf. De vacature bij VDAB staat op naam van een andere onderneming (0202.239.951).',
    );
    expect(describeFinding(t, { code: 'VACANCY_MISMATCH', facts: {} }, 'nl')).toBe(
      nl.register.findings.VACANCY_MISMATCH,
    );
  });

  it('says how far a diploma recognition got', () => {
    expect(
      describeFinding(
        t,
        { code: 'RECOGNITION_MISSING', facts: { status: 'IN_TREATMENT', decision: null } },
        'nl',
      ),
    ).toMatch(/\(in behandeling\)\.$/);
    expect(
      describeFinding(
        t,
        { code: 'RECOGNITION_MISSING', facts: { status: 'DECIDED', decision: 'REFUSED' } },
        'nl',
      ),
    ).toMatch(/\(geweigerd\)\.$/);
  });

  it('shows a code the page does not know yet by its code', () => {
    expect(describeFinding(t, { code: 'SOMETHING_NEW', facts: {} }, 'nl')).toBe(
      'Aandachtspunt SOMETHING_NEW',
    );
  });

  it.each([
    ['nl', nl],
    ['fr', fr],
    ['en', en],
  ] as const)('has a sentence in %s for every finding the server makes', (_, catalogue) => {
    const translate = translatorFor(catalogue);
    for (const code of FINDING_CODES) {
      const sentence = describeFinding(translate, { code, facts: {} }, 'nl');
      expect(sentence).not.toContain(code);
      expect(sentence).not.toMatch(/staff\.|undefined/);
    }
  });
});

describe('the register catalogue', () => {
  it.each([
    ['nl', nl],
    ['fr', fr],
    ['en', en],
  ] as const)('names every register in %s', (_, catalogue) => {
    const names = catalogue.register.sources as Record<string, string>;
    expect(SOURCE_NAMES.filter((source) => !names[source])).toEqual([]);
  });

  it('summarises differences as points of attention, never "no points" beside a flagged difference', () => {
    const row = (isMismatch: boolean) => ({ isMismatch });
    expect(
      registerSummary({ status: 'COMPLETE', findings: [], comparisons: [row(false), row(true)] }),
    ).toEqual({
      kind: 'differences',
      count: 1,
    });
    expect(registerSummary({ status: 'COMPLETE', findings: [], comparisons: [row(false)] })).toEqual({
      kind: 'noFindings',
    });
    expect(registerSummary({ status: 'WAITING', findings: [], comparisons: [] })).toBeNull();
    expect(registerSummary({ status: 'COMPLETE', findings: [{}], comparisons: [] })).toBeNull();
  });
});

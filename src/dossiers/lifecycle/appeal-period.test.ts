import { afterEach, describe, expect, it } from 'vitest';
import { YamlSource } from '../../rules/data/yaml-source.ts';
import { getDefaultRuleData, installRuleData } from '../../rules/index.ts';
import { applyReform, parseParameterOverrides } from '../../rules/parameters/apply-reform.ts';
import { draftDecisionLetter } from '../letters/letter-draft.ts';
import { appealLastDay, appealPeriodMonths } from './legal-clock.ts';

// The appeal period is a dated rule parameter (rules/parameters/appeal.lodgingPeriodMonths.yaml,
// BVR 7 Dec 2018: one month from the notification), read by the clock and by the letters alike.

const baseline = getDefaultRuleData();
const twoMonthsFrom2027 = applyReform(
  baseline,
  parseParameterOverrides(
    new YamlSource(
      'appeal.yaml',
      'appeal.lodgingPeriodMonths:\n  values:\n    2027-01-01: { value: 2, source: test reform }\n',
    ),
  ),
);

afterEach(() => installRuleData(baseline));

function refusalOn(decidedOn: string) {
  return draftDecisionLetter({
    lang: 'nl',
    dossierNumber: 'VL-2027-000001',
    employer: { enterpriseNumber: '0403170701', name: 'Tuinbouw De Vlaspit NV' },
    worker: { givenNames: 'Priya', familyName: 'Raman', nationality: 'IN', birthDate: '1994-07-21' },
    category: 'HIGHLY_SKILLED',
    decision: { outcome: 'REFUSED', decidedOn, reasons: [], note: 'Het loon volgt het barema niet.' },
    decidedBy: 'An Peeters',
    legalFrame: 'Besluit van de Vlaamse Regering van 7 december 2018',
  });
}

describe('the appeal period', () => {
  it('is one month in the rules in force, with its legal basis', () => {
    expect(appealPeriodMonths('2026-11-02')).toBe(1);
    expect(appealLastDay('2026-11-02')).toBe('2026-12-02');
    const use = baseline.parameters.resolve('appeal.lodgingPeriodMonths', '2026-11-02');
    expect(use?.source).toContain('BVR 7 Dec 2018');
  });

  it('follows the parameter in force on the decision day, in the clock and in the letter', () => {
    installRuleData(twoMonthsFrom2027);
    expect(appealLastDay('2026-12-15')).toBe('2027-01-15');
    expect(appealLastDay('2027-02-03')).toBe('2027-04-03');
    const text = (decidedOn: string) => JSON.stringify(refusalOn(decidedOn).parts.map((part) => part.text));
    expect(text('2026-12-15')).toContain('binnen een maand na de kennisgeving');
    expect(text('2027-02-03')).toContain('binnen 2 maanden na de kennisgeving');
  });
});

import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';
import { checkSalaryThreshold, fixedAmount, shareOfAverageWage } from './salary-threshold.ts';

/** Executives (art. 17, 2°): 160 % of the average gross annual wage. */
export const checkExecutiveSalary = checkSalaryThreshold(
  'checkExecutiveSalary',
  'BVR 7 Dec 2018, art. 17, 2°',
  (ctx) => shareOfAverageWage(ctx, 'threshold.share.executive'),
);

/**
 * Professional athletes, referees and trainers: the art. 78 amount; a trainer without a
 * professional sports contract needs half of it (reference.md §1.10).
 */
export const checkAthleteSalary = checkSalaryThreshold(
  'checkAthleteSalary',
  'BVR 7 Dec 2018, art. 17 (professional athletes); art. 78 (indexation)',
  (ctx) => {
    const athlete = ctx.app.athlete;
    const isTrainerWithoutContract = athlete?.role === 'TRAINER' && athlete.hasProfessionalContract === false;
    return isTrainerWithoutContract
      ? fixedAmount(
          ctx,
          'threshold.athleteTrainerWithoutContract',
          'trainers without a professional sports contract',
        )
      : fixedAmount(ctx, 'threshold.professionalAthlete', 'professional athletes');
  },
);

/**
 * Performing artists: the category exists for pay at or above the art. 78 amount (exempt from the
 * labour-market test). Below it the artist can only apply as OTHER_LABOUR_MARKET_TEST, so within
 * this category a lower salary is a refusal; the message says so.
 */
export const checkPerformingArtistSalary = checkSalaryThreshold(
  'checkPerformingArtistSalary',
  'BVR 7 Dec 2018, art. 17 (performing artists); art. 78 (indexation)',
  (ctx) => fixedAmount(ctx, 'threshold.performingArtist', 'performing artists'),
);

function normaliseCult(cult: string): string {
  return cult
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/** Ministers of a religion recognised in Belgium (list in `religion.recognisedCults`). */
export const checkCultRecognised: Condition = {
  name: 'checkCultRecognised',
  legalBasis: 'BVR 7 Dec 2018, art. 17 (ministers of recognised religions)',
  reasonCodes: ['CULT_NOT_RECOGNISED'],
  requires: [FIELDS.cult],
  evaluate(ctx) {
    const cult = ctx.app.religion!.cult!;
    const recognisedCults = ctx.rules.get('religion.recognisedCults');
    return recognisedCults.includes(normaliseCult(cult))
      ? null
      : finding('CULT_NOT_RECOGNISED', { cult, recognisedCults });
  },
};

/** Researchers need a hosting agreement with a recognised research institution. */
export const checkHostingAgreement: Condition = {
  name: 'checkHostingAgreement',
  legalBasis: 'BVR 7 Dec 2018, art. 29–33; directive (EU) 2016/801',
  reasonCodes: ['HOSTING_AGREEMENT_REQUIRED'],
  requires: [FIELDS.hostingAgreement],
  evaluate: (ctx) =>
    ctx.app.researcher?.hostingAgreement === false
      ? finding('HOSTING_AGREEMENT_REQUIRED', { hostingAgreement: false })
      : null,
};

/**
 * From 2026 the application for a minister shows that there is a shortage of ministers (policy
 * note 002 §2.7: "vragen we in het aanvraagdossier aan te tonen dat er een tekort is aan
 * bedienaars"): absent is incomplete, false refuses.
 */
export const checkMinisterShortageDemonstrated: Condition = {
  name: 'checkMinisterShortageDemonstrated',
  legalBasis:
    'BVR 7 Dec 2018, art. 17 (ministers of recognised religions), as amended with effect from 1 Jan 2026',
  reasonCodes: ['MINISTER_SHORTAGE_NOT_DEMONSTRATED'],
  isInForce: (ctx) => ctx.rules.peek('religion.shortageProofRequired') === true,
  requires: [FIELDS.shortageDemonstrated],
  evaluate(ctx) {
    ctx.rules.get('religion.shortageProofRequired');
    return ctx.app.religion?.shortageDemonstrated === false
      ? finding('MINISTER_SHORTAGE_NOT_DEMONSTRATED', { shortageDemonstrated: false })
      : null;
  },
};

/**
 * "Na uitvoering van het federaal regeerakkoord" ministers show a passed integration and language
 * test (policy note 002 §2.7): a dated parameter, off until the federal measure applies.
 */
export const checkMinisterIntegrationTest: Condition = {
  name: 'checkMinisterIntegrationTest',
  legalBasis: 'BVR 7 Dec 2018, art. 17 (ministers of recognised religions), as amended',
  reasonCodes: ['INTEGRATION_TEST_NOT_PASSED'],
  isInForce: (ctx) => ctx.rules.peek('religion.integrationTestRequired') === true,
  requires: [FIELDS.integrationTestPassed],
  evaluate(ctx) {
    ctx.rules.get('religion.integrationTestRequired');
    return ctx.app.religion?.integrationTestPassed === false
      ? finding('INTEGRATION_TEST_NOT_PASSED', { integrationTestPassed: false })
      : null;
  },
};

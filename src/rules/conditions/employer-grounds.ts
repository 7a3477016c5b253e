import { addDays, addMonths } from '../dates/iso-date.ts';
import type { AssessmentContext } from '../engine/assessment-context.ts';
import { ParameterReader } from '../engine/parameter-reader.ts';
import type { Application } from '../schema/application-schema.ts';
import { type Condition, finding } from './condition.ts';
import type { Field } from './fields.ts';

type Sanction = NonNullable<Application['employer']['sanctions']>[number];
const field = (path: string, read: () => unknown): Field => ({ path, read: () => read() });

/**
 * Refusal grounds about the employer. Sanctions on the employer itself count from 2019; the
 * extension to sanctions on a director, and the grounds "hub", "almost only non-EU staff" and
 * "false documents", hold from the date their parameter switches on (1 Jan 2026).
 */

const REFUSAL_GROUNDS = 'BVR 7 Dec 2018, art. 12–14';
const REFUSAL_GROUNDS_2026 = 'BVR 7 Dec 2018, art. 12–14, as amended with effect from 1 Jan 2026';

export const checkEmployerNotExcluded: Condition = {
  name: 'checkEmployerNotExcluded',
  legalBasis: `${REFUSAL_GROUNDS}; Law 30 Apr 1999, art. 12/1, 12/3, 12/4`,
  reasonCodes: ['EMPLOYER_EXCLUDED'],
  // A sanction the rules cannot date (no register end, no day and ground) is unknown, not absent.
  requires: (ctx) =>
    (ctx.app.employer.sanctions ?? []).flatMap((sanction, i) =>
      sanction.until !== undefined && (sanction.imposedOn === undefined || sanction.ground === undefined)
        ? []
        : [
            field(`employer.sanctions[${i}].imposedOn`, () => sanction.imposedOn),
            field(`employer.sanctions[${i}].ground`, () => sanction.ground),
          ],
    ),
  evaluate(ctx) {
    const sanctions = ctx.app.employer.sanctions;
    if (!sanctions || sanctions.length === 0) return null;
    let until: string | null = null;
    const via: Array<'EMPLOYER' | 'DIRECTOR'> = [];
    for (const sanction of sanctions) {
      if (sanction.via === 'DIRECTOR' && !ctx.rules.get('refusal.directorSanctions')) continue;
      const end = exclusionEnd(ctx, sanction);
      if (end < ctx.rulesAt) continue;
      if (until === null || end > until) until = end;
      if (!via.includes(sanction.via)) via.push(sanction.via);
    }
    if (until === null) return null;
    const found = finding('EMPLOYER_EXCLUDED', { until, via, applicationDate: ctx.rulesAt });
    // A director's sanction counts by the 2026 amendment, which the reason must cite.
    return via.includes('DIRECTOR')
      ? { ...found, legalBasis: `${REFUSAL_GROUNDS_2026}; Law 30 Apr 1999, art. 12/1, 12/3, 12/4` }
      : found;
  },
};

/**
 * The last day a sanction excludes the employer. Policy note 002 §2.1: "De werkgevers die
 * onrechtmatige handelingen hebben verricht worden langer uitgesloten": the length is the one in
 * force on the day the sanction was imposed (a heavier rule does not reach back), per its ground,
 * from `exclusion.sanctionMonths`; the last day is the day before the same date that many months
 * later. Only a sanction without day and ground keeps the end the register gave it.
 */
function exclusionEnd(ctx: AssessmentContext, sanction: Sanction): string {
  if (sanction.imposedOn === undefined || sanction.ground === undefined) return sanction.until as string;
  // Before the 2018 decree's first day its first value holds (the older text had the same year).
  const day = sanction.imposedOn < EXCLUSION_FIRST_DAY ? EXCLUSION_FIRST_DAY : sanction.imposedOn;
  const onThatDay = new ParameterReader(ctx.data.parameters.snapshotAt(day), day, ctx.used);
  const months = onThatDay.get('exclusion.sanctionMonths')[sanction.ground];
  return addDays(addMonths(sanction.imposedOn, months), -1);
}

const EXCLUSION_FIRST_DAY = '2019-01-01';

/**
 * False or unlawfully obtained documents were a ground before 2026 already (fraud, incorrect or
 * falsified statements, unlawfully obtained data: a withdrawal ground of the 2018 decree); the
 * 2026 amendment names it explicitly, and the reason then cites both.
 */
export const checkNoFalseDocuments: Condition = {
  name: 'checkNoFalseDocuments',
  legalBasis: `${REFUSAL_GROUNDS} (fraud, falsified statements, unlawfully obtained data); ${REFUSAL_GROUNDS_2026}`,
  reasonCodes: ['FALSE_DOCUMENTS'],
  isInForce: (ctx) => ctx.rules.peek('refusal.falseDocuments') === true,
  evaluate(ctx) {
    if (ctx.app.worker.documentsFlaggedFalse !== true) return null;
    ctx.rules.get('refusal.falseDocuments');
    const found = finding('FALSE_DOCUMENTS', { documentsFlaggedFalse: true });
    const basis =
      ctx.rulesAt >= '2026-01-01'
        ? `${REFUSAL_GROUNDS_2026}; ${REFUSAL_GROUNDS} (fraud, falsified statements, unlawfully obtained data)`
        : `${REFUSAL_GROUNDS} (fraud, falsified statements, unlawfully obtained data)`;
    return { ...found, legalBasis: basis };
  },
};

/** Review, not refusal: "almost only" is a service-policy threshold a case handler must weigh. */
export const checkEmployerNotAlmostOnlyNonEu: Condition = {
  name: 'checkEmployerNotAlmostOnlyNonEu',
  legalBasis: `${REFUSAL_GROUNDS_2026} (policy parameter of the service)`,
  reasonCodes: ['EMPLOYER_ALMOST_ONLY_NON_EU'],
  isInForce: (ctx) => ctx.rules.peek('refusal.employerAlmostOnlyNonEu') === true,
  evaluate(ctx) {
    const workforce = ctx.app.employer.workforce;
    if (!workforce) return null;
    ctx.rules.get('refusal.employerAlmostOnlyNonEu');
    const minimumHeadcount = ctx.rules.get('policy.almostOnlyNonEu.minimumHeadcount');
    const minimumShare = ctx.rules.get('policy.almostOnlyNonEu.minimumShare');
    const { headcount, nonEuHeadcount } = workforce;
    if (headcount < minimumHeadcount) return null;
    const share = nonEuHeadcount / headcount;
    if (share < minimumShare) return null;
    return finding('EMPLOYER_ALMOST_ONLY_NON_EU', {
      headcount,
      nonEuHeadcount,
      share: Math.round(share * 1000) / 1000,
      minimumShare,
      minimumHeadcount,
    });
  },
};

/** Review: an employer whose permit workers mostly leave within 6 months may be a gateway. */
export const checkEmployerNotHub: Condition = {
  name: 'checkEmployerNotHub',
  legalBasis: `${REFUSAL_GROUNDS_2026} (policy parameter of the service)`,
  reasonCodes: ['EMPLOYER_ACTS_AS_HUB'],
  isInForce: (ctx) => ctx.rules.peek('refusal.employerActsAsHub') === true,
  evaluate(ctx) {
    const history = ctx.app.employer.permitHistory;
    if (!history) return null;
    ctx.rules.get('refusal.employerActsAsHub');
    const minimumPermits = ctx.rules.get('policy.hub.minimumPermits');
    const minimumShare = ctx.rules.get('policy.hub.minimumShare');
    const { permitsLast24Months, leftWithin6Months } = history;
    if (permitsLast24Months === 0 || permitsLast24Months < minimumPermits) return null;
    const share = leftWithin6Months / permitsLast24Months;
    if (share < minimumShare) return null;
    return finding('EMPLOYER_ACTS_AS_HUB', {
      permitsLast24Months,
      leftWithin6Months,
      share: Math.round(share * 1000) / 1000,
      minimumShare,
      minimumPermits,
    });
  },
};

/** Medium-skilled and labour-market-test functions need a Belgian employer (no posting). */
export function checkEmployerEstablishedInBelgium(legalBasis: string): Condition {
  return {
    name: 'checkEmployerEstablishedInBelgium',
    legalBasis,
    reasonCodes: ['EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM'],
    evaluate(ctx) {
      if (ctx.app.employer.establishedInBelgium !== false) return null;
      return finding('EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM', { establishedInBelgium: false });
    },
  };
}

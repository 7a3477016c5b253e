import { addMonths, fromDayNumber, toDayNumber } from '../dates/iso-date.ts';
import type { Channel } from '../facts.ts';
import type { Condition } from './condition.ts';
import { finding } from './condition.ts';
import { FIELDS } from './fields.ts';

/**
 * "Other" functions with a labour-market test (art. 18 §1). The test concerns filling a vacancy,
 * so it applies to a first application; a renewal continues the same employment.
 */

const LEGAL_BASIS = 'BVR 7 Dec 2018, art. 18 §1';

/** From 1 May 2024 only functions on the VDAB shortage list (existing permits stay renewable). */
export const checkOnShortageList: Condition = {
  name: 'checkOnShortageList',
  legalBasis: `${LEGAL_BASIS}, as amended with effect from 1 May 2024`,
  reasonCodes: ['NOT_ON_SHORTAGE_LIST'],
  isInForce: (ctx) => !ctx.isRenewal && ctx.rules.peek('labourMarketTest.shortageListRequired') === true,
  requires: [FIELDS.onVdabShortageList],
  evaluate(ctx) {
    ctx.rules.get('labourMarketTest.shortageListRequired');
    return ctx.app.job.onVdabShortageList === false
      ? finding('NOT_ON_SHORTAGE_LIST', { onVdabShortageList: false })
      : null;
  },
};

/** The worker must still be abroad when the employer files a first application. */
export function checkWorkerAbroad(legalBasis: string): Condition {
  return {
    name: 'checkWorkerAbroad',
    legalBasis,
    reasonCodes: ['WORKER_ALREADY_IN_BELGIUM'],
    isInForce: (ctx) => !ctx.isRenewal,
    requires: [FIELDS.location],
    evaluate: (ctx) =>
      ctx.app.worker.location === 'BELGIUM'
        ? finding('WORKER_ALREADY_IN_BELGIUM', { location: 'BELGIUM' })
        : null,
  };
}

/** Days of [from, to] intervals (inclusive day numbers) covered at least once. */
export function countCoveredDays(intervals: Array<[number, number]>): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [from, to] of intervals) {
    const start = Math.max(from, reach + 1);
    if (to >= start) {
      covered += to - start + 1;
      reach = to;
    }
  }
  return covered;
}

/**
 * Each required channel must have shown the vacancy on enough days inside the window that ends
 * the day before the application: until 30 Apr 2024 VDAB for the whole 6 weeks before (so still
 * online), from 1 May 2024 VDAB and EURES each ≥ 9 weeks within the 4 months before.
 */
export const checkVacancyPublication: Condition = {
  name: 'checkVacancyPublication',
  legalBasis: LEGAL_BASIS,
  reasonCodes: ['VACANCY_PUBLICATION_INSUFFICIENT'],
  isInForce: (ctx) => !ctx.isRenewal,
  requires: [FIELDS.publications],
  evaluate(ctx) {
    const rule = ctx.rules.get('labourMarketTest.vacancyPublication');
    const applicationDay = toDayNumber(ctx.rulesAt);
    const windowTo = applicationDay - 1;
    const windowFrom =
      rule.windowMonths !== undefined
        ? toDayNumber(addMonths(ctx.rulesAt, -rule.windowMonths))
        : applicationDay - (rule.windowDays ?? rule.minimumDaysPerChannel);
    const publications = ctx.app.labourMarketTest?.publications ?? [];
    const daysByChannel: Partial<Record<Channel, number>> = {};
    const shortChannels: Channel[] = [];
    for (const channel of rule.channels) {
      const intervals: Array<[number, number]> = [];
      for (const p of publications) {
        if (p.channel !== channel) continue;
        const from = Math.max(toDayNumber(p.from), windowFrom);
        const to = Math.min(toDayNumber(p.to), windowTo);
        if (to >= from) intervals.push([from, to]);
      }
      const days = countCoveredDays(intervals);
      daysByChannel[channel] = days;
      if (days < rule.minimumDaysPerChannel) shortChannels.push(channel);
    }
    if (shortChannels.length === 0) return null;
    return finding('VACANCY_PUBLICATION_INSUFFICIENT', {
      windowFrom: fromDayNumber(windowFrom),
      windowTo: fromDayNumber(windowTo),
      minimumDaysPerChannel: rule.minimumDaysPerChannel,
      daysByChannel,
      shortChannels,
    });
  },
};

/** What the case handler weighs in the employer's compiled search dossier (policy note 002 §2.3). */
export const SEARCH_POINTS = ['UNSUITABLE_CANDIDATES', 'WORKPLACE_LEARNING', 'SHARED_MANAGEMENT'] as const;

/**
 * From 1 Jan 2026 the publication of the vacancy "geldt daarbij als een minimale, maar op zichzelf
 * onvoldoende vereiste" (policy note 002 §2.3): the employer shows the whole search in a compiled
 * dossier, why candidates were unsuitable and why workplace learning was not possible, and a case
 * handler judges it. So the engine never grants "overige" alone: once the publication minimum is
 * met, it asks for that judgement.
 */
export const checkLabourMarketSearchJudged: Condition = {
  name: 'checkLabourMarketSearchJudged',
  legalBasis: `${LEGAL_BASIS}, as amended with effect from 1 Jan 2026`,
  reasonCodes: ['LABOUR_MARKET_SEARCH_TO_JUDGE'],
  isInForce: (ctx) => !ctx.isRenewal && ctx.rules.peek('labourMarketTest.searchJudgedByCaseHandler') === true,
  requires: [FIELDS.publications],
  evaluate(ctx) {
    ctx.rules.get('labourMarketTest.searchJudgedByCaseHandler');
    // The minimum first: a publication too short is refused on that ground, nothing left to judge.
    if (checkVacancyPublication.evaluate(ctx) !== null) return null;
    return finding('LABOUR_MARKET_SEARCH_TO_JUDGE', { points: [...SEARCH_POINTS] });
  },
};

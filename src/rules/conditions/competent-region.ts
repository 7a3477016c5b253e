import { type Condition, finding } from './condition.ts';

/** Flanders decides only on work done in the Flemish Region: the workplace's postal code decides. */
export const checkCompetentRegion: Condition = {
  name: 'checkCompetentRegion',
  legalBasis: 'Special Law 8 Aug 1980, art. 6 §1 IX 3°; cooperation agreement 2 Feb 2018',
  // The German-speaking Community's competence rests on art. 139 of the Constitution as well.
  reasonCodes: ['NOT_COMPETENT_REGION'],
  evaluate(ctx) {
    if (ctx.location.authority === 'FLANDERS') return null;
    const found = finding('NOT_COMPETENT_REGION', {
      postalCode: ctx.app.job.workplacePostalCode,
      region: ctx.location.region,
      authority: ctx.location.authority,
    });
    return ctx.location.authority === 'GERMAN_SPEAKING_COMMUNITY'
      ? { ...found, legalBasis: 'Constitution, art. 139; cooperation agreement 2 Feb 2018' }
      : found;
  },
};

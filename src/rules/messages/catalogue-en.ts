import type { Catalogue } from './catalogue.ts';
import { isPerformingArtist, yearOf } from './catalogue.ts';
import { PARAMETER_CAVEAT } from './parameter-caveat.ts';
import { parameterLabel, parameterValue } from './parameter-labels.ts';

const REDUCTION = { UNDER_AGE_LIMIT: 'worker under 30', NURSE: 'nurse', TEACHER: 'teacher' };
const FIXED = {
  'threshold.professionalAthlete': 'fixed amount for professional athletes',
  'threshold.athleteTrainerWithoutContract': 'fixed amount for trainers without a professional contract',
  'threshold.performingArtist': 'fixed amount for performing artists',
} as Record<string, string>;
const REGION = {
  FLANDERS: 'the Flemish Region',
  BRUSSELS: 'the Brussels-Capital Region',
  WALLONIA: 'the Walloon Region',
  GERMAN_SPEAKING_COMMUNITY: 'the area of the German-speaking Community, which is itself competent',
} as Record<string, string>;
const SEARCH_POINT = {
  UNSUITABLE_CANDIDATES: 'why the candidates who applied were unsuitable',
  WORKPLACE_LEARNING: 'why workplace learning was not possible',
  SHARED_MANAGEMENT: 'the vacancy in shared management with VDAB (and EURES)',
};
const VIA = { EMPLOYER: 'the employer', DIRECTOR: 'a director' };

const FREE_MOVEMENT_EN = {
  EU: 'a member state of the European Union',
  EEA: 'a state of the European Economic Area',
  SWITZERLAND: 'Switzerland, which shares free movement of persons with the EU',
  UK_TRANSITION: 'the United Kingdom, which kept free movement until 31 December 2020',
};

export const CATALOGUE_EN: Catalogue = {
  reasons: {
    MISSING_INFORMATION: (x, f) => `Information this category needs is missing: ${f.list(x.fields)}.`,
    INVALID_ENTERPRISE_NUMBER: (x) =>
      x.problem === 'ESTABLISHMENT_UNIT_NUMBER'
        ? `${x.enterpriseNumber} is an establishment unit number; give the enterprise number (starting with 0 or 1).`
        : x.problem === 'FORMAT'
          ? `The enterprise number ${x.enterpriseNumber} does not have 10 digits.`
          : `The enterprise number ${x.enterpriseNumber} is invalid: its check digits (modulo 97) do not match.`,
    INVALID_INSZ: (x) =>
      x.problem === 'FORMAT'
        ? `The INSZ ${x.insz} does not have 11 digits.`
        : x.problem === 'DATE'
          ? `The INSZ ${x.insz} does not contain a valid birth month or day.`
          : `The INSZ ${x.insz} is invalid: its check digits do not match (rules before and from 2000 tried).`,
    NOT_COMPETENT_REGION: (x) =>
      `The workplace (postal code ${x.postalCode}) is not in the Flemish Region${x.region ? ` but in ${REGION[x.authority ?? x.region]}` : ''}; Flanders is not competent. No fee is due in Flanders.`,
    QUALIFICATION_TOO_LOW: (x) =>
      `The worker's qualification level (VKS ${x.qualificationVks}) is below the required minimum (VKS ${x.minimumVks}).`,
    FUNCTION_NOT_HIGHLY_SKILLED: (x) =>
      `The function requires VKS ${x.requiredVks}; a highly skilled function must itself require at least VKS ${x.minimumVks}.`,
    SALARY_BELOW_THRESHOLD: (x, f) => {
      const basis =
        x.share !== undefined
          ? `${f.percent(x.share)} of the ${yearOf(x.averageWageFrom)} average gross annual wage${x.reduction ? `, reduced: ${REDUCTION[x.reduction]}` : ''}`
          : (FIXED[x.amountParameter ?? ''] ?? x.basis);
      const artist = isPerformingArtist(x)
        ? ' Below this amount only an application with a labour-market test is possible.'
        : '';
      return `The gross annual salary (${f.amount(x.salary)}) is below the threshold (${f.amount(x.threshold)}, ${basis}; that is ${f.amount(x.thresholdMonthly)} gross a month, the thirteenth month and holiday pay included).${artist}`;
    },
    CONTRACT_TOO_SHORT: (x, f) =>
      `The contract (${f.date(x.startDate)} – ${f.date(x.endDate)}, ${x.months} full months) is shorter than the required ${x.minimumMonths} months.`,
    NOT_ON_MIGRATION_LIST: (x, f) =>
      `The function "${x.function}" is not on migration list ${x.version} (in force from ${f.date(x.versionValidFrom)}).`,
    NOT_ON_SHORTAGE_LIST: () =>
      'The function is not on the VDAB shortage-occupation list, which this category requires.',
    LOW_SKILLED_FUNCTION_EXCLUDED: (x) =>
      `The function requires VKS ${x.requiredVks}; functions up to VKS ${x.maximumExcludedVks} are excluded (except seasonal work).`,
    VACANCY_PUBLICATION_INSUFFICIENT: (x, f) =>
      `The vacancy was not published long enough: at least ${x.minimumDaysPerChannel} days per channel are needed between ${f.date(x.windowFrom)} and ${f.date(x.windowTo)}; found: ${f.list(Object.entries(x.daysByChannel).map(([c, d]) => `${c} ${d} days`))}.`,
    WORKER_ALREADY_IN_BELGIUM: () =>
      'The worker already stays in Belgium; a first application in this category is only possible while the worker is abroad.',
    EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM: () =>
      'The employer is not established in Belgium; this category requires a Belgian employer (no posting).',
    EMPLOYMENT_FRACTION_TOO_LOW: (x, f) =>
      `The employment fraction (${f.percent(x.employmentFraction)}) is below the minimum of ${f.percent(x.minimumFraction)}.`,
    SEASONAL_DURATION_EXCEEDED: (x, f) =>
      x.endDate === null
        ? `Seasonal employment cannot be open-ended: ${x.maximumDays} days are allowed per ${x.referencePeriodDays} days.`
        : `The seasonal employment lasts ${x.days} days (${f.date(x.startDate)} – ${f.date(x.endDate)}), more than the ${x.maximumDays} days allowed per ${x.referencePeriodDays} days.`,
    ICT_CONDITIONS_NOT_MET: (x, f) =>
      `The intra-corporate transfer conditions are not met: ${f.list(
        x.failed.map((c) =>
          c === 'SAME_GROUP'
            ? 'the host and sending companies are not in the same group'
            : `${f.number(x.priorEmploymentMonths)} months of prior employment in the group, minimum ${x.minimumPriorEmploymentMonths}`,
        ),
      )}.`,
    EMPLOYER_EXCLUDED: (x, f) =>
      `The employer is excluded up to and including ${f.date(x.until)} because of a sanction against ${f.list(x.via.map((v) => VIA[v]))}.`,
    FALSE_DOCUMENTS: () => 'A case handler found false or unlawfully obtained documents.',
    EMPLOYER_ALMOST_ONLY_NON_EU: (x, f) =>
      `${x.nonEuHeadcount} of the ${x.headcount} employees (${f.percent(x.share)}) are not EU nationals, at or above the policy threshold of ${f.percent(x.minimumShare)}; for a case handler to weigh.`,
    EMPLOYER_ACTS_AS_HUB: (x, f) =>
      `${x.leftWithin6Months} of the ${x.permitsLast24Months} permit workers of the last 24 months left within 6 months (${f.percent(x.share)}, threshold ${f.percent(x.minimumShare)}): possibly a hub; for a case handler to weigh.`,
    HOSTING_AGREEMENT_REQUIRED: () =>
      'A researcher needs a hosting agreement with a recognised research institution.',
    CULT_NOT_RECOGNISED: (x, f) =>
      `The religion "${x.cult}" is not recognised in Belgium (recognised: ${f.list(x.recognisedCults)}).`,
    WORK_AUTHORISATION_NOT_REQUIRED: (x, f) =>
      x.group === 'BELGIAN'
        ? 'The worker is a Belgian national: a Belgian needs no work authorisation. There is nothing to apply for and no fee to pay.'
        : `The worker is a national of ${FREE_MOVEMENT_EN[x.group]} (${f.country(x.nationality)}) and needs no work authorisation: free movement of workers. There is nothing to apply for and no fee to pay.`,
    FUNCTION_ABOVE_MEDIUM_SKILLED: (x) =>
      `The function requires VKS ${x.requiredVks}; the 'other' category is limited to medium-skilled functions (up to VKS ${x.maximumVks}). Apply for a highly skilled function as a highly skilled worker or with an EU Blue Card.`,
    LABOUR_MARKET_SEARCH_TO_JUDGE: (x, f) =>
      `Publishing the vacancy is a minimum but not sufficient on its own. A case handler judges the employer's compiled search dossier: ${f.list(x.points.map((p) => SEARCH_POINT[p]))}.`,
    MINISTER_SHORTAGE_NOT_DEMONSTRATED: () =>
      'The application does not show a shortage of ministers of this religion.',
    INTEGRATION_TEST_NOT_PASSED: () =>
      'There is no proof of a passed integration and language test, required for ministers of religion.',
    PAY_BELOW_MINIMUM: (x, f) =>
      `The pay (${f.amount(x.monthlySalary)} a month, ${f.amount(x.grossAnnualSalary)} a year) is below the minimum of ${f.amount(x.minimumMonthly)} a month: ${x.sectorScaleMonthly !== null && x.sectorScaleMonthly > x.guaranteedMinimumMonthly ? `the sector pay scale (${f.amount(x.sectorScaleMonthly)})` : `the guaranteed average minimum monthly income (${f.amount(x.guaranteedMinimumMonthly)})`} full time, pro rata to an employment of ${f.percent(x.employmentFraction)}.`,
    LOW_SKILLED_RENEWAL_TO_JUDGE: (x) =>
      `The function requires VKS ${x.requiredVks}; since 2026 functions up to VKS ${x.maximumExcludedVks} are excluded. For the renewal of an authorisation granted before 2026 a case handler judges whether it is still possible.`,
  },
  warnings: {
    VALIDITY_LIMITED_BY_AGE: (x, f) =>
      `The worker turns ${x.ageLimit} on ${f.date(x.turnsAgeLimitOn)}, within the requested validity (until ${f.date(x.requestedUntil)}). Unless pay then rises to the standard threshold, the authorisation holds until ${f.date(x.until)}.`,
    REGULATED_PROFESSION: (x) =>
      `${x.profession === 'NURSE' ? 'Nurse' : `Regulated care profession (ISCO ${x.iscoCode})`}: the worker may practise only after NARIC recognises the foreign diploma and with a visa from the Federal Public Service Health${x.naricReference ? ` (NARIC file ${x.naricReference})` : ''}.`,
    PARAMETER_UNVERIFIED: (x, f) => {
      const value = parameterValue(x.parameter, x.value, f);
      const what = `${parameterLabel(x.parameter, 'en')}${value ? `: ${value}` : ''} from ${f.date(x.validFrom)}.`;
      // Conflicting sources are the staff's to know (the status beside it on their pages), not the public's.
      return `${what} ${PARAMETER_CAVEAT.en[x.status]}`;
    },
  },
};

import type { Actor, DossierAction, DossierStatus } from '../../dossiers/lifecycle/dossier-lifecycle.ts';
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../../rules/dates/iso-date.ts';
import type { Category, Province, ReasonCode } from '../../rules/index.ts';
import { createSeededRandom, hashText, type SeededRandom } from '../../sources/simulator/seeded-random.ts';
import {
  APPROVAL_RATE,
  HIGHLY_SKILLED_MIX,
  highlySkilledApplicationShare,
  INADMISSIBLE_SHARE,
  OTHER_MIX,
  RENEWAL_APPROVAL_RATE,
  RENEWAL_SHARE,
  SHORTAGE_SHARE_OF_OTHERS,
  WITHDRAWN_SHARE,
} from './calibration.ts';
import { deadlineDays, FEDERAL_MEDIAN, isFastLane, normal, regionalMedian, spread } from './lead-times.ts';
import {
  AGE,
  athleteRole,
  type Group,
  groupOf,
  ISCO,
  LIST_FUNCTIONS,
  MALE_SHARE,
  nationalityWeights,
  POSTAL_CODES,
  PROVINCE_WEIGHTS,
  REFUSAL_REASONS,
  VKS,
} from './profiles.ts';
import { careSpecials, daysOf, lastDay, type Special, yearCounts, yearWeights } from './volumes.ts';

/**
 * A synthetic history of dossiers, pure and reproducible: the same count and seed give the same
 * dossiers, byte for byte. Each dossier carries its action log and the projections the case
 * handling writes (status, dates, decision), so the writer stores it like a real one.
 */

export interface GeneratedAction {
  action: DossierAction;
  actor: Actor;
  on: string;
  details: Record<string, unknown>;
}

export interface GeneratedDossier {
  id: string;
  number: string;
  enterpriseNumber: string;
  category: Category;
  kind: 'FIRST' | 'RENEWAL';
  lang: 'nl' | 'fr' | 'en';
  status: DossierStatus;
  version: number;
  application: Record<string, unknown>;
  assessment: Record<string, unknown>;
  idempotencyKey: string;
  submittedAt: string;
  admissibleOn: string | null;
  deadlineDays: number | null;
  dueDate: string | null;
  decidedOn: string | null;
  feeAmountCents: number;
  feePaidOn: string | null;
  decision: Record<string, unknown> | null;
  federalStatus: 'NOT_SENT' | 'SENT' | 'GRANTED' | 'REFUSED';
  federalDecidedOn: string | null;
  createdAt: string;
  updatedAt: string;
  actions: GeneratedAction[];
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /**
   * The day the history ends (ISO date, normally today): nothing is submitted or happens after it,
   * so the figures never run ahead of the calendar. Dossiers whose next step would fall later stay
   * open. Capped at the end of the calibrated years.
   */
  until: string;
}

function enterpriseNumber(random: SeededRandom): string {
  // A valid KBO number: 0, seven digits, and 97 minus the remainder of the first eight by 97.
  const base = 2_000_000 + random.int(0, 4_999) * 1_009;
  return `0${base}${String(97 - (base % 97)).padStart(2, '0')}`;
}

function uuidFor(seed: number, n: number): string {
  // Ascending by n so a million inserts append to the primary-key index; version nibble 8 (custom).
  const index = n.toString(16).padStart(12, '0');
  const tail = (hashText(`loket-generated:${seed}`) >>> 0).toString(16).padStart(8, '0');
  const more = (hashText(`${seed}:${n}`) >>> 0).toString(16).padStart(8, '0');
  return `${index.slice(0, 8)}-${index.slice(8, 12)}-8${tail.slice(0, 3)}-a${tail.slice(3, 6)}-${tail.slice(6, 8)}${more}00`;
}

function pickCategory(random: SeededRandom, year: number): Category {
  if (random.chance(highlySkilledApplicationShare(year))) return random.pickWeighted(HIGHLY_SKILLED_MIX);
  if (random.chance(SHORTAGE_SHARE_OF_OTHERS[year] ?? 0.4)) return 'MEDIUM_SKILLED_SHORTAGE';
  return random.pickWeighted(OTHER_MIX);
}

const SYSTEM_LEGAL_BASIS = 'BVR 7 december 2018';

/** Generates `count` dossiers submitted from 2019 up to `until`, in order of submission year. */
export function* generateDossiers({ count, seed, until }: GenerateOptions): Generator<GeneratedDossier> {
  const random = createSeededRandom(seed);
  const total = [...yearWeights(until).values()].reduce((a, b) => a + b, 0);
  let n = 0;
  for (const [year, perYear] of yearCounts(count, until)) {
    const specials = careSpecials(year, count, total).slice(0, perYear);
    for (let i = 0; i < perYear; i++) {
      yield buildDossier(random, { seed, n, year, special: specials[i] ?? null, until: lastDay(until) });
      n += 1;
    }
  }
}

interface Plan {
  seed: number;
  n: number;
  year: number;
  special: Special | null;
  until: string;
}

function buildDossier(random: SeededRandom, plan: Plan): GeneratedDossier {
  const { year, special } = plan;
  // Nurses and care workers of seed 004 are granted in their year: filed by September.
  const days = daysOf(year, plan.until);
  const submitted = addDays(`${year}-01-01`, random.int(0, Math.min(special ? 241 : days, days) - 1));
  const kind = !special && random.chance(RENEWAL_SHARE[year] ?? 0.4) ? 'RENEWAL' : 'FIRST';
  const category: Category = special
    ? special.profession === 'NURSE'
      ? 'HIGHLY_SKILLED'
      : 'MEDIUM_SKILLED_SHORTAGE'
    : pickCategory(random, year);
  const group: Group = groupOf(category);
  const nationality = special?.nationality ?? random.pickWeighted(nationalityWeights(group, year));
  const isCare = special !== null;
  const sex = random.chance(isCare ? 0.2 : (MALE_SHARE[group] ?? 0.75)) ? 'M' : 'F';
  const [meanAge, sdAge] = AGE[group];
  const age = Math.min(64, Math.max(19, Math.round(meanAge + sdAge * normal(random))));
  const birthDate = addDays(submitted, -(age * 365 + random.int(30, 330)));
  let iscoCode = random.pickWeighted(ISCO[category]);
  let listFunction: string | null = null;
  if (category === 'MEDIUM_SKILLED_SHORTAGE') {
    const [id, isco] = special ? (['care-worker', '5321'] as const) : random.pickWeighted(LIST_FUNCTIONS);
    listFunction = id;
    iscoCode = isco;
  }
  if (special?.profession === 'NURSE') iscoCode = '2221';
  const vks = special?.profession === 'NURSE' ? 6 : special ? 4 : random.pickWeighted(VKS[category]);
  const isOutside = !special && random.chance(0.012);
  const province: Province | null = isOutside ? null : random.pickWeighted(PROVINCE_WEIGHTS[group]);
  const postalCode = province
    ? random.pick(POSTAL_CODES[province])
    : random.pick(['1000', '1050', '4000', '5000']);
  const region = province ? 'FLANDERS' : postalCode.startsWith('1') ? 'BRUSSELS' : 'WALLONIA';

  // What happens to it.
  const isInadmissible = isOutside || (!special && random.chance(INADMISSIBLE_SHARE[kind]));
  const isWithdrawn = !isInadmissible && !special && random.chance(WITHDRAWN_SHARE);
  const approval = kind === 'RENEWAL' ? RENEWAL_APPROVAL_RATE : APPROVAL_RATE[category];
  const isGranted = special !== null || random.chance(approval);
  const reasons: ReasonCode[] = isInadmissible
    ? [isOutside ? 'NOT_COMPETENT_REGION' : 'MISSING_INFORMATION']
    : isGranted
      ? []
      : [random.pickWeighted(REFUSAL_REASONS[category])];
  if (!isInadmissible && !isGranted && random.chance(0.15)) {
    const second = random.pickWeighted(REFUSAL_REASONS[category]);
    if (!reasons.includes(second)) reasons.push(second);
  }

  const deadline = deadlineDays(category, submitted);
  const fee = submitted >= '2026-01-01' ? 20_000 : 0;
  const actions: GeneratedAction[] = [{ action: 'SUBMIT', actor: 'EMPLOYER', on: submitted, details: {} }];
  let status: DossierStatus = 'SUBMITTED';
  let admissibleOn: string | null = null;
  let dueDate: string | null = null;
  let decidedOn: string | null = null;
  let decision: Record<string, unknown> | null = null;
  let federalStatus: GeneratedDossier['federalStatus'] = 'NOT_SENT';
  let federalDecidedOn: string | null = null;
  const checkedOn = addDays(submitted, random.int(0, 10));
  const isBefore = (date: string) => date <= plan.until;
  if (isBefore(checkedOn)) {
    if (isInadmissible) {
      actions.push({
        action: 'DECLARE_INADMISSIBLE',
        actor: random.chance(0.6) ? 'SYSTEM' : 'CASE_HANDLER',
        on: checkedOn,
        details: { grounds: reasons },
      });
      status = 'INADMISSIBLE';
    } else {
      admissibleOn = checkedOn;
      // The fast lane's clock runs from the application, the others' from admissibility (legal-clock.ts).
      dueDate = addDays(isFastLane(category, submitted) ? submitted : checkedOn, deadline);
      federalStatus = 'SENT';
      actions.push({ action: 'DECLARE_ADMISSIBLE', actor: 'SYSTEM', on: checkedOn, details: {} });
      status = 'ADMISSIBLE';
      const reviewOn = addDays(checkedOn, random.int(0, 3));
      const lead = special
        ? Math.min(spread(random, regionalMedian(category, submitted)), 60)
        : spread(random, regionalMedian(category, submitted));
      const decideOn = addDays(checkedOn, Math.max(lead, toDayNumber(reviewOn) - toDayNumber(checkedOn)));
      if (isBefore(reviewOn)) {
        actions.push({ action: 'START_REVIEW', actor: 'CASE_HANDLER', on: reviewOn, details: {} });
        status = 'IN_REVIEW';
        const withdrawOn = addDays(reviewOn, random.int(1, 20));
        if (isWithdrawn && isBefore(withdrawOn)) {
          actions.push({ action: 'WITHDRAW', actor: 'EMPLOYER', on: withdrawOn, details: {} });
          status = 'WITHDRAWN';
          federalStatus = 'SENT';
        } else if (!isWithdrawn && isBefore(decideOn)) {
          decidedOn = decideOn;
          if (isGranted) {
            const validFrom = addDays(decideOn, random.int(7, 45));
            const validUntil = addDays(addMonths(validFrom, category === 'SEASONAL_WORKER' ? 6 : 12), -1);
            actions.push({
              action: 'GRANT',
              actor: 'CASE_HANDLER',
              on: decideOn,
              details: { validFrom, validUntil },
            });
            status = 'DECIDED_GRANTED';
            decision = {
              outcome: 'GRANTED',
              decidedOn: decideOn,
              validFrom,
              validUntil,
              note: null,
              decidedBy: null,
            };
            const federalOn = addDays(
              decideOn,
              spread(random, FEDERAL_MEDIAN[Number(decideOn.slice(0, 4))] ?? 30),
            );
            if (isBefore(federalOn)) {
              federalStatus = random.chance(0.98) ? 'GRANTED' : 'REFUSED';
              federalDecidedOn = federalOn;
            }
          } else {
            actions.push({
              action: 'REFUSE',
              actor: 'CASE_HANDLER',
              on: decideOn,
              details: { reasonCodes: reasons },
            });
            status = 'DECIDED_REFUSED';
            decision = {
              outcome: 'REFUSED',
              decidedOn: decideOn,
              reasonCodes: reasons,
              note: null,
              decidedBy: null,
              coSignedBy: null,
            };
          }
        }
      }
    }
  }

  const application = {
    applicationDate: submitted,
    kind,
    category,
    ...(category === 'PROFESSIONAL_ATHLETE' ? { athlete: { role: athleteRole(plan.seed, plan.n) } } : {}),
    employer: { enterpriseNumber: enterpriseNumber(random) },
    worker: {
      birthDate,
      nationality,
      sex,
      location: 'ABROAD',
      qualificationVks: vks,
      ...(special?.profession === 'NURSE' ? { profession: 'NURSE' } : {}),
    },
    job: {
      iscoCode,
      requiredVks: Math.min(vks, 7),
      ...(listFunction ? { migrationListFunction: listFunction } : {}),
      ...(special ? { isCareFunction: true } : {}),
      workplacePostalCode: postalCode,
      employmentFraction: 1,
      startDate: addDays(submitted, random.int(45, 120)),
    },
  };
  const effect = isInadmissible && !isOutside ? 'INCOMPLETE' : 'REFUSE';
  const assessment = {
    outcome: reasons.length === 0 ? 'ELIGIBLE' : effect === 'INCOMPLETE' ? 'INCOMPLETE' : 'INELIGIBLE',
    category,
    rulesAt: submitted,
    // Abridged: generated dossiers carry the reasons' codes, not their texts and facts.
    reasons: reasons.map((code) => ({
      code,
      effect,
      legalBasis: SYSTEM_LEGAL_BASIS,
      message: '',
      facts: {},
    })),
    warnings: [],
    procedure: {
      type: 'SINGLE_PERMIT',
      track: category === 'HIGHLY_SKILLED' && submitted >= '2025-05-01' ? 'FAST_LANE' : 'STANDARD',
      regionalDeadlineDays: deadline,
      labourMarketTest: category === 'OTHER_LABOUR_MARKET_TEST',
      maxValidityMonths: null,
      region,
      province,
    },
    fee: { amountDue: fee / 100, currency: 'EUR', payer: 'EMPLOYER', exemption: null },
    parameters: [],
  };
  const lastOn = actions[actions.length - 1]?.on ?? submitted;
  return {
    id: uuidFor(plan.seed, plan.n),
    number: `VLG${plan.seed}-${year}-${String(plan.n).padStart(7, '0')}`,
    enterpriseNumber: application.employer.enterpriseNumber,
    category,
    kind,
    lang: random.pickWeighted([
      ['nl', 70],
      ['en', 25],
      ['fr', 5],
    ] as const),
    status,
    version: actions.length + 1,
    application,
    assessment,
    idempotencyKey: `generated:${plan.seed}:${plan.n}`,
    // Filed during office hours, Brussels time (09:00–17:00 local is 07:00–16:00 UTC all year).
    submittedAt: `${submitted}T${String(random.int(7, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    admissibleOn,
    deadlineDays: admissibleOn ? deadline : null,
    dueDate,
    decidedOn,
    feeAmountCents: fee,
    feePaidOn: fee > 0 ? submitted : null,
    decision,
    federalStatus,
    federalDecidedOn,
    createdAt: `${fromDayNumber(toDayNumber(submitted) - random.int(0, 5))}T08:00:00Z`,
    updatedAt: `${lastOn}T16:00:00Z`,
    actions,
  };
}

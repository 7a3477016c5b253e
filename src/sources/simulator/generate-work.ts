import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { DmfaWorkerQuarter } from '../dmfa/dmfa.ts';
import type { Person } from '../national-register/national-register.ts';
import { addDays, completedQuartersBefore, daysBetween, earlier, later, randomDateBetween } from './dates.ts';
import type { EnterpriseDraft } from './generate-enterprises.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Employment as Dimona and DmfA see it (reference.md §7.3–7.4): one period per worker, opened by
 * IN and, when it ended, closed by OUT the next day; per completed quarter the days, hours and
 * wages declared. Occasional workers (EXT) only in hospitality and horticulture, with BIS numbers.
 */

export interface EmploymentDraft {
  period: DimonaPeriod;
  monthlyWage: number;
  fraction: number;
  manual: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function generateEmployments(
  random: SeededRandom,
  options: {
    drafts: EnterpriseDraft[];
    referenceDate: string;
    residents: Person[];
    nonResidents: Person[];
    demoWorkers: Person[];
  },
): EmploymentDraft[] {
  const { referenceDate } = options;
  const residents = random.shuffle(options.residents);
  const nonResidents = random.shuffle(options.nonResidents);
  const employments: EmploymentDraft[] = [];
  let dimonaSequence = random.int(1_000_000, 2_000_000);

  options.drafts.forEach(({ enterprise, sector }, index) => {
    const isDemo = index === 0;
    const headcount = isDemo ? options.demoWorkers.length : random.int(0, 12);
    const earliest = later(enterprise.startDate, addDays(referenceDate, -3_650));
    const lastDay = enterprise.endDate ?? addDays(referenceDate, -1);
    for (let slot = 0; slot < headcount; slot++) {
      const isOccasional = !isDemo && sector.occasionalWork && random.chance(0.3);
      const worker = isDemo ? options.demoWorkers[slot] : isOccasional ? nonResidents.pop() : residents.pop();
      if (!worker) return;
      const latestStart = earlier(addDays(lastDay, -30), addDays(referenceDate, -14));
      const startDate =
        latestStart <= earliest ? earliest : randomDateBetween(random.int, earliest, latestStart);
      const workerType: DimonaPeriod['workerType'] = isOccasional
        ? 'EXT'
        : isDemo
          ? 'OTH'
          : random.pickWeighted([
              ['OTH', 90],
              ['STU', 5],
              ['FLX', 5],
            ] as const);
      let endDate: string | null = null;
      if (isOccasional) endDate = earlier(addDays(startDate, random.int(1, 60)), lastDay);
      else if (enterprise.endDate) endDate = enterprise.endDate;
      else if (!isDemo && random.chance(0.25) && daysBetween(startDate, lastDay) > 60) {
        endDate = randomDateBetween(random.int, addDays(startDate, 60), lastDay);
      }
      const declarations: DimonaPeriod['declarations'] = [
        { type: 'IN', declaredOn: addDays(startDate, -random.int(0, 3)) },
      ];
      if (endDate) declarations.push({ type: 'OUT', declaredOn: addDays(endDate, 1) });
      const [low, high] = sector.monthlyWage;
      employments.push({
        period: {
          dimonaId: String(dimonaSequence++),
          enterpriseNumber: enterprise.enterpriseNumber,
          insz: worker.insz,
          jointCommittee: sector.jointCommittee,
          workerType,
          startDate,
          endDate,
          declarations,
        },
        monthlyWage: Math.round(random.int(low, high) / 10) * 10,
        fraction:
          workerType === 'OTH'
            ? random.chance(0.8)
              ? 1
              : random.pick([0.5, 0.8])
            : workerType === 'EXT'
              ? 1
              : 0.4,
        manual: sector.manual,
      });
    }
  });
  return employments;
}

/** DmfA for the last four completed quarters: days and hours worked, ordinary pay (code 1), a year-end premium (code 2). */
export function generateDmfaQuarters(
  random: SeededRandom,
  employments: EmploymentDraft[],
  referenceDate: string,
): DmfaWorkerQuarter[] {
  const quarters = completedQuartersBefore(referenceDate, 4);
  const result: DmfaWorkerQuarter[] = [];
  for (const { period, monthlyWage, fraction, manual } of employments) {
    for (const quarter of quarters) {
      const from = later(period.startDate, quarter.first);
      const to = earlier(period.endDate ?? quarter.last, quarter.last);
      if (to < from) continue;
      const calendarDays = daysBetween(from, to) + 1;
      const quarterDays = daysBetween(quarter.first, quarter.last) + 1;
      const days = Math.max(1, Math.round(((calendarDays * 5) / 7) * fraction));
      const wages = [
        { code: '1', amount: round2(monthlyWage * 3 * (calendarDays / quarterDays) * fraction) },
      ];
      if (quarter.id.endsWith('Q4') && to === quarter.last && random.chance(0.5)) {
        wages.push({ code: '2', amount: round2(monthlyWage * 0.3) });
      }
      result.push({
        insz: period.insz,
        quarter: quarter.id,
        lines: [
          {
            enterpriseNumber: period.enterpriseNumber,
            jointCommittee: period.jointCommittee,
            workerCode: manual ? '495' : '015',
            days,
            hours: Math.round(days * 7.6 * 10) / 10,
            wages,
          },
        ],
      });
    }
  }
  return result;
}

import type { PublishedVacancy, PublishedVacancyPage, VacancyChannel } from '../vacancies/vacancies.ts';
import { addDays } from './dates.ts';
import type { Population } from './population.ts';
import { FUNCTIONS } from './reference-data.ts';
import { createSeededRandom } from './seeded-random.ts';

/**
 * The published vacancies of VDAB and EURES as their listings serve them: VDAB's vacancies in
 * publication on the reference date (those of a shortage function flagged), and EURES's for
 * Flanders: the VDAB vacancies it took over (`nationalReference`) and some posted on EURES only.
 * The feed changes while the simulator runs (tests and the demo update or withdraw a vacancy), so
 * an import sees what a real register does: new versions and withdrawals.
 */

export interface VacancyFeed {
  list(
    channel: VacancyChannel,
    options: { page: number; pageSize: number; shortageOnly: boolean },
  ): PublishedVacancyPage;
  find(channel: VacancyChannel, id: string): PublishedVacancy | undefined;
  /** A change at the source: the version grows and `updatedAt` is now. */
  update(
    channel: VacancyChannel,
    id: string,
    change: Partial<Omit<PublishedVacancy, 'id' | 'version' | 'updatedAt'>>,
  ): PublishedVacancy;
  withdraw(channel: VacancyChannel, id: string): PublishedVacancy;
  /** A vacancy published now (a test's new one). */
  publish(
    channel: VacancyChannel,
    vacancy: Omit<PublishedVacancy, 'version' | 'updatedAt' | 'status'>,
  ): PublishedVacancy;
}

const escoOf = new Map(FUNCTIONS.map((f) => [f.iscoCode, f.escoId]));

/** The level VDAB asks for, from the ISCO major group (managers and professionals at bachelor level and up). */
function vksOf(iscoCode: string): number {
  const major = Number(iscoCode[0]);
  if (major <= 2) return 6;
  if (major === 3) return 5;
  if (major === 9) return 2;
  return 3;
}

export function createVacancyFeed(population: Population, now: () => Date = () => new Date()): VacancyFeed {
  const random = createSeededRandom(population.seed ^ 0x0e0e_5a1e);
  const today = population.referenceDate;
  const year = Number(today.slice(0, 4));
  const feeds: Record<VacancyChannel, Map<string, PublishedVacancy>> = { VDAB: new Map(), EURES: new Map() };

  const base = (
    reference: string,
    iscoCode: string,
    enterpriseNumber: string,
    title: string,
    postalCode: string,
    from: string,
    until: string,
  ) => {
    const languages: PublishedVacancy['languages'] = [{ lang: 'nl', level: random.pick(['A2', 'B1', 'B2']) }];
    if (iscoCode.startsWith('25')) languages.push({ lang: 'en', level: 'B2' });
    return {
      id: reference,
      version: 1,
      updatedAt: `${from}T08:00:00.000Z`,
      status: 'PUBLISHED' as const,
      enterpriseNumber,
      title,
      escoOccupation: escoOf.get(iscoCode) ?? '',
      iscoCode,
      workplacePostalCode: postalCode,
      requiredVks: vksOf(iscoCode),
      languages,
      startDate: addDays(today, random.int(14, 75)),
      positions: random.int(1, 3),
      publishedFrom: from,
      publishedUntil: until,
    };
  };

  for (const vacancy of population.vacancies) {
    if (!escoOf.has(vacancy.iscoCode)) continue;
    const current = (channel: VacancyChannel) =>
      vacancy.publications.find((p) => p.channel === channel && p.from <= today && p.to >= today);
    const vdab = current('VDAB');
    const eures = current('EURES');
    if (vdab) {
      const shortage = population.findShortageStatus(year, vacancy.iscoCode)?.isShortage ?? false;
      const item = base(
        vacancy.reference,
        vacancy.iscoCode,
        vacancy.enterpriseNumber,
        vacancy.title,
        vacancy.workplacePostalCode,
        vdab.from,
        vdab.to,
      );
      feeds.VDAB.set(item.id, { ...item, shortageOccupation: shortage });
    }
    if (eures) {
      const item = base(
        `BE-${vacancy.reference}`,
        vacancy.iscoCode,
        vacancy.enterpriseNumber,
        vacancy.title,
        vacancy.workplacePostalCode,
        eures.from,
        eures.to,
      );
      feeds.EURES.set(item.id, { ...item, ...(vdab ? { nationalReference: vacancy.reference } : {}) });
    }
  }
  // Posted on EURES only: Flemish employers recruiting in Europe for a shortage function.
  const active = population.enterprises.filter((e) => e.status === 'ACTIVE');
  const shortageFunctions = FUNCTIONS.filter((f) => f.usuallyShortage);
  for (let n = 1; n <= 30 && active.length > 0; n++) {
    const enterprise = random.pick(active);
    const fn = random.pick(shortageFunctions);
    const from = addDays(today, -random.int(1, 60));
    const item = base(
      `EURES-${String(n).padStart(5, '0')}`,
      fn.iscoCode,
      enterprise.enterpriseNumber,
      fn.title,
      enterprise.registeredAddress.postalCode,
      from,
      addDays(from, 90),
    );
    feeds.EURES.set(item.id, item);
  }

  const stamp = () => now().toISOString();
  const need = (channel: VacancyChannel, id: string) => {
    const found = feeds[channel].get(id);
    if (!found) throw new RangeError(`${channel} has no vacancy ${id}`);
    return found;
  };
  const put = (channel: VacancyChannel, vacancy: PublishedVacancy) => {
    feeds[channel].set(vacancy.id, vacancy);
    return vacancy;
  };

  return {
    list(channel, { page, pageSize, shortageOnly }) {
      const all = [...feeds[channel].values()]
        .filter((v) => !shortageOnly || v.shortageOccupation === true)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const totalPages = Math.ceil(all.length / pageSize);
      return {
        page,
        pageSize,
        totalPages,
        totalItems: all.length,
        items: all.slice((page - 1) * pageSize, page * pageSize),
      };
    },
    find: (channel, id) => feeds[channel].get(id),
    update(channel, id, change) {
      const found = need(channel, id);
      return put(channel, { ...found, ...change, id, version: found.version + 1, updatedAt: stamp() });
    },
    withdraw(channel, id) {
      const found = need(channel, id);
      return put(channel, { ...found, status: 'WITHDRAWN', version: found.version + 1, updatedAt: stamp() });
    },
    publish(channel, vacancy) {
      return put(channel, { ...vacancy, status: 'PUBLISHED', version: 1, updatedAt: stamp() });
    },
  };
}

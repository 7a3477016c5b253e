import { MAX_PER_BATCH } from '../sources/batch.ts';
import type { SourceAdapters } from '../sources/index.ts';
import { SourceError } from '../sources/source-errors.ts';
import type { Answer, SourceName } from '../sources/source-result.ts';
import type { MonitoredAuthorisation, Reading, RegisterReading } from './monitoring-types.ts';

/**
 * Re-reads the registers for a set of authorisations with batch questions (a hundred subjects per
 * call, a few calls at once). A batch whose register does not answer is asked again after a pause;
 * after the last round its subjects stay unread (their signals wait for the next run) and the run
 * goes on: a register down never ends the monitoring.
 */

export interface ReadOptions {
  concurrency?: number;
  /** Rounds after the first for batches that failed, and the pause before each. */
  retryRounds?: number;
  retryPauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ReadResult {
  reading: RegisterReading;
  requests: number;
  /** Subjects left unread per register after every round. */
  unread: Partial<Record<SourceName, number>>;
}

/** The last `count` calendar quarters ended before `date`, oldest first (`2026-Q3`). */
export function quartersBefore(date: string, count: number): string[] {
  let year = Number(date.slice(0, 4));
  let q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    q--;
    if (q === 0) {
      q = 4;
      year--;
    }
    result.unshift(`${year}-Q${q}`);
  }
  return result;
}

function chunks<T>(items: readonly T[], size = MAX_PER_BATCH): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

async function pool(tasks: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}

const reading = <T>(source: SourceName, answer: Answer<unknown>, value: T): Reading<T> => ({
  value,
  source,
  readAt: answer.provenance.fetchedAt,
  requestId: answer.provenance.requestId,
});

interface Batch {
  source: SourceName;
  size: number;
  run: () => Promise<void>;
}

/**
 * Which staff members' nationalities to ask for: those of an employer whose running staff reaches
 * `minimumHeadcount` (below it the non-EU staff signal cannot apply), not yet read as permit workers.
 */
export function staffToIdentify(reading: RegisterReading, minimumHeadcount: number): string[] {
  const wanted = new Set<string>();
  for (const staff of reading.staff.values()) {
    const members = new Set(staff.value.map((p) => p.insz));
    if (members.size < minimumHeadcount) continue;
    for (const insz of members) if (!reading.persons.has(insz)) wanted.add(insz);
  }
  return [...wanted].sort();
}

export async function readRegisters(
  sources: SourceAdapters,
  auths: readonly MonitoredAuthorisation[],
  readOn: string,
  options: ReadOptions = {},
  // The staff's nationalities are only asked where the headcount can reach the policy's minimum.
  minimumHeadcount = 1,
): Promise<ReadResult> {
  const concurrency = options.concurrency ?? 16;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // The last four quarters: which of them are judged depends on each dossier and the declaration grace.
  const quarters = quartersBefore(readOn, 4);
  const result: RegisterReading = {
    readOn,
    quarters,
    enterprises: new Map(),
    employments: new Map(),
    dmfa: new Map(),
    sanctions: new Map(),
    persons: new Map(),
    staff: new Map(),
  };
  const workers = [...new Set(auths.map((a) => a.insz))].sort();
  const employers = [...new Set(auths.map((a) => a.enterpriseNumber))].sort();
  let requests = 0;

  // One national-register question for a list of people: permit workers, and later their employers' staff.
  const peopleBatch = (list: string[]): Batch => ({
    source: 'national-register' as const,
    size: list.length,
    run: async () => {
      const answer = await sources.nationalRegister.getPeople(list);
      const people = answer.found ? answer.value : [];
      const found = new Map(people.map((p) => [p.insz, p]));
      const asAnswer = { value: null, provenance: answer.provenance };
      for (const insz of list)
        result.persons.set(insz, reading('national-register', asAnswer, found.get(insz) ?? null));
    },
  });

  const workerBatches: Batch[] = chunks(workers).flatMap((list) => [
    {
      source: 'dimona' as const,
      size: list.length,
      run: async () => {
        const answer = await sources.dimona.getWorkersEmployments(list);
        const found = new Map(answer.value.map((w) => [w.insz, w.periods]));
        for (const insz of list)
          result.employments.set(insz, reading('dimona', answer, found.get(insz) ?? []));
      },
    },
    {
      source: 'dmfa' as const,
      size: list.length,
      run: async () => {
        const answer = await sources.dmfa.getWorkersQuarters(list, quarters);
        for (const insz of list) result.dmfa.set(insz, reading('dmfa', answer, []));
        for (const q of answer.value) result.dmfa.get(q.insz)?.value.push(q);
      },
    },
    peopleBatch(list),
  ]);
  const employerBatches: Batch[] = chunks(employers).flatMap((list) => [
    {
      source: 'kbo' as const,
      size: list.length,
      run: async () => {
        const answer = await sources.kbo.getEnterprises(list);
        const found = new Map(answer.value.map((e) => [e.enterpriseNumber, e]));
        for (const number of list)
          result.enterprises.set(number, reading('kbo', answer, found.get(number) ?? null));
      },
    },
    {
      source: 'dimona' as const,
      size: list.length,
      run: async () => {
        const answer = await sources.dimona.getEmployersStaff(list, readOn);
        const found = new Map(answer.value.map((e) => [e.enterpriseNumber, e.periods]));
        for (const number of list)
          result.staff.set(number, reading('dimona', answer, found.get(number) ?? []));
      },
    },
  ]);

  const unread: Partial<Record<SourceName, number>> = {};
  const runRounds = async (batches: Batch[]) => {
    let pending = batches;
    for (let round = 0; pending.length > 0; round++) {
      if (round > 0) {
        if (round > (options.retryRounds ?? 3)) break;
        await sleep(options.retryPauseMs ?? 5_000);
      }
      const failed: Batch[] = [];
      await pool(
        pending.map((batch) => async () => {
          requests++;
          try {
            await batch.run();
          } catch (error) {
            if (!(error instanceof SourceError)) throw error;
            failed.push(batch);
          }
        }),
        concurrency,
      );
      pending = failed;
    }
    for (const batch of pending) unread[batch.source] = (unread[batch.source] ?? 0) + batch.size;
  };

  await runRounds([...workerBatches, ...employerBatches]);

  // Sanctions after KBO: the directors come from the enterprise record just read.
  const subjects = employers.flatMap((number) => [
    { kind: 'ENTERPRISE' as const, id: number },
    ...(result.enterprises.get(number)?.value?.directors ?? []).flatMap((d) =>
      d.insz ? [{ kind: 'PERSON' as const, id: d.insz }] : [],
    ),
  ]);
  const unique = [...new Map(subjects.map((s) => [`${s.kind} ${s.id}`, s])).values()];
  // The staff's nationalities, read beside the sanctions: the staff comes from the Dimona just read.
  const staffBatches: Batch[] = chunks(staffToIdentify(result, minimumHeadcount)).map(peopleBatch);
  await runRounds([
    ...staffBatches,
    ...chunks(unique).map((list) => ({
      source: 'sanctions' as const,
      size: list.length,
      run: async () => {
        const answer = await sources.sanctions.getSubjectsSanctions({
          enterprises: list.filter((s) => s.kind === 'ENTERPRISE').map((s) => s.id),
          persons: list.filter((s) => s.kind === 'PERSON').map((s) => s.id),
        });
        const found = new Map(answer.value.map((r) => [`${r.subject.kind} ${r.subject.id}`, r.sanctions]));
        for (const s of list) {
          const key = `${s.kind} ${s.id}`;
          result.sanctions.set(key, reading('sanctions', answer, found.get(key) ?? []));
        }
      },
    })),
  ]);
  return { reading: result, requests, unread };
}

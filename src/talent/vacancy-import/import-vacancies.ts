import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import { oneAtATime } from '../../jobs/one-at-a-time.ts';
import {
  type PublishedVacancy,
  SourceError,
  SourceUnavailableError,
  VACANCY_CHANNELS,
  type VacancyChannel,
  type VacancyRegister,
} from '../../sources/index.ts';
import { decideImport } from './imported-vacancy.ts';
import {
  type ChannelSummary,
  finishImportRun,
  type ImportRun,
  listImportRuns,
  startImportRun,
  upsertImportedVacancy,
  withdrawMissing,
} from './vacancy-import.repo.ts';

/**
 * Imports the vacancies VDAB and EURES publish (issue 17; docs/talent.md, decision 028), through
 * the vacancy register adapter and its resilient caller (retries, circuit breaker). Per channel:
 * every page is read first, then written in one transaction, so a register that fails half-way
 * changes nothing and the next run starts again. Idempotent on the source's id and version. A
 * register that is down is an outcome of the run (FAILED or PARTIAL), recorded, never a crash.
 */

/** More pages than any listing has: a register that keeps answering "next page" is cut off. */
const MAX_PAGES = 500;
const PAGE_SIZE = 100;

export interface ImportOptions {
  today: string;
  requestedBy: string | null;
  requestId?: string;
  pageSize?: number;
}

async function readListing(register: VacancyRegister, channel: VacancyChannel, pageSize: number) {
  const items: PublishedVacancy[] = [];
  let pages = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await register.listPublished(channel, page, pageSize);
    pages++;
    items.push(...answer.items);
    if (page >= answer.totalPages || answer.items.length === 0) break;
  }
  return { items, pages };
}

/** The function's place on VDAB's list this year, for items that carry no flag (EURES): asked once per ISCO group. */
async function vdabListStatus(register: VacancyRegister, items: readonly PublishedVacancy[], year: number) {
  const status = new Map<string, boolean | null>();
  for (const iscoCode of new Set(
    items.filter((i) => i.shortageOccupation === undefined).map((i) => i.iscoCode),
  )) {
    const answer = await register.getShortageStatus(iscoCode, year);
    status.set(iscoCode, answer.found ? answer.value.isShortage : false);
  }
  return status;
}

function describeFailure(error: SourceError): string {
  return error instanceof SourceUnavailableError ? `UNAVAILABLE ${error.cause}` : error.code;
}

async function importChannel(
  db: Db,
  register: VacancyRegister,
  channel: VacancyChannel,
  options: ImportOptions,
): Promise<ChannelSummary> {
  const summary: ChannelSummary = {
    channel,
    outcome: 'FAILED',
    pages: 0,
    read: 0,
    created: 0,
    updated: 0,
    withdrawn: 0,
    unchanged: 0,
    skipped: {},
  };
  let items: PublishedVacancy[];
  let listStatus: Map<string, boolean | null>;
  try {
    const listing = await readListing(register, channel, options.pageSize ?? PAGE_SIZE);
    items = listing.items;
    summary.pages = listing.pages;
    summary.read = items.length;
    listStatus = await vdabListStatus(register, items, Number(options.today.slice(0, 4)));
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    summary.failure = describeFailure(error);
    return summary;
  }
  const vdabIds = new Set(
    (
      await db
        .selectFrom('talent_vacancies')
        .select('source_reference')
        .where('source', '=', 'VDAB')
        .execute()
    ).map((row) => row.source_reference as string),
  );
  await db.transaction().execute(async (trx) => {
    const listed: string[] = [];
    for (const item of items) {
      const decision = decideImport(item, {
        channel,
        today: options.today,
        onVdabList: listStatus.get(item.iscoCode) ?? null,
        vdabIds,
      });
      if (decision.kind === 'SKIP') {
        summary.skipped[decision.reason] = (summary.skipped[decision.reason] ?? 0) + 1;
        continue;
      }
      listed.push(item.id);
      summary[await upsertImportedVacancy(trx, decision.vacancy)]++;
    }
    summary.withdrawn += await withdrawMissing(trx, channel, listed);
  });
  summary.outcome = 'SUCCEEDED';
  return summary;
}

/** One import of both channels, recorded and audited. */
export async function importPublishedVacancies(
  db: Db,
  register: VacancyRegister,
  options: ImportOptions,
): Promise<ImportRun> {
  const id = await startImportRun(db, options.requestedBy);
  const channels: ChannelSummary[] = [];
  // VDAB first: EURES copies of the VDAB vacancies just imported are then recognised.
  for (const channel of VACANCY_CHANNELS) channels.push(await importChannel(db, register, channel, options));
  const succeeded = channels.filter((c) => c.outcome === 'SUCCEEDED').length;
  const outcome = succeeded === channels.length ? 'SUCCEEDED' : succeeded === 0 ? 'FAILED' : 'PARTIAL';
  await finishImportRun(db, id, outcome, channels);
  await recordAuditEvent(db, {
    actorUserId: options.requestedBy,
    action: 'TALENT_VACANCIES_IMPORTED',
    subjectType: 'talent_vacancy_import',
    subjectId: id,
    ...(options.requestId ? { requestId: options.requestId } : {}),
    details: {
      outcome,
      channels: channels.map(({ channel, outcome, created, updated, withdrawn, failure }) => ({
        channel,
        outcome,
        created,
        updated,
        withdrawn,
        ...(failure ? { failure } : {}),
      })),
    },
  });
  const [run] = await listImportRuns(db, { limit: 1, id });
  if (!run) throw new Error('the import run just recorded is gone');
  return run;
}

/** One import at a time across instances; null when another one is running. */
export function importOneAtATime(db: Db, register: VacancyRegister, options: ImportOptions) {
  return oneAtATime(db, 'talent-vacancy-import', () => importPublishedVacancies(db, register, options));
}

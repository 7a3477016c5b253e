import { sql } from 'kysely';
import type { Logger } from 'pino';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import { assess } from '../../rules/index.ts';
import type { SourceAdapters } from '../../sources/index.ts';
import { type DossierRow, findDossier } from '../dossiers.repo.ts';
import { type FetchResult, fetchRegisterFacts } from './fetch-register-facts.ts';
import { type Declared, mapRegisterFacts, type RegisterMapping } from './map-register-facts.ts';

/**
 * The register check of submitted dossiers: claimed from `register_checks` (SKIP LOCKED, so
 * several instances share the work), fetched in parallel, stored with provenance, mapped onto the
 * application and assessed again. A register that is down leaves the check WAITING with the
 * source and since when, retried with a growing delay; the dossier itself is never held up.
 */

const RETRY_BASE_SECONDS = 5;
/**
 * How long a claimed check is left to its claimer before another instance's loop may take it, unless
 * LOKET_CLAIM_LEASE_SECONDS says otherwise.
 */
export const REGISTER_CHECK_LEASE_SECONDS = 60;
const RETRY_MAX_SECONDS = 900;

export function declaredFacts(dossier: DossierRow): Declared {
  const app = dossier.application as {
    applicationDate?: string;
    worker?: Record<string, unknown>;
    job?: Record<string, unknown>;
    labourMarketTest?: { publications?: Declared['publications']; vacancyReference?: string | null };
  };
  const identity = dossier.worker_identity as { givenNames?: string; familyName?: string };
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    applicationDate: app.applicationDate ?? dossier.created_at.toISOString().slice(0, 10),
    enterpriseNumber: dossier.enterprise_number,
    givenNames: text(identity.givenNames),
    familyName: text(identity.familyName),
    birthDate: text(app.worker?.birthDate),
    nationality: text(app.worker?.nationality),
    sex: text(app.worker?.sex),
    insz: text(app.worker?.insz),
    location: text(app.worker?.location),
    grossAnnualSalary: number(app.job?.grossAnnualSalary),
    employmentFraction: number(app.job?.employmentFraction),
    isRenewal: dossier.kind === 'RENEWAL',
    iscoCode: text(app.job?.iscoCode),
    qualificationVks: number(app.worker?.qualificationVks),
    onVdabShortageList: typeof app.job?.onVdabShortageList === 'boolean' ? app.job.onVdabShortageList : null,
    publications: app.labourMarketTest?.publications ?? null,
    vacancyReference: text(app.labourMarketTest?.vacancyReference),
    naricReference: text(app.worker?.naricReference),
  };
}

/** The application as the rules should see it: what was declared, completed by the registers. */
export function applyRegisterPatch(
  application: Record<string, unknown>,
  patch: RegisterMapping['applicationPatch'] | undefined,
): Record<string, unknown> {
  if (!patch) return application;
  const merged = structuredClone(application) as Record<string, Record<string, unknown>>;
  for (const [block, values] of Object.entries(patch)) {
    merged[block] = { ...(merged[block] ?? {}), ...(values as Record<string, unknown>) };
  }
  return merged;
}

/**
 * One attempt of a dossier's register check (`attempts` counts this one). Pass the dossier row when
 * the caller has it (just submitted), its id otherwise, and the answers asked while it was being
 * submitted (prefetchRegisterFacts), if any: they are used as they are unless a register failed.
 */
export function checkDossierRegisters(
  db: Db,
  sources: SourceAdapters,
  dossierOrId: DossierRow | string,
  attempts: number,
  prefetched?: Promise<FetchResult | null>,
): Promise<'COMPLETE' | 'WAITING'> {
  const dossierId = typeof dossierOrId === 'string' ? dossierOrId : dossierOrId.id;
  const check = runCheck(db, sources, dossierOrId, attempts, prefetched);
  running.set(check, { db, dossierId });
  void check.then(
    () => running.delete(check),
    () => running.delete(check),
  );
  return check;
}

/** The checks this process has claimed and is running: a shutdown drains them or releases their claim. */
const running = new Map<Promise<unknown>, { db: Db; dossierId: string }>();

/**
 * On shutdown (SIGTERM): waits up to `timeoutMs` for the register checks this process runs, then
 * releases the claim of those still running, so that another instance's loop takes them at once
 * instead of after their lease (REGISTER_CHECK_LEASE_SECONDS). A released check that still finishes
 * here before the process exits is merely done twice; its writes are idempotent.
 */
export async function drainRegisterChecks(
  timeoutMs: number,
): Promise<{ finished: number; released: number }> {
  const before = running.size;
  if (before === 0) return { finished: 0, released: 0 };
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...running.keys()]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  const left = [...running.values()];
  for (const db of new Set(left.map((check) => check.db))) {
    const ids = left.filter((check) => check.db === db).map((check) => check.dossierId);
    await db
      .updateTable('register_checks')
      .set({ next_attempt_at: new Date() })
      .where('dossier_id', 'in', ids)
      .where('status', '<>', 'COMPLETE')
      .execute()
      .catch(() => {}); // the database is gone too: the lease ends on its own
  }
  return { finished: before - left.length, released: left.length };
}

async function runCheck(
  db: Db,
  sources: SourceAdapters,
  dossierOrId: DossierRow | string,
  attempts: number,
  prefetched?: Promise<FetchResult | null>,
): Promise<'COMPLETE' | 'WAITING'> {
  const dossier = typeof dossierOrId === 'string' ? await findDossier(db, dossierOrId) : dossierOrId;
  if (!dossier) return 'COMPLETE';
  const dossierId = dossier.id;
  const declared = declaredFacts(dossier);
  const early = await prefetched;
  const result = early && early.missing.length === 0 ? early : await fetchRegisterFacts(sources, declared);
  const mapping = mapRegisterFacts(declared, result.facts);
  const status = result.missing.length > 0 ? 'WAITING' : 'COMPLETE';
  await db.transaction().execute(async (trx) => {
    if (result.stored.length > 0) {
      await trx
        .insertInto('register_facts')
        .values(
          result.stored.map((fact) => ({
            dossier_id: dossierId,
            source: fact.source,
            subject: fact.subject,
            is_found: fact.isFound,
            value: JSON.stringify(fact.value),
            fetched_at: fact.provenance.fetchedAt,
            request_id: fact.provenance.requestId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['dossier_id', 'source', 'subject']).doUpdateSet((eb) => ({
            is_found: eb.ref('excluded.is_found'),
            value: eb.ref('excluded.value'),
            fetched_at: eb.ref('excluded.fetched_at'),
            request_id: eb.ref('excluded.request_id'),
          })),
        )
        .execute();
    }
    // A first attempt has no sources waiting since earlier: nothing to read.
    const previous =
      attempts > 1
        ? await trx
            .selectFrom('register_checks')
            .select('waiting')
            .where('dossier_id', '=', dossierId)
            .forUpdate()
            .executeTakeFirst()
        : undefined;
    const since = new Map(
      ((previous?.waiting ?? []) as { source: string; since: string }[]).map((w) => [w.source, w.since]),
    );
    const waiting = result.missing.map((m) => ({
      ...m,
      since: since.get(m.source) ?? new Date().toISOString(),
    }));
    const delay = Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_SECONDS);
    await trx
      .updateTable('register_checks')
      .set({
        status,
        // pg would send a JS array as a PostgreSQL array; the column is jsonb.
        waiting: JSON.stringify(waiting) as unknown as unknown[],
        comparison: mapping as unknown as Record<string, unknown>,
        completed_at: status === 'COMPLETE' ? new Date() : null,
        next_attempt_at:
          status === 'COMPLETE' ? new Date() : sql<Date>`now() + make_interval(secs => ${delay})`,
      })
      .where('dossier_id', '=', dossierId)
      .execute();
    // The assessment the case handler decides on includes what the registers said.
    if (dossier.assessment && dossier.status !== 'DRAFT') {
      const assessment = assess(applyRegisterPatch(dossier.application, mapping.applicationPatch), {
        lang: dossier.lang,
      });
      await trx
        .updateTable('dossiers')
        .set({ assessment: assessment as unknown as Record<string, unknown> })
        .where('id', '=', dossierId)
        .execute();
    }
    await recordAuditEvent(trx, {
      actorUserId: null,
      action: status === 'COMPLETE' ? 'REGISTER_CHECK_COMPLETED' : 'REGISTER_CHECK_WAITING',
      subjectType: 'dossier',
      subjectId: dossierId,
      details: {
        sources: [...new Set(result.stored.map((f) => f.source))],
        missing: result.missing.map((m) => m.source),
        findings: mapping.findings.map((f) => f.code),
      },
    });
  });
  return status;
}

/**
 * Claims up to `limit` due checks (SKIP LOCKED: instances share the work) for `leaseSeconds`, after
 * which another instance may take a check whose claimer died; returns their ids and attempts.
 */
export async function claimDueRegisterChecks(
  db: Db,
  limit: number,
  leaseSeconds = REGISTER_CHECK_LEASE_SECONDS,
) {
  if (limit <= 0) return [];
  const claimed = await sql<{ dossier_id: string; attempts: number }>`
    update register_checks
    set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
    where dossier_id in (
      select dossier_id from register_checks
      where status <> 'COMPLETE' and next_attempt_at <= now()
      order by next_attempt_at limit ${limit} for update skip locked)
    returning dossier_id, attempts`.execute(db);
  return claimed.rows;
}

/** Claims the checks that are due and runs them in parallel; returns how many ended in each state. */
export async function runDueRegisterChecks(db: Db, sources: SourceAdapters, limit = 20) {
  const claimed = await claimDueRegisterChecks(db, limit);
  const outcomes = await Promise.all(
    claimed.map((row) => checkDossierRegisters(db, sources, row.dossier_id, row.attempts)),
  );
  return {
    claimed: claimed.length,
    complete: outcomes.filter((o) => o === 'COMPLETE').length,
    waiting: outcomes.filter((o) => o === 'WAITING').length,
  };
}

/**
 * Runs the register check of a dossier this process has just submitted with `claimRegisterCheck`
 * (src/dossiers/intake/intake.ts), at once and without asking the database for it again. The claim
 * is a lease: should this process die, any instance's loop takes the check when the lease ends.
 */
export async function runClaimedRegisterCheck(
  db: Db,
  sources: SourceAdapters,
  dossier: DossierRow,
  log: Pick<Logger, 'warn'>,
  prefetched?: Promise<FetchResult | null>,
): Promise<'COMPLETE' | 'WAITING' | 'FAILED'> {
  try {
    return await checkDossierRegisters(db, sources, dossier, 1, prefetched);
  } catch (error) {
    log.warn({ err: { message: (error as Error).message } }, 'register check failed; retrying later');
    return 'FAILED';
  }
}

/**
 * Asks the registers while a submission is being committed; the check that follows the commit
 * uses these answers (runClaimedRegisterCheck) instead of asking again. Nothing is stored here: the
 * check stores what it uses, with provenance, after the commit. Resolves to null if asking failed.
 */
export function prefetchRegisterFacts(
  sources: SourceAdapters,
  dossier: DossierRow,
): Promise<FetchResult | null> {
  return fetchRegisterFacts(sources, declaredFacts(dossier)).catch(() => null);
}

/**
 * Runs due checks inside the server process every `intervalMs`: retries, checks whose submitting
 * process died before running them, and dossiers submitted without a claim. Each dossier is checked on its
 * own as soon as it is claimed, with at most `maxInFlight` at a time, so a burst of submissions is
 * never queued behind one slow register answer.
 */
export function startRegisterCheckLoop(
  db: Db,
  sources: SourceAdapters,
  log: Logger,
  options: { intervalMs?: number; maxInFlight?: number; leaseSeconds?: number } = {},
) {
  const maxInFlight = options.maxInFlight ?? 64;
  let inFlight = 0;
  let isClaiming = false;
  let isAgainWanted = false;
  let stopped = false;
  const claim = async () => {
    if (stopped) return;
    if (isClaiming) {
      isAgainWanted = true;
      return;
    }
    isClaiming = true;
    try {
      do {
        isAgainWanted = false;
        const claimed = await claimDueRegisterChecks(db, maxInFlight - inFlight, options.leaseSeconds);
        for (const row of claimed) {
          inFlight += 1;
          checkDossierRegisters(db, sources, row.dossier_id, row.attempts)
            .then((status) => log.debug({ registerCheck: status }, 'register check run'))
            .catch((error: Error) =>
              log.warn({ err: { message: error.message } }, 'register check failed; retrying later'),
            )
            .finally(() => {
              inFlight -= 1;
            });
        }
      } while (isAgainWanted && !stopped);
    } catch (error) {
      log.warn({ err: { message: (error as Error).message } }, 'claiming register checks failed; retrying');
    } finally {
      isClaiming = false;
    }
  };
  const wake = () => void claim();
  const timer = setInterval(wake, options.intervalMs ?? 500);
  timer.unref();
  return {
    /** Stops claiming; drains the checks in flight for up to `drainMs`, then releases the rest. */
    async stop(drainMs = 10_000) {
      stopped = true;
      clearInterval(timer);
      while (isClaiming) await new Promise((resolve) => setTimeout(resolve, 20));
      await drainRegisterChecks(drainMs);
    },
  };
}

import type pg from 'pg';
import type { GeneratedDossier } from './generate-dossiers.ts';

/**
 * Writes generated dossiers through the real tables — `dossiers` and `dossier_actions`, so the
 * case-handling screens, the audit of statuses and the statistics see them like any
 * other — in batches: one multi-row INSERT per table per batch (arrays unnested server-side, so a
 * batch of thousands is one round trip with a handful of parameters), each batch in its own
 * transaction. Two batches are in flight on two connections while the next one is generated.
 */

const DOSSIER_INSERT = `
INSERT INTO dossiers (id, number, enterprise_number, category, kind, lang, status, version, application,
  assessment, idempotency_key, submitted_at, admissible_on, deadline_days, due_date, decided_on,
  fee_amount_cents, fee_paid_on, decision, federal_status, federal_decided_on, created_at, updated_at)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::int[], $9::jsonb[], $10::jsonb[], $11::text[], $12::timestamptz[], $13::date[], $14::int[],
  $15::date[], $16::date[], $17::int[], $18::date[], $19::jsonb[], $20::text[], $21::date[],
  $22::timestamptz[], $23::timestamptz[])`;

const ACTION_INSERT = `
INSERT INTO dossier_actions (dossier_id, action, actor, effective_on, occurred_at, details)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::timestamptz[], $6::jsonb[])`;

function dossierColumns(batch: readonly GeneratedDossier[]): unknown[][] {
  const pick = <T>(get: (d: GeneratedDossier) => T) => batch.map(get);
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return [
    pick((d) => d.id),
    pick((d) => d.number),
    pick((d) => d.enterpriseNumber),
    pick((d) => d.category),
    pick((d) => d.kind),
    pick((d) => d.lang),
    pick((d) => d.status),
    pick((d) => d.version),
    pick((d) => json(d.application)),
    pick((d) => json(d.assessment)),
    pick((d) => d.idempotencyKey),
    pick((d) => d.submittedAt),
    pick((d) => d.admissibleOn),
    pick((d) => d.deadlineDays),
    pick((d) => d.dueDate),
    pick((d) => d.decidedOn),
    pick((d) => d.feeAmountCents),
    pick((d) => d.feePaidOn),
    pick((d) => json(d.decision)),
    pick((d) => d.federalStatus),
    pick((d) => d.federalDecidedOn),
    pick((d) => d.createdAt),
    pick((d) => d.updatedAt),
  ];
}

function actionColumns(batch: readonly GeneratedDossier[]): unknown[][] {
  const columns: unknown[][] = [[], [], [], [], [], []];
  for (const dossier of batch) {
    for (const action of dossier.actions) {
      columns[0]?.push(dossier.id);
      columns[1]?.push(action.action);
      columns[2]?.push(action.actor);
      columns[3]?.push(action.on);
      columns[4]?.push(`${action.on}T12:00:00Z`);
      columns[5]?.push(JSON.stringify(action.details));
    }
  }
  return columns;
}

/** One batch, all or nothing, its statistics folded in the same transaction. */
export async function writeBatch(client: pg.ClientBase, batch: readonly GeneratedDossier[]): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(DOSSIER_INSERT, dossierColumns(batch));
    await client.query(ACTION_INSERT, actionColumns(batch));
    await client.query('SELECT fold_pending_statistics()');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export interface WriteOptions {
  batchSize?: number;
  /** Batches in flight at once, each on its own connection. */
  concurrency?: number;
  onProgress?: (written: number) => void;
}

export async function writeDossiers(
  pool: pg.Pool,
  dossiers: Iterable<GeneratedDossier>,
  options: WriteOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const concurrency = options.concurrency ?? 2;
  const inFlight = new Set<Promise<void>>();
  let written = 0;
  let failure: unknown = null;
  const send = (batch: GeneratedDossier[]) => {
    const task = (async () => {
      const client = await pool.connect();
      try {
        await writeBatch(client, batch);
        written += batch.length;
        options.onProgress?.(written);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      failure ??= error;
    });
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  let batch: GeneratedDossier[] = [];
  for (const dossier of dossiers) {
    batch.push(dossier);
    if (batch.length < batchSize) continue;
    send(batch);
    batch = [];
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) break;
  }
  if (batch.length > 0 && !failure) send(batch);
  await Promise.all(inFlight);
  if (failure) throw failure;
  return written;
}

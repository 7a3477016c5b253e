import type { Db } from '../../db/client.ts';
import { QUANTILES } from '../../enforcement/wage-conformity.ts';

/** What the report shows: the latest finished monitoring run's market-conformity rows. */
export interface WageConformityReport {
  /** The day the registers were read; null before any monitoring run finished. */
  readOn: string | null;
  quantiles: readonly number[];
  rows: {
    category: string;
    year: number;
    authorisations: number;
    /** Paid ÷ threshold per hour at each of `quantiles`; null for a group under 5. */
    values: number[] | null;
    belowShare: number | null;
  }[];
}

export async function latestWageConformity(db: Db): Promise<WageConformityReport> {
  const run = await db
    .selectFrom('risk_monitoring_runs')
    .select(['id', 'read_on'])
    .where('status', '=', 'SUCCEEDED')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const quantiles = [...QUANTILES];
  if (!run) return { readOn: null, quantiles, rows: [] };
  const rows = await db
    .selectFrom('wage_conformity')
    .select(['category', 'grant_year', 'authorisations', 'quantiles', 'below_share'])
    .where('run_id', '=', run.id)
    .orderBy('category')
    .orderBy('grant_year')
    .execute();
  return {
    readOn: String(run.read_on),
    quantiles,
    rows: rows.map((row) => ({
      category: row.category,
      year: row.grant_year,
      authorisations: row.authorisations,
      values: row.quantiles,
      belowShare: row.below_share,
    })),
  };
}

import type { Db } from '../db/client.ts';
import { reportCountsByEmployer } from '../desk/desk.repo.ts';
import { locatePostalCode } from '../rules/index.ts';
import type { SourceAdapters } from '../sources/index.ts';
import { rankEmployers } from './employer-signals.ts';
import {
  claimRequestedRun,
  type EmployerContext,
  failRun,
  listMonitoredAuthorisations,
  requestRun,
  saveRunResult,
} from './enforcement.repo.ts';
import { type ReadOptions, readRegisters } from './read-registers.ts';
import { repeatedDocumentsByEmployer } from './repeated-documents.repo.ts';
import { withRepeatedDocuments } from './repeated-documents.ts';
import { withDeskReports } from './report-signals.ts';
import { riskParametersOn } from './risk-parameters.ts';
import { wageConformity } from './wage-conformity.ts';

/**
 * One monitoring run: every granted, still valid authorisation re-read in the registers, ranked,
 * and stored. Runs are asked for (monthly by the schedule, or by an inspector) and worked by the
 * pg-boss job, one at a time across instances. A register that stays down leaves its subjects
 * unread (counted in the summary); only a database fault fails the run.
 */
export async function workRequestedRuns(
  db: Db,
  sources: SourceAdapters,
  options: ReadOptions = {},
): Promise<Record<string, unknown>> {
  const run = await claimRequestedRun(db);
  if (!run) return { runs: 0 };
  try {
    const auths = (await listMonitoredAuthorisations(db, run.readOn)).filter((a) => a.insz.length === 11);
    const started = Date.now();
    const params = riskParametersOn(run.readOn);
    const { reading, requests, unread } = await readRegisters(
      sources,
      auths,
      run.readOn,
      options,
      params.nonEuMinimumHeadcount.value,
    );
    const ranking = withRepeatedDocuments(
      withDeskReports(
        rankEmployers(auths, reading, params),
        await reportCountsByEmployer(db),
        params,
        run.readOn,
      ),
      await repeatedDocumentsByEmployer(db),
      params,
      run.readOn,
    );
    const context = new Map<string, EmployerContext>();
    for (const risk of ranking) {
      const enterprise = reading.enterprises.get(risk.enterpriseNumber)?.value ?? null;
      const postalCode =
        auths.find((a) => a.enterpriseNumber === risk.enterpriseNumber)?.workplacePostalCode ??
        enterprise?.registeredAddress.postalCode ??
        '';
      context.set(risk.enterpriseNumber, {
        name: enterprise?.name ?? null,
        naceCode: enterprise?.naceCode ?? null,
        province: locatePostalCode(postalCode)?.province ?? null,
      });
    }
    const summary = {
      authorisations: auths.length,
      employersFlagged: ranking.length,
      signals: ranking.reduce((n, r) => n + r.signals.length, 0),
      registerCalls: requests,
      unread,
      readMs: Date.now() - started,
    };
    const conformity = wageConformity(auths, reading, params);
    await saveRunResult(db, run.id, ranking, context, summary, conformity);
    return { runs: 1, runId: run.id, ...summary };
  } catch (error) {
    await failRun(db, run.id, (error as Error).message);
    throw error;
  }
}

/** The schedule's part: ask for a run (unless one is open) and work it. */
export async function scheduledMonitoring(
  db: Db,
  sources: SourceAdapters,
  today: string,
): Promise<Record<string, unknown>> {
  await requestRun(db, { trigger: 'SCHEDULE', requestedBy: null, readOn: today });
  return workRequestedRuns(db, sources);
}

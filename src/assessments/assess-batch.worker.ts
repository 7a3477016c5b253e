import type { GovernedRuleDataRows } from '../governance/rule-data/governed-rule-data.ts';
import { ruleDataFromRows } from '../governance/rule-data/rule-versions.ts';
import type { Lang } from '../i18n/languages.ts';
import { installRuleData } from '../rules/index.ts';
import { AssessmentInputError, assessRequest, rulesErrorToFields } from './assess-request.ts';

/**
 * Runs in a worker thread (assessment-pool.ts): parses a batch, assesses every item and returns the
 * answer as JSON text, so neither parsing, the rules nor serialising the answer blocks the server's
 * event loop. A body that is not an array of at most `maxItems` is answered as an input error.
 */
export interface BatchTask {
  body: string;
  lang: Lang;
  at?: string;
  maxItems: number;
  /** The approved rule data of the server (src/governance); absent: the YAML seed, as the CLI. */
  ruleData?: GovernedRuleDataRows;
}

export type BatchResult =
  | { ok: true; json: string }
  | { ok: false; rule: 'json' | 'type' | 'maxItems'; detail?: string };

// The revision this thread installed: a thread rebuilds the rule data only when it changed.
let installedRevision: string | null = null;

export default function assessBatch(task: BatchTask): BatchResult {
  if (task.ruleData && task.ruleData.revision !== installedRevision) {
    installRuleData(ruleDataFromRows(task.ruleData.parameters, task.ruleData.lists));
    installedRevision = task.ruleData.revision;
  }
  let items: unknown;
  try {
    items = JSON.parse(task.body);
  } catch (error) {
    return { ok: false, rule: 'json', detail: (error as Error).message.slice(0, 200) };
  }
  if (!Array.isArray(items)) return { ok: false, rule: 'type' };
  if (items.length > task.maxItems) return { ok: false, rule: 'maxItems' };
  const options = { lang: task.lang, ...(task.at ? { at: task.at } : {}) };
  const answers = items.map((item, index) => {
    try {
      return assessRequest(item, options);
    } catch (error) {
      const fields =
        error instanceof AssessmentInputError ? error.fields : rulesErrorToFields(error, task.lang);
      return { index, error: { code: 'LOKET_VALIDATION_FAILED', fields } };
    }
  });
  return { ok: true, json: JSON.stringify(answers) };
}

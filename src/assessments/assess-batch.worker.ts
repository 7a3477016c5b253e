import type { Lang } from '../i18n/languages.ts';
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
}

export type BatchResult =
  | { ok: true; json: string }
  | { ok: false; rule: 'json' | 'type' | 'maxItems'; detail?: string };

export default function assessBatch(task: BatchTask): BatchResult {
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

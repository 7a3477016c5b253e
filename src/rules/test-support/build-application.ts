import type { Condition, Finding } from '../conditions/condition.ts';
import { createContext } from '../engine/assess-application.ts';
import type { AssessmentContext } from '../engine/assessment-context.ts';
import { getDefaultRuleData } from '../index.ts';
import type { Application } from '../schema/application-schema.ts';

/**
 * Test builder: a valid, eligible highly-skilled application of 2025 that each test bends with the
 * fields it is about (`anApplication({ job: { grossAnnualSalary: 1 } })`). Nested blocks merge.
 */

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | undefined ? DeepPartial<T[K]> | T[K] : T[K] };

const BASE: Application = {
  applicationDate: '2025-06-02',
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1985-01-01', nationality: 'IN', qualificationVks: 6 },
  job: { grossAnnualSalary: 60000, workplacePostalCode: '9000' },
};

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown> | undefined) };
  for (const [key, value] of Object.entries(patch)) result[key] = merge(result[key], value);
  return result;
}

export function anApplication(patch: DeepPartial<Application> = {}): Application {
  return merge(structuredClone(BASE), patch) as Application;
}

export function contextFor(app: Application, at?: string): AssessmentContext {
  return createContext(getDefaultRuleData(), app, at ?? app.applicationDate, 'en');
}

/** Runs one condition as the engine would, minus the missing-field bookkeeping. */
export function evaluate(
  condition: Condition,
  app: Application,
  at?: string,
): Finding | null | 'NOT_IN_FORCE' {
  const ctx = contextFor(app, at);
  if (condition.isInForce && !condition.isInForce(ctx)) return 'NOT_IN_FORCE';
  return condition.evaluate(ctx);
}

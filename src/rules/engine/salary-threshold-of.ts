import { CATEGORY_DEFINITIONS } from '../categories.ts';
import type { RuleData } from '../data/rule-data.ts';
import type { Application } from '../schema/application-schema.ts';
import { createContext } from './assess-application.ts';

/**
 * The salary threshold (gross per year) that the category's salary condition applied to this
 * application, on its own dates and the given rule data; null where the category has no salary
 * threshold (medium-skilled and other functions have a pay floor, seasonal work none) or the
 * application lacks what the threshold depends on.
 */
export function salaryThresholdOf(data: RuleData, application: Application): number | null {
  const condition = CATEGORY_DEFINITIONS[application.category]?.conditions.find((c) => c.salaryThreshold);
  if (!condition?.salaryThreshold) return null;
  try {
    const ctx = createContext(data, application, application.applicationDate, 'nl');
    return condition.salaryThreshold(ctx).threshold;
  } catch {
    return null;
  }
}

import type { Lang } from '../../i18n/languages.ts';
import type { Category } from '../contract.ts';
import type { RuleData } from '../data/rule-data.ts';
import type { WarningFacts } from '../facts.ts';
import type { ParameterUse } from '../parameters/parameter-table.ts';
import type { PostalLocation } from '../regions/postal-code-region.ts';
import type { Application } from '../schema/application-schema.ts';
import type { ParameterReader } from './parameter-reader.ts';

/** Everything a condition may read: the application, its dates, and parameters on the right date. */
export interface AssessmentContext {
  readonly app: Application;
  readonly category: Category;
  readonly lang: Lang;
  readonly isRenewal: boolean;
  /** The date whose rules apply: `at`, else the application date. */
  readonly rulesAt: string;
  /** `job.startDate`, else `rulesAt`: salary thresholds and age are taken on it. */
  readonly startDate: string;
  readonly ageOnStart: number;
  readonly location: PostalLocation;
  /** Parameters in force on `rulesAt`. */
  readonly rules: ParameterReader;
  /** Parameters in force on `startDate` (salary thresholds). */
  readonly thresholds: ParameterReader;
  readonly data: RuleData;
  readonly used: ParameterUse[];
  /** Unverified data used that is not a parameter file (e.g. a reconstructed migration-list entry). */
  readonly unverifiedData: Array<WarningFacts['PARAMETER_UNVERIFIED']>;
}

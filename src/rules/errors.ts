import type { SchemaError } from '../validation/field-errors.ts';

/**
 * The rules module's error catalogue. Each error carries a stable `LOKET_…` code; the HTTP and CLI
 * edges map codes to statuses, exit codes and messages. No HTTP types here.
 */
export abstract class RulesError extends Error {
  abstract readonly code: string;
}

/** A date before the Flemish regime (2019-01-01): there is no rule to apply, so we refuse to guess. */
export class RulesDateOutOfRangeError extends RulesError {
  readonly code = 'LOKET_RULES_DATE_OUT_OF_RANGE';
  constructor(
    readonly field: string,
    readonly date: string,
    readonly firstDate: string,
  ) {
    super(
      `${field} (${date}) is before ${firstDate}, the start of the Flemish regime: no rules are in force`,
    );
    this.name = 'RulesDateOutOfRangeError';
  }
}

/** A parameter or category has no value in force on the date asked: said out loud, never a silent 0. */
export class RuleNotInForceError extends RulesError {
  readonly code = 'LOKET_RULES_NOT_IN_FORCE';
  constructor(
    readonly subject: string,
    readonly date: string,
    detail: string,
  ) {
    super(`No rule in force for ${subject} on ${date}: ${detail}`);
    this.name = 'RuleNotInForceError';
  }
}

/** An option of `assess` (such as `at`) that is not usable. */
export class RulesOptionError extends RulesError {
  readonly code = 'LOKET_RULES_INVALID_OPTION';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'RulesOptionError';
  }
}

/** The input is not an application: the errors are ajv-shaped, ready for `toFieldErrors`. */
export class ApplicationInvalidError extends RulesError {
  readonly code = 'LOKET_APPLICATION_INVALID';
  constructor(readonly errors: readonly SchemaError[]) {
    super(
      `Invalid application: ${errors
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
        .join('; ')}`,
    );
    this.name = 'ApplicationInvalidError';
  }
}

export interface RuleDataProblem {
  /** File path relative to the repository root. */
  file: string;
  /** 1-based line, or null when the problem concerns the whole file. */
  line: number | null;
  message: string;
}

/** The YAML rule data (parameters, migration list) is inconsistent; names every file and line. */
export class RuleDataError extends RulesError {
  readonly code = 'LOKET_RULE_DATA_INVALID';
  constructor(readonly problems: readonly RuleDataProblem[]) {
    super(
      `Invalid rule data:\n${problems.map((p) => `  ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`).join('\n')}`,
    );
    this.name = 'RuleDataError';
  }
}

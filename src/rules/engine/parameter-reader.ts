import { RuleNotInForceError } from '../errors.ts';
import type { ParameterName, ParameterValue } from '../parameters/parameter-definitions.ts';
import type { ParameterSnapshot, ParameterUse } from '../parameters/parameter-table.ts';

/**
 * Reads parameters for one assessment on one date and records each value used, so the assessment
 * can list them (`parameters[]`) and warn about unverified ones. A parameter with no value in force
 * is an error, never a default.
 */
export class ParameterReader {
  constructor(
    private readonly snapshot: ParameterSnapshot,
    readonly date: string,
    private readonly used: ParameterUse[],
  ) {}

  get<N extends ParameterName>(name: N): ParameterValue<N> {
    const use = this.snapshot[name];
    if (!use) {
      throw new RuleNotInForceError(
        `parameter ${name}`,
        this.date,
        'the parameter file has no value for this date',
      );
    }
    if (!this.used.includes(use)) this.used.push(use);
    return use.value as ParameterValue<N>;
  }

  /** The value without recording it as used (to decide whether a rule applies at all). */
  peek<N extends ParameterName>(name: N): ParameterValue<N> | undefined {
    return this.snapshot[name]?.value as ParameterValue<N> | undefined;
  }

  /** The date from which the value in force holds (for messages such as "the 2025 average wage"). */
  validFrom(name: ParameterName): string | undefined {
    return this.snapshot[name]?.validFrom;
  }

  isInForce(name: ParameterName): boolean {
    return this.snapshot[name] !== undefined;
  }
}

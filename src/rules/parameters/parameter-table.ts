import { addDays } from '../dates/iso-date.ts';
import type { ParameterName, ParameterValue } from './parameter-definitions.ts';
import { PARAMETER_NAMES } from './parameter-definitions.ts';
import type { ParameterStatus } from './parameter-status.ts';

/** One dated value of a parameter, as written in its YAML file. */
export interface ParameterPeriod {
  readonly validFrom: string;
  /** Last day (inclusive); null = until the next period, or open-ended for the last one. */
  readonly validUntil: string | null;
  readonly value: unknown;
  /** A public citation (legal text, official source): it reaches partners and staff screens. */
  readonly source: string;
  readonly verified: boolean;
  readonly status: ParameterStatus;
}

export interface ParameterTimeline {
  readonly name: ParameterName;
  readonly unit: string;
  readonly description: string;
  /** Sorted by `validFrom`, without overlaps (the loader guarantees it). */
  readonly periods: readonly ParameterPeriod[];
}

/** What an assessment reports about each parameter it used (`parameters[]` of the contract). */
export interface ParameterUse {
  readonly name: ParameterName;
  readonly value: unknown;
  readonly validFrom: string;
  readonly source: string;
  readonly verified: boolean;
  readonly status: ParameterStatus;
}

/** The value of every parameter on one date; `undefined` where no value is in force. */
export type ParameterSnapshot = { readonly [N in ParameterName]: ParameterUse | undefined };

// A ten-year re-assessment touches a few thousand distinct dates; past this many the cache is
// dropped rather than grown without bound.
const SNAPSHOT_CACHE_LIMIT = 20_000;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

interface IndexedTimeline {
  readonly starts: readonly string[];
  readonly ends: readonly (string | null)[];
  readonly uses: readonly ParameterUse[];
}

/**
 * All parameters with their dated values. Resolving a date binary-searches each timeline once and
 * caches the snapshot per date, so an assessment pays one map lookup per date it needs.
 */
export class ParameterTable {
  private readonly indexed = new Map<ParameterName, IndexedTimeline>();
  private readonly snapshots = new Map<string, ParameterSnapshot>();

  constructor(readonly timelines: ReadonlyMap<ParameterName, ParameterTimeline>) {
    for (const [name, timeline] of timelines) {
      const periods = timeline.periods;
      this.indexed.set(name, {
        starts: periods.map((p) => p.validFrom),
        ends: periods.map(
          (p, i) => p.validUntil ?? (periods[i + 1] ? addDays(periods[i + 1]!.validFrom, -1) : null),
        ),
        uses: periods.map((p) =>
          deepFreeze({
            name,
            value: p.value,
            validFrom: p.validFrom,
            source: p.source,
            verified: p.verified,
            status: p.status,
          }),
        ),
      });
    }
  }

  timeline(name: ParameterName): ParameterTimeline | undefined {
    return this.timelines.get(name);
  }

  /** The value in force on `date`, or undefined when none is. */
  resolve(name: ParameterName, date: string): ParameterUse | undefined {
    const index = this.indexed.get(name);
    if (!index) return undefined;
    const { starts, ends, uses } = index;
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= date) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) return undefined;
    const end = ends[found];
    return end !== null && end !== undefined && date > end ? undefined : uses[found];
  }

  snapshotAt(date: string): ParameterSnapshot {
    let snapshot = this.snapshots.get(date);
    if (snapshot) return snapshot;
    const built: Partial<Record<ParameterName, ParameterUse | undefined>> = {};
    for (const name of PARAMETER_NAMES) built[name] = this.resolve(name, date);
    snapshot = Object.freeze(built) as ParameterSnapshot;
    if (this.snapshots.size >= SNAPSHOT_CACHE_LIMIT) this.snapshots.clear();
    this.snapshots.set(date, snapshot);
    return snapshot;
  }

  /** Typed read of a snapshot entry's value (the loader checked it against the definition). */
  static valueOf<N extends ParameterName>(use: ParameterUse): ParameterValue<N> {
    return use.value as ParameterValue<N>;
  }
}

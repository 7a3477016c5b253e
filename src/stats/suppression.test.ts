import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSensitive, suppressLine, suppressTable, type TableWithMargins } from './suppression.ts';

/**
 * The attacker's view, written independently of the suppression code: every published number and
 * the linear constraints tying them (each row, each column, the totals). We prove no hidden number
 * is determined by finding, for each one, a second non-negative integer completion in which it has
 * another value (a small search with bounds propagation), on random tables.
 */
interface System {
  /** Per entry: the published value, or null when hidden. */
  known: (number | null)[];
  /** Each constraint: entries with coefficient +1 or −1 summing to 0. */
  constraints: Array<Array<[number, 1 | -1]>>;
  trueValues: number[];
}

function systemOf(table: TableWithMargins, hidden: (entry: number) => boolean): System {
  const rows = table.rowTotals.length;
  const columns = table.columnTotals.length;
  const values = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal];
  const cell = (i: number, j: number) => i * columns + j;
  const rowTotal = (i: number) => rows * columns + i;
  const columnTotal = (j: number) => rows * columns + rows + j;
  const grand = rows * columns + rows + columns;
  const constraints: System['constraints'] = [];
  for (let i = 0; i < rows; i++)
    constraints.push([
      ...[...Array(columns).keys()].map((j) => [cell(i, j), 1] as [number, 1]),
      [rowTotal(i), -1],
    ]);
  for (let j = 0; j < columns; j++)
    constraints.push([
      ...[...Array(rows).keys()].map((i) => [cell(i, j), 1] as [number, 1]),
      [columnTotal(j), -1],
    ]);
  constraints.push([...[...Array(rows).keys()].map((i) => [rowTotal(i), 1] as [number, 1]), [grand, -1]]);
  constraints.push([
    ...[...Array(columns).keys()].map((j) => [columnTotal(j), 1] as [number, 1]),
    [grand, -1],
  ]);
  return { known: values.map((v, e) => (hidden(e) ? null : v)), constraints, trueValues: values };
}

/** A non-negative integer completion with `fixed` entries forced, or null (DFS + propagation). */
function findCompletion(system: System, fixed: Map<number, number>, limit: number): number[] | null {
  const lo = system.known.map((v, e) => v ?? fixed.get(e) ?? 0);
  const hi = system.known.map((v, e) => v ?? fixed.get(e) ?? limit);
  const search = (lo: number[], hi: number[]): number[] | null => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const constraint of system.constraints) {
        for (const [entry, sign] of constraint) {
          // sign·x = −Σ others: bound x by the others' bounds.
          let minRest = 0;
          let maxRest = 0;
          for (const [other, s] of constraint) {
            if (other === entry) continue;
            minRest += s > 0 ? lo[other]! : -hi[other]!;
            maxRest += s > 0 ? hi[other]! : -lo[other]!;
          }
          const low = sign > 0 ? -maxRest : minRest;
          const high = sign > 0 ? -minRest : maxRest;
          if (low > lo[entry]!) {
            lo[entry] = low;
            changed = true;
          }
          if (high < hi[entry]!) {
            hi[entry] = high;
            changed = true;
          }
          if (lo[entry]! > hi[entry]!) return null;
        }
      }
    }
    const open = lo.findIndex((l, e) => l !== hi[e]);
    if (open === -1) return lo;
    for (let value = lo[open]!; value <= hi[open]!; value++) {
      const nextLo = [...lo];
      const nextHi = [...hi];
      nextLo[open] = nextHi[open] = value;
      const found = search(nextLo, nextHi);
      if (found) return found;
    }
    return null;
  };
  return search(lo, hi);
}

const smallCount = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 30 }) },
);

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(smallCount, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
  .map((cells): TableWithMargins => {
    const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
    const columnTotals = cells[0]!.map((_, j) => cells.reduce((sum, row) => sum + row[j]!, 0));
    return { cells, rowTotals, columnTotals, grandTotal: rowTotals.reduce((a, b) => a + b, 0) };
  });

function hiddenEntries(table: TableWithMargins): boolean[] {
  const mask = suppressTable(table);
  return [...mask.cells.flat(), ...mask.rowTotals, ...mask.columnTotals, mask.grandTotal];
}

describe('suppressTable', () => {
  it('hides every count from 1 to 4 and shows zeros and counts of 5 or more unless needed', () => {
    const table: TableWithMargins = {
      cells: [
        [0, 12, 30],
        [3, 20, 40],
        [7, 9, 50],
      ],
      rowTotals: [42, 63, 66],
      columnTotals: [10, 41, 120],
      grandTotal: 171,
    };
    const mask = suppressTable(table);
    expect(mask.cells[1]![0]).toBe(true);
    expect(mask.cells[0]![0]).toBe(false);
    // The 3 needs a partner in its row and in its column, and those partners need one too.
    expect(mask.cells.flat().filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(mask.cells[1]!.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(mask.cells.map((row) => row[0]).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(mask.cells[0]![2]).toBe(false);
  });

  it('leaves a table without small counts untouched', () => {
    const mask = suppressTable({
      cells: [
        [5, 0],
        [8, 9],
      ],
      rowTotals: [5, 17],
      columnTotals: [13, 9],
      grandTotal: 22,
    });
    expect([...mask.cells.flat(), ...mask.rowTotals, ...mask.columnTotals, mask.grandTotal]).not.toContain(
      true,
    );
  });

  it('hides the total when a lone small count has no other non-zero partner in its line', () => {
    const mask = suppressTable({ cells: [[3, 0]], rowTotals: [3], columnTotals: [3, 0], grandTotal: 3 });
    expect(mask.cells[0]![0]).toBe(true);
    expect(mask.rowTotals[0]).toBe(true);
  });

  it('never lets a hidden value be recomputed from the published cells and totals', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const hidden = hiddenEntries(table);
        const system = systemOf(table, (entry) => hidden[entry] === true);
        const limit = table.grandTotal * 2 + 10;
        system.trueValues.forEach((value, entry) => {
          if (isSensitive(value)) expect(hidden[entry]).toBe(true);
          if (!hidden[entry]) return;
          // Another completion where this entry differs by one, up or down.
          const other =
            findCompletion(system, new Map([[entry, value + 1]]), limit) ??
            (value > 0 ? findCompletion(system, new Map([[entry, value - 1]]), limit) : null);
          expect(other, `entry ${entry} (${value}) of ${JSON.stringify(table)}`).not.toBeNull();
        });
      }),
      { numRuns: 300, seed: 20260601 },
    );
  });

  it('the checker itself catches a recomputable cell (the test can fail)', () => {
    const table: TableWithMargins = {
      cells: [[3, 10]],
      rowTotals: [13],
      columnTotals: [3, 10],
      grandTotal: 13,
    };
    // Only the 3 hidden: row total minus 10 gives it back.
    const system = systemOf(table, (entry) => entry === 0);
    expect(findCompletion(system, new Map([[0, 4]]), 40)).toBeNull();
    expect(findCompletion(system, new Map([[0, 2]]), 40)).toBeNull();
  });
});

describe('suppressLine', () => {
  it('hides a second value with a lone small count, and never leaves exactly one hidden', () => {
    expect(suppressLine([3, 10, 20], 33)).toEqual({ values: [true, true, false], total: false });
    fc.assert(
      fc.property(fc.array(smallCount, { minLength: 1, maxLength: 8 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        const mask = suppressLine(values, total);
        const hidden = [...mask.values, mask.total];
        const count = hidden.filter(Boolean).length;
        expect(count === 0 || count >= 2).toBe(true);
        [...values, total].forEach((value, i) => {
          if (isSensitive(value)) expect(hidden[i]).toBe(true);
          if (hidden[i]) expect(value).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300, seed: 20260602 },
    );
  });
});

/**
 * NOT USED FOR PUBLISHING since decision 016: open data is protected by the cell-key method
 * (cell-key.ts). Kept as the baseline src/stats/disclosure-attack.test.ts breaks: protected one
 * table at a time, it gives hidden counts away to differences between requests.
 *
 * Statistical disclosure control for open data, pure. A published count of 1 to 4 dossiers could
 * point at a person (a nurse of one nationality in one year), so it is hidden (primary
 * suppression); a hidden cell must then not be recomputable from the published cells and totals
 * (secondary suppression). Zero is shown: "no dossier" reveals nothing about a person, and hiding
 * zeros would hide most of a sparse table (docs/statistics.md).
 *
 * Model: a table with its row totals, column totals and grand total is a bipartite graph — one node
 * per row, per column, plus a "total row" and a "total column" node; every published number is an
 * edge (cell (i, j) joins row i and column j; the total of row i joins row i and the total column;
 * the grand total joins the two total nodes). Each node says "the numbers on my edges add up"
 * (with signs). A hidden number can be recomputed exactly when it is a bridge of the graph of
 * hidden edges (linear algebra: the freedom left is the cycle space of that graph). So we hide more
 * until no hidden edge is a bridge; as every hidden number is at least 1, moving one unit around a
 * cycle gives a second non-negative completion, so no hidden number is determined.
 */

export const SUPPRESSION_THRESHOLD = 5;

/** A count that must be hidden by itself: 1 to threshold−1. */
export function isSensitive(value: number, threshold = SUPPRESSION_THRESHOLD): boolean {
  return value > 0 && value < threshold;
}

export interface TableWithMargins {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
}

export interface SuppressionMask {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

interface Edge {
  a: number;
  b: number;
  value: number;
  isSuppressed: boolean;
  /** Totals cost a little more to hide than a cell of the same value: they are read most. */
  cost: number;
}

function buildGraph(table: TableWithMargins, threshold: number) {
  const rows = table.rowTotals.length;
  const columns = table.columnTotals.length;
  // Nodes: rows 0..r-1, the total column r, columns r+1..r+c, the total row r+c+1.
  const totalColumn = rows;
  const column = (j: number) => rows + 1 + j;
  const totalRow = rows + columns + 1;
  const edges: Edge[] = [];
  const add = (a: number, b: number, value: number, cost: number) => {
    edges.push({ a, b, value, isSuppressed: isSensitive(value, threshold), cost });
    return edges.length - 1;
  };
  const cellEdges = table.cells.map((row, i) => row.map((value, j) => add(i, column(j), value, value)));
  const rowTotalEdges = table.rowTotals.map((value, i) => add(i, totalColumn, value, value + 0.5));
  const columnTotalEdges = table.columnTotals.map((value, j) => add(column(j), totalRow, value, value + 0.5));
  const grandTotalEdge = add(totalColumn, totalRow, table.grandTotal, table.grandTotal + 0.5);
  return { nodeCount: totalRow + 1, edges, cellEdges, rowTotalEdges, columnTotalEdges, grandTotalEdge };
}

/** Bridges among the suppressed edges (Tarjan, iterative to stay clear of deep recursion). */
function findSuppressedBridges(nodeCount: number, edges: readonly Edge[]): number[] {
  const adjacency: Array<Array<[number, number]>> = Array.from({ length: nodeCount }, () => []);
  edges.forEach((edge, index) => {
    if (!edge.isSuppressed) return;
    adjacency[edge.a]?.push([edge.b, index]);
    adjacency[edge.b]?.push([edge.a, index]);
  });
  const order = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  const bridges: number[] = [];
  let counter = 0;
  for (let root = 0; root < nodeCount; root++) {
    if (order[root] !== -1) continue;
    const stack: Array<{ node: number; viaEdge: number; next: number }> = [
      { node: root, viaEdge: -1, next: 0 },
    ];
    order[root] = low[root] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const neighbours = adjacency[frame.node]!;
      if (frame.next < neighbours.length) {
        const [to, edge] = neighbours[frame.next++]!;
        if (edge === frame.viaEdge) continue;
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push({ node: to, viaEdge: edge, next: 0 });
        } else {
          low[frame.node] = Math.min(low[frame.node]!, order[to]!);
        }
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
          if (low[frame.node]! > order[parent.node]!) bridges.push(frame.viaEdge);
        }
      }
    }
  }
  return bridges;
}

/**
 * The cheapest path from `from` to `to` that avoids `skip` and zero edges (a hidden zero could be
 * pinned by non-negativity); hidden edges cost nothing, visible ones their value. Dijkstra on a
 * small graph: a plain scan for the nearest node is enough.
 */
function cheapestPath(nodeCount: number, edges: readonly Edge[], from: number, to: number, skip: number) {
  const distance = new Array<number>(nodeCount).fill(Number.POSITIVE_INFINITY);
  const via = new Array<number>(nodeCount).fill(-1);
  const isDone = new Array<boolean>(nodeCount).fill(false);
  distance[from] = 0;
  for (;;) {
    let node = -1;
    for (let n = 0; n < nodeCount; n++) {
      if (
        !isDone[n] &&
        distance[n]! < Number.POSITIVE_INFINITY &&
        (node === -1 || distance[n]! < distance[node]!)
      )
        node = n;
    }
    if (node === -1 || node === to) break;
    isDone[node] = true;
    edges.forEach((edge, index) => {
      if (index === skip || edge.value === 0 || (edge.a !== node && edge.b !== node)) return;
      const other = edge.a === node ? edge.b : edge.a;
      const next = distance[node]! + (edge.isSuppressed ? 0 : edge.cost);
      if (next < distance[other]!) {
        distance[other] = next;
        via[other] = index;
      }
    });
  }
  if (via[to] === -1) return null;
  const path: number[] = [];
  for (let node = to; node !== from; ) {
    const index = via[node]!;
    path.push(index);
    const edge = edges[index]!;
    node = edge.a === node ? edge.b : edge.a;
  }
  return path;
}

/** Primary and secondary suppression of a table with its margins; returns what to hide. */
export function suppressTable(table: TableWithMargins, threshold = SUPPRESSION_THRESHOLD): SuppressionMask {
  const graph = buildGraph(table, threshold);
  const { edges, nodeCount } = graph;
  for (;;) {
    const [bridge] = findSuppressedBridges(nodeCount, edges);
    if (bridge === undefined) break;
    const edge = edges[bridge]!;
    const path = cheapestPath(nodeCount, edges, edge.a, edge.b, bridge);
    // Unreachable for consistent tables (a non-zero cell always reaches its totals); hide the
    // whole line rather than publish a recomputable number.
    if (!path) throw new Error('Inconsistent table: a suppressed value cannot be protected');
    for (const index of path) edges[index]!.isSuppressed = true;
  }
  const isHidden = (index: number) => edges[index]!.isSuppressed;
  return {
    cells: graph.cellEdges.map((row) => row.map(isHidden)),
    rowTotals: graph.rowTotalEdges.map(isHidden),
    columnTotals: graph.columnTotalEdges.map(isHidden),
    grandTotal: isHidden(graph.grandTotalEdge),
  };
}

/**
 * A single line of counts with its total (a one-dimensional table): hidden values must be none or
 * at least two, all non-zero, so one unit can move between them.
 */
export function suppressLine(
  values: readonly number[],
  total: number,
  threshold = SUPPRESSION_THRESHOLD,
): { values: boolean[]; total: boolean } {
  const entries = [...values.map((value) => ({ value, cost: value })), { value: total, cost: total + 0.5 }];
  const hidden = entries.map((entry) => isSensitive(entry.value, threshold));
  if (hidden.filter(Boolean).length === 1) {
    let best = -1;
    entries.forEach((entry, index) => {
      if (hidden[index] || entry.value === 0) return;
      if (best === -1 || entry.cost < entries[best]!.cost) best = index;
    });
    if (best === -1) throw new Error('Inconsistent line: a suppressed value cannot be protected');
    hidden[best] = true;
  }
  return { values: hidden.slice(0, values.length), total: hidden[values.length]! };
}

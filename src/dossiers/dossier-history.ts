/**
 * The history a reader sees: the action log with runs of draft saves folded into one entry. An
 * employer saves a draft at every step, so the raw log repeats "draft saved" many times and buries
 * what happened; one entry says how many saves there were, from when to when, and who saved.
 */
export interface HistoryEntry {
  action: string;
  by: string;
  actorName: string | null;
  /** The day of the entry; for folded draft saves, the last one. */
  on: string;
  occurredAt: string;
  /** How many log entries this one stands for (1, or the number of consecutive draft saves). */
  count: number;
  /** For folded draft saves: the day of the first one. */
  firstOn: string;
  /** Staff entries (a note, an assignment, a letter's motivation): their text. */
  detail?: string | null;
}

export function foldDraftSaves(entries: Omit<HistoryEntry, 'count' | 'firstOn'>[]): HistoryEntry[] {
  const folded: HistoryEntry[] = [];
  for (const entry of entries) {
    const last = folded[folded.length - 1];
    if (
      entry.action === 'SAVE_DRAFT' &&
      last?.action === 'SAVE_DRAFT' &&
      last.actorName === entry.actorName
    ) {
      last.count += 1;
      last.on = entry.on;
      last.occurredAt = entry.occurredAt;
      continue;
    }
    folded.push({ ...entry, count: 1, firstOn: entry.on });
  }
  return folded;
}

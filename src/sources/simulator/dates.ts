import { addDays, fromDayNumber, toDayNumber } from '../../rules/dates/iso-date.ts';

export { addDays, fromDayNumber, toDayNumber };

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export const earlier = (a: string, b: string) => (a < b ? a : b);
export const later = (a: string, b: string) => (a > b ? a : b);

export interface Quarter {
  id: string;
  first: string;
  last: string;
}

/** The `count` calendar quarters that ended before `date`, oldest first, as DmfA names them (`2026-Q3`). */
export function completedQuartersBefore(date: string, count: number): Quarter[] {
  let year = Number(date.slice(0, 4));
  let quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const quarters: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    quarter--;
    if (quarter === 0) {
      quarter = 4;
      year--;
    }
    const firstMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
    const first = `${year}-${firstMonth}-01`;
    const nextFirst =
      quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
    quarters.unshift({ id: `${year}-Q${quarter}`, first, last: addDays(nextFirst, -1) });
  }
  return quarters;
}

export function randomDateBetween(
  randomInt: (min: number, max: number) => number,
  from: string,
  to: string,
): string {
  return fromDayNumber(randomInt(toDayNumber(from), toDayNumber(to)));
}

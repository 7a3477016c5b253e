/**
 * The legal date in Belgium for a moment: deadlines and decisions are dated in Brussels time,
 * whatever the server's time zone.
 */
const BRUSSELS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function brusselsDate(moment: Date): string {
  return BRUSSELS.format(moment);
}

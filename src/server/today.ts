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

/**
 * The instant of something done on `day`: now, or, for a day other than today (the demo's history,
 * which submits its dossiers days ago), 10:00 UTC that day, so that a dossier's submission instant
 * agrees with its SUBMIT action and the figures count it in its own year.
 */
export function dayInstant(day: string): Date {
  const now = new Date();
  return day === brusselsDate(now) ? now : new Date(`${day}T10:00:00Z`);
}

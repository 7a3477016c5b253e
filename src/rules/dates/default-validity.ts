import { addDays, addMonths } from './iso-date.ts';

/**
 * The validity a grant proposes: from the job's start date (or the day of the decision when that
 * has passed), until the end of the employment when the job has one (a seasonal or fixed-term job:
 * a permit does not outlast the work it is for), and never past the category's legal maximum
 * (assessment `maxValidityMonths`), the last day included, so the server's check
 * `validUntil ≤ validFrom + months` holds. Empty `validUntil` when neither bounds it.
 */
export function defaultValidity(input: {
  startDate: string | null | undefined;
  endDate?: string | null | undefined;
  maxValidityMonths: number | null | undefined;
  today: string;
}): { validFrom: string; validUntil: string } {
  const { startDate, endDate, maxValidityMonths, today } = input;
  const validFrom = startDate && startDate > today ? startDate : today;
  const byMaximum = maxValidityMonths ? addDays(addMonths(validFrom, maxValidityMonths), -1) : '';
  const jobEnds = endDate && endDate >= validFrom ? endDate : '';
  if (jobEnds && (byMaximum === '' || jobEnds < byMaximum)) return { validFrom, validUntil: jobEnds };
  return { validFrom, validUntil: byMaximum };
}

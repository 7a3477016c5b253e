import { Format } from 'typebox/format';
import { isWithinDateRange } from '../../validation/date-range.ts';
import { isIsoDate } from '../dates/iso-date.ts';

/**
 * TypeBox checks `format: "date"` with a regular expression and capture groups; an application
 * carries up to a dozen dates, which made that check a quarter of an assessment's time. This
 * registers an equivalent check (same accepted set, proven by a property test against TypeBox's
 * own `IsDate`), limited to Loket's one date range (src/validation/date-range.ts), before the
 * application schema is compiled. Registering is process-wide: every TypeBox schema of the API
 * uses the same dates.
 */
Format.Set('date', (value) => isIsoDate(value) && isWithinDateRange(value));

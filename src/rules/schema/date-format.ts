import { Format } from 'typebox/format';
import { isIsoDate } from '../dates/iso-date.ts';

/**
 * TypeBox checks `format: "date"` with a regular expression and capture groups; an application
 * carries up to a dozen dates, which made that check a quarter of an assessment's time. This
 * registers an equivalent check (same accepted set, proven by a property test against TypeBox's
 * own `IsDate`) before the application schema is compiled. Registering is process-wide, which is
 * harmless because the accepted values do not change.
 */
Format.Set('date', isIsoDate);

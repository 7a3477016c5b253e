import { CsvError, parse } from 'csv-parse/sync';
import { isIsoDate } from '../../rules/dates/iso-date.ts';
import { isWithinDateRange } from '../../validation/date-range.ts';
import { isValidIban } from './epc-qr-payload.ts';
import { findStructuredReference, parseStructuredReference } from './structured-reference.ts';

/**
 * Import of the fee account's bank statement (CSV export of the bank) and matching of the credits
 * to open fees by their structured reference. Parsing reports every bad line with its number and
 * field instead of stopping, so a finance officer can fix the file or book those by hand; debits
 * (the account's own outgoing transfers, refunds) are skipped silently.
 */

export interface BankTransaction {
  /** Line of the CSV file (the header is line 1). */
  line: number;
  bookedOn: string;
  amountCents: number;
  /** Fees are due in euros only (assessment contract: `fee.currency` is EUR). */
  currency: 'EUR';
  /** The structured reference found in the communication, as +++NNN/NNNN/NNNNN+++; null if none is valid. */
  reference: string | null;
  counterpartyName: string | null;
  /** The payer's IBAN when the statement gives a valid one: where a refund goes. */
  counterpartyIban: string | null;
  /** The communication as written, for whoever books an unmatched payment by hand. */
  communication: string;
}

export type ImportRule =
  | 'missing_column'
  | 'column_count'
  | 'syntax'
  | 'required'
  | 'date'
  | 'amount'
  | 'currency';

export interface ImportError {
  line: number;
  field: string;
  rule: ImportRule;
}

export interface ParsedBankTransactions {
  transactions: BankTransaction[];
  errors: ImportError[];
}

const REQUIRED_COLUMNS = ['booking_date', 'amount', 'currency', 'communication'] as const;
const OPTIONAL_COLUMNS = ['counterparty_name', 'counterparty_iban'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** `;` (Belgian bank exports, where the comma is the decimal sign) or `,`, whichever the header uses more. */
function detectSeparator(csvText: string): ';' | ',' {
  const header = csvText.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  const count = (char: string) => outsideQuotes.split(char).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

/** `YYYY-MM-DD`, or the Belgian `DD/MM/YYYY` (also with `-` or `.`), as an ISO date; null if not a real date. */
export function parseBookingDate(text: string): string | null {
  const value = text.trim();
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(value);
  const iso = dmy ? `${dmy[4]}-${dmy[3]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : value;
  // Loket's one date range (src/validation/date-range.ts): 0001-01-01 is a typing error, not a payment.
  return isIsoDate(iso) && isWithinDateRange(iso) ? iso : null;
}

/** fee_payments.amount_cents is a PostgreSQL integer: larger credits are reported, not stored. */
export const MAX_AMOUNT_CENTS = 2_147_483_647;

function hasGroupsOfThree(groups: readonly string[]): boolean {
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((group) => /^\d{3}$/.test(group));
}

/**
 * An amount in cents from the ways banks write it: `200,00` and `1.234,56` (Belgian), `200.00` and
 * `1,234.56`, spaces as grouping, a sign in front. With a single kind of separator, one occurrence
 * followed by one or two digits is the decimal sign; otherwise it must group thousands (`1.234`):
 * euros have no third decimal. Null when the text is not an amount.
 */
export function parseAmountCents(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^([+-]?)(\d[\d.,]*)$/.exec(compact);
  if (match === null) return null;
  const body = match[2]!;
  const lastSeparator = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  let whole = body;
  let fraction = '';
  if (lastSeparator !== -1) {
    const decimalSign = body[lastSeparator]!;
    const groupSign = decimalSign === '.' ? ',' : '.';
    const hasBothSigns = body.includes(groupSign);
    const isDecimal =
      hasBothSigns ||
      (body.indexOf(decimalSign) === lastSeparator && /^\d{1,2}$/.test(body.slice(lastSeparator + 1)));
    if (isDecimal) {
      whole = body.slice(0, lastSeparator);
      fraction = body.slice(lastSeparator + 1);
      if (!/^\d{1,2}$/.test(fraction) || whole.includes(decimalSign)) return null;
      if (hasBothSigns && !hasGroupsOfThree(whole.split(groupSign))) return null;
      whole = whole.replaceAll(groupSign, '');
    } else {
      if (!hasGroupsOfThree(body.split(decimalSign))) return null;
      whole = body.replaceAll(decimalSign, '');
    }
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return match[1] === '-' ? -cents : cents;
}

interface CsvRow {
  info: { lines: number };
  raw: string;
  record: string[];
}

/**
 * The line a record starts on: csv-parse counts up to its last line, and a quoted communication
 * may hold line breaks. The raw text carries the empty lines skipped before it and its own end.
 */
function startLineOf(row: CsvRow): number {
  const body = row.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return row.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/** The line csv-parse was on when it gave up on a record (its errors carry it untyped). */
function lineOf(error: CsvError | undefined): number {
  return typeof error?.lines === 'number' ? error.lines : 0;
}

function readRows(csvText: string, errors: ImportError[]): CsvRow[] {
  try {
    return parse(csvText, {
      delimiter: detectSeparator(csvText),
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        errors.push({ line: lineOf(error), field: 'line', rule: 'syntax' });
        return undefined;
      },
    }) as unknown as CsvRow[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    errors.push({ line: lineOf(error), field: 'line', rule: 'syntax' });
    return [];
  }
}

function readTransaction(
  line: number,
  value: (column: Column) => string,
  errors: ImportError[],
): BankTransaction | null {
  const lineErrors: ImportError[] = [];
  const fail = (field: Column, rule: ImportRule) => lineErrors.push({ line, field, rule });

  const amountText = value('amount');
  const amountCents = amountText === '' ? null : parseAmountCents(amountText);
  if (amountText === '') fail('amount', 'required');
  else if (amountCents === null || amountCents > MAX_AMOUNT_CENTS) fail('amount', 'amount');
  // A debit or a zero line is not a payment to us: skip it whatever else it holds.
  else if (amountCents <= 0) return null;

  const dateText = value('booking_date');
  const bookedOn = dateText === '' ? null : parseBookingDate(dateText);
  if (dateText === '') fail('booking_date', 'required');
  else if (bookedOn === null) fail('booking_date', 'date');

  const currency = value('currency').toUpperCase();
  if (currency === '') fail('currency', 'required');
  else if (currency !== 'EUR') fail('currency', 'currency');

  if (lineErrors.length > 0 || amountCents === null || bookedOn === null) {
    errors.push(...lineErrors);
    return null;
  }
  const communication = value('communication');
  const iban = value('counterparty_iban').replace(/\s/g, '').toUpperCase();
  return {
    line,
    bookedOn,
    amountCents,
    currency: 'EUR',
    reference: findStructuredReference(communication),
    counterpartyName: value('counterparty_name') || null,
    counterpartyIban: iban !== '' && isValidIban(iban) ? iban : null,
    communication,
  };
}

/**
 * Reads a bank-transaction CSV with the header columns booking_date, amount, currency,
 * communication and, optionally, counterparty_name and counterparty_iban (any order, any case).
 */
export function parseBankTransactions(csvText: string): ParsedBankTransactions {
  const errors: ImportError[] = [];
  const rows = readRows(csvText, errors);
  const [header, ...records] = rows;
  if (header === undefined) return { transactions: [], errors };

  const columns = header.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    const line = startLineOf(header);
    return {
      transactions: [],
      errors: [...errors, ...missing.map((field) => ({ line, field, rule: 'missing_column' as const }))],
    };
  }

  const transactions: BankTransaction[] = [];
  for (const row of records) {
    const { record } = row;
    const line = startLineOf(row);
    if (record.length !== columns.length) {
      errors.push({ line, field: 'line', rule: 'column_count' });
      continue;
    }
    const value = (column: Column) => {
      const index = columns.indexOf(column);
      return index === -1 ? '' : (record[index] ?? '').trim();
    };
    const transaction = readTransaction(line, value, errors);
    if (transaction !== null) transactions.push(transaction);
  }
  errors.sort((a, b) => a.line - b.line);
  return { transactions, errors };
}

export interface OpenFee {
  dossierId: string;
  /** The dossier's structured reference, in any written form. */
  reference: string;
  amountCents: number;
}

export type UnmatchedWhy = 'NO_REFERENCE' | 'UNKNOWN_REFERENCE' | 'AMOUNT_TOO_LOW' | 'DUPLICATE';

export interface PaymentMatches {
  matched: { dossierId: string; transaction: BankTransaction }[];
  unmatched: { transaction: BankTransaction; why: UnmatchedWhy }[];
}

/**
 * Matches credits to open fees by structured reference. A payment of at least the amount due
 * settles the fee (an overpayment too: refunding it is a separate decision); less does not, and
 * partial payments are not added up, a person looks at them. Payments are taken in booking order
 * (then file order, as bank exports often list the newest first), so of two payments for one
 * reference the earlier settles the fee and the later is a DUPLICATE to refund. Pure.
 */
export function matchPayments(
  transactions: readonly BankTransaction[],
  openFees: readonly OpenFee[],
): PaymentMatches {
  const fees = new Map<string, OpenFee>();
  for (const fee of openFees) {
    const reference = parseStructuredReference(fee.reference) ?? fee.reference;
    if (!fees.has(reference)) fees.set(reference, fee);
  }
  const settled = new Set<string>();
  const result: PaymentMatches = { matched: [], unmatched: [] };
  const inBookingOrder = [...transactions].sort(
    (a, b) => a.bookedOn.localeCompare(b.bookedOn) || a.line - b.line,
  );
  for (const transaction of inBookingOrder) {
    const { reference } = transaction;
    const fee = reference === null ? undefined : fees.get(reference);
    if (reference === null) result.unmatched.push({ transaction, why: 'NO_REFERENCE' });
    else if (fee === undefined) result.unmatched.push({ transaction, why: 'UNKNOWN_REFERENCE' });
    else if (settled.has(reference)) result.unmatched.push({ transaction, why: 'DUPLICATE' });
    else if (transaction.amountCents < fee.amountCents)
      result.unmatched.push({ transaction, why: 'AMOUNT_TOO_LOW' });
    else {
      settled.add(reference);
      result.matched.push({ dossierId: fee.dossierId, transaction });
    }
  }
  return result;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BankTransaction,
  matchPayments,
  parseAmountCents,
  parseBankTransactions,
  parseBookingDate,
} from './payment-import.ts';
import { createStructuredReference } from './structured-reference.ts';

const REF_A = createStructuredReference(2_026_000_001);
const REF_B = createStructuredReference(2_026_000_002);
const REF_C = createStructuredReference(2_026_000_003);
const digitsOf = (reference: string) => reference.replace(/\D/g, '');

describe('parseBankTransactions', () => {
  it('reads a Belgian export: semicolons, DD/MM/YYYY, decimal comma, references in any form', () => {
    const csv = [
      'booking_date;amount;currency;counterparty_name;counterparty_iban;communication',
      `12/03/2026;200,00;EUR;Tuinbouw De Vlaspit NV;BE71 0961 2345 6769;${REF_A}`,
      `13/03/2026;1.234,56;eur;Acme BV;;***${digitsOf(REF_B).slice(0, 3)}/${digitsOf(REF_B).slice(3, 7)}/${digitsOf(REF_B).slice(7)}***`,
      `2026-03-14;180;EUR;;;Retributie ${digitsOf(REF_C)} dossier VL-2026-000003`,
      '15/03/2026;-50,00;EUR;Loket;;terugbetaling',
      '16/03/2026;200,00;EUR;Iemand;;geen mededeling',
    ].join('\r\n');
    const { transactions, errors } = parseBankTransactions(csv);
    expect(errors).toEqual([]);
    expect(transactions).toEqual([
      {
        line: 2,
        bookedOn: '2026-03-12',
        amountCents: 20000,
        currency: 'EUR',
        reference: REF_A,
        counterpartyName: 'Tuinbouw De Vlaspit NV',
        counterpartyIban: 'BE71096123456769',
        communication: REF_A,
      },
      expect.objectContaining({ line: 3, bookedOn: '2026-03-13', amountCents: 123456, reference: REF_B }),
      expect.objectContaining({
        line: 4,
        bookedOn: '2026-03-14',
        amountCents: 18000,
        reference: REF_C,
        counterpartyName: null,
      }),
      // line 5 is a debit: skipped without an error
      expect.objectContaining({
        line: 6,
        amountCents: 20000,
        reference: null,
        communication: 'geen mededeling',
      }),
    ]);
  });

  it('reads a comma-separated export with decimal points and quoted fields, columns in any order and case', () => {
    const csv = [
      'Communication,Amount,Currency,Booking_Date',
      `"${REF_A}",200.00,EUR,2026-03-12`,
      `"Betaling, dossier 1 ${digitsOf(REF_B)}","1,250.00",EUR,13/03/2026`,
      '',
    ].join('\n');
    const { transactions, errors } = parseBankTransactions(csv);
    expect(errors).toEqual([]);
    expect(transactions.map((t) => [t.line, t.bookedOn, t.amountCents, t.reference])).toEqual([
      [2, '2026-03-12', 20000, REF_A],
      [3, '2026-03-13', 125000, REF_B],
    ]);
  });

  it('reports each bad line with its number and field, and keeps the good ones', () => {
    const csv = [
      'booking_date;amount;currency;counterparty_name;counterparty_iban;communication',
      `31/02/2026;200,00;EUR;A;;${REF_A}`, // no 31 February
      `2026-03-12;twee honderd;EUR;B;;${REF_A}`,
      `2026-03-12;200,00;USD;C;;${REF_A}`,
      `;;EUR;D;;${REF_A}`,
      '2026-03-12;200,00;EUR;E',
      `2026-03-12;200,00;EUR;F;;${REF_B}`,
      `2026/03/12;-3,00;XXX;G;;`, // a debit: skipped even though its date and currency are bad
    ].join('\n');
    const { transactions, errors } = parseBankTransactions(csv);
    expect(errors).toEqual([
      { line: 2, field: 'booking_date', rule: 'date' },
      { line: 3, field: 'amount', rule: 'amount' },
      { line: 4, field: 'currency', rule: 'currency' },
      { line: 5, field: 'amount', rule: 'required' },
      { line: 5, field: 'booking_date', rule: 'required' },
      { line: 6, field: 'line', rule: 'column_count' },
    ]);
    expect(transactions.map((t) => t.line)).toEqual([7]);
  });

  it('numbers a transaction by the line it starts on, even after blank lines and a communication over two lines', () => {
    const csv = [
      'booking_date;amount;currency;communication',
      '',
      `2026-03-12;200,00;EUR;"Retributie\n${REF_A}"`,
      `2026-03-13;200,00;EUR;${REF_B}`,
    ].join('\n');
    const { transactions, errors } = parseBankTransactions(csv);
    expect(errors).toEqual([]);
    expect(transactions.map((t) => [t.line, t.reference])).toEqual([
      [3, REF_A],
      [5, REF_B],
    ]);
  });

  it('names the columns a file lacks', () => {
    const { transactions, errors } = parseBankTransactions(
      'date;amount;communication\n2026-03-12;200,00;x\n',
    );
    expect(transactions).toEqual([]);
    expect(errors).toEqual([
      { line: 1, field: 'booking_date', rule: 'missing_column' },
      { line: 1, field: 'currency', rule: 'missing_column' },
    ]);
  });

  it('reports a broken quote as a syntax error without losing the lines before it', () => {
    const csv = [
      'booking_date;amount;currency;communication',
      `2026-03-12;200,00;EUR;${REF_A}`,
      '2026-03-13;200,00;EUR;"never closed',
    ].join('\n');
    const { transactions, errors } = parseBankTransactions(csv);
    expect(transactions.map((t) => t.line)).toEqual([2]);
    expect(errors).toEqual([expect.objectContaining({ field: 'line', rule: 'syntax' })]);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('gives nothing and no error for an empty file', () => {
    expect(parseBankTransactions('')).toEqual({ transactions: [], errors: [] });
  });
});

describe('amounts and dates', () => {
  it.each([
    ['200,00', 20000],
    ['200.00', 20000],
    ['200', 20000],
    ['200,5', 20050],
    ['+200,00', 20000],
    ['-200,00', -20000],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['1.234', 123400], // euros have no third decimal: three digits after a single sign are thousands
    ['1,234', 123400],
    ['1.234.567,89', 123456789],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseAmountCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '200,0001', '1.2345', '1.23,45', '1,2,3', '200,00 EUR', '--5', ',50'])(
    'refuses %j',
    (text) => {
      expect(parseAmountCents(text)).toBeNull();
    },
  );

  it('reads every amount written the Belgian or the English way back to its cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.boolean(), (cents, belgian) => {
        const euros = Math.floor(cents / 100)
          .toString()
          .replace(/\B(?=(\d{3})+$)/g, belgian ? '.' : ',');
        const written = `${euros}${belgian ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
        expect(parseAmountCents(written)).toBe(cents);
      }),
    );
  });

  it('reads ISO and Belgian dates and refuses impossible ones', () => {
    expect(parseBookingDate('2026-03-12')).toBe('2026-03-12');
    expect(parseBookingDate('12/03/2026')).toBe('2026-03-12');
    expect(parseBookingDate('1/3/2026')).toBe('2026-03-01');
    expect(parseBookingDate('29/02/2028')).toBe('2028-02-29');
    expect(parseBookingDate('29/02/2026')).toBeNull();
    expect(parseBookingDate('2026-13-01')).toBeNull();
    expect(parseBookingDate('12/03/26')).toBeNull();
    // Outside Loket's one date range (src/validation/date-range.ts).
    expect(parseBookingDate('0001-01-01')).toBeNull();
    expect(parseBookingDate('31/12/9999')).toBeNull();
    expect(parseBookingDate('01/01/1900')).toBe('1900-01-01');
  });
});

function aTransaction(
  line: number,
  reference: string | null,
  amountCents: number,
  bookedOn = '2026-03-12',
): BankTransaction {
  return {
    line,
    bookedOn,
    amountCents,
    currency: 'EUR',
    reference,
    counterpartyName: null,
    counterpartyIban: null,
    communication: reference ?? '',
  };
}

const OPEN_FEES = [
  { dossierId: 'dossier-a', reference: REF_A, amountCents: 20000 },
  { dossierId: 'dossier-b', reference: digitsOf(REF_B), amountCents: 20000 }, // stored in another written form
];

describe('matchPayments', () => {
  it('matches a payment of at least the amount due, overpayment included', () => {
    const exact = aTransaction(2, REF_A, 20000);
    const more = aTransaction(3, REF_B, 25000);
    expect(matchPayments([exact, more], OPEN_FEES)).toEqual({
      matched: [
        { dossierId: 'dossier-a', transaction: exact },
        { dossierId: 'dossier-b', transaction: more },
      ],
      unmatched: [],
    });
  });

  it('says why a payment does not match: no reference, unknown reference, too little', () => {
    const none = aTransaction(2, null, 20000);
    const unknown = aTransaction(3, REF_C, 20000);
    const low = aTransaction(4, REF_A, 19999);
    expect(matchPayments([none, unknown, low], OPEN_FEES)).toEqual({
      matched: [],
      unmatched: [
        { transaction: none, why: 'NO_REFERENCE' },
        { transaction: unknown, why: 'UNKNOWN_REFERENCE' },
        { transaction: low, why: 'AMOUNT_TOO_LOW' },
      ],
    });
  });

  it('lets the earlier of two payments for one reference match and calls the later a duplicate', () => {
    // Bank exports often list the newest first: booking order decides, not file order.
    const later = aTransaction(2, REF_A, 20000, '2026-03-14');
    const earlier = aTransaction(3, REF_A, 20000, '2026-03-12');
    const result = matchPayments([later, earlier], OPEN_FEES);
    expect(result.matched).toEqual([{ dossierId: 'dossier-a', transaction: earlier }]);
    expect(result.unmatched).toEqual([{ transaction: later, why: 'DUPLICATE' }]);
  });

  it('lets a full payment after an underpayment settle the fee; a third is a duplicate', () => {
    const low = aTransaction(2, REF_A, 10000, '2026-03-10');
    const full = aTransaction(3, REF_A, 20000, '2026-03-11');
    const third = aTransaction(4, REF_A, 20000, '2026-03-12');
    const result = matchPayments([low, full, third], OPEN_FEES);
    expect(result.matched).toEqual([{ dossierId: 'dossier-a', transaction: full }]);
    expect(result.unmatched).toEqual([
      { transaction: low, why: 'AMOUNT_TOO_LOW' },
      { transaction: third, why: 'DUPLICATE' },
    ]);
  });

  it('accounts for every transaction exactly once and settles each fee at most once', () => {
    const references = [REF_A, REF_B, REF_C, null];
    const transaction = fc
      .tuple(
        fc.constantFrom(...references),
        fc.integer({ min: 1, max: 40000 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([reference, cents, day]) => ({ reference, cents, day }));
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 12 }), (drawn) => {
        const transactions = drawn.map((t, i) =>
          aTransaction(i + 2, t.reference, t.cents, `2026-03-${String(t.day).padStart(2, '0')}`),
        );
        const { matched, unmatched } = matchPayments(transactions, OPEN_FEES);
        expect(matched.length + unmatched.length).toBe(transactions.length);
        const dossiers = matched.map((m) => m.dossierId);
        expect(new Set(dossiers).size).toBe(dossiers.length);
        for (const m of matched) expect(m.transaction.amountCents).toBeGreaterThanOrEqual(20000);
      }),
    );
  });
});

describe('import, then match', () => {
  it('turns a statement into settled fees', () => {
    const csv = [
      'booking_date;amount;currency;counterparty_name;counterparty_iban;communication',
      `14/03/2026;200,00;EUR;Tweede betaling;;+++${digitsOf(REF_A).slice(0, 3)}/${digitsOf(REF_A).slice(3, 7)}/${digitsOf(REF_A).slice(7)}+++`,
      `12/03/2026;200,00;EUR;Eerste betaling;;${digitsOf(REF_A)}`,
      `12/03/2026;150,00;EUR;Te weinig;;${REF_B}`,
    ].join('\n');
    const { transactions } = parseBankTransactions(csv);
    const { matched, unmatched } = matchPayments(transactions, OPEN_FEES);
    expect(matched.map((m) => [m.dossierId, m.transaction.line])).toEqual([['dossier-a', 3]]);
    expect(unmatched.map((u) => [u.transaction.line, u.why])).toEqual([
      [4, 'AMOUNT_TOO_LOW'],
      [2, 'DUPLICATE'],
    ]);
  });
});

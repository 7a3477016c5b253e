import { describe, expect, it } from 'vitest';
import { formatInsz, formatKbo, formatMoney, formatNumber, formatPercent } from './format.ts';

// Intl writes (narrow) no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers in the reader’s language', () => {
  it('writes money the Belgian way per language', () => {
    expect(plain(formatMoney('nl', 62000.5))).toBe('€ 62.000,50');
    expect(plain(formatMoney('fr', 62000.5))).toBe('62 000,50 €');
    expect(plain(formatMoney('en', 62000.5))).toBe('€62,000.50');
    expect(plain(formatMoney('nl', 200))).toBe('€ 200,00');
  });

  it('writes counts and shares with the language’s separators', () => {
    expect(plain(formatNumber('nl', 1234.5))).toBe('1.234,5');
    expect(plain(formatPercent('fr', 0.8))).toBe('80 %');
    expect(formatPercent('nl', 0.855)).toBe('85,5%');
  });
});

describe('identifiers as their registers write them', () => {
  it('writes an enterprise number and an INSZ with their dots and dash', () => {
    expect(formatKbo('0403170701')).toBe('0403.170.701');
    expect(formatInsz('78031883194')).toBe('78.03.18-831.94');
  });

  it('leaves a value that is not an INSZ as it came', () => {
    expect(formatInsz('7803188319')).toBe('7803188319');
    expect(formatInsz('78.03.18-831.94')).toBe('78.03.18-831.94');
  });
});

/**
 * Numbers as the reader's language writes them in Belgium, the one formatter of each language for
 * the server's texts (the rules' reasons, letters, fee invitations) and the web app's pages
 * (web/src/format.ts), so one page never shows "48 912,00 EUR" beside "€ 48.912,00":
 * nl "€ 62.000,50", fr "62 000,50 €", en "€62,000.50". `lang` is nl, fr or en (any other tag is
 * taken as Intl takes `<lang>-BE`).
 */
function locale(lang: string): string {
  return `${lang}-BE`;
}

// Intl formatters are costly to build and the same few are used for every text: built once per language.
const cache = new Map<string, Intl.NumberFormat>();
function formatter(kind: 'money' | 'number' | 'percent', lang: string): Intl.NumberFormat {
  const key = `${kind}:${lang}`;
  let found = cache.get(key);
  if (!found) {
    const options: Intl.NumberFormatOptions =
      kind === 'money'
        ? { style: 'currency', currency: 'EUR' }
        : kind === 'percent'
          ? { style: 'percent', maximumFractionDigits: 1 }
          : { maximumFractionDigits: 2 };
    found = new Intl.NumberFormat(locale(lang), options);
    cache.set(key, found);
  }
  return found;
}

/** Euros with cents ("€ 200,00", "€ 62.000,50"). */
export function formatMoney(lang: string, amount: number): string {
  return formatter('money', lang).format(amount);
}

export function formatNumber(lang: string, value: number): string {
  return formatter('number', lang).format(value);
}

/** A share written as a fraction of one (0.8) shown as a percentage ("80%", fr "80 %"). */
export function formatPercent(lang: string, fraction: number): string {
  return formatter('percent', lang).format(fraction);
}

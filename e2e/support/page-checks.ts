import type { Page } from 'playwright-core';
import serverEn from '../../src/i18n/catalogues/en.json' with { type: 'json' };
import serverFr from '../../src/i18n/catalogues/fr.json' with { type: 'json' };
import serverNl from '../../src/i18n/catalogues/nl.json' with { type: 'json' };
import type { Lang } from '../../src/i18n/languages.ts';
import { CATALOGUES } from '../../web/src/i18n.ts';

/**
 * The checks the page census (`e2e/page-census.e2e.test.ts`) runs on every page: what a person
 * would see as broken, read from the rendered page. Each returns the problems it found as
 * sentences (empty: none), so the census can list them all at once.
 */

/** Every text of a catalogue tree, as `[key, text]`. */
function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const TEXTS: Record<Lang, string[]> = {
  nl: [...leaves(CATALOGUES.nl), ...leaves(serverNl)].map(([, text]) => text),
  fr: [...leaves(CATALOGUES.fr), ...leaves(serverFr)].map(([, text]) => text),
  en: [...leaves(CATALOGUES.en), ...leaves(serverEn)].map(([, text]) => text),
};

/**
 * The pieces of one language's texts that give that language away on another's page: each text cut
 * at its `{{placeholders}}` and markup, keeping pieces of two words or more and at least 12 letters
 * that occur in no text of the page's own language (so shared names like "Loket" never count).
 */
function telltalePieces(of: Lang, page: Lang): string[] {
  const own = TEXTS[page].join('\n').toLowerCase();
  const pieces = TEXTS[of]
    .flatMap((text) => text.split(/\{\{[^}]*\}\}|<[^>]*>|\$t\([^)]*\)|[():;"“”]/))
    .map((piece) => piece.trim().replace(/[.,!?]+$/, ''))
    .filter((piece) => piece.split(/\s+/).length >= 2 && piece.replace(/[^\p{L}]/gu, '').length >= 12)
    .filter((piece) => !own.includes(piece.toLowerCase()));
  return [...new Set(pieces)];
}

const FOREIGN_PIECES: Record<Lang, Array<{ lang: Lang; pieces: string[] }>> = {
  nl: (['en', 'fr'] as const).map((lang) => ({ lang, pieces: telltalePieces(lang, 'nl') })),
  fr: (['en', 'nl'] as const).map((lang) => ({ lang, pieces: telltalePieces(lang, 'fr') })),
  en: [],
};

/**
 * English words that no Dutch or French interface text needs, for English that is in no catalogue
 * (a hard-coded string, a server message, a library's default). Demo data is English in places (job
 * titles such as "Software engineer"): none of these words occur there.
 */
const ENGLISH_WORDS =
  /\b(the|and|with|your|you|please|loading|submit|cancel|error|failed|not found|required|invalid|unknown|missing|must|should|this|that|which|from|will|has been|click|none|yes|settings)\b/i;

/** Words of the machinery, not of the service: file names, source paths, JavaScript's empties. */
const INTERNAL_TEXT = [
  /\b[\w-]+\.(md|ya?ml|tsx?|jsx?|sql|json)\b/i,
  /\b(src|docs|rules|web|shared)\/[\w./-]+/,
  /\b(undefined|NaN|TODO|FIXME)\b/,
  /\[object Object\]/,
];

/** A code where a label belongs: `IN_REVIEW`, `LOKET_NOT_FOUND`, `application.job.title`… */
const RAW_CODE = /\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\b/;
const NAMESPACES = [...Object.keys(CATALOGUES.nl), ...Object.keys(serverNl), 'application', 'workerIdentity'];
const MESSAGE_KEY = new RegExp(`\\b(${NAMESPACES.join('|')})\\.[a-zA-Z][\\w-]*(\\.[\\w-]+)*\\b`);

export interface PageText {
  /** What a sighted reader sees (`innerText`) and the document title. */
  visible: string;
  /** Texts for assistive technology and tooltips: aria-label, title, alt, placeholder. */
  attributes: string;
}

/** The page's texts, as a person (or their screen reader) meets them. */
export async function readPageText(page: Page): Promise<PageText> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
      .flatMap((element) =>
        ['aria-label', 'title', 'alt', 'placeholder'].map((name) => element.getAttribute(name)),
      )
      .filter((value): value is string => Boolean(value));
    // Parts marked as another language (lang="…", WCAG 3.1.2: a mail shown in its reader's
    // language) are content in that language, not untranslated interface.
    const pageLang = document.documentElement.lang;
    let visible = document.body.innerText;
    for (const part of document.body.querySelectorAll<HTMLElement>('[lang]')) {
      if (part.lang && part.lang !== pageLang && part.innerText)
        visible = visible.replace(part.innerText, '');
    }
    return { visible: `${document.title}\n${visible}`, attributes: attributes.join('\n') };
  });
}

function lineWith(text: string, pattern: RegExp | string): string {
  const line =
    text.split('\n').find((l) => (typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l))) ?? '';
  return JSON.stringify(line.trim().slice(0, 160));
}

/**
 * Unfilled placeholders, message keys, internal words, raw codes and another language's text.
 * `data`: texts that are data, not interface (people's and enterprises' names such as "Karim El Idrissi"),
 * left out of the checks.
 */
export function findTextProblems(text: PageText, lang: Lang, data: readonly string[] = []): string[] {
  const problems: string[] = [];
  const all = data.reduce((rest, datum) => rest.replaceAll(datum, ''), `${text.visible}\n${text.attributes}`);
  if (/\{\{|\}\}/.test(all)) problems.push(`placeholder left unfilled: ${lineWith(all, /\{\{|\}\}/)}`);
  const key = MESSAGE_KEY.exec(all);
  if (key) problems.push(`message key instead of text: "${key[0]}" in ${lineWith(all, MESSAGE_KEY)}`);
  for (const pattern of INTERNAL_TEXT) {
    const found = pattern.exec(all);
    if (found) problems.push(`internal text: "${found[0]}" in ${lineWith(all, pattern)}`);
  }
  const code = RAW_CODE.exec(all);
  if (code) problems.push(`raw code instead of a label: "${code[0]}" in ${lineWith(all, RAW_CODE)}`);
  for (const { lang: other, pieces } of FOREIGN_PIECES[lang]) {
    const found = pieces.find((piece) => all.includes(piece));
    if (found)
      problems.push(`${other} catalogue text on a ${lang} page: "${found}" in ${lineWith(all, found)}`);
  }
  if (lang !== 'en') {
    const word = ENGLISH_WORDS.exec(all);
    if (word)
      problems.push(`English word on a ${lang} page: "${word[0]}" in ${lineWith(all, ENGLISH_WORDS)}`);
  }
  return problems;
}

/**
 * Sideways scrolling: the document wider than the window. Names the elements that stick out
 * furthest (the innermost ones), so the failure points at the cause.
 */
export async function findHorizontalScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const describe = (element: Element): string => {
      const classes = [...element.classList].slice(0, 2).join('.');
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes ? `.${classes}` : ''}`;
    };
    const sticking = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter(
        (element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 1),
      )
      .slice(0, 4)
      .map((element) => `${describe(element.parentElement ?? element)} > ${describe(element)}`);
    return `scrolls sideways: ${scrollWidth} px wide in a ${width} px window (${sticking.join('; ')})`;
  });
}

/**
 * Content that spills out of its box without scrolling: a table running under the next grid column,
 * a label printed over its value. Only boxes that let it show (overflow visible) count: a box that
 * scrolls or clips on purpose is not spilling.
 */
export async function findSpills(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element): string => {
      const classes = [...element.classList].slice(0, 2).join('.');
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes ? `.${classes}` : ''}`;
    };
    const spilling: Array<{ element: HTMLElement; by: number }> = [];
    for (const element of document.querySelectorAll('main *')) {
      if (!(element instanceof HTMLElement) || element.clientWidth === 0) continue;
      const style = getComputedStyle(element);
      if (style.overflowX !== 'visible' || !/block|grid|flex|table-cell|list-item/.test(style.display))
        continue;
      const by = element.scrollWidth - element.clientWidth;
      if (by > 2) spilling.push({ element, by });
    }
    // The innermost: its ancestors spill only because it does.
    return spilling
      .filter(
        ({ element }) =>
          !spilling.some((other) => other.element !== element && element.contains(other.element)),
      )
      .slice(0, 3)
      .map(
        ({ element, by }) =>
          `spills out of its box: ${describe(element.parentElement ?? element)} > ${describe(element)} by ${by} px`,
      );
  });
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DESK_LANGUAGES, type DeskLang } from './desk-languages.ts';

/**
 * The desk's information pages are Markdown files a non-developer edits: content/desk/<lang>/<topic>.md
 * (content/desk/README.md says how). Only a small part of Markdown is understood, and it becomes a
 * tree of blocks the web app renders as React elements: no HTML from the files ever reaches the page,
 * so a typo or a pasted <script> shows as text, never runs.
 */
export const DESK_TOPICS = ['pay', 'working-time', 'housing', 'changing-employer', 'permit'] as const;
export type DeskTopic = (typeof DESK_TOPICS)[number];

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'link'; text: string; href: string };

export type Block =
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] };

export interface DeskPage {
  topic: DeskTopic;
  lang: DeskLang;
  title: string;
  summary: string;
  /** Translated from Dutch (the text that prevails), as the page says. */
  translation: boolean;
  blocks: Block[];
}

// A link goes to a page of Loket (not `//host`) or to an https address; anything else stays plain text.
const SAFE_HREF = /^(https:\/\/[^\s"'<>]+|\/(?!\/)[A-Za-z0-9/_#?=&.-]*)$/;
const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) parts.push({ type: 'text', text: text.slice(at, match.index) });
    if (match[1] !== undefined) parts.push({ type: 'strong', text: match[1] });
    else if (match[3] !== undefined && SAFE_HREF.test(match[3]))
      parts.push({ type: 'link', text: match[2] as string, href: match[3] });
    else parts.push({ type: 'text', text: match[2] as string });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ type: 'text', text: text.slice(at) });
  return parts;
}

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ type: 'list', items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{2,3})\s+(.+)$/.exec(line);
    if (line === '') flush();
    else if (heading) {
      flush();
      blocks.push({
        type: 'heading',
        level: (heading[1] as string).length as 2 | 3,
        content: parseInline(heading[2] as string),
      });
    } else if (/^[-*]\s+/.test(line)) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push(parseInline(line.replace(/^[-*]\s+/, '')));
    } else if (list && /^\s{2,}/.test(raw)) {
      // A wrapped list item.
      const last = list[list.length - 1] as Inline[];
      last.push({ type: 'text', text: ' ' }, ...parseInline(line));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** A page file: a front matter of `key: value` lines between `---`, then the Markdown. */
export function parsePage(topic: DeskTopic, lang: DeskLang, file: string): DeskPage {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(file);
  if (!front) throw new Error(`content/desk/${lang}/${topic}.md: no front matter (--- title: … ---)`);
  const fields = new Map<string, string>();
  for (const line of (front[1] as string).split(/\r?\n/)) {
    const pair = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (pair) fields.set(pair[1] as string, pair[2] as string);
  }
  const title = fields.get('title');
  const summary = fields.get('summary');
  if (!title || !summary) throw new Error(`content/desk/${lang}/${topic}.md: title and summary are required`);
  return {
    topic,
    lang,
    title,
    summary,
    translation: fields.get('translation') === 'true',
    blocks: parseBlocks(file.slice(front[0].length)),
  };
}

const CONTENT_DIR = fileURLToPath(new URL('../../content/desk/', import.meta.url));

/** Reads every page once; a missing or malformed file stops the start, naming the file. */
export function loadDeskContent(dir = CONTENT_DIR): Map<string, DeskPage> {
  const pages = new Map<string, DeskPage>();
  for (const lang of DESK_LANGUAGES)
    for (const topic of DESK_TOPICS)
      pages.set(
        `${lang}/${topic}`,
        parsePage(topic, lang, readFileSync(`${dir}${lang}/${topic}.md`, 'utf8')),
      );
  return pages;
}

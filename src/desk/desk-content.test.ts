import { describe, expect, it } from 'vitest';
import { DESK_TOPICS, loadDeskContent, parseBlocks, parseInline, parsePage } from './desk-content.ts';
import { DESK_LANGUAGES } from './desk-languages.ts';

describe('the desk content files', () => {
  const pages = loadDeskContent();

  it('has every topic in every language, the Dutch text the original and the others marked as translations', () => {
    expect(pages.size).toBe(DESK_TOPICS.length * DESK_LANGUAGES.length);
    for (const lang of DESK_LANGUAGES)
      for (const topic of DESK_TOPICS) {
        const page = pages.get(`${lang}/${topic}`);
        expect(page?.translation, `${lang}/${topic}`).toBe(lang !== 'nl');
        // Every page speaks to workers and to employers, and points to the report form.
        expect(
          page?.blocks.filter((b) => b.type === 'heading').length,
          `${lang}/${topic}`,
        ).toBeGreaterThanOrEqual(3);
        const links = page?.blocks.flatMap((b) =>
          b.type === 'list' ? b.items.flat() : b.type === 'heading' ? [] : b.content,
        );
        expect(
          links?.some((i) => i.type === 'link' && i.href === '/desk/report'),
          `${lang}/${topic}`,
        ).toBe(true);
      }
  });
});

describe('the Markdown the content files may use', () => {
  it('reads headings, paragraphs, lists, bold and links', () => {
    expect(parseBlocks('## Title\n\nOne line\nand more.\n\n- **a** b\n- [c](/desk)\n')).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'One line and more.' }] },
      {
        type: 'list',
        items: [
          [
            { type: 'strong', text: 'a' },
            { type: 'text', text: ' b' },
          ],
          [{ type: 'link', text: 'c', href: '/desk' }],
        ],
      },
    ]);
  });

  it('keeps HTML and unsafe links as plain text', () => {
    expect(parseInline('<script>alert(1)</script> [x](javascript:alert(1)) [y](//evil.example)')).toEqual([
      { type: 'text', text: '<script>alert(1)</script> ' },
      { type: 'text', text: 'x' },
      { type: 'text', text: ') ' },
      { type: 'text', text: 'y' },
    ]);
    expect(parseInline('[ok](https://www.payoke.be)')).toEqual([
      { type: 'link', text: 'ok', href: 'https://www.payoke.be' },
    ]);
  });

  it('names the file whose front matter is missing', () => {
    expect(() => parsePage('pay', 'tr', '## no front matter')).toThrow('content/desk/tr/pay.md');
    expect(() => parsePage('pay', 'tr', '---\ntitle: x\n---\n')).toThrow('title and summary');
  });
});

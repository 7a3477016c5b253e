import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../web/src/i18n.ts';
import { DEMO_ACCOUNTS } from './demo-data.ts';

describe('the demo accounts', () => {
  it("carry people's names only: no role title, which would be untranslated on other languages' pages", () => {
    const titles = Object.values(CATALOGUES).flatMap((catalogue) =>
      Object.values(catalogue.roles).map((title) => title.toLowerCase()),
    );
    const words = titles.flatMap((title) => title.split(/\s+/)).filter((word) => word.length > 5);
    for (const { displayName } of DEMO_ACCOUNTS) {
      const name = displayName.toLowerCase();
      expect(
        words.filter((word) => name.includes(word)),
        displayName,
      ).toEqual([]);
      expect(name, displayName).not.toMatch(/\bdemo\b|begeleider|personeelsdienst/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../../src/dossiers/lifecycle/dossier-lifecycle.ts';
import mailEn from '../../src/i18n/catalogues/en.json' with { type: 'json' };
import mailFr from '../../src/i18n/catalogues/fr.json' with { type: 'json' };
import mailNl from '../../src/i18n/catalogues/nl.json' with { type: 'json' };
import { CATALOGUES } from './i18n.ts';

const MAIL = { nl: mailNl, fr: mailFr, en: mailEn } as const;
const LANGS = ['nl', 'fr', 'en'] as const;

describe('the names of dossier statuses', () => {
  it('are one catalogue entry per status and language, shared by every page', () => {
    for (const lang of LANGS) {
      const names = CATALOGUES[lang].dossierStatuses as Record<string, string>;
      expect(Object.keys(names).sort()).toEqual([...DOSSIER_STATUSES].sort());
      // Two states never share a name (the employer's "withdrawn" application is not a withdrawn authorisation).
      expect(new Set(Object.values(names)).size).toBe(DOSSIER_STATUSES.length);
      // No area keeps names of its own that could drift from these.
      expect(CATALOGUES[lang].employer).not.toHaveProperty('statuses');
      expect(CATALOGUES[lang].staff).not.toHaveProperty('statuses');
    }
  });

  it('are the words the e-mails use, in lower case mid-sentence', () => {
    for (const lang of LANGS) {
      const names = CATALOGUES[lang].dossierStatuses as Record<string, string>;
      for (const [status, word] of Object.entries(MAIL[lang].mail.status)) {
        const name = names[status] ?? '';
        expect(word, `${lang} ${status}`).toBe(name.charAt(0).toLowerCase() + name.slice(1));
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../dossiers/lifecycle/dossier-lifecycle.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { composeMail, isToldOf, mailKindFor } from './dossier-mail.ts';

describe('dossier mails', () => {
  it('tells of a submission, a request for information and every decision, nothing else', () => {
    expect(mailKindFor('DRAFT', 'SUBMITTED')).toBe('RECEIVED');
    expect(mailKindFor('IN_REVIEW', 'INFORMATION_REQUESTED')).toBe('ACTION_NEEDED');
    expect(mailKindFor('SUBMITTED', 'INADMISSIBLE')).toBe('DECISION');
    expect(mailKindFor('IN_REVIEW', 'DECIDED_REFUSED')).toBe('DECISION');
    expect(mailKindFor('APPEALED', 'APPEAL_DECIDED')).toBe('DECISION');
    expect(mailKindFor('DRAFT', 'DRAFT')).toBeNull();
    expect(mailKindFor('IN_REVIEW', 'IN_REVIEW')).toBeNull();
    expect(mailKindFor('ADMISSIBLE', 'IN_REVIEW')).toBeNull();
  });

  it('tells the worker of decisions only', () => {
    expect(isToldOf('WORKER', 'DECISION')).toBe(true);
    expect(isToldOf('WORKER', 'ACTION_NEEDED')).toBe(false);
    expect(isToldOf('EMPLOYER', 'ACTION_NEEDED')).toBe(true);
  });

  it('has a complete text for every status that sends a mail, audience and language', () => {
    const statuses = DOSSIER_STATUSES.filter((to) => mailKindFor('DRAFT', to) !== null || to === 'SUBMITTED');
    for (const lang of LANGUAGES) {
      for (const to of statuses) {
        const kind = mailKindFor(to === 'DRAFT' ? 'SUBMITTED' : 'DRAFT', to);
        if (!kind) continue;
        for (const audience of ['EMPLOYER', 'WORKER'] as const) {
          const mail = composeMail({
            kind,
            audience,
            lang,
            dossierNumber: 'AM-2026-000123',
            reportedStatus: to,
            publicUrl: 'https://loket.example.be',
          });
          expect(mail.subject).toContain('AM-2026-000123');
          expect(mail.text).toContain('https://loket.example.be/');
          // No catalogue key or unfilled placeholder ever reaches a reader.
          expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\bmail\.[a-z]|\{\{|\}\}/);
        }
      }
    }
  });

  it('writes in the reader’s language', () => {
    const base = {
      kind: 'DECISION' as const,
      audience: 'EMPLOYER' as const,
      dossierNumber: 'AM-1',
      reportedStatus: 'DECIDED_REFUSED',
      publicUrl: 'http://x',
    };
    expect(composeMail({ ...base, lang: 'nl' }).text).toContain('geweigerd');
    expect(composeMail({ ...base, lang: 'fr' }).text).toContain('refusée');
    expect(composeMail({ ...base, lang: 'en' }).text).toContain('refused');
  });

  it('writes a reminder with the day the answer is due, in the reader’s language', () => {
    const mail = (lang: 'nl' | 'fr' | 'en') =>
      composeMail({
        kind: 'REMINDER',
        audience: 'EMPLOYER',
        lang,
        dossierNumber: 'VL-2026-000042',
        reportedStatus: 'INFORMATION_REQUESTED',
        publicUrl: 'https://loket.example.be',
        dueOn: '2026-03-17',
      });
    expect(mail('nl').text).toContain('17 maart 2026');
    expect(mail('fr').text).toContain('17 mars 2026');
    expect(mail('en').subject).toBe('Loket: reminder, dossier VL-2026-000042 awaits your answer');
    for (const lang of ['nl', 'fr', 'en'] as const)
      expect(mail(lang).text).not.toMatch(/\{\{|mail\.(body|subject|status)/);
  });
});

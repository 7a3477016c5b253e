import { describe, expect, it } from 'vitest';
import { formatDate } from './labels.ts';

describe('formatDate', () => {
  it("dates a moment in Brussels, not in the reader's time zone (a letter made at 00:30 there)", () => {
    expect(formatDate('nl', '2026-12-01T23:30:00Z')).toBe('2 december 2026');
    expect(formatDate('fr', '2026-07-01T22:30:00Z')).toBe('2 juillet 2026');
  });

  it('keeps a calendar date as it is', () => {
    expect(formatDate('nl', '2026-12-01')).toBe('1 december 2026');
    expect(formatDate('en', null)).toBe('');
  });
});

describe('reasonMessage', () => {
  it('names the missing facts of every category by their question, never by a path', {
    timeout: 30_000,
  }, async () => {
    const { default: i18next } = await import('i18next');
    const { CATALOGUES } = await import('../../i18n.ts');
    const { assess } = await import('../../../../src/rules/index.ts');
    const { CATEGORIES } = await import('../../../../src/rules/contract.ts');
    const { reasonMessage } = await import('./labels.ts');
    await i18next.init({
      resources: { nl: { translation: CATALOGUES.nl }, fr: { translation: CATALOGUES.fr } },
      lng: 'nl',
      showSupportNotice: false,
    });
    const t = ((key: string, params?: Record<string, unknown>) => i18next.t(key, params ?? {})) as never;
    for (const category of CATEGORIES) {
      const assessment = assess(
        {
          applicationDate: '2026-03-02',
          category,
          employer: { enterpriseNumber: '0403.170.701' },
          worker: { birthDate: '1990-05-01', nationality: 'IN' },
          job: { workplacePostalCode: '9000' },
        },
        { lang: 'nl' },
      );
      for (const reason of assessment.reasons) {
        const message = reasonMessage(t, reason);
        expect(message, `${category}: ${message}`).not.toMatch(
          /\b(worker|job|employer|[a-z]+)\.[a-z][A-Za-z]+/,
        );
      }
    }
    const missing = assess(
      {
        applicationDate: '2026-03-02',
        category: 'HIGHLY_SKILLED',
        employer: { enterpriseNumber: '0403.170.701' },
        worker: { birthDate: '1990-05-01', nationality: 'IN' },
        job: { workplacePostalCode: '9000' },
      },
      { lang: 'nl' },
    ).reasons[0];
    expect(reasonMessage(t, missing as never)).toContain(
      CATALOGUES.nl.employer.questions.application.worker.qualificationVks,
    );
  });
});

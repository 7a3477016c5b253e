import { describe, expect, it } from 'vitest';
import { DESK_CATALOGUES, deskText } from './desk-catalogues.ts';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('the desk catalogues', () => {
  it('have the Dutch one’s keys in every language, none empty', () => {
    const dutch = keys(DESK_CATALOGUES.nl).sort();
    for (const [lang, catalogue] of Object.entries(DESK_CATALOGUES)) {
      expect(keys(catalogue).sort(), lang).toEqual(dutch);
      for (const key of dutch)
        expect(deskText(lang as 'nl')(key as 'title').trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('fills parameters', () => {
    expect(deskText('tr')('followUp.attachments', { count: 2 })).toBe('Bildiriminizdeki dosyalar: 2');
  });
});

import { describe, expect, it } from 'vitest';
import { hasRtl, splitBidiRuns } from './bidi-runs.ts';

describe('bidi runs', () => {
  it('leaves left-to-right text whole, also with accents, Cyrillic and Greek', () => {
    expect(splitBidiRuns('Nguyễn Văn Thành, Иванов, Παπαδόπουλος')).toEqual([
      { text: 'Nguyễn Văn Thành, Иванов, Παπαδόπουλος', rtl: false },
    ]);
    expect(splitBidiRuns('')).toEqual([]);
    expect(hasRtl('Đorđević')).toBe(false);
  });

  it('keeps an Arabic name with its inner spaces as one run, without the spaces around it', () => {
    expect(splitBidiRuns('voor محمد عبد الله (Egypte)')).toEqual([
      { text: 'voor ', rtl: false },
      { text: 'محمد عبد الله', rtl: true },
      { text: ' (Egypte)', rtl: false },
    ]);
  });

  it('cuts at digits and Latin letters, so they keep their order', () => {
    const runs = splitBidiRuns('שלום 12 علي');
    expect(runs.map((run) => run.rtl)).toEqual([true, false, true]);
    expect(runs.map((run) => run.text).join('')).toBe('שלום 12 علي');
  });

  it('keeps combining marks (harakat) inside the run', () => {
    expect(splitBidiRuns('مُحَمَّد.')).toEqual([
      { text: 'مُحَمَّد', rtl: true },
      { text: '.', rtl: false },
    ]);
  });
});

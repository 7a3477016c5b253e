import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { keepReferencesWhole } from './reference-text.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(Fragment, null, keepReferencesWhole(text)));

describe('a page heading keeps a dossier number whole', () => {
  it('puts each dossier number in a span that does not wrap at its hyphens', () => {
    expect(html('Dossier VL-2026-000059')).toBe('Dossier <span class="nowrap">VL-2026-000059</span>');
    expect(html('Dossier VL-2026-000059 en VL-2026-000060')).toBe(
      'Dossier <span class="nowrap">VL-2026-000059</span> en <span class="nowrap">VL-2026-000060</span>',
    );
  });

  it('leaves a heading without one as it is', () => {
    expect(keepReferencesWhole('Werkruimte werkgever')).toBe('Werkruimte werkgever');
  });
});

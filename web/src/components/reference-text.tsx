import type { ReactNode } from 'react';

// A dossier number (VL-2026-000059): the line may break before or after it, never at its hyphens.
const REFERENCE = /([A-Z]{2}-\d{4}-\d{6})/;

/** `text` with each dossier number in a span that does not wrap (`.nowrap`). */
export function keepReferencesWhole(text: string): ReactNode {
  const parts = text.split(REFERENCE);
  if (parts.length === 1) return text;
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
      <span key={index} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

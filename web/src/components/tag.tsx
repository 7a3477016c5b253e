import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'progress' | 'action' | 'success' | 'failure';

/**
 * A status as a text tag: the words carry the meaning, the colour only repeats it (WCAG 1.4.1),
 * and every tone keeps a contrast of at least 4.5:1.
 */
export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ReactNode }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}

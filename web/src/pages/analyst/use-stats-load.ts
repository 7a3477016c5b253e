import { useEffect, useState } from 'react';
import { navigate } from '../../routing.tsx';
import { type ApiLoad, useApiLoad } from '../../use-api-load.ts';

export type StatsLoad<T> = ApiLoad<T>;

/**
 * Loads one statistics resource (a null path loads nothing). Labels and error messages come back
 * in the reader's language, so a language switch fetches again.
 */
export function useStatsLoad<T>(path: string | null): StatsLoad<T> {
  return useApiLoad<T>(path, { perLanguage: true }).load;
}

export { useSearch } from '../../routing.tsx';

/**
 * Shows the same page with another query string (a filter form was sent): a new history entry, so
 * Back returns to the previous figures, but no scroll to the top and no focus move, so a keyboard
 * user stays on the button just pressed while the results below are replaced.
 */
export function navigateQuery(url: string): void {
  navigate(url, { keepPosition: true });
}

/**
 * How often the reader went back or forward: a form keyed on it shows the URL's values again
 * after Back, but is not rebuilt when it is sent itself (which would drop the keyboard focus).
 */
export function useHistoryMoves(): number {
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    const onPopState = () => setMoves((n) => n + 1);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  return moves;
}

import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { currentLang } from '../../i18n.ts';
import { navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';

export type StatsLoad<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ApiError | null };

/**
 * Loads one statistics resource (a null path loads nothing). Labels and error messages come back
 * in the reader's language, so a language switch fetches again. A 401 asks the session again: an
 * expired sign-in then ends on the login page.
 */
export function useStatsLoad<T>(path: string | null): StatsLoad<T> {
  const { api, refresh } = useSession();
  const [load, setLoad] = useState<StatsLoad<T>>(path ? { status: 'loading' } : { status: 'idle' });
  const lang = currentLang();

  useEffect(() => {
    let isCurrent = true;
    void lang; // a new language asks again (the server words its errors per Accept-Language)
    if (path === null) {
      setLoad({ status: 'idle' });
      return;
    }
    setLoad({ status: 'loading' });
    api.call<T>('GET', path).then(
      (data) => isCurrent && setLoad({ status: 'ready', data }),
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 401) void refresh();
        setLoad({ status: 'failed', error: error instanceof ApiError ? error : null });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, refresh, path, lang]);

  return load;
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

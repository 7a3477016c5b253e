import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { useSession } from './session.tsx';

export type ApiLoad<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ApiError | null };

/**
 * Loads one API resource for a page (a null path loads nothing: `idle`). `reload` fetches it again,
 * `refetch` too but as a promise that resolves once the fresh copy is shown, and `replace` takes a fresh copy the server returned (an action's answer is the new overview).
 * With `perLanguage`, a language switch fetches again, for resources whose labels and messages the
 * server words in the reader's language; with `keepWhileLoading`, what was shown stays until the new
 * copy arrives (a queue reloaded after an action) instead of a loading state. A 401 asks the session again, so an expired sign-in ends
 * on the login page.
 */
export function useApiLoad<T>(
  path: string | null,
  options: { perLanguage?: boolean; keepWhileLoading?: boolean } = {},
) {
  const { api, refresh } = useSession();
  const [load, setLoad] = useState<ApiLoad<T>>(path ? { status: 'loading' } : { status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  // Subscribed here, so the switch fetches again even when the page itself renders no text.
  const { i18n } = useTranslation();
  const lang = options.perLanguage ? i18n.language : null;

  useEffect(() => {
    let isCurrent = true;
    void attempt; // a new attempt fetches again
    void lang; // so does a new language, when asked for
    if (path === null) {
      setLoad({ status: 'idle' });
      return;
    }
    if (!options.keepWhileLoading) setLoad({ status: 'loading' });
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
  }, [api, refresh, path, attempt, lang, options.keepWhileLoading]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setLoad({ status: 'ready', data }), []);
  // Fetches again and resolves once the fresh copy is shown: a page confirms an action after this,
  // so the confirmation never stands beside the old list. A failed fetch falls back to `reload`.
  const refetch = useCallback(async () => {
    if (path === null) return;
    try {
      setLoad({ status: 'ready', data: await api.call<T>('GET', path) });
    } catch {
      setAttempt((n) => n + 1);
    }
  }, [api, path]);
  return { load, reload, replace, refetch };
}

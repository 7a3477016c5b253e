import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../session.tsx';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ApiError | null };

/**
 * Loads one API resource for a page; `reload` fetches it again and `replace` takes a fresh copy
 * the server returned (an action's answer is the new overview); a null path loads nothing. A 401 asks the session again, so
 * an expired sign-in ends on the login page.
 */
export function useStaffLoad<T>(path: string | null) {
  const { api, refresh } = useSession();
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void attempt; // a new attempt fetches again
    if (path === null) return;
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
  }, [api, refresh, path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setLoad({ status: 'ready', data }), []);
  return { load, reload, replace };
}

export { useSearch } from '../../routing.tsx';

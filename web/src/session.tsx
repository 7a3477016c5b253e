import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ApiClient, SessionUser } from './api.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; user: SessionUser | null }
  | { status: 'failed'; error: unknown };

interface SessionContextValue {
  state: SessionState;
  api: ApiClient;
  signIn(username: string, password: string): Promise<SessionUser | null>;
  signOut(): Promise<void>;
  /** Asks the server again who is signed in (after a 401: the session may have expired). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const session = await api.getSession();
      setState({ status: 'ready', user: session.user });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      api,
      refresh,
      async signIn(username, password) {
        const session = await api.signIn(username, password);
        setState({ status: 'ready', user: session.user });
        return session.user;
      },
      async signOut() {
        try {
          await api.signOut();
        } finally {
          await refresh(); // what the server now says, and a fresh CSRF token for the next sign-in
        }
      },
    }),
    [state, api, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

import { useEffect, useRef } from 'react';
import { useSession } from '../../session.tsx';
import type { DossierOverview } from './staff-types.ts';

export const REGISTER_POLL_MS = 2_000;

/**
 * While the registers are still being asked (`registerCheck.status` PENDING, right after
 * submission) the overview is read again every 2 s, until the check has answered or the page is
 * left. A poll answer older than what the page holds (an action answered meanwhile, with a higher
 * version) is dropped; a failed poll is simply retried at the next tick.
 */
export function useRegisterPolling(
  dossier: DossierOverview | null,
  path: string,
  replace: (fresh: DossierOverview) => void,
  intervalMs = REGISTER_POLL_MS,
): void {
  const { api } = useSession();
  const latest = useRef(dossier);
  latest.current = dossier;
  const isPending = dossier?.registerCheck?.status === 'PENDING';

  useEffect(() => {
    if (!isPending) return;
    let isCurrent = true;
    let timer: number | undefined;
    const schedule = () => {
      timer = window.setTimeout(async () => {
        try {
          const fresh = await api.call<DossierOverview>('GET', path);
          if (isCurrent && fresh.version >= (latest.current?.version ?? 0)) replace(fresh);
        } catch {
          // The next tick asks again; the page keeps what it shows.
        }
        if (isCurrent) schedule();
      }, intervalMs);
    };
    schedule();
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [isPending, api, path, replace, intervalMs]);
}

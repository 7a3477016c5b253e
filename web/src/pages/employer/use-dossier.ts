import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../session.tsx';
import type { DossierOverview } from './dossier-model.ts';

export type DossierLoad =
  | { status: 'loading' }
  | { status: 'ready'; dossier: DossierOverview }
  | { status: 'failed'; notFound: boolean; message: string };

/** Loads one dossier's overview; `reload` asks again, `replace` keeps an overview a change returned. */
export function useDossier(id: string) {
  const { api, refresh } = useSession();
  const [load, setLoad] = useState<DossierLoad>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      const dossier = await api.call<DossierOverview>('GET', `/api/v1/dossiers/${id}`);
      setLoad({ status: 'ready', dossier });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return void refresh();
      setLoad({
        status: 'failed',
        notFound: error instanceof ApiError && (error.status === 404 || error.status === 400),
        message: error instanceof ApiError ? error.message : '',
      });
    }
  }, [api, id, refresh]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = useCallback((dossier: DossierOverview) => setLoad({ status: 'ready', dossier }), []);
  return { load, reload, replace };
}

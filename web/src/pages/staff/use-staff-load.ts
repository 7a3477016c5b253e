import { type ApiLoad, useApiLoad } from '../../use-api-load.ts';

export type Load<T> = ApiLoad<T>;

/** A staff page's resource: what was shown stays on screen while it is fetched again. */
export function useStaffLoad<T>(path: string | null) {
  return useApiLoad<T>(path, { keepWhileLoading: true });
}

export { useSearch } from '../../routing.tsx';

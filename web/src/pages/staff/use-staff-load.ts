import { type ApiLoad, useApiLoad } from '../../use-api-load.ts';

export type Load<T> = ApiLoad<T>;

/**
 * A staff page's resource: what was shown stays on screen while it is fetched again. Fetched again
 * on a language switch too: the server words its messages (the assessment's findings beside the
 * refusal grounds, legal bases, register notes) in the reader's language.
 */
export function useStaffLoad<T>(path: string | null) {
  return useApiLoad<T>(path, { keepWhileLoading: true, perLanguage: true });
}

export { useSearch } from '../../routing.tsx';

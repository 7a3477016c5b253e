import { useEffect, useState } from 'react';
import type { MigrationListOptions } from '../../../../src/occupations/migration-list-options.ts';
import type { OccupationMatch } from '../../../../src/occupations/occupation-search.ts';
import { foldText, matchRank, queryWords } from '../../../../src/occupations/search-text.ts';
import type { VksProposal } from '../../../../src/occupations/vks-proposal.ts';
import type { ApiClient } from '../../api.ts';
import { currentLang, type Lang } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { FormValues } from './dossier-model.ts';

/**
 * What the job step's pickers read from the API (src/occupations/occupations.routes.ts) and the
 * pure rules of what a choice fills in.
 */
export type { MigrationListOptions, OccupationMatch, VksProposal };

export const ISCO_PATH = 'application.job.iscoCode';
export const VKS_PATH = 'application.job.requiredVks';
export const OCCUPATION_LIMIT = 20;

export function searchOccupations(api: ApiClient, query: string): Promise<OccupationMatch[]> {
  const params = new URLSearchParams({
    q: query.trim(),
    lang: currentLang(),
    limit: String(OCCUPATION_LIMIT),
  });
  return api
    .call<{ results: OccupationMatch[] }>('GET', `/api/v1/occupations?${params}`)
    .then((answer) => answer.results);
}

/**
 * The form after an occupation is chosen: its ISCO code, and the proposed function level when the
 * page asks for one and the level given is not already within the proposed range (a level the
 * employer chose on purpose stays). Returns the level it filled in, if any.
 */
export function applyOccupation(
  values: FormValues,
  paths: readonly string[],
  choice: Pick<OccupationMatch, 'iscoCode' | 'vks'>,
): { values: FormValues; filledVks: number | null } {
  const next: FormValues = { ...values, [ISCO_PATH]: choice.iscoCode };
  const { vks } = choice;
  if (!vks || !paths.includes(VKS_PATH)) return { values: next, filledVks: null };
  const given = Number(values[VKS_PATH]);
  if (values[VKS_PATH] !== '' && values[VKS_PATH] !== undefined && given >= vks.min && given <= vks.max)
    return { values: next, filledVks: null };
  return { values: { ...next, [VKS_PATH]: String(vks.proposed) }, filledVks: vks.proposed };
}

export interface MigrationListChoice {
  id: string;
  label: string;
  /** Set for a function only an earlier version listed (offered on a renewal). */
  lastListedIn?: string;
}

/** The choices the migration-list picker offers: the list in force, plus earlier ones on a renewal. */
export function migrationListChoices(list: MigrationListOptions, isRenewal: boolean): MigrationListChoice[] {
  return isRenewal ? [...list.entries, ...list.earlierEntries] : [...list.entries];
}

/** The choices matching what was typed (accents and case ignored), best first; all for nothing typed. */
export function filterChoices<T extends { label: string }>(choices: readonly T[], query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) return [...choices];
  return choices
    .map((choice, order) => ({ choice, order, rank: matchRank(foldText(choice.label), words) }))
    .filter((found) => found.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.order - b.order)
    .map((found) => found.choice);
}

const migrationLists = new Map<string, Promise<MigrationListOptions>>();

export type MigrationListLoad =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; list: MigrationListOptions };

/** The migration list in force on the application date, in the page's language (fetched once). */
export function useMigrationList(applicationDate: string): MigrationListLoad {
  const { api } = useSession();
  const lang: Lang = currentLang();
  const [load, setLoad] = useState<MigrationListLoad>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const key = `${applicationDate}|${lang}`;
    let pending = migrationLists.get(key);
    if (!pending) {
      const params = new URLSearchParams({ at: applicationDate, lang });
      pending = api.call<MigrationListOptions>('GET', `/api/v1/migration-list?${params}`);
      pending.catch(() => migrationLists.delete(key)); // a failure is retried on the next page
      migrationLists.set(key, pending);
    }
    pending.then(
      (list) => isCurrent && setLoad({ status: 'ready', list }),
      () => isCurrent && setLoad({ status: 'failed' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, applicationDate, lang]);
  return load;
}

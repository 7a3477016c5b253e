import { useEffect, useState } from 'react';
import type { Category } from '../../../../src/rules/contract.ts';
import { formatPercent } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { categoryName } from './labels.ts';

/** What `GET /api/v1/category-guidance` says about an occupation (src/rules/category-guidance.ts). */
interface CategoryHint {
  kind: 'MIGRATION_LIST' | 'PROFESSION';
  categories: Category[];
  migrationListFunction?: { id: string; label: string };
  profession?: string;
  reducedShare?: number | null;
  careFunctionException?: boolean;
}

/**
 * Which category fits the occupation just chosen (a care worker on the migration list, a nurse
 * with the reduced salary threshold), from the rule data through the API; and whether that is the
 * category of this form. Nothing is shown for an occupation the rules say nothing particular of.
 */
export function CategoryGuidance({
  occupationId,
  applicationDate,
  category,
}: {
  occupationId: string;
  applicationDate: string;
  category: Category | undefined;
}) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const [hints, setHints] = useState<CategoryHint[]>([]);
  useEffect(() => {
    let isCurrent = true;
    const query = new URLSearchParams({ occupation: occupationId, at: applicationDate, lang });
    api.call<{ hints: CategoryHint[] }>('GET', `/api/v1/category-guidance?${query}`).then(
      (answer) => isCurrent && setHints(answer.hints),
      () => isCurrent && setHints([]),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, occupationId, applicationDate, lang]);
  if (hints.length === 0) return null;
  return (
    <div className="emp-guidance">
      {hints.map((hint) => {
        const categories = hint.categories.map((c) => categoryName(t, c)).join(', ');
        const isOther = category !== undefined && !hint.categories.includes(category);
        return (
          <p
            key={`${hint.kind}-${hint.migrationListFunction?.id ?? hint.profession}`}
            className="picker-result__line"
          >
            {hint.kind === 'MIGRATION_LIST'
              ? t('employer.guidance.migrationList', {
                  function: hint.migrationListFunction?.label ?? '',
                  categories,
                })
              : t('employer.guidance.nurse', {
                  categories,
                  share: hint.reducedShare ? formatPercent(lang, hint.reducedShare) : '',
                })}
            {hint.kind === 'PROFESSION' && hint.careFunctionException
              ? ` ${t('employer.guidance.careFunction')}`
              : null}
            {isOther && category
              ? ` ${t('employer.guidance.otherCategory', { current: categoryName(t, category) })}`
              : null}
          </p>
        );
      })}
    </div>
  );
}

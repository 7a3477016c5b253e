import { useMemo } from 'react';
import { SummaryList } from '../../components/summary-list.tsx';
import { formatMoney, formatNumber, formatPercent } from '../../format.ts';
import { currentLang, type Translate, useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { countryOptions } from './countries.ts';
import {
  askedQuestions,
  type DossierOverview,
  type Question,
  questionSteps,
  readAnswer,
} from './dossier-model.ts';
import { stepPath } from './employer-area.tsx';
import { useMigrationList } from './function-catalogues.ts';
import { documentTypeName, formatDate, optionLabel, questionLabel, stepName } from './labels.ts';

/** An answer as the employer gave it, in words (options and countries by name, dates in full). */
function showAnswer(
  t: Translate,
  question: Question,
  value: unknown,
  migrationListNames: ReadonlyMap<string, string>,
): string {
  const lang = currentLang();
  if (value === undefined || value === null || value === '') return t('employer.review.notAnswered');
  switch (question.input) {
    case 'boolean':
      return value ? t('employer.form.yes') : t('employer.form.no');
    case 'date':
      return formatDate(lang, String(value));
    case 'amount':
      return typeof value === 'number' ? formatMoney(lang, value) : String(value);
    case 'integer':
      return typeof value === 'number' ? formatNumber(lang, value) : String(value);
    case 'fraction':
      return typeof value === 'number' ? formatPercent(lang, value) : String(value);
    case 'choice':
      return question.options?.includes(value as string | number)
        ? optionLabel(t, value as string | number)
        : String(value);
    case 'migrationList':
      return migrationListNames.get(String(value)) ?? String(value);
    case 'country':
      return countryOptions(lang).find((option) => option.value === value)?.label ?? String(value);
    case 'publications':
      return Array.isArray(value)
        ? value
            .map((row: { channel?: string; from?: string; to?: string }) =>
              t('employer.review.publication', {
                channel: row.channel ?? '',
                from: formatDate(lang, row.from),
                to: formatDate(lang, row.to),
              }),
            )
            .join('; ')
        : String(value);
    default:
      return String(value);
  }
}

/**
 * Every answer per step and the documents, as the employer gave them: on the review step (with a
 * link to change each) and, once submitted, on the dossier's page (read only).
 */
export function AnswersSummary({
  dossier,
  withChangeLinks = false,
  headingLevel = 2,
}: {
  dossier: DossierOverview;
  withChangeLinks?: boolean;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const migrationListNames = useMigrationListNames(String(dossier.application.applicationDate ?? ''));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const change = (stepId: string, what: string) =>
    withChangeLinks ? (
      <Link href={stepPath(dossier.id, stepId)}>
        {t('employer.review.change')}
        <span className="visually-hidden"> {what}</span>
      </Link>
    ) : undefined;
  return (
    <>
      {questionSteps(dossier.steps).map((step) => (
        <section key={step.id} aria-labelledby={`answers-${step.id}`}>
          <Heading id={`answers-${step.id}`}>{stepName(t, step.id)}</Heading>
          <SummaryList
            // A question that depends on another answer is listed only when that answer asks it.
            rows={askedQuestions(step.questions, undefined, dossier).map((question) => ({
              key: question.path,
              label: questionLabel(t, question.path),
              value: showAnswer(t, question, readAnswer(dossier, question.path), migrationListNames),
              action: change(step.id, questionLabel(t, question.path)),
            }))}
          />
        </section>
      ))}
      <section aria-labelledby="answers-documents">
        <Heading id="answers-documents">{stepName(t, 'documents')}</Heading>
        <SummaryList
          rows={dossier.requiredDocumentTypes.map((type) => {
            const files = dossier.documents.filter((document) => document.documentType === type);
            return {
              key: type,
              label: documentTypeName(t, type),
              value:
                files.length > 0
                  ? files.map((file) => file.fileName).join(', ')
                  : t('employer.documents.missing'),
              action: change('documents', documentTypeName(t, type)),
            };
          })}
        />
      </section>
    </>
  );
}

/** The names of the migration list's functions (in force and earlier), to show an answer by name. */
function useMigrationListNames(applicationDate: string): ReadonlyMap<string, string> {
  const load = useMigrationList(applicationDate);
  return useMemo(
    () =>
      new Map(
        load.status === 'ready'
          ? [...load.list.entries, ...load.list.earlierEntries].map((entry) => [entry.id, entry.label])
          : [],
      ),
    [load],
  );
}

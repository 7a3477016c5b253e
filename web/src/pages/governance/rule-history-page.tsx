import { type FormEvent, useState } from 'react';
import { renderLegalBasis } from '../../../../src/rules/messages/legal-basis.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { currentLang, type Lang, type Translate, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { navigate, useSearch } from '../../routing.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { changeWords, FunctionCodes } from '../talent/function-codes.tsx';
import { diffChoice, formatDay } from './governance-format.ts';
import type {
  ClassifiedEntry,
  ListDiff,
  ListVersionSummary,
  ParameterHistory,
  VersionApproval,
} from './governance-types.ts';
import { describeValue } from './parameter-values.ts';

const DIFF_BASE = '/api/v1/rule-data/lists/migration-list/diff';

/**
 * `/rule-history` (public): every parameter and the migration list with their versions, dates and
 * sources, and what changed between two versions of the list, to read or download as CSV or JSON.
 */
export function RuleHistoryPage() {
  const t = useT();
  const title = t('governance.history.title');
  usePageTitle(title);
  const lists = useApiLoad<{ versions: ListVersionSummary[] }>('/api/v1/rule-data/lists/migration-list');
  const parameters = useApiLoad<{ parameters: ParameterHistory[] }>('/api/v1/rule-data/parameters', {
    perLanguage: true,
  });
  const failed = lists.load.status === 'failed' || parameters.load.status === 'failed';
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('governance.history.intro')}</p>
      <p>
        <a href={pagePath('talentShortageHistory')}>{t('talent.shortageHistory.title')}</a>
      </p>
      {failed ? <p role="alert">{t('governance.loadFailed')}</p> : null}
      {lists.load.status === 'ready' ? <ListHistory versions={lists.load.data.versions} /> : <Loading />}
      {parameters.load.status === 'ready' ? (
        <Parameters parameters={parameters.load.data.parameters} />
      ) : null}
    </>
  );
}

// The legal acts as published, in Dutch (marked so); the sources cite official texts, written in the reader's language.
function ListHistory({ versions }: { versions: ListVersionSummary[] }) {
  const t = useT();
  const lang = currentLang();
  const caption = t('governance.history.listCaption');
  return (
    <section aria-labelledby="list-history-title" className="gov-section">
      <h2 id="list-history-title">{t('governance.history.listTitle')}</h2>
      <TableScroll label={caption}>
        <table className="table gov-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('governance.history.version')}</th>
              <th scope="col">{t('governance.history.validFrom')}</th>
              <th scope="col" className="numeric">
                {t('governance.history.functions')}
              </th>
              <th scope="col">{t('governance.history.legalAct')}</th>
              <th scope="col">{t('governance.history.source')}</th>
              <th scope="col">{t('governance.history.approval')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td className="gov-nowrap">{formatDay(v.validFrom, lang)}</td>
                <td className="numeric">{v.functions}</td>
                <td lang="nl">{v.legalAct}</td>
                <td>
                  {renderLegalBasis(v.source, lang)}{' '}
                  <Tag tone={v.verified ? 'success' : 'neutral'}>
                    {v.verified ? t('governance.history.verified') : t('governance.history.unverified')}
                  </Tag>
                </td>
                <td>{approvalText(t, v.approval, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <DiffSection versions={versions.map((v) => v.version)} />
    </section>
  );
}

function DiffSection({ versions }: { versions: string[] }) {
  const t = useT();
  const lang = currentLang();
  const choice = diffChoice(useSearch(), versions);
  const [from, setFrom] = useState(choice?.from ?? '');
  const [to, setTo] = useState(choice?.to ?? '');
  const query = choice ? `from=${choice.from}&to=${choice.to}` : null;
  const { load } = useApiLoad<ListDiff>(query ? `${DIFF_BASE}?${query}&lang=${lang}` : null);
  if (!choice || !query) return null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(`${pagePath('ruleHistory')}?from=${from}&to=${to}`, { keepPosition: true });
  }

  const options = versions.map((v) => ({ value: v, label: v }));
  return (
    <section aria-labelledby="diff-title" className="gov-section">
      <h3 id="diff-title">{t('governance.history.diffTitle')}</h3>
      <form className="gov-diff-form" onSubmit={onSubmit}>
        <SelectField
          id="diff-from"
          label={t('governance.history.diffFrom')}
          options={options}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <SelectField
          id="diff-to"
          label={t('governance.history.diffTo')}
          options={options}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('governance.history.diffShow')}
        </button>
      </form>
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p role="alert">{t('governance.loadFailed')}</p> : null}
      {load.status === 'ready' ? <DiffView diff={load.data} lang={lang} query={query} /> : null}
    </section>
  );
}

function DiffView({ diff, lang, query }: { diff: ListDiff; lang: Lang; query: string }) {
  const t = useT();
  return (
    <div className="gov-diff" data-testid="list-diff">
      <p role="status">
        {t('governance.history.diffSummary', {
          from: diff.from.version,
          to: diff.to.version,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        })}
      </p>
      <EntryList title={t('governance.history.added')} entries={diff.added} lang={lang} t={t} />
      <EntryList title={t('governance.history.removedTitle')} entries={diff.removed} lang={lang} t={t} />
      <h4>{t('governance.history.changed')}</h4>
      {diff.changed.length === 0 ? <p>{t('governance.history.noneChanged')}</p> : null}
      <ul className="gov-plain-list">
        {diff.changed.map(({ before, after, what }) => (
          <li key={after.id}>
            {after.labels[lang]}
            <FunctionCodes c={after.classification} />{' '}
            <span className="gov-muted">
              ({changeWords(what, t)})
              {before.labels[lang] !== after.labels[lang]
                ? ` ${t('governance.history.changedFrom', { before: before.labels[lang] })}`
                : null}
              {before.group !== after.group ? (
                <>
                  {' '}
                  <code lang="zxx">
                    {before.group} → {after.group}
                  </code>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <p>{t('functionCodes.attribution')}</p>
      <ul className="gov-downloads">
        <li>
          <a href={`${DIFF_BASE}?${query}&format=csv&lang=${lang}`} download>
            {t('governance.history.downloadCsv')}
          </a>
        </li>
        <li>
          <a href={`${DIFF_BASE}?${query}&format=json`} type="application/json">
            {t('governance.history.downloadJson')}
          </a>
        </li>
      </ul>
    </div>
  );
}

function EntryList({
  title,
  entries,
  lang,
  t,
}: {
  title: string;
  entries: ClassifiedEntry[];
  lang: Lang;
  t: Translate;
}) {
  return (
    <>
      <h4>{title}</h4>
      {entries.length === 0 ? <p>{t('governance.history.noneChanged')}</p> : null}
      <ul className="gov-plain-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            {entry.labels[lang]}
            <FunctionCodes c={entry.classification} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Parameters({ parameters }: { parameters: ParameterHistory[] }) {
  const t = useT();
  const lang = currentLang();
  return (
    <section aria-labelledby="parameters-title" className="gov-section">
      <h2 id="parameters-title">{t('governance.history.parametersTitle')}</h2>
      <p>{t('governance.history.parametersIntro')}</p>
      {parameters.map((parameter) => {
        const caption = t('governance.history.parameterCaption', { name: parameter.label });
        return (
          <details key={parameter.name} className="gov-parameter">
            <summary>{parameter.label}</summary>
            <TableScroll label={caption}>
              <table className="table gov-table">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('governance.history.validFrom')}</th>
                    <th scope="col">{t('governance.history.validUntil')}</th>
                    <th scope="col">{t('governance.history.value')}</th>
                    <th scope="col">{t('governance.history.status')}</th>
                    <th scope="col">{t('governance.history.source')}</th>
                    <th scope="col">{t('governance.history.approval')}</th>
                  </tr>
                </thead>
                <tbody>
                  {parameter.versions.map((version) => {
                    const value = describeValue(version.value, parameter.unit, t, lang);
                    return (
                      <tr key={version.validFrom}>
                        <th scope="row" className="gov-nowrap">
                          {formatDay(version.validFrom, lang)}
                        </th>
                        <td className="gov-nowrap">
                          {version.validUntil
                            ? formatDay(version.validUntil, lang)
                            : t('governance.history.open')}
                        </td>
                        <td>{value.kind === 'code' ? <code lang="zxx">{value.text}</code> : value.text}</td>
                        <td>{t(`governance.history.paramStatus.${version.status}`)}</td>
                        <td lang="en">{version.source}</td>
                        <td>{approvalText(t, version.approval, lang)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </details>
        );
      })}
    </section>
  );
}

/** Four eyes: the approver's role and the date; the name only for administrators (the server decides). */
function approvalText(t: Translate, approval: VersionApproval | null | undefined, lang: Lang): string {
  if (!approval) return '—';
  if (approval.by === 'INITIAL_DATA') return t('governance.history.approvalInitial');
  if (!approval.approvedOn) return t('governance.history.approvalSecondUndated');
  const date = formatDay(approval.approvedOn, lang);
  return approval.approverName
    ? t('governance.history.approvalSecondNamed', { name: approval.approverName, date })
    : t('governance.history.approvalSecond', { date });
}

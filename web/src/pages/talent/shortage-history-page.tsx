import { renderLegalBasis } from '../../../../src/rules/messages/legal-basis.ts';
import type {
  ChangedFunction,
  FunctionName,
  ShortageHistory,
} from '../../../../src/talent/shortage/shortage-history.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { useApiLoad } from '../../use-api-load.ts';
import { formatDay } from '../governance/governance-format.ts';
import { Loading } from '../role-home-page.tsx';
import { changeWords, EscoOccupation, IscoGroup } from './function-codes.tsx';

const API = '/api/v1/talent/shortage-history';

/**
 * `/talent/shortage-history` (public): the shortage lists since 2014 (seed 000, question 3), the
 * migration list's versions with their legal act and dates (the rule data in force, governed), and
 * the evolution per two years, to read or download as CSV.
 */
export function ShortageHistoryPage() {
  const t = useT();
  const lang = currentLang();
  const title = t('talent.shortageHistory.title');
  usePageTitle(title);
  const { load } = useApiLoad<ShortageHistory>(`${API}?lang=${lang}`);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('talent.shortageHistory.intro')}</p>
      {load.status === 'failed' ? <p role="alert">{t('talent.loadFailed')}</p> : null}
      {load.status === 'ready' ? <History history={load.data} /> : null}
      {load.status === 'loading' ? <Loading /> : null}
    </>
  );
}

function History({ history }: { history: ShortageHistory }) {
  const t = useT();
  const lang = currentLang();
  const none = t('talent.shortageHistory.none');
  const names = (list: FunctionName[]) =>
    list.length === 0 ? (
      none
    ) : (
      <ul className="gov-plain-list">
        {list.map((f) => (
          <li key={f.id}>
            {f.label}{' '}
            {f.isco ? (
              <span className="gov-muted gov-nowrap">{t('functionCodes.isco', { code: f.isco })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <section className="gov-section">
        <h2 id="evolution-title">{t('talent.shortageHistory.evolutionTitle')}</h2>
        <TableScroll label={t('talent.shortageHistory.evolutionTitle')}>
          <table className="table gov-table" data-testid="shortage-evolution">
            <thead>
              <tr>
                <th scope="col">{t('talent.shortageHistory.onDate')}</th>
                <th scope="col">{t('talent.shortageHistory.version')}</th>
                <th scope="col" className="numeric">
                  {t('talent.shortageHistory.functions')}
                </th>
                <th scope="col">{t('talent.shortageHistory.added')}</th>
                <th scope="col">{t('talent.shortageHistory.removed')}</th>
                <th scope="col" className="numeric">
                  {t('talent.shortageHistory.changed')}
                </th>
                <th scope="col" className="numeric">
                  {t('talent.shortageHistory.vdab')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.checkpoints.map((c) => (
                <tr key={c.date}>
                  <th scope="row" className="gov-nowrap">
                    {formatDay(c.date, lang)}
                  </th>
                  <td>{c.version ?? t('talent.shortageHistory.noList')}</td>
                  <td className="numeric">{c.functions ?? none}</td>
                  <td>{c.version ? names(c.added) : none}</td>
                  <td>{names(c.removed)}</td>
                  <td className="numeric">{c.version ? c.changed.length : none}</td>
                  <td className="numeric">{c.vdabFunctions ?? t('talent.shortageHistory.unknown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Changes history={history} />
        <p>{t('talent.shortageHistory.firstList')}</p>
        <p>
          {t('talent.shortageHistory.vdabSource')} {history.vdabSource}
        </p>
        <ul className="gov-downloads">
          <li>
            <a href={`${API}?format=csv&lang=${lang}`} download>
              {t('talent.shortageHistory.downloadCsv')}
            </a>
          </li>
        </ul>
      </section>
      <AllFunctions functions={history.functions} />
      <section className="gov-section">
        <h2 id="versions-title">{t('talent.shortageHistory.versionsTitle')}</h2>
        <TableScroll label={t('talent.shortageHistory.versionsTitle')}>
          <table className="table gov-table">
            <thead>
              <tr>
                <th scope="col">{t('talent.shortageHistory.version')}</th>
                <th scope="col">{t('talent.shortageHistory.period')}</th>
                <th scope="col" className="numeric">
                  {t('talent.shortageHistory.functions')}
                </th>
                <th scope="col">{t('talent.shortageHistory.legalAct')}</th>
              </tr>
            </thead>
            <tbody>
              {history.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td className="gov-nowrap">
                    {v.validUntil
                      ? t('talent.shortageHistory.fromUntil', {
                          from: formatDay(v.validFrom, lang),
                          until: formatDay(v.validUntil, lang),
                        })
                      : t('talent.shortageHistory.since', { from: formatDay(v.validFrom, lang) })}
                  </td>
                  <td className="numeric">{v.functions}</td>
                  <td>
                    <span lang="nl">{v.legalAct}</span> ({renderLegalBasis(v.source, lang)}){' '}
                    <Tag tone={v.verified ? 'success' : 'neutral'}>
                      {v.verified
                        ? t('talent.shortageHistory.verified')
                        : t('talent.shortageHistory.unverified')}
                    </Tag>
                    {v.verified ? null : <> {t('talent.shortageHistory.unverifiedAct')}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p>{t('talent.shortageHistory.citedAsPublished')}</p>
        <p>
          <a href={pagePath('ruleHistory')}>{t('talent.shortageHistory.ruleHistoryLink')}</a>
        </p>
      </section>
    </>
  );
}

/** Every function ever on the list, each with its ISCO-08 group, ESCO occupation and versions. */
function AllFunctions({ functions }: { functions: ShortageHistory['functions'] }) {
  const t = useT();
  const title = t('talent.shortageHistory.functionsTitle');
  return (
    <section className="gov-section">
      <h2 id="functions-title">{title}</h2>
      <TableScroll label={title}>
        <table className="table gov-table" data-testid="shortage-functions">
          <thead>
            <tr>
              <th scope="col">{t('talent.shortageHistory.function')}</th>
              <th scope="col">{t('talent.shortageHistory.iscoGroup')}</th>
              <th scope="col">{t('talent.shortageHistory.escoOccupation')}</th>
              <th scope="col">{t('talent.shortageHistory.onVersions')}</th>
            </tr>
          </thead>
          <tbody>
            {functions.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.label}</th>
                <td>
                  <IscoGroup c={f} />
                </td>
                <td>
                  <EscoOccupation c={f} />
                </td>
                <td>{f.versions.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>{t('functionCodes.attribution')}</p>
    </section>
  );
}

/**
 * What "changed" means at each step: the functions kept from the previous checkpoint's version
 * whose name, group, classification or checking changed, grouped by what changed, before → after.
 */
function Changes({ history }: { history: ShortageHistory }) {
  const t = useT();
  const lang = currentLang();
  const steps = history.checkpoints.filter((c) => c.changed.length > 0);
  if (steps.length === 0) return null;
  return (
    <>
      {steps.map((c) => {
        const groups = new Map<string, ChangedFunction[]>();
        for (const f of c.changed) {
          const key = changeWords(f.what, t);
          groups.set(key, [...(groups.get(key) ?? []), f]);
        }
        return (
          <div key={c.date} data-testid={`shortage-changes-${c.year}`}>
            <h3>
              {t('talent.shortageHistory.changesTitle', {
                date: formatDay(c.date, lang),
                version: c.version ?? '',
              })}
            </h3>
            {[...groups].map(([words, list]) => (
              <div key={words}>
                <p>{t('talent.shortageHistory.changesGroup', { count: list.length, what: words })}</p>
                <ul className="gov-plain-list">
                  {list.map((f) => (
                    <li key={f.id}>
                      {f.before.label === f.after.label
                        ? f.after.label
                        : `${f.before.label} → ${f.after.label}`}
                      {f.before.group !== f.after.group ? (
                        <>
                          {' '}
                          <code lang="zxx">
                            {f.before.group} → {f.after.group}
                          </code>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        );
      })}
    </>
  );
}

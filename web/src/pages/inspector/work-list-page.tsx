import { type FormEvent, useEffect, useState } from 'react';
import { PROVINCES } from '../../../../src/rules/contract.ts';
import { ApiError } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { TextField } from '../../components/text-field.tsx';
import { formatKbo } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link, navigate, useSearch } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import type { WorkList } from './inspector-types.ts';
import { readNaceEntry } from './nace-entry.ts';
import { ScoreParts } from './score-parts.tsx';

const PAGE_SIZE = 50;

/**
 * `/inspector`: the inspector's work list, the employers of the latest monitoring run ranked by
 * risk score with the score's parts, filtered by province and sector (NACE-BEL division); a run
 * can be asked for now. The desk's reports are one link away.
 */
export function WorkListPage() {
  const t = useT();
  const lang = currentLang();
  const { api } = useSession();
  const search = new URLSearchParams(useSearch());
  const province = PROVINCES.find((p) => p === search.get('province')) ?? '';
  // As typed, spaces aside (the server trims too); an address with a wrong sector shows the error, not every employer.
  const naceAsked = readNaceEntry(search.get('nace'));
  const nace = naceAsked.kind === 'division' ? naceAsked.division : '';
  const [naceInput, setNaceInput] = useState((search.get('nace') ?? '').trim());
  const [naceError, setNaceError] = useState(
    naceAsked.kind === 'invalid' ? t('inspector.workList.naceInvalid') : '',
  );
  const [list, setList] = useState<WorkList | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [isAsking, setAsking] = useState(false);
  const [reload, setReload] = useState(0);
  usePageTitle(t('inspector.workList.title'));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for the list again after a run is asked
  useEffect(() => {
    let current = true;
    // A list of another choice must not stand while this one loads: it would look like the answer.
    setList(undefined);
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (province) query.set('province', province);
    if (nace) query.set('nace', nace);
    api.call<WorkList>('GET', `/api/v1/enforcement/work-list?${query}`).then(
      (answer) => current && setList(answer),
      () => current && setList(null),
    );
    return () => {
      current = false;
    };
  }, [api, province, nace, reload]);

  const go = (next: { province?: string; nace?: string }) => {
    const query = new URLSearchParams();
    const p = next.province ?? province;
    const n = next.nace ?? nace;
    if (p) query.set('province', p);
    if (n) query.set('nace', n);
    navigate(`${pagePath('inspectorHome')}${query.size ? `?${query}` : ''}`, { keepPosition: true });
  };

  function filterSector(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const entry = readNaceEntry(naceInput);
    if (entry.kind === 'invalid') return setNaceError(t('inspector.workList.naceInvalid'));
    const value = entry.kind === 'division' ? entry.division : '';
    setNaceError('');
    setNaceInput(value);
    go({ nace: value });
  }

  async function runNow() {
    setAsking(true);
    setNotice('');
    try {
      const answer = await api.call<{ id: string; isNew: boolean }>(
        'POST',
        '/api/v1/enforcement/monitoring-runs',
      );
      setNotice(answer.isNew ? t('inspector.workList.runAsked') : t('inspector.workList.runAlreadyOpen'));
      setReload((n) => n + 1);
    } catch (error) {
      setNotice(error instanceof ApiError ? error.message : t('inspector.workList.failed'));
    } finally {
      setAsking(false);
    }
  }

  return (
    <>
      <PageHeading>{t('inspector.workList.title')}</PageHeading>
      <p className="lead">{t('inspector.workList.intro')}</p>
      <nav aria-label={t('inspector.workList.otherWork')}>
        <p>
          <Link href={pagePath('inspectorReports')}>{t('staff.triage.link')}</Link>
          <br />
          <Link href={pagePath('inspectionStatistics')}>{t('inspector.statistics.link')}</Link>
        </p>
      </nav>
      <section aria-labelledby="run-title" className="panel">
        <h2 id="run-title">{t('inspector.workList.runTitle')}</h2>
        {list?.run ? (
          <p>
            {t('inspector.workList.runOf', {
              date: formatDate(lang, list.run.readOn),
              trigger: t(
                `inspector.workList.triggers.${list.run.trigger === 'SCHEDULE' ? 'SCHEDULE' : 'ON_DEMAND'}`,
              ),
            })}
          </p>
        ) : null}
        {list && !list.run ? <p>{t('inspector.workList.noRun')}</p> : null}
        {list?.openRun ? <p>{t('inspector.workList.runOpen')}</p> : null}
        <button
          type="button"
          className="button button--secondary"
          disabled={isAsking}
          onClick={() => void runNow()}
        >
          {t('inspector.workList.runNow')}
        </button>
        {notice ? (
          <p role="status" className="emp-notice">
            {notice}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="filters-title">
        <h2 id="filters-title">{t('inspector.workList.filtersTitle')}</h2>
        <div className="inspector-filters">
          <SelectField
            id="work-list-province"
            label={t('inspector.workList.province')}
            placeholder={t('inspector.workList.allProvinces')}
            options={PROVINCES.map((p) => ({ value: p, label: t(`analyst.places.${p}`) }))}
            value={province}
            onChange={(event) => go({ province: event.target.value })}
          />
          <form noValidate onSubmit={filterSector} className="inspector-filters__sector">
            <TextField
              id="work-list-nace"
              label={t('inspector.workList.nace')}
              hint={t('inspector.workList.naceHint')}
              inputMode="numeric"
              value={naceInput}
              onChange={(event) => setNaceInput(event.target.value)}
              error={naceError || undefined}
            />
            <button type="submit" className="button button--secondary">
              {t('inspector.workList.filter')}
            </button>
          </form>
        </div>
      </section>
      {naceError ? (
        <p data-testid="work-list-withheld">{t('inspector.workList.naceFirst')}</p>
      ) : (
        <WorkListTable list={list} />
      )}
    </>
  );
}

/** The ranked employers of the choice made, or why there are none. */
function WorkListTable({ list }: { list: WorkList | null | undefined }) {
  const t = useT();
  return (
    <>
      {list === undefined ? <Loading /> : null}
      {list === null ? <p role="alert">{t('inspector.workList.failed')}</p> : null}
      {list && list.employers.length === 0 ? <p>{t('inspector.workList.empty')}</p> : null}
      {list && list.employers.length > 0 ? (
        <>
          <p>{t('inspector.workList.count', { shown: list.employers.length, total: list.total })}</p>
          <TableScroll label={t('inspector.workList.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('inspector.workList.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inspector.workList.employer')}</th>
                  <th scope="col">{t('inspector.workList.where')}</th>
                  <th scope="col">{t('inspector.workList.score')}</th>
                </tr>
              </thead>
              <tbody>
                {list.employers.map((employer) => (
                  <tr key={employer.enterpriseNumber}>
                    <td>
                      <Link
                        href={pagePath('inspectorEmployer', { enterpriseNumber: employer.enterpriseNumber })}
                      >
                        {employer.name ?? formatKbo(employer.enterpriseNumber)}
                      </Link>
                      <br />
                      <span className="desk-kbo">{formatKbo(employer.enterpriseNumber)}</span>
                    </td>
                    <td>
                      {employer.province ? t(`analyst.places.${employer.province as 'ANTWERPEN'}`) : ''}
                      {employer.naceCode ? (
                        <>
                          <br />
                          {t('inspector.workList.naceCode', { code: employer.naceCode })}
                        </>
                      ) : null}
                    </td>
                    <td>
                      <ScoreParts score={employer.score} parts={employer.parts} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </>
  );
}

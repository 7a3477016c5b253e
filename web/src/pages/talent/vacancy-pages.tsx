import { type FormEvent, useState } from 'react';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link, navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import type { OccupationMatch } from '../employer/function-catalogues.ts';
import { Loading } from '../role-home-page.tsx';
import { EscoPicker } from './esco-picker.tsx';
import { languagesText, MatchCard, RouteText } from './match-list.tsx';
import { type FormField, formErrors, parseLanguages } from './talent-form.ts';
import type { MatchViewBase, ShortageStatus, ShownCandidate, VacancyView } from './talent-types.ts';

/** `/employer/vacancies`: the employer's shortage vacancies and the form to record one. */
/** Where a vacancy comes from: recorded in Loket, or published at VDAB or EURES (imported, with the register's id). */
function sourceText(
  t: ReturnType<typeof useT>,
  vacancy: Pick<VacancyView, 'source' | 'sourceReference'>,
): string {
  return t(`talent.vacancies.source.${vacancy.source}` as MessageKey, {
    reference: vacancy.sourceReference ?? '',
  });
}

export function EmployerVacanciesPage() {
  const t = useT();
  const { api } = useSession();
  usePageTitle(t('talent.vacancies.title'));
  const { load } = useApiLoad<{ vacancies: VacancyView[] }>('/api/v1/talent/vacancies', {
    perLanguage: true,
  });
  const [occupation, setOccupation] = useState<OccupationMatch | null>(null);
  const [values, setValues] = useState({
    title: '',
    postalCode: '',
    requiredVks: '4',
    languages: 'nl B1',
    startDate: '',
    onVdabShortageList: 'unknown',
  });
  const [errors, setErrors] = useState<{ byPath: Record<string, string>; summary: SummaryItem[] }>({
    byPath: {},
    summary: [],
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const label = (name: string) => t(`talent.field.${name}` as MessageKey);
  const fields = Object.fromEntries(
    [
      'occupationId',
      'title',
      'postalCode',
      'requiredVks',
      'languages',
      'startDate',
      'onVdabShortageList',
    ].map((name): [string, FormField] => [
      name,
      {
        id: `vacancy-${name}`,
        label: label(name),
        ...(name === 'postalCode' || name === 'languages'
          ? { hint: t(`talent.errors.hint.${name}` as MessageKey) }
          : {}),
        ...(name === 'occupationId' ? { explain: t('talent.errors.occupationNotChosen') } : {}),
      },
    ]),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const answer = await api.call<{ vacancy: VacancyView }>('POST', '/api/v1/talent/vacancies', {
        occupationId: occupation?.id ?? '',
        ...(values.title.trim() ? { title: values.title.trim() } : {}),
        postalCode: values.postalCode.trim(),
        requiredVks: Number(values.requiredVks),
        languages: parseLanguages(values.languages),
        startDate: values.startDate,
        onVdabShortageList:
          values.onVdabShortageList === 'unknown' ? null : values.onVdabShortageList === 'yes',
      });
      navigate(pagePath('employerVacancy', { vacancyId: answer.vacancy.id }));
    } catch (error) {
      setErrors(formErrors(error, fields));
    }
  }

  return (
    <>
      <PageHeading>{t('talent.vacancies.title')}</PageHeading>
      <p className="lead">{t('talent.vacancies.lead')}</p>
      <h2>{t('talent.vacancies.listTitle')}</h2>
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'ready' && load.data.vacancies.length === 0 ? (
        <p>{t('talent.vacancies.none')}</p>
      ) : null}
      {load.status === 'ready' ? (
        <ul className="task-list">
          {load.data.vacancies.map((vacancy) => (
            <li key={vacancy.id} className="task-list__item">
              <Link href={pagePath('employerVacancy', { vacancyId: vacancy.id })}>{vacancy.title}</Link> ·{' '}
              {vacancy.postalCode} · {t('talent.vacancies.startsOn', { date: vacancy.startDate })} ·{' '}
              {sourceText(t, vacancy)}
              {vacancy.status === 'WITHDRAWN' ? ` · ${t('talent.vacancies.withdrawn')}` : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="card">
        <h2>{t('talent.vacancies.formTitle')}</h2>
        <ErrorSummary items={errors.summary} />
        <EscoPicker
          id="vacancy-occupationId"
          label={label('occupationId')}
          error={errors.byPath.occupationId}
          onChoose={setOccupation}
        />
        <TextField
          id="vacancy-title"
          label={label('title')}
          value={values.title}
          onChange={set('title')}
          error={errors.byPath.title}
        />
        <TextField
          id="vacancy-postalCode"
          label={label('postalCode')}
          value={values.postalCode}
          onChange={set('postalCode')}
          error={errors.byPath.postalCode}
          inputMode="numeric"
        />
        <SelectField
          id="vacancy-requiredVks"
          label={label('requiredVks')}
          options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
            value: String(level),
            label: t('employer.options.vksLevel', { level }),
          }))}
          value={values.requiredVks}
          onChange={set('requiredVks')}
          error={errors.byPath.requiredVks}
        />
        <TextField
          id="vacancy-languages"
          label={label('languages')}
          value={values.languages}
          onChange={set('languages')}
          error={errors.byPath.languages}
        />
        <p className="hint">{t('talent.field.languagesHint')}</p>
        <TextField
          id="vacancy-startDate"
          type="date"
          label={label('startDate')}
          value={values.startDate}
          onChange={set('startDate')}
          error={errors.byPath.startDate}
        />
        <SelectField
          id="vacancy-onVdabShortageList"
          label={label('onVdabShortageList')}
          options={[
            { value: 'unknown', label: t('talent.vacancies.unknown') },
            { value: 'yes', label: t('talent.consent.yes') },
            { value: 'no', label: t('talent.consent.no') },
          ]}
          value={values.onVdabShortageList}
          onChange={set('onVdabShortageList')}
          error={errors.byPath.onVdabShortageList}
        />
        <button type="submit" className="button">
          {t('talent.vacancies.submit')}
        </button>
      </form>
    </>
  );
}

/** `/employer/vacancies/:vacancyId`: shortage lists, permit route, and the ranked candidates with reasons. */
export function EmployerVacancyPage({ vacancyId }: { vacancyId: string }) {
  const t = useT();
  const detail = useApiLoad<{ vacancy: VacancyView; shortage: ShortageStatus }>(
    `/api/v1/talent/vacancies/${vacancyId}`,
    { perLanguage: true },
  );
  const ranking = useApiLoad<{ matches: (MatchViewBase & { candidate: ShownCandidate })[] }>(
    `/api/v1/talent/vacancies/${vacancyId}/matches`,
    { perLanguage: true },
  );
  usePageTitle(detail.load.status === 'ready' ? detail.load.data.vacancy.title : t('talent.vacancies.title'));
  if (detail.load.status === 'failed')
    return <p role="alert">{detail.load.error?.message ?? t('talent.loadFailed')}</p>;
  if (detail.load.status !== 'ready') return <Loading />;
  const { vacancy, shortage } = detail.load.data;
  const lang = currentLang();
  return (
    <>
      <PageHeading>{vacancy.title}</PageHeading>
      <p>
        <Link href={pagePath('employerVacancies')}>{t('talent.vacancies.back')}</Link>
      </p>
      <p className="lead">
        {vacancy.occupationLabel} · ISCO {vacancy.iscoCode} · {vacancy.postalCode} ·{' '}
        {t('employer.options.vksLevel', { level: vacancy.requiredVks })} · {languagesText(vacancy.languages)}{' '}
        · {t('talent.vacancies.startsOn', { date: vacancy.startDate })}
      </p>
      <p>
        {sourceText(t, vacancy)}
        {vacancy.status === 'WITHDRAWN' ? ` · ${t('talent.vacancies.withdrawn')}` : null}
      </p>
      <section aria-labelledby="shortage-title" className="card">
        <h2 id="shortage-title">{t('talent.shortage.title')}</h2>
        <p>
          {shortage.migrationList.length > 0
            ? t('talent.shortage.onMigrationList', {
                function: shortage.migrationList.map((entry) => entry.labels[lang]).join(', '),
                version: shortage.migrationList[0]?.version,
              })
            : t('talent.shortage.notOnMigrationList')}
        </p>
        <p>
          {t(
            `talent.shortage.vdab.${shortage.onVdabShortageList === null ? 'unknown' : shortage.onVdabShortageList ? 'yes' : 'no'}` as MessageKey,
          )}
        </p>
        {shortage.regulatedProfession ? <p>{t('talent.shortage.regulated')}</p> : null}
        {shortage.route ? <RouteText route={shortage.route} /> : <p>{t('talent.route.none')}</p>}
      </section>
      <h2>{t('talent.vacancies.matchesTitle')}</h2>
      <p>{t('talent.vacancies.matchesIntro')}</p>
      {ranking.load.status === 'loading' ? <Loading /> : null}
      {ranking.load.status === 'ready' && ranking.load.data.matches.length === 0 ? (
        <p>{t('talent.vacancies.noMatches')}</p>
      ) : null}
      {ranking.load.status === 'ready' ? (
        <ol className="match-list">
          {ranking.load.data.matches.map((match) => (
            <MatchCard
              key={match.candidate.id}
              match={match}
              title={t('talent.vacancies.candidateTitle', {
                reference: match.candidate.reference,
                partner: match.candidate.partnerName,
              })}
            >
              <p>
                {match.candidate.occupations.map((o) => o.label).join(', ')} ·{' '}
                {t('employer.options.vksLevel', { level: match.candidate.educationVks })} ·{' '}
                {languagesText(match.candidate.languages)}
              </p>
            </MatchCard>
          ))}
        </ol>
      ) : null}
    </>
  );
}

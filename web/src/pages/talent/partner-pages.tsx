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
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import { EscoPicker } from './esco-picker.tsx';
import { languagesText, MatchCard } from './match-list.tsx';
import { type FormField, formErrors, parseLanguages } from './talent-form.ts';
import type { CandidateView, MatchViewBase, VacancyView } from './talent-types.ts';

const POOLS = ['REFUGEE', 'ASYLUM_SEEKER', 'LOCAL_JOBSEEKER', 'PILOT_PARTICIPANT', 'CARE_RECOGNITION'];
const CIRCLES = ['BELGIUM', 'EU', 'THIRD_COUNTRY'];
const WORK_ACCESS = ['FREE', 'ASYLUM_WORK_ALLOWED', 'NOT_YET', 'PERMIT_NEEDED'];
const RECOGNITION = ['NOT_APPLICABLE', 'PENDING', 'RECOGNISED', 'REFUSED'];
/** The fields whose rule needs an example to act on (talent.errors.hint). */
const HINTED = ['reference', 'postalCode', 'nationality', 'languages'];
const isoToday = () => new Date().toISOString().slice(0, 10);
const plusMonths = (iso: string, months: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/** `/partner`: the organisation's candidates, and the form to record one with consent. */
export function PartnerHomePage() {
  const t = useT();
  usePageTitle(t('talent.partner.title'));
  const { load, reload } = useApiLoad<{ partner: { name: string }; candidates: CandidateView[] }>(
    '/api/v1/talent/candidates',
    { perLanguage: true },
  );
  return (
    <>
      <PageHeading>{t('talent.partner.title')}</PageHeading>
      {load.status === 'ready' ? (
        <p className="lead">{t('talent.partner.lead', { name: load.data.partner.name })}</p>
      ) : null}
      <p>{t('talent.partner.privacy')}</p>
      <p>
        <Link href={pagePath('talentPilots')}>{t('talent.pilots.link')}</Link>
      </p>
      <CandidateForm onSaved={reload} />
      <h2>{t('talent.partner.listTitle')}</h2>
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p role="alert">{load.error?.message ?? t('talent.loadFailed')}</p> : null}
      {load.status === 'ready' && load.data.candidates.length === 0 ? (
        <p>{t('talent.partner.none')}</p>
      ) : null}
      {load.status === 'ready' ? (
        <ul className="task-list">
          {load.data.candidates.map((candidate) => (
            <li key={candidate.id} className="task-list__item">
              <Link href={pagePath('partnerCandidate', { candidateId: candidate.id })}>
                {candidate.reference}
              </Link>{' '}
              {candidate.occupations.map((o) => o.label).join(', ')} ·{' '}
              {t(`talent.pool.${candidate.pool}` as MessageKey)} ·{' '}
              {candidate.consentShowEmployers ? t('talent.consent.shown') : t('talent.consent.notShown')}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function CandidateForm({ onSaved }: { onSaved(): void }) {
  const t = useT();
  const { api } = useSession();
  const today = isoToday();
  const [occupation, setOccupation] = useState<OccupationMatch | null>(null);
  const [values, setValues] = useState({
    reference: '',
    pool: 'REFUGEE',
    educationVks: '4',
    languages: 'nl B1',
    circle: 'BELGIUM',
    postalCode: '',
    nationality: '',
    workAccess: 'FREE',
    availableFrom: today,
    recognition: 'NOT_APPLICABLE',
    showToEmployers: 'yes',
    retentionUntil: plusMonths(today, 12),
  });
  const [errors, setErrors] = useState<{ byPath: Record<string, string>; summary: SummaryItem[] }>({
    byPath: {},
    summary: [],
  });
  const [saved, setSaved] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const label = (name: string) => t(`talent.field.${name}` as MessageKey);
  const fields = Object.fromEntries(
    [
      'reference',
      'pool',
      'occupationIds',
      'educationVks',
      'languages',
      'circle',
      'postalCode',
      'nationality',
      'workAccess',
      'availableFrom',
      'recognition',
      'showToEmployers',
      'retentionUntil',
      'givenOn',
    ].map((name): [string, FormField] => [
      name,
      {
        id: `candidate-${name}`,
        label: label(name === 'givenOn' ? 'consentGivenOn' : name),
        ...(HINTED.includes(name) ? { hint: t(`talent.errors.hint.${name}` as MessageKey) } : {}),
        ...(name === 'occupationIds' ? { explain: t('talent.errors.occupationNotChosen') } : {}),
      },
    ]),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    try {
      const answer = await api.call<{ candidate: CandidateView }>('POST', '/api/v1/talent/candidates', {
        reference: values.reference.trim(),
        pool: values.pool,
        occupationIds: occupation ? [occupation.id] : [],
        educationVks: Number(values.educationVks),
        languages: parseLanguages(values.languages),
        circle: values.circle,
        postalCode: values.postalCode.trim() || null,
        nationality: values.nationality.trim().toUpperCase(),
        workAccess: values.workAccess,
        availableFrom: values.availableFrom,
        recognition: values.recognition,
        consent: {
          purpose: 'SHORTAGE_MATCHING',
          givenOn: today,
          showToEmployers: values.showToEmployers === 'yes',
          retentionUntil: values.retentionUntil,
        },
      });
      setErrors({ byPath: {}, summary: [] });
      setSaved(answer.candidate.reference);
      onSaved();
    } catch (error) {
      setErrors(formErrors(error, fields));
    }
  }

  const options = (prefix: string, codes: string[]) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="card">
      <h2>{t('talent.partner.formTitle')}</h2>
      <ErrorSummary items={errors.summary} />
      {saved ? <p role="status">{t('talent.partner.saved', { reference: saved })}</p> : null}
      <TextField
        id="candidate-reference"
        label={label('reference')}
        value={values.reference}
        onChange={set('reference')}
        error={errors.byPath.reference}
        autoComplete="off"
      />
      <SelectField
        id="candidate-pool"
        label={label('pool')}
        options={options('talent.pool', POOLS)}
        value={values.pool}
        onChange={set('pool')}
        error={errors.byPath.pool}
      />
      <EscoPicker
        id="candidate-occupationIds"
        label={label('occupationIds')}
        error={errors.byPath.occupationIds}
        onChoose={setOccupation}
      />
      <SelectField
        id="candidate-educationVks"
        label={label('educationVks')}
        options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
          value: String(level),
          label: t('employer.options.vksLevel', { level }),
        }))}
        value={values.educationVks}
        onChange={set('educationVks')}
        error={errors.byPath.educationVks}
      />
      <TextField
        id="candidate-languages"
        label={label('languages')}
        value={values.languages}
        onChange={set('languages')}
        error={errors.byPath.languages}
      />
      <p className="hint">{t('talent.field.languagesHint')}</p>
      <SelectField
        id="candidate-circle"
        label={label('circle')}
        options={options('talent.circle', CIRCLES)}
        value={values.circle}
        onChange={set('circle')}
        error={errors.byPath.circle}
      />
      <TextField
        id="candidate-postalCode"
        label={label('postalCode')}
        value={values.postalCode}
        onChange={set('postalCode')}
        error={errors.byPath.postalCode}
        inputMode="numeric"
      />
      <TextField
        id="candidate-nationality"
        label={label('nationality')}
        value={values.nationality}
        onChange={set('nationality')}
        error={errors.byPath.nationality}
        maxLength={2}
      />
      <SelectField
        id="candidate-workAccess"
        label={label('workAccess')}
        options={options('talent.workAccess', WORK_ACCESS)}
        value={values.workAccess}
        onChange={set('workAccess')}
        error={errors.byPath.workAccess}
      />
      <TextField
        id="candidate-availableFrom"
        type="date"
        label={label('availableFrom')}
        value={values.availableFrom}
        onChange={set('availableFrom')}
        error={errors.byPath.availableFrom}
      />
      <SelectField
        id="candidate-recognition"
        label={label('recognition')}
        options={options('talent.recognition', RECOGNITION)}
        value={values.recognition}
        onChange={set('recognition')}
        error={errors.byPath.recognition}
      />
      <h3>{t('talent.consent.title')}</h3>
      <p>{t('talent.consent.purpose')}</p>
      <SelectField
        id="candidate-showToEmployers"
        label={label('showToEmployers')}
        options={[
          { value: 'yes', label: t('talent.consent.yes') },
          { value: 'no', label: t('talent.consent.no') },
        ]}
        value={values.showToEmployers}
        onChange={set('showToEmployers')}
        error={errors.byPath.showToEmployers}
      />
      <TextField
        id="candidate-retentionUntil"
        type="date"
        label={label('retentionUntil')}
        value={values.retentionUntil}
        onChange={set('retentionUntil')}
        error={errors.byPath.retentionUntil}
      />
      <button type="submit" className="button">
        {t('talent.partner.submit')}
      </button>
    </form>
  );
}

/** `/partner/candidates/:candidateId`: the record, its consent, erasure, and the vacancies that fit. */
export function PartnerCandidatePage({ candidateId }: { candidateId: string }) {
  const t = useT();
  const { api } = useSession();
  const { load, reload } = useApiLoad<{
    candidate: CandidateView;
    matches: (MatchViewBase & { vacancy: VacancyView })[];
  }>(`/api/v1/talent/candidates/${candidateId}/matches`, { perLanguage: true });
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle(
    load.status === 'ready'
      ? t('talent.candidate.title', { reference: load.data.candidate.reference })
      : t('talent.partner.title'),
  );
  if (load.status === 'loading' || load.status === 'idle') return <Loading />;
  if (load.status === 'failed') return <p role="alert">{load.error?.message ?? t('talent.loadFailed')}</p>;
  const { candidate, matches } = load.data;

  async function act(run: () => Promise<unknown>, after: () => void) {
    try {
      await run();
      setFailure(null);
      after();
    } catch (error) {
      setFailure((error as Error).message);
    }
  }
  return (
    <>
      <PageHeading>{t('talent.candidate.title', { reference: candidate.reference })}</PageHeading>
      <p>
        <Link href={pagePath('partnerHome')}>{t('talent.candidate.back')}</Link> ·{' '}
        <Link href={pagePath('partnerRecognition', { candidateId })}>{t('talent.care.recognitionLink')}</Link>
      </p>
      {failure ? <p role="alert">{failure}</p> : null}
      <dl className="summary-list">
        <div>
          <dt>{t('talent.field.occupationIds')}</dt>
          <dd>{candidate.occupations.map((o) => o.label).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('talent.field.pool')}</dt>
          <dd>{t(`talent.pool.${candidate.pool}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('talent.field.educationVks')}</dt>
          <dd>{t('employer.options.vksLevel', { level: candidate.educationVks })}</dd>
        </div>
        <div>
          <dt>{t('talent.field.languages')}</dt>
          <dd>{languagesText(candidate.languages)}</dd>
        </div>
        <div>
          <dt>{t('talent.field.circle')}</dt>
          <dd>{t(`talent.circle.${candidate.circle}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('talent.field.workAccess')}</dt>
          <dd>{t(`talent.workAccess.${candidate.workAccess}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('talent.field.consentGivenOn')}</dt>
          <dd>{formatDate(currentLang(), candidate.consentGivenOn)}</dd>
        </div>
        <div>
          <dt>{t('talent.field.retentionUntil')}</dt>
          <dd>{formatDate(currentLang(), candidate.retentionUntil)}</dd>
        </div>
        <div>
          <dt>{t('talent.field.showToEmployers')}</dt>
          <dd>{candidate.consentShowEmployers ? t('talent.consent.shown') : t('talent.consent.notShown')}</dd>
        </div>
      </dl>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void act(
              () =>
                api.call('PUT', `/api/v1/talent/candidates/${candidate.id}/consent`, {
                  showToEmployers: !candidate.consentShowEmployers,
                }),
              reload,
            )
          }
        >
          {candidate.consentShowEmployers ? t('talent.consent.withdraw') : t('talent.consent.give')}
        </button>{' '}
        <button
          type="button"
          className="button button--warning"
          onClick={() => {
            if (window.confirm(t('talent.candidate.eraseConfirm')))
              void act(
                () => api.call('DELETE', `/api/v1/talent/candidates/${candidate.id}`),
                () => navigate(pagePath('partnerHome')),
              );
          }}
        >
          {t('talent.candidate.erase')}
        </button>
      </p>
      <h2>{t('talent.candidate.matchesTitle')}</h2>
      {matches.length === 0 ? <p>{t('talent.candidate.noMatches')}</p> : null}
      <ol className="match-list">
        {matches.map((match) => (
          <MatchCard
            key={match.vacancy.id}
            match={match}
            title={`${match.vacancy.title} (${match.vacancy.postalCode})`}
          />
        ))}
      </ol>
    </>
  );
}

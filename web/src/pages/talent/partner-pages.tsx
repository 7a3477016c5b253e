import { useState } from 'react';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link, navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import { CandidateForm, type PartnerSettings } from './candidate-form.tsx';
import { languagesText, MatchCard } from './match-list.tsx';
import type { CandidateView, MatchViewBase, VacancyView } from './talent-types.ts';

/** `/partner`: the organisation's candidates, and the form to record one with consent. */
export function PartnerHomePage() {
  const t = useT();
  usePageTitle(t('talent.partner.title'));
  const { load, reload } = useApiLoad<{ partner: PartnerSettings; candidates: CandidateView[] }>(
    '/api/v1/talent/candidates',
    // Kept while a save reloads the list, so the form (keyed below) keeps its confirmation.
    { perLanguage: true, keepWhileLoading: true },
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
      {/* Mounted again once the organisation is known: its retention bounds the proposed date. */}
      <CandidateForm
        key={load.status === 'ready' ? 'partner' : 'loading'}
        partner={load.status === 'ready' ? load.data.partner : null}
        onSaved={reload}
      />
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

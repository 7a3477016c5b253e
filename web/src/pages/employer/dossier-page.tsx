import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Link, useSearch } from '../../routing.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { Loading } from '../role-home-page.tsx';
import { DecisionSection, type DecisionView } from './decision-section.tsx';
import { UploadedDocuments } from './documents-step.tsx';
import {
  AppealForm,
  FeeSection,
  InformationRequests,
  RenewalButton,
  WithdrawSection,
} from './dossier-actions.tsx';
import { type DossierOverview, isFeeDue, nationalityNeedingNoAuthorisation } from './dossier-model.ts';
import { stepPath } from './employer-area.tsx';
import { InadmissibilityNotice } from './inadmissibility-notice.tsx';
import { actionName, categoryName, formatDate, statusName, statusTone } from './labels.ts';
import {
  DeleteDraftSection,
  NextSteps,
  PendingAppeal,
  SubmittedAnswers,
  SubmittedConfirmation,
} from './next-steps.tsx';
import { useDossier } from './use-dossier.ts';
import { WithdrawalHearing } from './withdrawal-hearing.tsx';
import { WorkAuthorisationNotice } from './work-authorisation-notice.tsx';
import { WorkerAccess } from './worker-access.tsx';

/** `/employer/dossiers/:id`: where a dossier stands and what the employer can do now. */
export function DossierPage({ dossierId }: { dossierId: string }) {
  const { load, reload, replace } = useDossier(dossierId);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <NotFoundPage />;
  return <DossierView dossier={load.dossier} onChanged={replace} onReload={reload} />;
}

interface ViewProps {
  dossier: DossierOverview;
  onChanged(dossier: DossierOverview): void;
  onReload(): Promise<void>;
}

function DossierView({ dossier, onChanged, onReload }: ViewProps) {
  const t = useT();
  const lang = currentLang();
  const title = dossier.number
    ? t('employer.dossier.title', { number: dossier.number })
    : t('employer.dossier.draftTitle');
  usePageTitle(title);
  const can = (action: string) => dossier.allowedActions.includes(action as never);
  const firstStep = dossier.steps[0]?.id ?? 'employer';
  const draftNationality = dossier.status === 'DRAFT' ? nationalityNeedingNoAuthorisation(dossier) : null;
  const isJustSubmitted = new URLSearchParams(useSearch()).get('submitted') === '1';
  return (
    <>
      <p>
        <Link className="emp-back-link" href="/employer">
          {t('employer.steps.backHome')}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {isJustSubmitted && dossier.status !== 'DRAFT' ? <SubmittedConfirmation dossier={dossier} /> : null}
      <SummaryList
        rows={[
          {
            key: 'status',
            label: t('employer.home.status'),
            value: <Tag tone={statusTone(dossier.status)}>{statusName(t, dossier.status)}</Tag>,
          },
          {
            key: 'number',
            label: t('employer.home.number'),
            value: dossier.number ?? t('employer.home.draftNumber'),
          },
          { key: 'category', label: t('employer.home.category'), value: categoryName(t, dossier.category) },
          {
            key: 'worker',
            label: t('employer.home.worker'),
            value: dossier.workerName ?? t('employer.home.noWorkerYet'),
          },
          ...(dossier.submittedAt
            ? [
                {
                  key: 'submitted',
                  label: t('employer.dossier.submittedOn'),
                  value: formatDate(lang, dossier.submittedAt),
                },
              ]
            : []),
        ]}
      />
      {draftNationality ? (
        // A draft that can never be filed: it says why, and the way out is to delete it.
        <>
          <WorkAuthorisationNotice nationality={draftNationality} inApplication />
          <p>
            <a href="#delete-draft-title">{t('employer.deleteDraft.title')}</a>
          </p>
        </>
      ) : dossier.status === 'DRAFT' ? (
        <p>
          <Link className="button" href={stepPath(dossier.id, firstStep)}>
            {t('employer.dossier.continue')}
          </Link>
        </p>
      ) : null}
      {dossier.status === 'INADMISSIBLE' ? (
        <InadmissibilityNotice inadmissibility={dossier.inadmissibility} forEmployer />
      ) : null}
      <NextSteps dossier={dossier} />
      <PendingAppeal dossier={dossier} />
      <LegalClockSection dossier={dossier} />
      {isFeeDue(dossier) ? <FeeSection dossier={dossier} /> : null}
      {dossier.fee.paidOn ? (
        <p>{t('employer.fee.paidOn', { date: formatDate(lang, dossier.fee.paidOn) })}</p>
      ) : null}
      <InformationRequests dossier={dossier} onChanged={onChanged} onReload={onReload} />
      {dossier.withdrawal && dossier.withdrawal.outcome !== 'REVOKED' ? (
        <WithdrawalHearing dossier={dossier} onReload={onReload} />
      ) : null}
      <DecisionSection
        decision={dossier.decision as DecisionView | null}
        refusal={dossier.refusal ?? null}
        revocation={dossier.revocation ?? null}
        letters={dossier.letters}
        letterHref={(letterId) => `/api/v1/dossiers/${dossier.id}/letters/${letterId}`}
      />
      {can('APPEAL') ? <AppealForm dossier={dossier} onChanged={onChanged} /> : null}
      {dossier.status === 'DECIDED_GRANTED' ? <RenewalButton dossier={dossier} /> : null}
      {dossier.status !== 'DRAFT' ? (
        <UploadedDocuments dossier={dossier} onRemoved={onReload} canRemove={false} />
      ) : null}
      {dossier.status !== 'DRAFT' ? <SubmittedAnswers dossier={dossier} /> : null}
      <HistoryTable dossier={dossier} />
      {dossier.status !== 'DRAFT' ? (
        <WorkerAccess dossierId={dossier.id} termsConfirmedAt={dossier.workerTermsConfirmedAt} />
      ) : null}
      {can('WITHDRAW') && dossier.status !== 'DRAFT' ? (
        <WithdrawSection dossier={dossier} onChanged={onChanged} />
      ) : null}
      {dossier.status === 'DRAFT' ? <DeleteDraftSection dossier={dossier} /> : null}
    </>
  );
}

function LegalClockSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const clock = dossier.clock;
  // On the fast lane an unpaid fee holds the clock: say when it will start (policy note 002 §2.2, §2.5).
  if (clock?.awaitingFee && dossier.status === 'SUBMITTED')
    return (
      <section aria-labelledby="clock-title">
        <h2 id="clock-title">{t('employer.clock.title')}</h2>
        <p data-testid="clock-start">{t('employer.clock.awaitingFee', { days: clock.deadlineDays ?? 0 })}</p>
      </section>
    );
  // A due date is news only while the clock runs: not after a decision (daysLeft is null then).
  if (!clock?.dueDate || clock.daysLeft === null) return null;
  return (
    <section aria-labelledby="clock-title">
      <h2 id="clock-title">{t('employer.clock.title')}</h2>
      <p>{t('employer.clock.dueDate', { date: formatDate(currentLang(), clock.dueDate) })}</p>
      {clock.startedOn && clock.startedBy ? (
        <p data-testid="clock-start">
          {t(`employer.clock.startedBy.${clock.startedBy}`, {
            date: formatDate(currentLang(), clock.startedOn),
            days: clock.deadlineDays ?? 0,
          })}
        </p>
      ) : null}
      {clock.isPaused ? (
        <p>
          <Tag tone="action">{t('employer.clock.paused')}</Tag>
        </p>
      ) : null}
      {clock.isOverdue ? (
        <p>
          <Tag tone="failure">{t('employer.home.overdue')}</Tag>
        </p>
      ) : null}
    </section>
  );
}

function HistoryTable({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const lang = currentLang();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('employer.history.title')}</h2>
      <TableScroll label={t('employer.history.caption')}>
        <table className="table emp-table">
          <caption className="emp-caption">{t('employer.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employer.history.date')}</th>
              <th scope="col">{t('employer.history.action')}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.history.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only, its order is its identity
              <tr key={index}>
                <td>
                  {entry.count > 1 && entry.firstOn !== entry.on
                    ? `${formatDate(lang, entry.firstOn)} – ${formatDate(lang, entry.on)}`
                    : formatDate(lang, entry.on)}
                </td>
                <th scope="row">
                  {entry.count > 1
                    ? t('employer.history.draftSaves', { count: entry.count })
                    : actionName(t, entry.action)}
                </th>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

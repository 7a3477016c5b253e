import { useState } from 'react';
import { ApiError, type SessionUser } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { ActionPanel, type Perform } from './components/action-panel.tsx';
import { DocumentViewer, type ViewedDocument } from './components/document-viewer.tsx';
import {
  ApplicationSection,
  AssessmentSection,
  DecisionSection,
  DocumentsSection,
  HistorySection,
  InadmissibilitySection,
  InformationRequestsSection,
  LettersSection,
} from './components/dossier-sections.tsx';
import { FeeSection } from './components/fee-section.tsx';
import { type FormErrors, NO_ERRORS, toFormErrors } from './components/form-errors.ts';
import { NotesSection } from './components/notes-section.tsx';
import { RegisterSection } from './components/register-section.tsx';
import { ScreeningSection } from './components/screening-section.tsx';
import { StaffLoadFailed, StatusMessage } from './components/staff-status.tsx';
import { WithdrawalSection } from './components/withdrawal-section.tsx';
import { formatEnterpriseNumber } from './register-format.ts';
import { formatDate, labelOf } from './staff-format.ts';
import type { DossierOverview, DossierStatus } from './staff-types.ts';
import { useRegisterPolling } from './use-register-polling.ts';
import { useStaffLoad } from './use-staff-load.ts';

const OPEN_STATUSES: readonly DossierStatus[] = [
  'SUBMITTED',
  'ADMISSIBLE',
  'IN_REVIEW',
  'INFORMATION_REQUESTED',
];

/**
 * `/case-handler/dossiers/:id` (and `/supervisor/dossiers/:id`): the whole dossier on one page,
 * the action panel beside it. Every change carries the version the page read; when someone else
 * changed the dossier meanwhile the server answers 409 and the page offers to reload.
 */
export function DossierPage({ id, user, queuePath }: { id: string; user: SessionUser; queuePath: string }) {
  const t = useT();
  const { api } = useSession();
  const path = `/api/v1/dossiers/${id}`;
  const { load, reload, replace } = useStaffLoad<DossierOverview>(path);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [hasConflict, setConflict] = useState(false);
  const [message, setMessage] = useState('');
  const [viewing, setViewing] = useState<ViewedDocument | null>(null);
  const dossier = load.status === 'ready' ? load.data : null;
  const title = dossier
    ? t('staff.overview.title', { number: dossier.number ?? dossier.id })
    : t('shell.loading');
  usePageTitle(title, errors.summary.length > 0);
  useRegisterPolling(dossier, path, replace);

  if (load.status === 'failed') return <StaffLoadFailed error={load.error} />;
  if (!dossier) return <Loading />;

  const perform: Perform = async (request) => {
    setErrors(NO_ERRORS);
    setConflict(false);
    setMessage('');
    try {
      const answer = await api.call<DossierOverview>(
        'POST',
        request.path ?? `/api/v1/dossiers/${id}/actions`,
        {
          ...request.body,
          version: dossier.version,
        },
      );
      if (request.returnsOverview === false) reload();
      else replace(answer);
      setMessage(request.done);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'LOKET_VERSION_CONFLICT') setConflict(true);
      else setErrors(toFormErrors(error, request.fields, t('staff.common.network')));
      return false;
    }
  };

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {hasConflict ? (
        <div className="staff-conflict" role="alert">
          <p>{t('staff.panel.conflict')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConflict(false);
              reload();
            }}
          >
            {t('staff.panel.reload')}
          </button>
        </div>
      ) : null}
      <p>
        <Link href={queuePath}>{t('staff.common.backToQueue')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <StatusMessage message={message} />
      <DossierSummary
        dossier={dossier}
        user={user}
        onAssign={() =>
          perform({
            path: `/api/v1/dossiers/${id}/assignment`,
            body: { assigneeId: user.id },
            fields: {},
            returnsOverview: false,
            done: t('staff.overview.assigned'),
          })
        }
      />
      <div className="staff-overview">
        <div className="staff-overview__main">
          <DecisionSection dossier={dossier} />
          <WithdrawalSection dossier={dossier} />
          {/* A document opened is read beside the application (stacked on a narrow screen). */}
          <div className={viewing ? 'staff-beside' : undefined}>
            <ApplicationSection dossier={dossier} />
            {viewing ? (
              <DocumentViewer dossierId={dossier.id} document={viewing} onClose={() => setViewing(null)} />
            ) : null}
          </div>
          <RegisterSection check={dossier.registerCheck} />
          <DocumentsSection dossier={dossier} onView={setViewing} />
          <AssessmentSection dossier={dossier} />
          <InadmissibilitySection dossier={dossier} />
          <ScreeningSection dossier={dossier} canAct={user.role === 'CASE_HANDLER'} onChanged={reload} />
          <FeeSection dossier={dossier} perform={perform} errors={errors.byField} />
          <InformationRequestsSection dossier={dossier} />
          <NotesSection dossier={dossier} onAdded={reload} />
          <HistorySection dossier={dossier} />
          <LettersSection dossier={dossier} />
        </div>
        <div className="staff-overview__side">
          <ActionPanel
            key={dossier.version}
            dossier={dossier}
            perform={perform}
            errors={errors.byField}
            isSupervisor={user.role === 'SUPERVISOR'}
          />
        </div>
      </div>
    </>
  );
}

function DossierSummary({
  dossier,
  user,
  onAssign,
}: {
  dossier: DossierOverview;
  user: SessionUser;
  onAssign: () => void;
}) {
  const t = useT();
  const canTake = OPEN_STATUSES.includes(dossier.status) && dossier.assignee?.id !== user.id;
  return (
    <section aria-labelledby="summary-title" className="staff-summary">
      <h2 id="summary-title" className="visually-hidden">
        {t('staff.overview.summaryTitle')}
      </h2>
      <dl className="staff-dl staff-dl--columns">
        <div className="staff-dl__row">
          <dt>{t('staff.overview.number')}</dt>
          <dd>{dossier.number ?? t('staff.common.none')}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.status')}</dt>
          <dd>
            <strong className="staff-status">{labelOf(t, 'statuses', dossier.status)}</strong>
          </dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.category')}</dt>
          <dd>{labelOf(t, 'categories', dossier.category)}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.kind')}</dt>
          <dd>{labelOf(t, 'kinds', dossier.kind)}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.worker')}</dt>
          <dd>{dossier.workerName ?? t('staff.common.none')}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.enterprise')}</dt>
          <dd>{formatEnterpriseNumber(dossier.enterpriseNumber)}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assignee')}</dt>
          <dd>{dossier.assignee?.displayName ?? t('staff.overview.unassigned')}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.workerTerms')}</dt>
          <dd>
            {dossier.workerTermsConfirmedAt
              ? t('staff.overview.workerTermsConfirmed', {
                  date: formatDate(dossier.workerTermsConfirmedAt.slice(0, 10)),
                })
              : t('staff.overview.workerTermsNotConfirmed')}
          </dd>
        </div>
      </dl>
      {canTake ? (
        <button type="button" className="button button--secondary" onClick={onAssign}>
          {t('staff.overview.assignToMe')}
        </button>
      ) : null}
      <ClockPanel dossier={dossier} />
    </section>
  );
}

function ClockPanel({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const clock = dossier.clock;
  const isDecided = !OPEN_STATUSES.includes(dossier.status);
  return (
    <div className="staff-clock">
      <h3 id="clock-title">{t('staff.overview.clock.title')}</h3>
      {!clock?.startedOn ? (
        <p data-testid="clock-not-started">
          {clock?.awaitingFee ? t('staff.overview.clock.awaitingFee') : t('staff.overview.clock.notStarted')}
        </p>
      ) : (
        <dl className="staff-dl staff-dl--columns">
          <div className="staff-dl__row">
            <dt>{t('staff.overview.clock.state')}</dt>
            <dd data-testid="clock-state">
              {isDecided
                ? t('staff.overview.clock.decided')
                : clock.isPaused
                  ? t('staff.overview.clock.stopped')
                  : t('staff.overview.clock.running')}
              {/* A space, so the state and its flag read as two words ("loopt termijn overschreden"). */}{' '}
              {clock.isOverdue ? (
                <span className="staff-flag staff-flag--overdue">{t('staff.flags.overdue')}</span>
              ) : null}
              {clock.isAtRisk ? (
                <span className="staff-flag staff-flag--atRisk">{t('staff.flags.atRisk')}</span>
              ) : null}
            </dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.clock.startedOn')}</dt>
            <dd data-testid="clock-start">
              {formatDate(clock.startedOn)}
              {clock.startedBy ? ` (${t(`staff.overview.clock.startedBy.${clock.startedBy}`)})` : null}
            </dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.clock.term')}</dt>
            <dd>
              {clock.startedBy === 'APPEAL'
                ? t('staff.overview.clock.appealTerm')
                : t('staff.overview.clock.maximum', { days: clock.deadlineDays ?? 0 })}
            </dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.clock.dueDate')}</dt>
            <dd>{formatDate(clock.dueDate)}</dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.clock.daysLeft')}</dt>
            <dd>{clock.daysLeft ?? t('staff.common.none')}</dd>
          </div>
          <div className="staff-dl__row">
            <dt>{t('staff.overview.clock.pausedDays')}</dt>
            <dd>{clock.pausedDays}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}

import { type ReactNode, useState } from 'react';
import { checkAnswer, START_DATE_PATH } from '../../../../src/dossiers/intake/answer-checks.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { answerErrorInSummary, describeFieldError } from '../../field-names.ts';
import { useT } from '../../i18n.ts';
import { Link, navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { AnswersSummary } from './answers-summary.tsx';
import { AssessmentView } from './assessment-view.tsx';
import {
  brusselsToday,
  type DossierOverview,
  fieldId,
  missingRequiredDocuments,
  noAuthorisationReason,
  stepOfPath,
} from './dossier-model.ts';
import { dossierPath, stepPath } from './employer-area.tsx';
import { documentTypeName, questionLabel, stepName } from './labels.ts';

/** "Check your answers": every answer per step, the documents, the assessment preview, then submit. */
export function ReviewStep({ dossier, onReload }: { dossier: DossierOverview; onReload(): Promise<void> }) {
  const t = useT();
  const { api } = useSession();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [stepErrors, setStepErrors] = useState<{ href: string; label: string; message: string }[]>([]);
  const [isSubmitting, setSubmitting] = useState(false);
  const title = t('employer.review.title');
  usePageTitle(title, summary.length > 0);

  async function onSubmit() {
    if (isSubmitting) return;
    setSubmitting(true);
    try {
      // Retrying the submission of this version is answered with the submitted dossier, never twice.
      await api.call<DossierOverview>(
        'POST',
        `/api/v1/dossiers/${dossier.id}/submit`,
        { version: dossier.version },
        { 'idempotency-key': `submit:${dossier.id}:${dossier.version}` },
      );
      // The dossier's page, as the confirmation: number, what happens next, what to pay.
      navigate(`${dossierPath(dossier.id)}?submitted=1`);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setSummary([{ message: t('employer.errors.network') }]);
      } else if (error.status === 409) {
        setSummary([{ message: t('employer.conflict.text') }]);
        await onReload();
      } else {
        // Each missing or invalid answer links to the step where it is given.
        const listed = error.fields.map((field) => {
          const step = stepOfPath(dossier.steps, field.path);
          // A missing document's message names it already; other paths are answers of a step.
          const label = step
            ? answerErrorInSummary(questionLabel(t, field.path.replace(/\[\d+\].*$/, '')), [field])
            : describeFieldError(field);
          return {
            href: step
              ? `${stepPath(dossier.id, step.id)}#${fieldId(field.path)}`
              : stepPath(dossier.id, 'documents'),
            label,
            message: step ? t('employer.review.inStep', { step: stepName(t, step.id) }) : '',
          };
        });
        setStepErrors(listed);
        setSummary([{ message: error.message }, ...listed.map((item) => ({ message: item.label }))]);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const missingDocuments = missingRequiredDocuments(dossier);
  const needsNoAuthorisation = noAuthorisationReason(dossier.assessment) !== undefined;
  const isBlocked = missingDocuments.length > 0 || needsNoAuthorisation;
  const isNotCompetent = dossier.assessment?.reasons.some((reason) => reason.code === 'NOT_COMPETENT_REGION');
  const workerStep = stepOfPath(dossier.steps, 'application.worker.nationality');
  const jobStep = stepOfPath(dossier.steps, 'application.job.workplacePostalCode');
  const application = dossier.application as { applicationDate?: unknown; job?: { startDate?: unknown } };
  const filedOn =
    typeof application.applicationDate === 'string' ? application.applicationDate : brusselsToday();
  const startsInPast = checkAnswer(START_DATE_PATH, application.job?.startDate, filedOn) !== null;

  return (
    <>
      <ErrorSummary items={summary} />
      <PageHeading>{title}</PageHeading>
      {isBlocked ? (
        // Blocked before submission, never declared inadmissible after it: the law requires these.
        <WarningNotice
          id="review-blocked"
          titleId="review-blocked-title"
          title={t('employer.reviewBlock.title')}
        >
          {needsNoAuthorisation ? (
            <p>
              {t('employer.reviewBlock.noAuthorisation')}{' '}
              {workerStep ? (
                <Link
                  href={`${stepPath(dossier.id, workerStep.id)}#${fieldId('application.worker.nationality')}`}
                >
                  {t('employer.reviewBlock.changeNationality')}
                </Link>
              ) : null}
            </p>
          ) : null}
          {missingDocuments.length > 0 ? (
            <p>
              {t('employer.reviewBlock.missingDocuments', {
                items: missingDocuments.map((type) => documentTypeName(t, type)).join(', '),
              })}{' '}
              <Link href={stepPath(dossier.id, 'documents')}>{t('employer.reviewBlock.addDocuments')}</Link>
            </p>
          ) : null}
        </WarningNotice>
      ) : null}
      {!isBlocked && isNotCompetent ? (
        <WarningNotice titleId="review-warning-title" title={t('employer.reviewBlock.warningTitle')}>
          <p>
            {t('employer.reviewBlock.notCompetent')}{' '}
            {jobStep ? (
              <Link
                href={`${stepPath(dossier.id, jobStep.id)}#${fieldId('application.job.workplacePostalCode')}`}
              >
                {t('employer.reviewBlock.changeWorkplace')}
              </Link>
            ) : null}
          </p>
        </WarningNotice>
      ) : null}
      {!isBlocked && !isNotCompetent && dossier.assessment?.outcome === 'INELIGIBLE' ? (
        // The employer may still apply (the service decides), but not without knowing what it costs.
        <WarningNotice
          id="review-ineligible"
          titleId="review-ineligible-title"
          title={t('employer.reviewBlock.ineligibleTitle')}
        >
          <p>{t('employer.reviewBlock.ineligible')}</p>
        </WarningNotice>
      ) : null}
      {startsInPast && jobStep ? (
        // The same check the job step makes as the start date is left (answer-checks.ts).
        <WarningNotice titleId="review-start-title" title={t('employer.answerChecks.warningTitle')}>
          <p>
            {t('employer.answerChecks.startDate.past')}{' '}
            <Link href={`${stepPath(dossier.id, jobStep.id)}#${fieldId(START_DATE_PATH)}`}>
              {t('employer.answerChecks.changeStartDate')}
            </Link>
          </p>
        </WarningNotice>
      ) : null}
      {stepErrors.length > 0 ? (
        <WarningNotice titleId="fix-title" title={t('employer.review.fixTitle')}>
          <ul className="list--bullet">
            {stepErrors.map((item) => (
              <li key={item.href + item.label}>
                <Link href={item.href}>{item.label}</Link> {item.message}
              </li>
            ))}
          </ul>
        </WarningNotice>
      ) : null}
      <AnswersSummary dossier={dossier} withChangeLinks />
      {dossier.assessment ? (
        <>
          <AssessmentView assessment={dossier.assessment} />
          <p className="emp-hint">{t('employer.review.previewNote')}</p>
        </>
      ) : (
        <p>{t('employer.review.noPreview')}</p>
      )}
      <h2>{t('employer.review.submitTitle')}</h2>
      {isBlocked ? (
        <p>
          <a href="#review-blocked">{t('employer.reviewBlock.title')}</a>
        </p>
      ) : (
        <>
          <p>{t('employer.review.declaration')}</p>
          <button type="button" className="button" disabled={isSubmitting} onClick={() => void onSubmit()}>
            {isSubmitting ? t('employer.review.submitting') : t('employer.review.submit')}
          </button>
        </>
      )}
    </>
  );
}

/** A warning on the review step: its title names the region for screen readers. */
function WarningNotice(props: { id?: string; titleId: string; title: string; children: ReactNode }) {
  return (
    <section id={props.id} className="emp-notice emp-notice--warning" aria-labelledby={props.titleId}>
      <h2 id={props.titleId} className="emp-notice__title">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

import { renderLegalBasis } from '../../../../src/rules/messages/legal-basis.ts';
import { Tag } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { type Assessment, noAuthorisationReason } from './dossier-model.ts';
import { formatEuro, outcomeName, outcomeTone, reasonMessage } from './labels.ts';

/**
 * An assessment as the employer reads it: the outcome in words, every reason with its message and
 * legal basis (the server writes both in the reader's language) and the procedure that follows.
 */
export function AssessmentView({
  assessment,
  headingLevel = 2,
}: {
  assessment: Assessment;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const lang = currentLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="emp-assessment" aria-labelledby="assessment-title">
      <Heading id="assessment-title">{t('employer.assessment.title')}</Heading>
      <p className="emp-assessment__outcome">
        {t('employer.assessment.outcome')}{' '}
        <Tag tone={outcomeTone(assessment.outcome)}>{outcomeName(t, assessment.outcome)}</Tag>
      </p>
      <p>{t(`employer.assessment.explain.${assessment.outcome}`)}</p>
      {assessment.reasons.length > 0 ? (
        <>
          <SubHeading>{t('employer.assessment.reasons')}</SubHeading>
          <ul className="emp-reasons">
            {assessment.reasons.map((reason, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a code may come back for several fields
              <li key={`${reason.code}-${index}`} className="emp-reasons__item">
                <p className="emp-reasons__message">{reasonMessage(t, reason)}</p>
                <p className="emp-reasons__basis">
                  {t('employer.assessment.legalBasis')} {renderLegalBasis(reason.legalBasis, lang)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {assessment.warnings.length > 0 ? (
        <>
          <SubHeading>{t('employer.assessment.warnings')}</SubHeading>
          <ul className="list--bullet">
            {assessment.warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: several values may be provisional
              <li key={`${warning.code}-${index}`}>{warning.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <SubHeading>{t('employer.assessment.procedure')}</SubHeading>
      {noAuthorisationReason(assessment) ? (
        // No procedure, deadline or fee to show for a worker who needs no authorisation at all.
        <p>{t('employer.noAuthorisationProcedure')}</p>
      ) : (
        <ProcedureList assessment={assessment} />
      )}
    </section>
  );
}

function ProcedureList({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const lang = currentLang();
  return (
    <dl className="emp-summary-list">
      <div className="emp-summary-list__row">
        <dt className="emp-summary-list__key">{t('employer.assessment.procedureType')}</dt>
        <dd className="emp-summary-list__value">
          {t(`employer.procedureTypes.${assessment.procedure.type}`)}
        </dd>
      </div>
      <div className="emp-summary-list__row">
        <dt className="emp-summary-list__key">{t('employer.assessment.deadline')}</dt>
        <dd className="emp-summary-list__value">
          {t(deadlineKey(assessment), { days: assessment.procedure.regionalDeadlineDays })}
        </dd>
      </div>
      <div className="emp-summary-list__row">
        <dt className="emp-summary-list__key">{t('employer.assessment.fee')}</dt>
        <dd className="emp-summary-list__value">
          {assessment.fee.amountDue > 0
            ? formatEuro(lang, assessment.fee.amountDue)
            : t('employer.assessment.noFee')}
        </dd>
      </div>
      {assessment.procedure.maxValidityMonths ? (
        <div className="emp-summary-list__row">
          <dt className="emp-summary-list__key">{t('employer.assessment.validity')}</dt>
          <dd className="emp-summary-list__value">
            {t('employer.assessment.validityMonths', { months: assessment.procedure.maxValidityMonths })}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * When the decision clock starts, as the case handler's page says it (legal-clock.ts `clockStartOf`):
 * on the fast lane from the application (policy note 002 §2.2), or from the later payment of a fee
 * that is due (§2.5); otherwise from admissibility.
 */
function deadlineKey(assessment: Assessment) {
  if (assessment.procedure.track !== 'FAST_LANE') return 'employer.assessment.deadlineDays' as const;
  return assessment.fee.amountDue > 0
    ? ('employer.assessment.deadlineDaysFromPayment' as const)
    : ('employer.assessment.deadlineDaysFromApplication' as const);
}

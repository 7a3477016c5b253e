import type { ReactNode } from 'react';
import type { MigrationListOptions } from '../../../../../src/occupations/migration-list-options.ts';
import { renderLegalBasis } from '../../../../../src/rules/messages/legal-basis.ts';
import { withoutParameterCaveat } from '../../../../../src/rules/messages/parameter-caveat.ts';
import { TableScroll } from '../../../components/table-scroll.tsx';
import { Tag } from '../../../components/tag.tsx';
import { formatInsz, formatNumber, formatPercent } from '../../../format.ts';
import { currentLang, type Translate, useT } from '../../../i18n.ts';
import { staffWarnings } from '../assessment-warnings.ts';
import { formatDate, formatEuro, isAnswered, labelOf, readAnswer } from '../staff-format.ts';
import type { DossierOverview, Question } from '../staff-types.ts';
import { useStaffLoad } from '../use-staff-load.ts';
import { ParameterSource } from './parameter-source.tsx';

/** The read-only sections of the dossier overview, each a titled `<section>` with an h2. */

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="staff-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A country's name in the reader's language ("IN" → "India"); the code when it has none. */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLang()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function formatAnswer(
  t: Translate,
  question: Question,
  value: unknown,
  migrationListNames: ReadonlyMap<string, string>,
): string {
  if (question.input === 'country' && typeof value === 'string') return countryName(value);
  if (question.path === 'application.worker.insz' && typeof value === 'string') return formatInsz(value);
  // The answer is the list entry's id; staff read the function's name in their language.
  if (question.input === 'migrationList' && typeof value === 'string')
    return migrationListNames.get(value) ?? value;
  if (typeof value === 'boolean') return value ? t('staff.common.yes') : t('staff.common.no');
  if (question.input === 'publications' && Array.isArray(value)) {
    return value
      .map((p: { channel?: string; from?: string; to?: string }) =>
        t('staff.publication', {
          channel: p.channel ?? '',
          from: formatDate(p.from),
          to: formatDate(p.to),
        }),
      )
      .join('; ');
  }
  if (question.input === 'date' && typeof value === 'string') return formatDate(value);
  if (question.input === 'amount' && typeof value === 'number') return formatEuro(value, currentLang());
  if (question.input === 'fraction' && typeof value === 'number') return formatPercent(currentLang(), value);
  if (question.input === 'integer' && typeof value === 'number') return formatNumber(currentLang(), value);
  if (question.input === 'choice' && typeof value === 'string') return labelOf(t, 'options', value);
  return String(value);
}

/** The migration list's functions by id, as the application date's list names them (and earlier lists). */
function useMigrationListNames(dossier: DossierOverview): ReadonlyMap<string, string> {
  const asksFunction = dossier.steps.some((step) => step.questions.some((q) => q.input === 'migrationList'));
  const date = String(dossier.application.applicationDate ?? dossier.submittedAt?.slice(0, 10) ?? '');
  const params = new URLSearchParams({ at: date, lang: currentLang() });
  const { load } = useStaffLoad<MigrationListOptions>(
    asksFunction && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `/api/v1/migration-list?${params}` : null,
  );
  if (load.status !== 'ready') return new Map();
  return new Map([...load.data.earlierEntries, ...load.data.entries].map((entry) => [entry.id, entry.label]));
}

export function ApplicationSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const migrationListNames = useMigrationListNames(dossier);
  const root = { application: dossier.application, workerIdentity: dossier.workerIdentity };
  const steps = dossier.steps
    .map((step) => ({
      id: step.id,
      answered: step.questions
        .map((question) => ({ question, value: readAnswer(root, question.path) }))
        .filter(({ value }) => isAnswered(value)),
    }))
    .filter((step) => step.answered.length > 0);
  return (
    <Section id="application" title={t('staff.overview.sections.application')}>
      {steps.map((step) => (
        <div key={step.id}>
          <h3>{labelOf(t, 'steps', step.id)}</h3>
          <dl className="staff-dl">
            {step.answered.map(({ question, value }) => (
              <div key={question.path} className="staff-dl__row">
                <dt>{labelOf(t, 'questions', question.path)}</dt>
                <dd>{formatAnswer(t, question, value, migrationListNames)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Section>
  );
}

export function DocumentsSection({
  dossier,
  onView,
}: {
  dossier: DossierOverview;
  /** Opens a document beside the application (PDF and pictures). */
  onView?: (document: DossierOverview['documents'][number]) => void;
}) {
  const t = useT();
  return (
    <Section id="documents" title={t('staff.overview.sections.documents')}>
      {dossier.documents.length === 0 ? (
        <p>{t('staff.overview.documents.none')}</p>
      ) : (
        <TableScroll label={t('staff.overview.documents.caption')}>
          <table className="table">
            <caption className="staff-caption">{t('staff.overview.documents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.overview.documents.type')}</th>
                <th scope="col">{t('staff.overview.documents.file')}</th>
                <th scope="col">{t('staff.overview.documents.uploadedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.documents.map((doc) => (
                <tr key={doc.id}>
                  <th scope="row">{labelOf(t, 'documentTypes', doc.documentType)}</th>
                  <td>
                    <a href={`/api/v1/dossiers/${dossier.id}/documents/${doc.id}`} download={doc.fileName}>
                      {t('staff.overview.documents.download', { name: doc.fileName })}
                    </a>
                    {onView ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => onView(doc)}
                          aria-label={t('staff.viewer.viewFor', { name: doc.fileName })}
                        >
                          {t('staff.viewer.view')}
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td>{formatDate(doc.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

export function AssessmentSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const assessment = dossier.assessment;
  if (!assessment) {
    return (
      <Section id="assessment" title={t('staff.overview.sections.assessment')}>
        <p>{t('staff.overview.assessment.none')}</p>
      </Section>
    );
  }
  const { procedure } = assessment;
  const { caseWarnings, unverifiedValues } = staffWarnings(assessment, dossier.fee);
  return (
    <Section id="assessment" title={t('staff.overview.sections.assessment')}>
      <dl className="staff-dl">
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.outcome')}</dt>
          <dd>
            <strong>{labelOf(t, 'outcomes', assessment.outcome)}</strong>
          </dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.rulesAt')}</dt>
          <dd>{formatDate(assessment.rulesAt)}</dd>
        </div>
      </dl>
      {assessment.reasons.length === 0 ? (
        <p>{t('staff.overview.assessment.noReasons')}</p>
      ) : (
        <TableScroll label={t('staff.overview.assessment.reasonsCaption')}>
          <table className="table">
            <caption className="staff-caption">{t('staff.overview.assessment.reasonsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.overview.assessment.reason')}</th>
                <th scope="col">{t('staff.overview.assessment.message')}</th>
                <th scope="col">{t('staff.overview.assessment.effect')}</th>
                <th scope="col">{t('staff.overview.assessment.legalBasis')}</th>
              </tr>
            </thead>
            <tbody>
              {assessment.reasons.map((reason) => (
                <tr key={reason.code}>
                  <th scope="row">{labelOf(t, 'reasons', reason.code)}</th>
                  <td>{reason.message}</td>
                  <td>{labelOf(t, 'effects', reason.effect)}</td>
                  <td>{renderLegalBasis(reason.legalBasis, currentLang())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {caseWarnings.length > 0 ? (
        <>
          <h3>{t('staff.overview.assessment.warnings')}</h3>
          <ul className="list--bullet">
            {caseWarnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a warning code may occur twice
              <li key={`${warning.code}-${index}`}>{warning.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {unverifiedValues.length > 0 ? (
        <>
          <h3>{t('staff.overview.assessment.unverifiedTitle')}</h3>
          <p className="staff-hint">{t('staff.overview.assessment.unverifiedIntro')}</p>
          <ul className="list--bullet" data-testid="unverified-values">
            {unverifiedValues.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: several values may be unverified
              <li key={`${warning.code}-${index}`}>
                {withoutParameterCaveat(warning.message)}
                <ParameterSource t={t} warning={warning} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('staff.overview.assessment.procedure')}</h3>
      <dl className="staff-dl">
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.procedureType')}</dt>
          <dd>{labelOf(t, 'procedureTypes', procedure.type)}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.track')}</dt>
          <dd>{labelOf(t, 'tracks', procedure.track)}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.deadline')}</dt>
          <dd>{t('staff.common.days', { count: procedure.regionalDeadlineDays })}</dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.maxValidity')}</dt>
          <dd>
            {procedure.maxValidityMonths === null
              ? t('staff.overview.assessment.noMaxValidity')
              : t('staff.common.months', { count: procedure.maxValidityMonths })}
          </dd>
        </div>
        <div className="staff-dl__row">
          <dt>{t('staff.overview.assessment.fee')}</dt>
          <dd>{formatEuro(assessment.fee.amountDue, currentLang())}</dd>
        </div>
      </dl>
    </Section>
  );
}

export function InadmissibilitySection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const grounds = dossier.inadmissibility?.grounds ?? [];
  if (grounds.length === 0) return null;
  return (
    <Section id="inadmissibility" title={t('staff.overview.sections.inadmissibility')}>
      <ul className="list--bullet">
        {grounds.map((ground) => {
          const items = [
            ...(ground.fields ?? []).map((path) => labelOf(t, 'questions', path)),
            ...(ground.invalid ?? []).map((code) => labelOf(t, 'reasons', code)),
            ...(ground.documentTypes ?? []).map((type) => labelOf(t, 'documentTypes', type)),
          ];
          return (
            <li key={ground.code}>
              {labelOf(t, 'grounds', ground.code)}
              {items.length > 0 ? ` — ${t('staff.grounds.details', { items: items.join(', ') })}` : null}
            </li>
          );
        })}
      </ul>
      {dossier.inadmissibility?.legalBasis ? (
        <p>
          {t('staff.grounds.legalBasis', {
            basis: renderLegalBasis(dossier.inadmissibility.legalBasis, currentLang()),
          })}
        </p>
      ) : null}
    </Section>
  );
}

export function DecisionSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const decision = dossier.decision;
  // A dossier sent back to review by an allowed appeal has no decision, only the appeal's outcome.
  if (!decision?.outcome && !decision?.appeal) return null;
  return (
    <Section id="decision" title={t('staff.overview.sections.decision')}>
      {decision.outcome ? (
        <p>
          <strong>{t(`staff.overview.decision.${decision.outcome}`)}</strong> (
          {formatDate(decision.decidedOn)})
        </p>
      ) : null}
      {decision.validFrom && decision.validUntil ? (
        <p>
          {t('staff.overview.decision.validity', {
            from: formatDate(decision.validFrom),
            until: formatDate(decision.validUntil),
          })}
        </p>
      ) : null}
      {decision.reasonCodes && decision.reasonCodes.length > 0 ? (
        <ul className="list--bullet">
          {decision.reasonCodes.map((code) => (
            <li key={code}>{labelOf(t, 'reasons', code)}</li>
          ))}
        </ul>
      ) : null}
      {decision.note ? (
        <p>
          {t('staff.overview.decision.note')}: {decision.note}
        </p>
      ) : null}
      {dossier.appeal ? (
        <p>
          {t('staff.overview.decision.appealGrounds', {
            date: formatDate(dossier.appeal.lodgedOn),
            grounds: dossier.appeal.grounds,
          })}
        </p>
      ) : null}
      {decision.appeal ? (
        <div data-testid="appeal-outcome">
          <p>
            {t('staff.overview.decision.appeal', {
              outcome: labelOf(t, 'appealOutcomes', decision.appeal.outcome),
              date: formatDate(decision.appeal.decidedOn),
            })}
            {decision.appeal.followUp
              ? ` ${t('staff.overview.decision.appealFollowUp', {
                  followUp: labelOf(t, 'appealFollowUps', decision.appeal.followUp),
                })}`
              : null}
          </p>
          {decision.appeal.note ? (
            <p>{t('staff.overview.decision.appealNote', { note: decision.appeal.note })}</p>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}

export function InformationRequestsSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  return (
    <Section id="requests" title={t('staff.overview.sections.informationRequests')}>
      {dossier.informationRequests.length === 0 ? (
        <p>{t('staff.overview.requests.none')}</p>
      ) : (
        dossier.informationRequests.map((request) => (
          <dl key={request.id} className="staff-dl staff-request">
            <div className="staff-dl__row">
              <dt>{t('staff.overview.requests.question')}</dt>
              <dd>{request.question}</dd>
            </div>
            <div className="staff-dl__row">
              <dt>{t('staff.overview.requests.requestedOn')}</dt>
              <dd>{formatDate(request.requestedOn)}</dd>
            </div>
            {request.answerDueOn ? (
              <div className="staff-dl__row">
                <dt>{t('staff.overview.requests.answerDueOn')}</dt>
                <dd>
                  {formatDate(request.answerDueOn)}
                  {request.isOverdue ? (
                    <>
                      {' '}
                      <Tag tone="failure">{t('staff.overview.requests.overdue')}</Tag>
                    </>
                  ) : null}
                  {request.reminderSentAt && !request.answer
                    ? ` ${t('staff.overview.requests.reminded')}`
                    : null}
                </dd>
              </div>
            ) : null}
            <div className="staff-dl__row">
              <dt>{t('staff.overview.requests.answer')}</dt>
              <dd>{request.answer ?? t('staff.overview.requests.unanswered')}</dd>
            </div>
            <div className="staff-dl__row">
              <dt>{t('staff.overview.requests.answeredOn')}</dt>
              <dd>
                {formatDate(request.answeredOn)}
                {request.isAnsweredLate ? (
                  <>
                    {' '}
                    <Tag tone="failure">{t('staff.overview.requests.answeredLate')}</Tag>
                  </>
                ) : null}
              </dd>
            </div>
          </dl>
        ))
      )}
    </Section>
  );
}

export function HistorySection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  return (
    <Section id="history" title={t('staff.overview.sections.history')}>
      <TableScroll label={t('staff.overview.history.caption')}>
        <table className="table">
          <caption className="staff-caption">{t('staff.overview.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.overview.history.on')}</th>
              <th scope="col">{t('staff.overview.history.action')}</th>
              <th scope="col">{t('staff.overview.history.by')}</th>
              <th scope="col">{t('staff.overview.history.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.history.map((entry, index) => (
              // The log is append-only: its position is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: append-only log
              <tr key={index}>
                <td>
                  {entry.count > 1 && entry.firstOn !== entry.on
                    ? `${formatDate(entry.firstOn)} – ${formatDate(entry.on)}`
                    : formatDate(entry.on)}
                </td>
                <th scope="row">
                  {entry.count > 1
                    ? t('staff.overview.history.draftSaves', { count: entry.count })
                    : labelOf(t, 'actions', entry.action)}
                  {entry.detail ? <span className="staff-history__detail">{entry.detail}</span> : null}
                </th>
                <td>{labelOf(t, 'actors', entry.by)}</td>
                <td>{entry.actorName ?? t('staff.common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

export function LettersSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  return (
    <Section id="letters" title={t('staff.overview.sections.letters')}>
      {dossier.letters.length === 0 ? (
        <p>{t('staff.overview.letters.none')}</p>
      ) : (
        <ul className="staff-links">
          {dossier.letters.map((letter) => (
            <li key={letter.id}>
              <a href={`/api/v1/dossiers/${dossier.id}/letters/${letter.id}`}>
                {t('staff.overview.letters.download', {
                  kind: labelOf(t, 'letterKinds', letter.kind),
                  date: formatDate(letter.createdAt),
                  lang: letter.lang.toUpperCase(),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

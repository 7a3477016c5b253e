import { TableScroll } from '../../../components/table-scroll.tsx';
import { shortRequestId } from '../../../format.ts';
import { currentLang, useT } from '../../../i18n.ts';
import {
  describeFinding,
  formatDateTime,
  formatRegisterValue,
  registerSummary,
  subjectKind,
} from '../register-format.ts';
import { labelOf } from '../staff-format.ts';
import type { RegisterCheck } from '../staff-types.ts';
import { Section } from './dossier-sections.tsx';

/**
 * What the authentic sources said about the dossier (staff only): where the check stands, the
 * findings in plain words, each declared fact against the register's with its provenance, and
 * every question put to a register. A register that does not answer never blocks the dossier.
 */
export function RegisterSection({ check }: { check: RegisterCheck | null | undefined }) {
  const t = useT();
  return (
    <Section id="register" title={t('staff.register.title')}>
      {check ? <RegisterCheckBody check={check} /> : <p>{t('staff.register.notRequested')}</p>}
    </Section>
  );
}

function RegisterCheckBody({ check }: { check: RegisterCheck }) {
  return (
    <>
      <RegisterProgress check={check} />
      <RegisterFindings check={check} />
      <ComparisonTable check={check} />
      <FactsAsked check={check} />
    </>
  );
}

/** A live region, present in every state, so the move from "fetching" to "done" is announced. */
function RegisterProgress({ check }: { check: RegisterCheck }) {
  const t = useT();
  const lang = currentLang();
  return (
    <div role="status" className="staff-register-progress" data-testid="register-progress">
      {check.status === 'PENDING' ? (
        <p>
          <strong>{t('staff.register.pending')}</strong> {t('staff.register.pendingHint')}
        </p>
      ) : null}
      {check.status === 'WAITING' ? (
        <div className="staff-register-waiting">
          <ul className="list--bullet">
            {check.waiting.map((waiting) => (
              <li key={waiting.source}>
                {t('staff.register.waitingFor', {
                  source: labelOf(t, 'register.sources', waiting.source),
                  since: formatDateTime(waiting.since, lang),
                })}
                {waiting.error ? <span className="staff-small">{waiting.error}</span> : null}
              </li>
            ))}
          </ul>
          <p>{t('staff.register.notBlocked')}</p>
        </div>
      ) : null}
      {check.status === 'COMPLETE' ? (
        <p>{t('staff.register.complete', { time: formatDateTime(check.completedAt, lang) })}</p>
      ) : null}
    </div>
  );
}

function RegisterFindings({ check }: { check: RegisterCheck }) {
  const t = useT();
  const lang = currentLang();
  const summary = registerSummary(check);
  const summaryLine =
    summary?.kind === 'differences' ? (
      <p>
        <strong className="staff-flag staff-flag--mismatch">{t('staff.register.mismatch')}</strong>{' '}
        {t('staff.register.differences', { count: summary.count })}
      </p>
    ) : summary?.kind === 'noFindings' ? (
      <p>{t('staff.register.noFindings')}</p>
    ) : null;
  if (check.findings.length === 0) return summaryLine;
  return (
    <>
      {summaryLine}
      <h3 id="register-findings-title">{t('staff.register.findingsTitle')}</h3>
      <ul className="staff-findings" aria-labelledby="register-findings-title">
        {check.findings.map((finding, index) => (
          // Findings have no id; the list is rebuilt whole on every check.
          // biome-ignore lint/suspicious/noArrayIndexKey: a finding code may repeat with other facts
          <li key={`${finding.code}-${index}`} data-code={finding.code}>
            <strong className="staff-flag staff-flag--warning">{t('staff.register.warning')}</strong>{' '}
            {describeFinding(t, finding, lang)}
          </li>
        ))}
      </ul>
    </>
  );
}

function ComparisonTable({ check }: { check: RegisterCheck }) {
  const t = useT();
  const lang = currentLang();
  if (check.comparisons.length === 0) {
    return check.status === 'PENDING' ? null : <p>{t('staff.register.noComparisons')}</p>;
  }
  return (
    <TableScroll label={t('staff.register.comparisonCaption')}>
      <table className="table staff-register-table">
        <caption className="staff-caption">{t('staff.register.comparisonCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.register.fact')}</th>
            <th scope="col">{t('staff.register.declared')}</th>
            <th scope="col">{t('staff.register.register')}</th>
            <th scope="col">{t('staff.register.source')}</th>
            <th scope="col">{t('staff.register.comparison')}</th>
          </tr>
        </thead>
        <tbody>
          {check.comparisons.map((row) => {
            const isCompared = row.declared !== null && row.declared !== undefined && row.declared !== '';
            return (
              <tr
                key={`${row.fact}-${row.source}`}
                data-fact={row.fact}
                className={row.isMismatch ? 'staff-row--mismatch' : undefined}
              >
                <th scope="row">{labelOf(t, 'register.facts', row.fact)}</th>
                <td>{formatRegisterValue(t, row.fact, row.declared, lang)}</td>
                <td>{formatRegisterValue(t, row.fact, row.register, lang)}</td>
                <td>
                  {labelOf(t, 'register.sources', row.source)}
                  {/* The request's first characters (the whole id as the title, and in the facts asked
                      below): enough to find it, without a 36-character id on every row. */}
                  <span className="staff-small" title={row.requestId}>
                    {t('staff.register.provenance', {
                      time: formatDateTime(row.fetchedAt, lang),
                      requestId: shortRequestId(row.requestId),
                    })}
                  </span>
                </td>
                <td>
                  {row.isMismatch ? (
                    <strong className="staff-flag staff-flag--mismatch">
                      {t('staff.register.mismatch')}
                    </strong>
                  ) : isCompared ? (
                    t('staff.register.match')
                  ) : (
                    t('staff.register.notCompared')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FactsAsked({ check }: { check: RegisterCheck }) {
  const t = useT();
  const lang = currentLang();
  if (check.facts.length === 0) return null;
  return (
    <details className="staff-details">
      <summary>{t('staff.register.factsSummary', { count: check.facts.length })}</summary>
      <TableScroll label={t('staff.register.factsCaption')}>
        <table className="table">
          <caption className="staff-caption">{t('staff.register.factsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.register.source')}</th>
              <th scope="col">{t('staff.register.subject')}</th>
              <th scope="col">{t('staff.register.answer')}</th>
              <th scope="col">{t('staff.register.fetchedAt')}</th>
              <th scope="col">{t('staff.register.requestId')}</th>
            </tr>
          </thead>
          <tbody>
            {check.facts.map((fact) => (
              <tr key={`${fact.source}-${fact.subject}`}>
                <th scope="row">{labelOf(t, 'register.sources', fact.source)}</th>
                <td>{labelOf(t, 'register.subjects', subjectKind(fact.subject))}</td>
                <td>{fact.isFound ? t('staff.register.found') : t('staff.register.notFound')}</td>
                <td>{formatDateTime(fact.fetchedAt, lang)}</td>
                <td className="staff-request-id">{fact.requestId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

import { useT } from '../../../i18n.ts';
import { formatDate, labelOf } from '../staff-format.ts';
import type { DossierOverview, ShownWithdrawalGround } from '../staff-types.ts';
import { Section } from './dossier-sections.tsx';

/**
 * The withdrawal (intrekking) of the grant as staff read it (decision 012): the latest proposal with
 * its grounds and legal basis, the facts and evidence, the employer's hearing (its day and answer)
 * and the supervisor's outcome. Absent while no withdrawal was ever proposed.
 */
export function WithdrawalSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const proposal = dossier.withdrawal;
  if (!proposal) return null;
  const hearing = proposal.answer
    ? t('staff.overview.withdrawal.answered', { date: formatDate(proposal.answeredOn) })
    : proposal.isHearingOpen
      ? t('staff.overview.withdrawal.hearingOpen', { date: formatDate(proposal.hearingDueOn) })
      : t('staff.overview.withdrawal.hearingClosed', { date: formatDate(proposal.hearingDueOn) });
  return (
    <Section id="withdrawal" title={t('staff.overview.withdrawal.title')}>
      <p data-testid="withdrawal-state">
        <strong>
          {proposal.outcome === 'REVOKED'
            ? t('staff.overview.withdrawal.revoked', { date: formatDate(proposal.decidedOn) })
            : proposal.outcome === 'DISMISSED'
              ? t('staff.overview.withdrawal.dismissed', { date: formatDate(proposal.decidedOn) })
              : t('staff.overview.withdrawal.open')}
        </strong>
      </p>
      <p>
        {t('staff.overview.withdrawal.proposed', {
          date: formatDate(proposal.proposedOn),
          role: labelOf(t, 'actors', proposal.proposedRole ?? ''),
        })}
      </p>
      <h3>{t('staff.overview.withdrawal.grounds')}</h3>
      <GroundList grounds={proposal.grounds} />
      <h3>{t('staff.overview.withdrawal.facts')}</h3>
      <p className="staff-quote">{proposal.facts}</p>
      {proposal.evidence ? (
        <>
          <h3>{t('staff.overview.withdrawal.evidence')}</h3>
          <p className="staff-quote">{proposal.evidence}</p>
        </>
      ) : null}
      <h3>{t('staff.overview.withdrawal.hearing')}</h3>
      <p>{hearing}</p>
      {proposal.answer ? <blockquote className="staff-quote">{proposal.answer}</blockquote> : null}
      {proposal.decisionNote ? (
        <>
          <h3>{t('staff.overview.withdrawal.decisionNote')}</h3>
          <p className="staff-quote">{proposal.decisionNote}</p>
        </>
      ) : null}
    </Section>
  );
}

/** Grounds written out with their legal basis, as the letter prints them. */
export function GroundList({ grounds }: { grounds: ShownWithdrawalGround[] }) {
  const t = useT();
  return (
    <ul className="list--bullet">
      {grounds.map((ground) => (
        <li key={ground.code}>
          {ground.statement}
          {ground.legalBasis ? (
            <span className="staff-hint">
              {' '}
              ({t('staff.panel.refuse.legalBasis', { basis: ground.legalBasis })})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

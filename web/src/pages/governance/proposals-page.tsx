import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { Tag, type TagTone } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { FeeIndexationForm } from './fee-indexation-form.tsx';
import { capitalise, formatDay, formatMoment } from './governance-format.ts';
import type { ParameterHistory, Proposal, ProposalList } from './governance-types.ts';
import { ListProposalForm } from './list-proposal-form.tsx';
import { ParameterProposalForm } from './parameter-proposal-form.tsx';
import { describeValue } from './parameter-values.ts';

const STATE_TONE: Record<Proposal['state'], TagTone> = {
  PROPOSED: 'action',
  APPROVED: 'success',
  REJECTED: 'failure',
  SUPERSEDED: 'neutral',
};

/**
 * `/admin/proposals`: the proposals to change a parameter or the migration list, open first; a
 * new value or list version; approve or reject another administrator's proposal (four eyes: the
 * author has no buttons, and the API refuses them anyway).
 */
export function ProposalsPage() {
  const t = useT();
  const title = t('governance.proposals.title');
  usePageTitle(title);
  const { load, refetch } = useApiLoad<ProposalList>('/api/v1/rule-data/proposals', {
    keepWhileLoading: true,
  });
  const parameters = useApiLoad<{ parameters: ParameterHistory[] }>('/api/v1/rule-data/parameters', {
    perLanguage: true,
  });
  const [notice, setNotice] = useState<{ tone: 'status' | 'alert'; text: string } | null>(null);
  const done = (text: string) => {
    void refetch().then(() => setNotice({ tone: 'status', text }));
  };
  return (
    <>
      <p>
        <Link href={pagePath('adminHome')}>{t('governance.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('governance.proposals.intro')}</p>
      {notice ? (
        <p
          className={notice.tone === 'alert' ? 'emp-notice emp-notice--warning' : 'emp-notice'}
          role={notice.tone}
        >
          {notice.text}
        </p>
      ) : null}
      {load.status === 'loading' || load.status === 'idle' ? <Loading /> : null}
      {load.status === 'failed' ? (
        <p role="alert">
          {load.error?.status === 403 ? t('governance.forbidden') : t('governance.loadFailed')}
        </p>
      ) : null}
      {load.status === 'ready' ? (
        <>
          <p>
            {t('governance.proposals.earliest', {
              date: formatDay(load.data.earliestEffectiveDate, currentLang()),
            })}
          </p>
          <ProposalTable
            list={load.data}
            parameters={parameters.load.status === 'ready' ? parameters.load.data.parameters : []}
            onNotice={setNotice}
            onDecided={done}
          />
          {parameters.load.status === 'ready' ? (
            <ParameterProposalForm
              parameters={parameters.load.data.parameters}
              earliest={load.data.earliestEffectiveDate}
              onProposed={done}
            />
          ) : null}
          {parameters.load.status === 'ready' ? (
            <FeeIndexationForm
              parameters={parameters.load.data.parameters}
              today={load.data.earliestEffectiveDate}
              onProposed={done}
            />
          ) : null}
          <ListProposalForm earliest={load.data.earliestEffectiveDate} onProposed={done} />
        </>
      ) : null}
    </>
  );
}

function ProposalTable({
  list,
  parameters,
  onNotice,
  onDecided,
}: {
  list: ProposalList;
  parameters: readonly ParameterHistory[];
  onNotice(notice: { tone: 'status' | 'alert'; text: string }): void;
  onDecided(text: string): void;
}) {
  const t = useT();
  const lang = currentLang();
  const units = new Map(parameters.map((p) => [p.name, p]));
  return (
    <section aria-labelledby="proposals-list-title" className="gov-section">
      <h2 id="proposals-list-title">{t('governance.proposals.listTitle')}</h2>
      {list.proposals.length === 0 ? <p>{t('governance.proposals.none')}</p> : null}
      <ul className="gov-cards">
        {list.proposals.map((proposal) => {
          const parameter = units.get(proposal.subject);
          const value =
            proposal.kind === 'list'
              ? listValue(proposal.value, t)
              : describeValue(proposal.value, parameter?.unit ?? '', t, lang);
          return (
            <li
              key={`${proposal.kind}-${proposal.id}`}
              className="gov-card"
              data-proposal={`${proposal.kind}-${proposal.id}`}
            >
              <h3 className="gov-card__title">
                {proposal.kind === 'list' ? (
                  t('governance.proposals.listSubject')
                ) : (
                  <>
                    {t('governance.proposals.parameterSubject')}: {parameter?.label ?? proposal.subject}
                  </>
                )}{' '}
                <Tag tone={STATE_TONE[proposal.state]}>
                  {t(`governance.proposals.states.${proposal.state}`)}
                </Tag>
              </h3>
              <dl className="gov-card__facts">
                <dt>{t('governance.proposals.value')}</dt>
                <dd>{value.kind === 'code' ? <code lang="zxx">{value.text}</code> : value.text}</dd>
                <dt>{t('governance.proposals.validFrom')}</dt>
                <dd>{formatDay(proposal.validFrom, lang)}</dd>
                <dt>{t('governance.proposals.source')}</dt>
                <dd>{proposal.source}</dd>
                {proposal.note ? (
                  <>
                    <dt>{t('governance.proposals.note')}</dt>
                    <dd>{proposal.note}</dd>
                  </>
                ) : null}
                <dt>{t('governance.proposals.proposedBy')}</dt>
                <dd>
                  {t('governance.proposals.by', {
                    name: proposal.proposedBy ?? '',
                    date: formatMoment(proposal.proposedAt, lang),
                  })}
                </dd>
                {proposal.decidedAt ? (
                  <>
                    <dt>{t('governance.proposals.decision')}</dt>
                    <dd>
                      {t('governance.proposals.by', {
                        name: proposal.decidedBy ?? '',
                        date: formatMoment(proposal.decidedAt, lang),
                      })}
                      {proposal.decisionNote ? `: ${proposal.decisionNote}` : ''}
                    </dd>
                  </>
                ) : null}
              </dl>
              {proposal.state === 'PROPOSED' ? (
                <p>
                  <Link href={`${pagePath('ruleSimulation')}?proposal=${proposal.kind}-${proposal.id}`}>
                    {t('governance.simulation.simulate')}
                  </Link>
                </p>
              ) : null}
              {proposal.state === 'PROPOSED' ? (
                proposal.proposedById === list.me ? (
                  <p className="form-hint">{t('governance.proposals.ownProposal')}</p>
                ) : (
                  <DecisionForm proposal={proposal} onNotice={onNotice} onDecided={onDecided} />
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function listValue(value: unknown, t: ReturnType<typeof useT>): { kind: 'text'; text: string } {
  const { entries, version } = (value ?? {}) as { entries?: number; version?: string | null };
  return {
    kind: 'text',
    text: version
      ? t('governance.proposals.listValueNumbered', { version, count: entries ?? 0 })
      : t('governance.proposals.listValue', { count: entries ?? 0 }),
  };
}

function DecisionForm({
  proposal,
  onNotice,
  onDecided,
}: {
  proposal: Proposal;
  onNotice(notice: { tone: 'status' | 'alert'; text: string }): void;
  onDecided(text: string): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `decision-${proposal.kind}-${proposal.id}`;

  async function decide(decision: 'approve' | 'reject') {
    setBusy(true);
    try {
      await api.call('POST', `/api/v1/rule-data/proposals/${proposal.kind}/${proposal.id}/${decision}`, {
        note: note.trim() || null,
      });
      onDecided(
        t(decision === 'approve' ? 'governance.proposals.approved' : 'governance.proposals.rejected'),
      );
    } catch (error) {
      // The API's own words: four eyes, already decided, a date no longer free.
      const message =
        error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('governance.failed');
      onNotice({ tone: 'alert', text: capitalise(message) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="gov-decision">
      <div className="form-group">
        <label className="label" htmlFor={id}>
          {t('governance.proposals.decisionNote')}
        </label>
        <input
          id={id}
          className="input"
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="gov-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void decide('approve')}>
          {t('governance.proposals.approve')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void decide('reject')}
        >
          {t('governance.proposals.reject')}
        </button>
      </div>
    </div>
  );
}

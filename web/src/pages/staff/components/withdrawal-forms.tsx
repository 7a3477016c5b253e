import { useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';
import { useT } from '../../../i18n.ts';
import { formatDate, todayInBrussels } from '../staff-format.ts';
import { ConfirmStep } from './confirm-step.tsx';
import type { FieldMap } from './form-errors.ts';
import { GroundsFieldset } from './grounds-fieldset.tsx';
import { type FormProps, TextArea } from './panel-parts.tsx';
import { GroundList } from './withdrawal-section.tsx';

/**
 * The withdrawal of a grant in the action panel (decision 012, src/dossiers/revocation): a case
 * handler proposes it with grounds (the legal grounds of the dossier, each with its legal basis),
 * the facts and the evidence, and the day until which the employer is heard; a supervisor then
 * withdraws or keeps the authorisation, after a confirmation. The server checks every rule
 * (hearing term 15–60 days, no decision before the answer or the day) and names what is wrong.
 */

/** The hearing's default day: 15 days from today, the server's default (revocation-rules.ts). */
function defaultHearingDay(today: string): string {
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 15);
  return day.toISOString().slice(0, 10);
}

export function ProposeWithdrawalForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const grounds = dossier.withdrawalGrounds ?? [];
  const [chosen, setChosen] = useState<string[]>([]);
  const [facts, setFacts] = useState('');
  const [evidence, setEvidence] = useState('');
  const [hearingDueOn, setHearingDueOn] = useState(defaultHearingDay(todayInBrussels()));
  const [isConfirming, setConfirming] = useState(false);
  const fields: FieldMap = {
    // The summary links to the first checkbox: a fieldset cannot take the focus.
    groundCodes: { id: 'withdrawal-grounds', label: t('staff.panel.withdrawal.grounds') },
    facts: { id: 'withdrawal-facts', label: t('staff.panel.withdrawal.facts') },
    evidence: { id: 'withdrawal-evidence', label: t('staff.panel.withdrawal.evidence') },
    hearingDueOn: { id: 'withdrawal-hearing-due', label: t('staff.panel.withdrawal.hearingDueOn') },
  };

  async function propose() {
    setConfirming(false);
    await perform({
      path: `/api/v1/dossiers/${dossier.id}/withdrawal-proposals`,
      body: {
        groundCodes: chosen,
        facts,
        ...(evidence.trim() ? { evidence } : {}),
        ...(hearingDueOn ? { hearingDueOn } : {}),
      },
      fields,
      returnsOverview: false,
      done: t('staff.panel.withdrawal.proposedDone', { date: formatDate(hearingDueOn) }),
    });
  }

  return (
    <form
      className="staff-action"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // Incomplete: let the server name what is missing, next to the fields, without a confirmation.
        if (chosen.length === 0 || !facts.trim()) void propose();
        else setConfirming(true);
      }}
    >
      <h3>{t('staff.panel.withdrawal.title')}</h3>
      <p className="staff-hint">{t('staff.panel.withdrawal.intro')}</p>
      <GroundsFieldset
        id="withdrawal-grounds"
        legend={t('staff.panel.withdrawal.grounds')}
        error={errors['withdrawal-grounds']}
        grounds={grounds.map((ground) => ({
          code: ground.code,
          label: ground.statement,
          legalBasis: ground.legalBasis,
        }))}
        chosen={chosen}
        onChange={setChosen}
      />
      <TextArea
        id="withdrawal-facts"
        label={t('staff.panel.withdrawal.facts')}
        hint={t('staff.panel.withdrawal.factsHint')}
        value={facts}
        onChange={setFacts}
        error={errors['withdrawal-facts']}
      />
      <TextArea
        id="withdrawal-evidence"
        label={t('staff.panel.withdrawal.evidence')}
        hint={t('staff.panel.withdrawal.evidenceHint')}
        value={evidence}
        onChange={setEvidence}
        error={errors['withdrawal-evidence']}
      />
      <p className="staff-hint">{t('staff.panel.withdrawal.hearingDueOnHint')}</p>
      <TextField
        id="withdrawal-hearing-due"
        type="date"
        label={t('staff.panel.withdrawal.hearingDueOn')}
        value={hearingDueOn}
        onChange={(event) => setHearingDueOn(event.target.value)}
        error={errors['withdrawal-hearing-due']}
      />
      {isConfirming ? (
        <ConfirmStep
          id="withdrawal-confirm"
          title={t('staff.panel.withdrawal.confirmTitle')}
          text={t('staff.panel.withdrawal.confirmText', {
            grounds: grounds
              .filter((ground) => chosen.includes(ground.code))
              .map((ground) => ground.statement)
              .join('; '),
            date: formatDate(hearingDueOn),
          })}
          confirmLabel={t('staff.panel.withdrawal.confirm')}
          cancelLabel={t('staff.panel.cancel')}
          isDanger
          onConfirm={() => void propose()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="button button--danger">
          {t('staff.panel.withdrawal.submit')}
        </button>
      )}
    </form>
  );
}

type Outcome = 'REVOKE' | 'DISMISS';

/** The supervisor withdraws the authorisation on the proposal's grounds, or keeps it. */
export function DecideWithdrawalForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const proposal = dossier.withdrawal;
  // The employer is heard first: withdrawing waits for the answer or the day (the server checks too).
  const isHearingPending = proposal ? proposal.answer === null && proposal.isHearingOpen : false;
  const [outcome, setOutcome] = useState<Outcome>(isHearingPending ? 'DISMISS' : 'REVOKE');
  const [note, setNote] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  if (!proposal) return null;
  const fields: FieldMap = {
    outcome: { id: 'withdrawal-outcome-REVOKE', label: t('staff.panel.withdrawal.outcome') },
    note: { id: 'withdrawal-note', label: t('staff.panel.withdrawal.note') },
  };
  const grounds = proposal.grounds.map((ground) => ground.statement).join('; ');

  async function decide() {
    setConfirming(false);
    await perform({
      path: `/api/v1/dossiers/${dossier.id}/withdrawal-decision`,
      body: { outcome, note },
      fields,
      returnsOverview: false,
      done: t(
        outcome === 'REVOKE' ? 'staff.panel.withdrawal.revokedDone' : 'staff.panel.withdrawal.dismissedDone',
      ),
    });
  }

  return (
    <form
      className="staff-action"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!note.trim()) void decide();
        else setConfirming(true);
      }}
    >
      <h3>{t('staff.panel.withdrawal.decideTitle')}</h3>
      <GroundList grounds={proposal.grounds} />
      {isHearingPending ? (
        <p className="staff-hint" data-testid="withdrawal-hearing-pending">
          {t('staff.panel.withdrawal.hearingPending', { date: formatDate(proposal.hearingDueOn) })}
        </p>
      ) : null}
      <fieldset className="staff-fieldset">
        <legend className="label">{t('staff.panel.withdrawal.outcome')}</legend>
        {(['REVOKE', 'DISMISS'] as const).map((value) => (
          <div key={value} className="staff-checkbox">
            <input
              type="radio"
              id={`withdrawal-outcome-${value}`}
              name="withdrawal-outcome"
              value={value}
              checked={outcome === value}
              disabled={value === 'REVOKE' && isHearingPending}
              onChange={() => setOutcome(value)}
            />
            <label htmlFor={`withdrawal-outcome-${value}`}>
              {t(`staff.panel.withdrawal.outcomes.${value}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <TextArea
        id="withdrawal-note"
        label={t('staff.panel.withdrawal.note')}
        hint={t('staff.panel.withdrawal.noteHint')}
        value={note}
        onChange={setNote}
        error={errors['withdrawal-note']}
      />
      {isConfirming ? (
        <ConfirmStep
          id="withdrawal-decide-confirm"
          title={t('staff.panel.withdrawal.decideConfirmTitle')}
          text={
            outcome === 'REVOKE'
              ? t('staff.panel.withdrawal.revokeConfirmText', { grounds })
              : t('staff.panel.withdrawal.dismissConfirmText')
          }
          confirmLabel={t(
            outcome === 'REVOKE'
              ? 'staff.panel.withdrawal.revokeConfirm'
              : 'staff.panel.withdrawal.dismissConfirm',
          )}
          cancelLabel={t('staff.panel.cancel')}
          isDanger={outcome === 'REVOKE'}
          onConfirm={() => void decide()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className={outcome === 'REVOKE' ? 'button button--danger' : 'button'}>
          {t('staff.panel.withdrawal.decideSubmit')}
        </button>
      )}
    </form>
  );
}

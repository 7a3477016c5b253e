import { type FormEvent, useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';
import { useT } from '../../../i18n.ts';
import { formatDate, labelOf, proposedValidity, todayInBrussels } from '../staff-format.ts';
import {
  APPEAL_FOLLOW_UPS,
  APPEAL_OUTCOMES,
  type AppealFollowUp,
  type AppealOutcome,
} from '../staff-types.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { LetterDraftView, useLetterDraft } from './letter-draft.tsx';
import { type FormProps, TextArea } from './panel-parts.tsx';

/**
 * The supervisor's decision on an employer's appeal against a refusal (reference.md §5.3), with
 * the employer's grounds in view: dismissed (the refusal stands), or allowed, and then either
 * granted at once (validity dates) or sent back to the case handler for a new decision. The
 * reasons are required. The server checks it all (handling/decide-appeal.ts); its messages come
 * back next to the fields.
 */
export function DecideAppealForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const initial = proposedValidity(dossier, todayInBrussels());
  const [outcome, setOutcome] = useState<AppealOutcome | null>(null);
  const [followUp, setFollowUp] = useState<AppealFollowUp | null>(null);
  const [validFrom, setValidFrom] = useState(initial.validFrom);
  const [validUntil, setValidUntil] = useState(initial.validUntil);
  const [note, setNote] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  const outcomeLabel = t('staff.panel.decideAppeal.outcome');
  const followUpLabel = t('staff.panel.decideAppeal.followUp');
  const noteLabel = t('staff.panel.decideAppeal.note');
  const isGrant = outcome === 'OVERTURNED' && followUp === 'GRANT';
  const isComplete = outcome !== null && note.trim() !== '' && (outcome === 'UPHELD' || followUp !== null);

  // The letter's draft is fetched when the confirmation opens; its reasons may be rewritten there.
  const letter = useLetterDraft(
    dossier.id,
    isConfirming && outcome
      ? {
          appealOutcome: outcome,
          ...(outcome === 'OVERTURNED' && followUp ? { followUp } : {}),
          ...(isGrant ? { validFrom, validUntil } : {}),
          note,
        }
      : null,
    'appeal-letter-draft',
  );

  async function decide() {
    setConfirming(false);
    await perform({
      // Without a choice the outcome is left out, so the server names it as missing.
      body: {
        action: 'DECIDE_APPEAL',
        ...(outcome ? { appealOutcome: outcome } : {}),
        ...(outcome === 'OVERTURNED' && followUp ? { followUp } : {}),
        ...(isGrant ? { validFrom, validUntil } : {}),
        note,
        ...(letter.state.status === 'ready' ? { letterMotivation: letter.state.motivation } : {}),
      },
      fields: {
        appealOutcome: { id: 'appeal-outcome', label: outcomeLabel },
        followUp: { id: 'appeal-follow-up', label: followUpLabel },
        validFrom: { id: 'appeal-valid-from', label: t('staff.panel.grant.validFrom') },
        validUntil: { id: 'appeal-valid-until', label: t('staff.panel.grant.validUntil') },
        note: { id: 'appeal-note', label: noteLabel },
        letterMotivation: { id: 'appeal-letter-motivation', label: t('staff.letterDraft.title') },
      },
      done: t('staff.panel.done'),
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isComplete) setConfirming(true);
    else void decide();
  }

  const confirmText =
    outcome === 'UPHELD'
      ? t('staff.panel.decideAppeal.confirmUpheld')
      : isGrant
        ? t('staff.panel.decideAppeal.confirmGrant', {
            from: formatDate(validFrom),
            until: formatDate(validUntil),
          })
        : t('staff.panel.decideAppeal.confirmReview');

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
      <h3>{t('staff.panel.decideAppeal.title')}</h3>
      {dossier.appeal ? (
        <div className="staff-appeal-grounds" data-testid="appeal-grounds">
          <h4>{t('staff.panel.decideAppeal.grounds')}</h4>
          <blockquote className="staff-quote">{dossier.appeal.grounds}</blockquote>
          <p className="staff-hint">
            {t('staff.panel.decideAppeal.lodgedOn', { date: formatDate(dossier.appeal.lodgedOn) })}
          </p>
        </div>
      ) : null}
      <RadioGroup
        id="appeal-outcome"
        legend={outcomeLabel}
        values={APPEAL_OUTCOMES}
        label={(value) => labelOf(t, 'appealOutcomes', value)}
        value={outcome}
        onChange={setOutcome}
        error={errors['appeal-outcome']}
      />
      {outcome === 'OVERTURNED' ? (
        <RadioGroup
          id="appeal-follow-up"
          legend={followUpLabel}
          values={APPEAL_FOLLOW_UPS}
          label={(value) => labelOf(t, 'appealFollowUps', value)}
          value={followUp}
          onChange={setFollowUp}
          error={errors['appeal-follow-up']}
        />
      ) : null}
      {isGrant ? (
        <>
          <TextField
            id="appeal-valid-from"
            type="date"
            label={t('staff.panel.grant.validFrom')}
            value={validFrom}
            onChange={(event) => setValidFrom(event.target.value)}
            error={errors['appeal-valid-from']}
          />
          <TextField
            id="appeal-valid-until"
            type="date"
            label={t('staff.panel.grant.validUntil')}
            value={validUntil}
            onChange={(event) => setValidUntil(event.target.value)}
            error={errors['appeal-valid-until']}
          />
        </>
      ) : null}
      <TextArea
        id="appeal-note"
        label={noteLabel}
        hint={t('staff.panel.decideAppeal.noteHint')}
        value={note}
        onChange={setNote}
        error={errors['appeal-note']}
      />
      {isConfirming ? (
        <LetterDraftView
          id="appeal-letter"
          state={letter.state}
          onMotivation={letter.setMotivation}
          error={errors['appeal-letter-motivation']}
        />
      ) : null}
      {isConfirming ? (
        <ConfirmStep
          id="appeal-confirm"
          title={t('staff.panel.decideAppeal.confirmTitle')}
          text={confirmText}
          confirmLabel={t('staff.panel.decideAppeal.confirm')}
          cancelLabel={t('staff.panel.cancel')}
          onConfirm={() => void decide()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="button">
          {t('staff.panel.decideAppeal.submit')}
        </button>
      )}
    </form>
  );
}

/** Radios in a fieldset; the summary links to the first radio, as a fieldset cannot take the focus. */
function RadioGroup<V extends string>(props: {
  id: string;
  legend: string;
  values: readonly V[];
  label: (value: V) => string;
  value: V | null;
  onChange: (value: V) => void;
  error: string | undefined;
}) {
  const t = useT();
  const { id, error } = props;
  return (
    <fieldset
      className={error ? 'staff-fieldset form-group--error' : 'staff-fieldset'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="label">{props.legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('shell.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {props.values.map((value, index) => {
        const inputId = index === 0 ? id : `${id}-${value}`;
        return (
          <div key={value} className="staff-radio">
            <input
              type="radio"
              id={inputId}
              name={id}
              value={value}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
            />
            <label htmlFor={inputId}>{props.label(value)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

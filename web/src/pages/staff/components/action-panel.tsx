import { useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';
import { useT } from '../../../i18n.ts';
import { formatDate, grantValidityProblem, proposedValidity, todayInBrussels } from '../staff-format.ts';
import type { DossierOverview } from '../staff-types.ts';
import { DecideAppealForm } from './appeal-form.tsx';
import { ConfirmStep } from './confirm-step.tsx';
import { Section } from './dossier-sections.tsx';
import type { FieldMap } from './form-errors.ts';
import { LetterDraftView, useLetterDraft } from './letter-draft.tsx';
import { type FormProps, type Perform, TextArea } from './panel-parts.tsx';
import { CoSignForm, RefuseForm, ReturnedRefusalNotice, ReturnRefusalForm } from './refuse-form.tsx';
import { RequestInformationForm } from './request-information-form.tsx';
import { DecideWithdrawalForm, ProposeWithdrawalForm } from './withdrawal-forms.tsx';

export type { Perform, PerformRequest } from './panel-parts.tsx';

interface PanelProps {
  dossier: DossierOverview;
  perform: Perform;
  errors: Record<string, string>;
  isSupervisor: boolean;
}

/**
 * The actions the server allows this reader now (`allowedActions`), and only those: start the
 * review, request information, grant, refuse, or, for a supervisor facing a proposed refusal,
 * co-sign it or send it back, and decide an appeal (supervisors only, by the lifecycle table); on
 * a grant, propose its withdrawal (case handler) or decide a proposed one (supervisor).
 * A decision that cannot be undone asks for confirmation first (confirm-step.tsx).
 */
export function ActionPanel({ dossier, perform, errors, isSupervisor }: PanelProps) {
  const t = useT();
  const allowed = new Set(dossier.allowedActions);
  const isCoSigning = isSupervisor && dossier.pendingRefusal !== null && allowed.has('REFUSE');
  // One withdrawal proposal at a time: proposed while none is open, decided while one is.
  const isWithdrawalOpen = dossier.withdrawal != null && dossier.withdrawal.outcome === null;
  const forms = [
    allowed.has('START_REVIEW') ? <StartReviewForm key="start" perform={perform} /> : null,
    allowed.has('REQUEST_INFORMATION') ? (
      <RequestInformationForm key="request" perform={perform} errors={errors} />
    ) : null,
    allowed.has('GRANT') ? (
      <GrantForm key="grant" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
    isCoSigning ? <CoSignForm key="cosign" dossier={dossier} perform={perform} errors={errors} /> : null,
    isCoSigning && allowed.has('RETURN_REFUSAL') ? (
      <ReturnRefusalForm key="return" perform={perform} errors={errors} />
    ) : null,
    allowed.has('REFUSE') && !isCoSigning ? (
      <RefuseForm key="refuse" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
    allowed.has('PROPOSE_REVOCATION') && !isWithdrawalOpen ? (
      <ProposeWithdrawalForm key="propose-withdrawal" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
    allowed.has('REVOKE') && isWithdrawalOpen ? (
      <DecideWithdrawalForm key="decide-withdrawal" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
    allowed.has('DECIDE_APPEAL') ? (
      <DecideAppealForm key="appeal" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
  ].filter(Boolean);
  return (
    <Section id="actions" title={t('staff.panel.title')}>
      {dossier.pendingRefusal && !isCoSigning ? (
        <p className="staff-flag staff-flag--coSign staff-pending">{t('staff.panel.pendingRefusal')}</p>
      ) : null}
      {dossier.returnedRefusal ? <ReturnedRefusalNotice returned={dossier.returnedRefusal} /> : null}
      {forms.length === 0 ? <p>{t('staff.panel.none')}</p> : forms}
    </Section>
  );
}

function StartReviewForm({ perform }: { perform: Perform }) {
  const t = useT();
  return (
    <form
      className="staff-action"
      onSubmit={(event) => {
        event.preventDefault();
        void perform({ body: { action: 'START_REVIEW' }, fields: {}, done: t('staff.panel.done') });
      }}
    >
      <button type="submit" className="button">
        {t('staff.panel.startReview')}
      </button>
    </form>
  );
}

function GrantForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const maxMonths = dossier.assessment?.procedure.maxValidityMonths ?? null;
  const initial = proposedValidity(dossier, todayInBrussels());
  const [validFrom, setValidFrom] = useState(initial.validFrom);
  const [validUntil, setValidUntil] = useState(initial.validUntil);
  const [note, setNote] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  const [untilError, setUntilError] = useState('');
  const fields: FieldMap = {
    validFrom: { id: 'grant-valid-from', label: t('staff.panel.grant.validFrom') },
    validUntil: { id: 'grant-valid-until', label: t('staff.panel.grant.validUntil') },
    note: { id: 'grant-note', label: t('staff.panel.grant.note') },
  };

  // The letter's draft is fetched when the confirmation opens; its motivation may be rewritten.
  const letter = useLetterDraft(
    dossier.id,
    isConfirming ? { outcome: 'GRANTED', validFrom, validUntil, ...(note.trim() ? { note } : {}) } : null,
  );

  async function grant() {
    setConfirming(false);
    await perform({
      body: {
        action: 'GRANT',
        validFrom,
        validUntil,
        ...(note.trim() ? { note } : {}),
        ...(letter.state.status === 'ready' ? { letterMotivation: letter.state.motivation } : {}),
      },
      fields: {
        ...fields,
        letterMotivation: { id: 'grant-letter-motivation', label: t('staff.letterDraft.title') },
      },
      done: t('staff.panel.done'),
    });
  }

  return (
    <form
      className="staff-action"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // Said beside the field before the confirmation, not after it by the server.
        const problem = grantValidityProblem(validFrom, validUntil, maxMonths);
        if (problem?.rule === 'afterValidFrom') setUntilError(t('staff.panel.grant.untilBeforeFrom'));
        else if (problem?.rule === 'maxValidity')
          setUntilError(
            t('staff.panel.grant.untilTooLate', { months: maxMonths, latest: formatDate(problem.latest) }),
          );
        else setUntilError('');
        if (!problem) setConfirming(true);
      }}
    >
      <h3>{t('staff.panel.grant.title')}</h3>
      {maxMonths ? (
        <p className="staff-hint">{t('staff.panel.grant.maxHint', { months: maxMonths })}</p>
      ) : null}
      <TextField
        id="grant-valid-from"
        type="date"
        label={t('staff.panel.grant.validFrom')}
        value={validFrom}
        onChange={(event) => setValidFrom(event.target.value)}
        error={errors['grant-valid-from']}
      />
      <TextField
        id="grant-valid-until"
        type="date"
        label={t('staff.panel.grant.validUntil')}
        value={validUntil}
        onChange={(event) => setValidUntil(event.target.value)}
        error={untilError || errors['grant-valid-until']}
      />
      <TextArea
        id="grant-note"
        label={t('staff.panel.grant.note')}
        value={note}
        onChange={setNote}
        error={errors['grant-note']}
      />
      {isConfirming ? (
        <LetterDraftView
          id="grant-letter"
          state={letter.state}
          onMotivation={letter.setMotivation}
          error={errors['grant-letter-motivation']}
        />
      ) : null}
      {isConfirming ? (
        <ConfirmStep
          id="grant-confirm"
          title={t('staff.panel.grant.confirmTitle')}
          text={t('staff.panel.grant.confirmText', {
            from: formatDate(validFrom),
            until: formatDate(validUntil),
          })}
          confirmLabel={t('staff.panel.grant.confirm')}
          cancelLabel={t('staff.panel.cancel')}
          onConfirm={() => void grant()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="button">
          {t('staff.panel.grant.submit')}
        </button>
      )}
    </form>
  );
}

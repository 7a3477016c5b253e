import { useState } from 'react';
import { renderLegalBasis } from '../../../../../src/rules/messages/legal-basis.ts';
import { currentLang, useT } from '../../../i18n.ts';
import { formatDate, labelOf } from '../staff-format.ts';
import type { ReturnedRefusal } from '../staff-types.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { GroundsFieldset } from './grounds-fieldset.tsx';
import { LetterDraftView, useLetterDraft } from './letter-draft.tsx';
import { type FormProps, type Perform, TextActionForm, TextArea } from './panel-parts.tsx';

/**
 * Refusing: the case handler picks grounds from the legal grounds of the dossier's category
 * (the server's `refusalGrounds`, each with its legal basis and what the assessment found) and
 * writes the motivation the letter prints below them. The grounds the rules found with a refusing
 * effect start ticked; those "to weigh" (employer policy thresholds) are for the case handler to
 * tick. The server checks the choice (handling/refusal-grounds.ts) and names what is wrong.
 */
export function RefuseForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const grounds = dossier.refusalGrounds ?? [];
  const [chosen, setChosen] = useState<string[]>(
    dossier.returnedRefusal?.reasonCodes ??
      grounds
        .filter((ground) => (ground.found !== null && ground.effect === 'REFUSE') || ground.proposed)
        .map((g) => g.code),
  );
  const [note, setNote] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  // Only a case handler's refusal is a proposal; a supervisor (who may send proposals back) decides.
  const isProposal =
    dossier.refusalNeedsCoSign === true && !dossier.allowedActions.includes('RETURN_REFUSAL');
  const chosenLabels = grounds
    .filter((ground) => chosen.includes(ground.code))
    .map((ground) => labelOf(t, 'reasons', ground.code))
    .join('; ');

  // The letter's draft, in the dossier's language, when the confirmation opens.
  const letter = useLetterDraft(
    dossier.id,
    isConfirming ? { outcome: 'REFUSED', reasonCodes: chosen, note } : null,
  );

  async function refuse() {
    setConfirming(false);
    await perform({
      body: {
        action: 'REFUSE',
        reasonCodes: chosen,
        note,
        ...(letter.state.status === 'ready' ? { letterMotivation: letter.state.motivation } : {}),
      },
      fields: {
        // The summary links to the first checkbox: a fieldset cannot take the focus.
        reasonCodes: { id: 'refuse-reasons', label: t('staff.panel.refuse.reasons') },
        note: { id: 'refuse-note', label: t('staff.panel.refuse.note') },
        letterMotivation: { id: 'refuse-letter-motivation', label: t('staff.letterDraft.title') },
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
        // Incomplete: let the server name what is missing, next to the fields, without a confirmation.
        if (chosen.length === 0 || !note.trim()) void refuse();
        else setConfirming(true);
      }}
    >
      <h3>{t('staff.panel.refuse.title')}</h3>
      <GroundsFieldset
        id="refuse-reasons"
        legend={t('staff.panel.refuse.reasons')}
        hint={t('staff.panel.refuse.reasonsHint')}
        error={errors['refuse-reasons']}
        grounds={grounds.map((ground) => ({
          code: ground.code,
          label: (
            <>
              {labelOf(t, 'reasons', ground.code)}
              {ground.effect === 'REVIEW' ? ` (${t('staff.panel.refuse.toWeigh')})` : null}
            </>
          ),
          legalBasis: renderLegalBasis(ground.legalBasis, currentLang()),
          found: ground.found,
          proposed: ground.proposed
            ? t('staff.panel.refuse.proposed', {
                date: formatDate(ground.proposed.on),
                by: ground.proposed.by ?? t('staff.panel.refuse.inspection'),
                facts: ground.proposed.facts,
              })
            : null,
        }))}
        chosen={chosen}
        onChange={setChosen}
      />
      <TextArea
        id="refuse-note"
        label={t('staff.panel.refuse.note')}
        hint={t('staff.panel.refuse.noteHint')}
        value={note}
        onChange={setNote}
        error={errors['refuse-note']}
      />
      {isConfirming ? (
        <LetterDraftView
          id="refuse-letter"
          state={letter.state}
          onMotivation={letter.setMotivation}
          error={errors['refuse-letter-motivation']}
        />
      ) : null}
      {isConfirming ? (
        <ConfirmStep
          id="refuse-confirm"
          title={t('staff.panel.refuse.confirmTitle')}
          text={t(isProposal ? 'staff.panel.refuse.confirmProposalText' : 'staff.panel.refuse.confirmText', {
            grounds: chosenLabels,
          })}
          confirmLabel={t(isProposal ? 'staff.panel.refuse.confirmProposal' : 'staff.panel.refuse.confirm')}
          cancelLabel={t('staff.panel.cancel')}
          isDanger
          onConfirm={() => void refuse()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="button button--danger">
          {t('staff.panel.refuse.submit')}
        </button>
      )}
    </form>
  );
}

/** For the case handler: the supervisor sent the last proposal back, and why. */
export function ReturnedRefusalNotice({ returned }: { returned: ReturnedRefusal }) {
  const t = useT();
  return (
    <div className="staff-returned" data-testid="returned-refusal">
      <h3>{t('staff.panel.refuse.returnedTitle')}</h3>
      <p>
        {returned.returnedBy
          ? t('staff.panel.refuse.returnedBy', {
              name: returned.returnedBy,
              date: formatDate(returned.returnedOn),
            })
          : t('staff.panel.refuse.returnedBySomeone', { date: formatDate(returned.returnedOn) })}
      </p>
      <blockquote className="staff-quote">{returned.note}</blockquote>
    </div>
  );
}

/** The supervisor co-signs a proposed refusal as it stands (a REFUSE without grounds of their own). */
export function CoSignForm({ dossier, perform }: FormProps) {
  const t = useT();
  const [isConfirming, setConfirming] = useState(false);
  const pending = dossier.pendingRefusal;
  const grounds = dossier.refusalGrounds ?? [];
  return (
    <form
      className="staff-action"
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <h3>{t('staff.panel.coSign.title')}</h3>
      <p className="staff-flag staff-flag--coSign staff-pending">{t('staff.panel.pendingRefusal')}</p>
      {pending && pending.reasonCodes.length > 0 ? (
        <>
          <p>{t('staff.panel.coSign.reasons')}</p>
          <ul className="list--bullet">
            {pending.reasonCodes.map((code) => {
              const basis = grounds.find((ground) => ground.code === code)?.legalBasis;
              return (
                <li key={code}>
                  {labelOf(t, 'reasons', code)}
                  {basis
                    ? ` (${t('staff.panel.refuse.legalBasis', { basis: renderLegalBasis(basis, currentLang()) })})`
                    : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {pending?.note ? (
        <>
          <p>{t('staff.panel.coSign.motivation')}</p>
          <blockquote className="staff-quote">{pending.note}</blockquote>
        </>
      ) : null}
      {isConfirming ? (
        <ConfirmStep
          id="cosign-confirm"
          title={t('staff.panel.coSign.confirmTitle')}
          text={t('staff.panel.coSign.confirmText')}
          confirmLabel={t('staff.panel.coSign.confirm')}
          cancelLabel={t('staff.panel.cancel')}
          isDanger
          onConfirm={() => {
            setConfirming(false);
            void perform({
              body: { action: 'REFUSE', reasonCodes: [] },
              fields: {},
              done: t('staff.panel.done'),
            });
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="button button--danger">
          {t('staff.panel.coSign.submit')}
        </button>
      )}
    </form>
  );
}

/** The supervisor sends a proposed refusal back to the case handler, with a note saying why. */
export function ReturnRefusalForm({ perform, errors }: { perform: Perform; errors: Record<string, string> }) {
  const t = useT();
  return (
    <TextActionForm
      perform={perform}
      errors={errors}
      action="RETURN_REFUSAL"
      field="note"
      id="return-note"
      title={t('staff.panel.returnRefusal.title')}
      label={t('staff.panel.returnRefusal.note')}
      hint={t('staff.panel.returnRefusal.noteHint')}
      submit={t('staff.panel.returnRefusal.submit')}
      isSecondary
    />
  );
}

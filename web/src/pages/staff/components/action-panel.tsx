import { type FormEvent, useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';
import { useT } from '../../../i18n.ts';
import { defaultValidity, labelOf, todayInBrussels } from '../staff-format.ts';
import { APPEAL_OUTCOMES, type AppealOutcome, type DossierOverview } from '../staff-types.ts';
import { Section } from './dossier-sections.tsx';
import type { FieldMap } from './form-errors.ts';

/** One request of the overview's forms; resolves true when the server accepted it. */
export interface PerformRequest {
  /** Defaults to `POST /api/v1/dossiers/:id/actions`, whose answer is the new overview. */
  path?: string;
  body: Record<string, unknown>;
  fields: FieldMap;
  returnsOverview?: boolean;
  done: string;
}
export type Perform = (request: PerformRequest) => Promise<boolean>;

interface FormProps {
  dossier: DossierOverview;
  perform: Perform;
  errors: Record<string, string>;
}

interface PanelProps {
  dossier: DossierOverview;
  perform: Perform;
  errors: Record<string, string>;
  isSupervisor: boolean;
}

/**
 * The actions the server allows this reader now (`allowedActions`), and only those: start the
 * review, request information, grant, refuse, or, for a supervisor facing a proposed refusal,
 * co-sign it, and decide an appeal (supervisors only, by the lifecycle table).
 */
export function ActionPanel({ dossier, perform, errors, isSupervisor }: PanelProps) {
  const t = useT();
  const allowed = new Set(dossier.allowedActions);
  const isCoSigning = isSupervisor && dossier.pendingRefusal !== null && allowed.has('REFUSE');
  const forms = [
    allowed.has('START_REVIEW') ? <StartReviewForm key="start" perform={perform} /> : null,
    allowed.has('REQUEST_INFORMATION') ? (
      <RequestInformationForm key="request" perform={perform} errors={errors} />
    ) : null,
    allowed.has('GRANT') ? (
      <GrantForm key="grant" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
    isCoSigning ? <CoSignForm key="cosign" dossier={dossier} perform={perform} /> : null,
    allowed.has('REFUSE') && !isCoSigning ? (
      <RefuseForm key="refuse" dossier={dossier} perform={perform} errors={errors} />
    ) : null,
    allowed.has('DECIDE_APPEAL') ? <DecideAppealForm key="appeal" perform={perform} errors={errors} /> : null,
  ].filter(Boolean);
  return (
    <Section id="actions" title={t('staff.panel.title')}>
      {dossier.pendingRefusal && !isCoSigning ? (
        <p className="staff-flag staff-flag--coSign staff-pending">{t('staff.panel.pendingRefusal')}</p>
      ) : null}
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

function TextArea(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={props.error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="staff-hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="field-error">
          <span className="visually-hidden">{t('shell.errorPrefix')} </span>
          {props.error}
        </p>
      ) : null}
      <textarea
        id={props.id}
        className={props.error ? 'input staff-textarea input--error' : 'input staff-textarea'}
        rows={4}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

function RequestInformationForm({ perform, errors }: { perform: Perform; errors: Record<string, string> }) {
  const t = useT();
  const [question, setQuestion] = useState('');
  const label = t('staff.panel.requestInformation.question');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await perform({
      body: { action: 'REQUEST_INFORMATION', question },
      fields: { question: { id: 'info-question', label } },
      done: t('staff.panel.done'),
    });
    if (ok) setQuestion('');
  }

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
      <h3>{t('staff.panel.requestInformation.title')}</h3>
      <TextArea
        id="info-question"
        label={label}
        hint={t('staff.panel.requestInformation.hint')}
        value={question}
        onChange={setQuestion}
        error={errors['info-question']}
      />
      <button type="submit" className="button">
        {t('staff.panel.requestInformation.submit')}
      </button>
    </form>
  );
}

function GrantForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const startDate = (dossier.application.job as { startDate?: string } | undefined)?.startDate;
  const maxMonths = dossier.assessment?.procedure.maxValidityMonths ?? null;
  const initial = defaultValidity(startDate, maxMonths, todayInBrussels());
  const [validFrom, setValidFrom] = useState(initial.validFrom);
  const [validUntil, setValidUntil] = useState(initial.validUntil);
  const [note, setNote] = useState('');
  const fields: FieldMap = {
    validFrom: { id: 'grant-valid-from', label: t('staff.panel.grant.validFrom') },
    validUntil: { id: 'grant-valid-until', label: t('staff.panel.grant.validUntil') },
    note: { id: 'grant-note', label: t('staff.panel.grant.note') },
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void perform({
      body: { action: 'GRANT', validFrom, validUntil, ...(note.trim() ? { note } : {}) },
      fields,
      done: t('staff.panel.done'),
    });
  }

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
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
        error={errors['grant-valid-until']}
      />
      <TextArea
        id="grant-note"
        label={t('staff.panel.grant.note')}
        value={note}
        onChange={setNote}
        error={errors['grant-note']}
      />
      <button type="submit" className="button">
        {t('staff.panel.grant.submit')}
      </button>
    </form>
  );
}

function RefuseForm({ dossier, perform, errors }: FormProps) {
  const t = useT();
  const candidates = (dossier.assessment?.reasons ?? []).filter(
    (reason) => reason.effect === 'REFUSE' || reason.effect === 'REVIEW',
  );
  const [chosen, setChosen] = useState<string[]>(
    candidates.filter((reason) => reason.effect === 'REFUSE').map((reason) => reason.code),
  );
  const [note, setNote] = useState('');
  const reasonsError = errors['refuse-reasons'];

  function toggle(code: string, isChecked: boolean) {
    setChosen((current) => (isChecked ? [...current, code] : current.filter((c) => c !== code)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void perform({
      body: { action: 'REFUSE', reasonCodes: chosen, ...(note.trim() ? { note } : {}) },
      fields: {
        // The summary links to the first checkbox: a fieldset cannot take the focus.
        reasonCodes:
          candidates.length > 0
            ? { id: 'refuse-reasons', label: t('staff.panel.refuse.reasons') }
            : { id: 'refuse-note', label: t('staff.panel.refuse.note') },
        note: { id: 'refuse-note', label: t('staff.panel.refuse.note') },
      },
      done: t('staff.panel.done'),
    });
  }

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
      <h3>{t('staff.panel.refuse.title')}</h3>
      {candidates.length > 0 ? (
        <fieldset
          className={reasonsError ? 'staff-fieldset form-group--error' : 'staff-fieldset'}
          aria-describedby={reasonsError ? 'refuse-reasons-hint refuse-reasons-error' : 'refuse-reasons-hint'}
        >
          <legend className="label">{t('staff.panel.refuse.reasons')}</legend>
          <p id="refuse-reasons-hint" className="staff-hint">
            {t('staff.panel.refuse.reasonsHint')}
          </p>
          {reasonsError ? (
            <p id="refuse-reasons-error" className="field-error">
              {reasonsError}
            </p>
          ) : null}
          {candidates.map((reason, index) => (
            <div key={reason.code} className="staff-checkbox">
              <input
                type="checkbox"
                id={index === 0 ? 'refuse-reasons' : `refuse-reason-${reason.code}`}
                value={reason.code}
                checked={chosen.includes(reason.code)}
                onChange={(event) => toggle(reason.code, event.target.checked)}
              />
              <label htmlFor={index === 0 ? 'refuse-reasons' : `refuse-reason-${reason.code}`}>
                {labelOf(t, 'reasons', reason.code)} ({labelOf(t, 'effects', reason.effect)})
              </label>
            </div>
          ))}
        </fieldset>
      ) : (
        <p className="staff-hint">{t('staff.panel.refuse.noReasons')}</p>
      )}
      <TextArea
        id="refuse-note"
        label={t('staff.panel.refuse.note')}
        value={note}
        onChange={setNote}
        error={errors['refuse-note']}
      />
      <button type="submit" className="button">
        {t('staff.panel.refuse.submit')}
      </button>
    </form>
  );
}

function CoSignForm({ dossier, perform }: { dossier: DossierOverview; perform: Perform }) {
  const t = useT();
  const pending = dossier.pendingRefusal;
  return (
    <form
      className="staff-action"
      onSubmit={(event) => {
        event.preventDefault();
        // A supervisor's REFUSE without reasons of their own co-signs the proposal as it stands.
        void perform({
          body: { action: 'REFUSE', reasonCodes: [] },
          fields: {},
          done: t('staff.panel.done'),
        });
      }}
    >
      <h3>{t('staff.panel.coSign.title')}</h3>
      <p className="staff-flag staff-flag--coSign staff-pending">{t('staff.panel.pendingRefusal')}</p>
      {pending && pending.reasonCodes.length > 0 ? (
        <>
          <p>{t('staff.panel.coSign.reasons')}</p>
          <ul className="list--bullet">
            {pending.reasonCodes.map((code) => (
              <li key={code}>{labelOf(t, 'reasons', code)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {pending?.note ? <p>{pending.note}</p> : null}
      <button type="submit" className="button">
        {t('staff.panel.coSign.submit')}
      </button>
    </form>
  );
}

/**
 * The supervisor's decision on an employer's appeal against a refusal (reference.md §5.3): the
 * refusal confirmed or overturned, with the reasons in a required note. The server checks both
 * (perform-action.ts `DECIDE_APPEAL`); its messages come back next to the fields.
 */
function DecideAppealForm({ perform, errors }: { perform: Perform; errors: Record<string, string> }) {
  const t = useT();
  const [outcome, setOutcome] = useState<AppealOutcome | null>(null);
  const [note, setNote] = useState('');
  const outcomeLabel = t('staff.panel.decideAppeal.outcome');
  const noteLabel = t('staff.panel.decideAppeal.note');
  const outcomeError = errors['appeal-outcome'];
  // The summary links to the first radio: a fieldset cannot take the focus.
  const firstId = 'appeal-outcome';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void perform({
      // Without a choice the outcome is left out, so the server names it as missing.
      body: { action: 'DECIDE_APPEAL', ...(outcome ? { appealOutcome: outcome } : {}), note },
      fields: {
        appealOutcome: { id: firstId, label: outcomeLabel },
        note: { id: 'appeal-note', label: noteLabel },
      },
      done: t('staff.panel.done'),
    });
  }

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
      <h3>{t('staff.panel.decideAppeal.title')}</h3>
      <fieldset
        className={outcomeError ? 'staff-fieldset form-group--error' : 'staff-fieldset'}
        aria-describedby={outcomeError ? 'appeal-outcome-error' : undefined}
      >
        <legend className="label">{outcomeLabel}</legend>
        {outcomeError ? (
          <p id="appeal-outcome-error" className="field-error">
            <span className="visually-hidden">{t('shell.errorPrefix')} </span>
            {outcomeError}
          </p>
        ) : null}
        {APPEAL_OUTCOMES.map((value, index) => {
          const id = index === 0 ? firstId : `appeal-outcome-${value}`;
          return (
            <div key={value} className="staff-radio">
              <input
                type="radio"
                id={id}
                name="appeal-outcome"
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              <label htmlFor={id}>{labelOf(t, 'appealOutcomes', value)}</label>
            </div>
          );
        })}
      </fieldset>
      <TextArea
        id="appeal-note"
        label={noteLabel}
        hint={t('staff.panel.decideAppeal.noteHint')}
        value={note}
        onChange={setNote}
        error={errors['appeal-note']}
      />
      <button type="submit" className="button">
        {t('staff.panel.decideAppeal.submit')}
      </button>
    </form>
  );
}

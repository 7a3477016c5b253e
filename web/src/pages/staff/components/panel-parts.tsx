import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n.ts';
import type { DossierOverview } from '../staff-types.ts';
import type { FieldMap } from './form-errors.ts';

/** What the action panel's forms share: how they send a request, and their text area. */

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

export interface FormProps {
  dossier: DossierOverview;
  perform: Perform;
  errors: Record<string, string>;
}

export function TextArea(props: {
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

/**
 * An action whose only input is one text (a question to the employer, a note sending a refusal
 * back): the text is sent under `field`, its errors shown next to it, and it is emptied once done.
 */
export function TextActionForm(props: {
  perform: Perform;
  errors: Record<string, string>;
  action: string;
  field: string;
  id: string;
  title: string;
  label: string;
  hint: string;
  submit: string;
  isSecondary?: boolean;
}) {
  const t = useT();
  const [text, setText] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await props.perform({
      body: { action: props.action, [props.field]: text },
      fields: { [props.field]: { id: props.id, label: props.label } },
      done: t('staff.panel.done'),
    });
    if (ok) setText('');
  }

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
      <h3>{props.title}</h3>
      <TextArea
        id={props.id}
        label={props.label}
        hint={props.hint}
        value={text}
        onChange={setText}
        error={props.errors[props.id]}
      />
      <button type="submit" className={props.isSecondary ? 'button button--secondary' : 'button'}>
        {props.submit}
      </button>
    </form>
  );
}

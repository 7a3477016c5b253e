import type { TextareaHTMLAttributes } from 'react';
import { FieldErrorMessage } from './field-error-message.tsx';

interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled multi-line text field, its hint and error message tied to it. */
export function TextareaField({ id, label, error, hint, ...textarea }: TextareaFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="form-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrorMessage id={errorId} message={error} />
      <textarea
        id={id}
        className={error ? 'form-textarea input--error' : 'form-textarea'}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...textarea}
      />
    </div>
  );
}

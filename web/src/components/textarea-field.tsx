import type { TextareaHTMLAttributes } from 'react';
import { describedByOf, FieldFrame } from './field-frame.tsx';

interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled multi-line text field, its hint and error message tied to it. */
export function TextareaField({ id, label, error, hint, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={error ? 'form-textarea input--error' : 'form-textarea'}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}

import type { InputHTMLAttributes } from 'react';
import { useT } from '../i18n.ts';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
}

/** A labelled input with its error message above it, tied together by `aria-describedby`. */
export function TextField({ id, label, error, className, ...input }: TextFieldProps) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">{t('shell.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        className={['input', error ? 'input--error' : '', className ?? ''].join(' ').trim()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
    </div>
  );
}

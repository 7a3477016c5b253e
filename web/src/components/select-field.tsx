import type { SelectHTMLAttributes } from 'react';
import { FieldErrorMessage } from './field-error-message.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  options: readonly SelectOption[];
  /** The text of the empty first option ("choose…"); none when absent. */
  placeholder?: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled select with its hint and error message tied to it by `aria-describedby`. */
export function SelectField({ id, label, options, placeholder, error, hint, ...select }: SelectFieldProps) {
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
      <select
        id={id}
        className={error ? 'select form-select input--error' : 'select form-select'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

import type { SelectHTMLAttributes } from 'react';
import { describedByOf, FieldFrame } from './field-frame.tsx';

export interface SelectOption {
  value: string;
  label: string;
  /** The label's language when it differs from the page's (a parameter's English description). */
  lang?: string;
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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={error ? 'select form-select input--error' : 'select form-select'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, hint, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

import type { ReactNode } from 'react';
import { FieldErrorMessage } from './field-error-message.tsx';

export interface RadioOption {
  value: string;
  label: string;
  /** A one-line explanation under the option's label. */
  hint?: string;
}

interface RadioGroupProps {
  /** The id of the first radio: the error summary links there. */
  id: string;
  name: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  inline?: boolean;
}

/** Radios in a fieldset whose legend is the question, the error message under the legend. */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  inline,
}: RadioGroupProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="form-fieldset" aria-describedby={describedBy}>
        <legend className="form-legend">{legend}</legend>
        {hint ? (
          <p id={hintId} className="form-hint">
            {hint}
          </p>
        ) : null}
        <FieldErrorMessage id={errorId} message={error} />
        <div className={inline ? 'form-radios form-radios--inline' : 'form-radios'}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            const optionHintId = `${optionId}-hint`;
            return (
              <div key={option.value} className="form-radio">
                <input
                  id={optionId}
                  className="form-radio__input"
                  type="radio"
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? optionHintId : undefined}
                />
                <label className="form-radio__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <p id={optionHintId} className="form-hint form-radio__hint">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

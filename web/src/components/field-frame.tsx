import type { ReactNode } from 'react';
import { FieldErrorMessage } from './field-error-message.tsx';

/**
 * What every form control shares (GOV.UK / NL Design System): the label, an optional hint, the
 * error message, and the ids the control points to with `aria-describedby`.
 */
export function describedByOf(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrorMessage id={`${id}-error`} message={error} />
      {children}
    </div>
  );
}

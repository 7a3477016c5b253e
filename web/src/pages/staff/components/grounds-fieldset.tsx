import type { ReactNode } from 'react';
import { useT } from '../../../i18n.ts';

/** A legal ground as the case handler picks it: its statement, its legal basis, and what was found. */
export interface PickableGround {
  code: string;
  label: ReactNode;
  legalBasis: string | null;
  /** What the assessment found for this ground, when it found anything. */
  found?: string | null;
  /** An inspector's proposal of this ground, as a sentence, when there is one. */
  proposed?: string | null;
}

/**
 * The legal grounds of a refusal or a withdrawal as checkboxes, each with its legal basis: one
 * fieldset whose first checkbox carries `id`, so that the error summary can link to it (a fieldset
 * cannot take the focus).
 */
export function GroundsFieldset(props: {
  id: string;
  legend: string;
  hint?: string;
  error: string | undefined;
  grounds: readonly PickableGround[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const t = useT();
  const { id, hint, error, chosen } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error ? 'staff-fieldset form-group--error' : 'staff-fieldset'}
      aria-describedby={describedBy || undefined}
    >
      <legend className="label">{props.legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="staff-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('shell.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {props.grounds.map((ground, index) => {
        const boxId = index === 0 ? id : `${id}-${ground.code}`;
        return (
          <div key={ground.code} className="staff-checkbox staff-ground">
            <input
              type="checkbox"
              id={boxId}
              value={ground.code}
              checked={chosen.includes(ground.code)}
              onChange={(event) =>
                props.onChange(
                  event.target.checked
                    ? [...chosen, ground.code]
                    : chosen.filter((code) => code !== ground.code),
                )
              }
              aria-describedby={ground.legalBasis ? `${boxId}-basis` : undefined}
            />
            <label htmlFor={boxId}>{ground.label}</label>
            {ground.legalBasis ? (
              <div id={`${boxId}-basis`} className="staff-ground__details">
                <p className="staff-hint">
                  {t('staff.panel.refuse.legalBasis', { basis: ground.legalBasis })}
                </p>
                {ground.found ? (
                  <p className="staff-ground__found">
                    {t('staff.panel.refuse.found', { message: ground.found })}
                  </p>
                ) : null}
                {ground.proposed ? <p className="staff-ground__found">{ground.proposed}</p> : null}
              </div>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

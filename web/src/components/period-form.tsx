import { type FormEvent, useState } from 'react';
import { useT } from '../i18n.ts';
import { TextField } from './text-field.tsx';

export interface Period {
  readonly from: string;
  readonly to: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a period as typed, per field (catalogue keys), or nothing. */
export function periodErrors(period: Period): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  for (const field of ['from', 'to'] as const) {
    const value = period[field];
    if (!value) errors[field] = 'period.required';
    else if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(value))) errors[field] = 'period.invalid';
  }
  if (!errors.from && !errors.to && period.from > period.to) errors.from = 'period.order';
  return errors;
}

/**
 * Two dates and a button for the figures of a period (lead times, inspection figures): a period
 * left empty, impossible or ending before it starts is said beside its field in the reader's
 * language, before anything is asked of the server.
 */
export function PeriodForm({
  idPrefix,
  labels,
  period,
  onSubmit,
}: {
  idPrefix: string;
  labels: { from: string; to: string; submit: string };
  period: Period;
  onSubmit: (period: Period) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(period);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = periodErrors(draft);
    setErrors(found);
    if (!found.from && !found.to) onSubmit(draft);
  }

  const message = (key: string | undefined) => (key ? t(key as 'period.required') : undefined);
  return (
    <form className="staff-filter-row" noValidate onSubmit={submit}>
      <TextField
        id={`${idPrefix}-from`}
        type="date"
        label={labels.from}
        value={draft.from}
        error={message(errors.from)}
        onChange={(event) => setDraft({ ...draft, from: event.target.value })}
      />
      <TextField
        id={`${idPrefix}-to`}
        type="date"
        label={labels.to}
        value={draft.to}
        error={message(errors.to)}
        onChange={(event) => setDraft({ ...draft, to: event.target.value })}
      />
      <div className="form-group staff-filter-row__submit">
        <button type="submit" className="button button--secondary">
          {labels.submit}
        </button>
      </div>
    </form>
  );
}

import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n.ts';
import { useApiLoad } from '../../use-api-load.ts';

/** One row of the spending form: text as typed, numbers read only when sent. */
export interface SpendingRow {
  key: number;
  year: string;
  funder: string;
  amount: string;
}

let nextRowKey = 0;
export const spendingRow = (row: Partial<Omit<SpendingRow, 'key'>> = {}): SpendingRow => ({
  key: nextRowKey++,
  year: row.year ?? '',
  funder: row.funder ?? '',
  amount: row.amount ?? '',
});

/** A row is sent once anything is filled in; an empty row is left out (not an error). */
export const isFilled = (row: SpendingRow) =>
  row.year.trim() !== '' || row.funder.trim() !== '' || row.amount.trim() !== '';

/** The labels of a row's fields, by the form's error keys (`spending.0.year`), and the total's. */
export function spendingLabels(t: ReturnType<typeof useT>, rows: readonly SpendingRow[]) {
  const labels: Record<string, string> = { spending: t('talent.pilotForm.spendingTotal') };
  rows.forEach((_, index) => {
    const row = index + 1;
    labels[`spending.${index}.year`] = t('talent.pilotForm.spendingYear', { row });
    labels[`spending.${index}.funder`] = t('talent.pilotForm.spendingFunder', { row });
    labels[`spending.${index}.amountEur`] = t('talent.pilotForm.spendingAmount', { row });
  });
  return labels;
}

/**
 * The project's spending per year and funder (question 000 q1): rows the analyst adds, corrects
 * or removes; the server checks them against the funders, the period and the budget.
 */
export function SpendingFields({
  rows,
  onChange,
  errors,
  idOf,
  labels,
}: {
  rows: readonly SpendingRow[];
  onChange(rows: SpendingRow[]): void;
  errors: Record<string, string>;
  idOf(key: string): string;
  labels: Record<string, string>;
}) {
  const t = useT();
  const update = (key: number, change: Partial<SpendingRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset className="form-fieldset" aria-describedby="pilot-spending-hint" id={idOf('spending')}>
      <legend className="form-legend">{t('talent.pilotForm.spendingLegend')}</legend>
      <p id="pilot-spending-hint" className="form-hint">
        {t('talent.pilotForm.spendingHint')}
      </p>
      {errors.spending ? <p className="field-error">{errors.spending}</p> : null}
      {rows.map((row, index) => (
        <div key={row.key} className="gov-mandate">
          <TextField
            id={idOf(`spending.${index}.year`)}
            label={labels[`spending.${index}.year`] as string}
            value={row.year}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            onChange={(event) => update(row.key, { year: event.target.value })}
            error={errors[`spending.${index}.year`]}
          />
          <TextField
            id={idOf(`spending.${index}.funder`)}
            label={labels[`spending.${index}.funder`] as string}
            value={row.funder}
            maxLength={40}
            autoComplete="off"
            onChange={(event) => update(row.key, { funder: event.target.value })}
            error={errors[`spending.${index}.funder`]}
          />
          <TextField
            id={idOf(`spending.${index}.amountEur`)}
            label={labels[`spending.${index}.amountEur`] as string}
            value={row.amount}
            inputMode="decimal"
            autoComplete="off"
            onChange={(event) => update(row.key, { amount: event.target.value })}
            error={errors[`spending.${index}.amountEur`]}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            {t('talent.pilotForm.spendingRemove', { row: index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...rows, spendingRow()])}
      >
        {t('talent.pilotForm.spendingAdd')}
      </button>
    </fieldset>
  );
}

/**
 * The operator: one of the active partner organisations (its accounts record the participants),
 * or none. One chosen earlier and since deactivated stays listed, so saving keeps it.
 */
export function OperatorField({
  value,
  current,
  onChange,
  error,
  id,
  label,
}: {
  value: string;
  current: { id: string; name: string } | null;
  onChange(value: string): void;
  error: string | undefined;
  id: string;
  label: string;
}) {
  const t = useT();
  const { load } = useApiLoad<{ operators: Array<{ id: string; name: string }> }>(
    '/api/v1/talent/pilot-operators',
  );
  const active = load.status === 'ready' ? load.data.operators : [];
  const options = [...(current && !active.some((o) => o.id === current.id) ? [current] : []), ...active].map(
    (operator) => ({ value: operator.id, label: operator.name }),
  );
  return (
    <SelectField
      id={id}
      label={label}
      hint={t('talent.pilotForm.operatorHint')}
      placeholder={t('talent.pilotForm.noOperator')}
      options={options}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}

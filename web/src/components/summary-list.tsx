import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
  /** A link or button for the row, e.g. "Change". */
  action?: ReactNode;
}

/** Label/value pairs as a definition list (GOV.UK "summary list"). */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="emp-summary-list">
      {rows.map((row) => (
        <div key={row.key} className="emp-summary-list__row">
          <dt className="emp-summary-list__key">{row.label}</dt>
          <dd className="emp-summary-list__value">{row.value}</dd>
          {row.action ? <dd className="emp-summary-list__action">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

import { useEffect, useRef } from 'react';
import { hasNewItems } from '../form-errors.ts';
import { useShellText } from './shell-texts.tsx';

export interface SummaryItem {
  message: string;
  /** The id of the field the message is about; the item then links to it. */
  fieldId?: string;
}

/**
 * The error summary of GOV.UK Frontend and NL Design System: at the top of the form, announced and
 * focused when it appears, each message a link that moves the focus to its field.
 */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const title = useShellText('errorSummaryTitle');
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<readonly SummaryItem[]>([]);
  useEffect(() => {
    // Focused when it says something new; an item that goes as its field is changed leaves the
    // focus in that field.
    if (hasNewItems(shown.current, items)) ref.current?.focus();
    shown.current = items;
  }, [items]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) =>
          item.fieldId ? (
            <li key={`${item.fieldId}:${item.message}`}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  const field = document.getElementById(item.fieldId ?? '');
                  field?.scrollIntoView({ block: 'center' });
                  field?.focus();
                }}
              >
                {item.message}
              </a>
            </li>
          ) : (
            <li key={item.message}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}

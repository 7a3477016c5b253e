// The shape of an error summary's item (components/error-summary.tsx), kept here without importing it.
interface SummaryItem {
  message: string;
  fieldId?: string;
}

/**
 * A field's message is about the answer that was sent. Once the user changes that field it no
 * longer holds: it goes from beside the field and from the summary at once, not at the next submit.
 */
export function summaryWithout<I extends SummaryItem>(summary: readonly I[], fieldId: string): I[] {
  return summary.filter((item) => item.fieldId !== fieldId);
}

/** `messages` without the one of `key` (the same object when there is none, so React skips a render). */
export function messagesWithout<T extends Record<string, string | undefined>>(messages: T, key: string): T {
  if (messages[key] === undefined) return messages;
  const { [key]: _changed, ...rest } = messages;
  return rest as T;
}

/** Whether `next` holds a message `previous` did not: only then is a summary new (and focused). */
export function hasNewItems(previous: readonly SummaryItem[], next: readonly SummaryItem[]): boolean {
  const known = new Set(previous.map((item) => `${item.fieldId ?? ''}:${item.message}`));
  return next.some((item) => !known.has(`${item.fieldId ?? ''}:${item.message}`));
}

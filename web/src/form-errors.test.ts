import { describe, expect, it } from 'vitest';
import { hasNewItems, messagesWithout, summaryWithout } from './form-errors.ts';

describe('a field error once its field is changed', () => {
  const summary = [
    { message: 'Voornamen is verplicht', fieldId: 'field-givenNames' },
    { message: 'Familienaam is verplicht', fieldId: 'field-familyName' },
    { message: 'Er is een probleem' },
  ];

  it('leaves the summary and the field, the others stay', () => {
    expect(summaryWithout(summary, 'field-givenNames')).toEqual(summary.slice(1));
    expect(messagesWithout({ a: 'Dit veld is verplicht.', b: 'Dit veld is verplicht.' }, 'a')).toEqual({
      b: 'Dit veld is verplicht.',
    });
  });

  it('gives the same messages back when the field had none', () => {
    const messages = { a: 'Dit veld is verplicht.' };
    expect(messagesWithout(messages, 'b')).toBe(messages);
  });

  it('calls a summary new only when it says something it did not (to move the focus to it)', () => {
    expect(hasNewItems([], summary)).toBe(true);
    expect(hasNewItems(summary, summary.slice(1))).toBe(false);
    expect(hasNewItems(summary.slice(1), summary)).toBe(true);
  });
});

import { type FormEvent, useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';
import { useT } from '../../../i18n.ts';
import { type Perform, TextArea } from './panel-parts.tsx';

/**
 * The case handler's question to the employer, with the day the answer is due: left empty, the
 * service's default (15 days) applies; the employer sees the day and is reminded before it.
 */
export function RequestInformationForm({
  perform,
  errors,
}: {
  perform: Perform;
  errors: Record<string, string>;
}) {
  const t = useT();
  const [question, setQuestion] = useState('');
  const [dueOn, setDueOn] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const label = t('staff.panel.requestInformation.question');
    const dueLabel = t('staff.panel.requestInformation.answerDueOn');
    const ok = await perform({
      body: { action: 'REQUEST_INFORMATION', question, ...(dueOn ? { answerDueOn: dueOn } : {}) },
      fields: {
        question: { id: 'info-question', label },
        answerDueOn: { id: 'info-answer-due-on', label: dueLabel },
      },
      done: t('staff.panel.done'),
    });
    if (ok) {
      setQuestion('');
      setDueOn('');
    }
  }

  return (
    <form className="staff-action" noValidate onSubmit={onSubmit}>
      <h3>{t('staff.panel.requestInformation.title')}</h3>
      <TextArea
        id="info-question"
        label={t('staff.panel.requestInformation.question')}
        hint={t('staff.panel.requestInformation.hint')}
        value={question}
        onChange={setQuestion}
        error={errors['info-question']}
      />
      <p id="info-answer-due-on-hint" className="staff-hint">
        {t('staff.panel.requestInformation.answerDueOnHint')}
      </p>
      <TextField
        id="info-answer-due-on"
        type="date"
        label={t('staff.panel.requestInformation.answerDueOn')}
        value={dueOn}
        onChange={(event) => setDueOn(event.target.value)}
        error={errors['info-answer-due-on']}
      />
      <button type="submit" className="button">
        {t('staff.panel.requestInformation.submit')}
      </button>
    </form>
  );
}

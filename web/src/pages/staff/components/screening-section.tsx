import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { useT } from '../../../i18n.ts';
import { useSession } from '../../../session.tsx';
import { formatDate } from '../staff-format.ts';
import type { DossierOverview } from '../staff-types.ts';
import { Section } from './dossier-sections.tsx';
import { TextArea } from './panel-parts.tsx';

const OPEN = ['SUBMITTED', 'ADMISSIBLE', 'IN_REVIEW', 'INFORMATION_REQUESTED'];

/**
 * Ministers of religion (policy note 002 §2.7, 1.): the case handler may put the dossier to the
 * Informatie- en Screeningsdienst of the Agentschap Binnenlands Bestuur for advice, then records
 * the advice received (src/dossiers/staff/screening.routes.ts). Both steps are in the staff
 * history; the advice informs the decision and is never shown to the employer or the worker.
 */
export function ScreeningSection({
  dossier,
  canAct,
  onChanged,
}: {
  dossier: DossierOverview;
  canAct: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { api } = useSession();
  const [text, setText] = useState('');
  const [advice, setAdvice] = useState<'NO_OBJECTION' | 'OBJECTION' | ''>('');
  const [error, setError] = useState('');
  if (dossier.category !== 'MINISTER_OF_RELIGION') return null;
  const screening = dossier.screening ?? null;
  const isAwaiting = screening !== null && screening.advice === null;
  const canWork = canAct && OPEN.includes(dossier.status);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = isAwaiting
      ? { step: 'ADVICE', ...(advice ? { advice } : {}), note: text }
      : { step: 'REFER', question: text };
    try {
      await api.call('POST', `/api/v1/dossiers/${dossier.id}/screening`, body);
      setText('');
      setAdvice('');
      setError('');
      onChanged();
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.fields[0] : undefined;
      const label = field?.path === 'advice' ? t('staff.screening.advice') : t('staff.screening.question');
      setError(
        field
          ? `${label}: ${field.message}`
          : caught instanceof ApiError
            ? caught.message
            : t('staff.common.network'),
      );
    }
  }

  return (
    <Section id="screening" title={t('staff.screening.title')}>
      <p className="staff-hint">{t('staff.screening.intro')}</p>
      {screening ? (
        <div data-testid="screening-state">
          <p>
            {t('staff.screening.referred', {
              date: formatDate(screening.referredOn),
              name: screening.referredBy ?? t('staff.common.none'),
            })}
          </p>
          <blockquote className="staff-quote">{screening.question}</blockquote>
          <p>
            <strong>
              {screening.advice
                ? t('staff.screening.received', {
                    date: formatDate(screening.adviceOn),
                    advice: t(`staff.screening.advices.${screening.advice}`),
                  })
                : t('staff.screening.awaiting')}
            </strong>
          </p>
          {screening.adviceNote ? <p className="staff-quote">{screening.adviceNote}</p> : null}
        </div>
      ) : (
        <p>{t('staff.screening.none')}</p>
      )}
      {canWork && (isAwaiting || screening === null) ? (
        <form noValidate onSubmit={onSubmit}>
          {isAwaiting ? (
            <fieldset className="staff-fieldset">
              <legend className="label">{t('staff.screening.advice')}</legend>
              {(['NO_OBJECTION', 'OBJECTION'] as const).map((value) => (
                <div key={value} className="staff-checkbox">
                  <input
                    type="radio"
                    id={`screening-advice-${value}`}
                    name="screening-advice"
                    checked={advice === value}
                    onChange={() => setAdvice(value)}
                  />
                  <label htmlFor={`screening-advice-${value}`}>{t(`staff.screening.advices.${value}`)}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <TextArea
            id="screening-text"
            label={isAwaiting ? t('staff.screening.note') : t('staff.screening.question')}
            value={text}
            onChange={setText}
            error={error || undefined}
          />
          <button type="submit" className="button button--secondary">
            {isAwaiting ? t('staff.screening.record') : t('staff.screening.refer')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

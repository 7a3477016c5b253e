import { useEffect, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { describeFieldError } from '../../../field-names.ts';
import { type Lang, useT } from '../../../i18n.ts';
import { useSession } from '../../../session.tsx';
import type { LetterDraft } from '../staff-types.ts';
import { TextArea } from './panel-parts.tsx';

export type DraftState =
  | { status: 'loading' }
  | { status: 'ready'; draft: LetterDraft; motivation: string }
  | { status: 'failed'; error: unknown };

/**
 * The decision letter's draft before signing (`POST /dossiers/:id/letter-draft`): the letter's own
 * template in the dossier's language. Fetched when the confirmation opens; a draft the server
 * refuses (a field missing or wrong) is shown with its reasons; confirming then sends the decision
 * without an edited text, and its answer names the fields next to them.
 */
export function useLetterDraft(
  dossierId: string,
  body: Record<string, unknown> | null,
  /** `appeal-letter-draft` for the letter on an appeal (the supervisor's). */
  draft: 'letter-draft' | 'appeal-letter-draft' = 'letter-draft',
) {
  const { api } = useSession();
  const [state, setState] = useState<DraftState>({ status: 'loading' });
  const key = body ? JSON.stringify(body) : null;
  useEffect(() => {
    // Closed: the next opening starts from a fresh draft, never from an earlier answer.
    if (key === null) {
      setState({ status: 'loading' });
      return;
    }
    let isCurrent = true;
    setState({ status: 'loading' });
    api.call<LetterDraft>('POST', `/api/v1/dossiers/${dossierId}/${draft}`, JSON.parse(key)).then(
      (draft) => {
        const motivation = draft.parts.find((part) => part.editable)?.text ?? '';
        if (isCurrent) setState({ status: 'ready', draft, motivation });
      },
      (error: unknown) => isCurrent && setState({ status: 'failed', error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, dossierId, key, draft]);
  const setMotivation = (motivation: string) =>
    setState((current) => (current.status === 'ready' ? { ...current, motivation } : current));
  return { state, setMotivation };
}

/**
 * The draft shown as the letter reads: the fixed parts (the decision, each ground with its legal
 * basis, the appeal route) as text, the motivation as a text box the case handler may rewrite. The
 * letter is in the dossier's language, each of its paragraphs marked as such for screen readers.
 */
export function LetterDraftView({
  id,
  state,
  onMotivation,
  error,
}: {
  id: string;
  state: DraftState;
  onMotivation: (text: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  if (state.status === 'loading') return <p className="staff-hint">{t('staff.letterDraft.loading')}</p>;
  if (state.status === 'failed') {
    // Confirming still sends the decision: its answer names the wrong fields next to them.
    const error = state.error;
    return (
      <div className="field-error">
        <p>{t('staff.letterDraft.failed')}</p>
        {error instanceof ApiError ? (
          <ul>
            {(error.fields.length > 0
              ? error.fields.map((field) => describeFieldError(field))
              : [error.message]
            ).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  const lang = state.draft.lang as Lang;
  return (
    <div className="staff-letter-draft">
      <h4 id={`${id}-title`}>{t('staff.letterDraft.title')}</h4>
      <p className="staff-hint">
        {t('staff.letterDraft.intro', { language: t(`staff.letterDraft.languages.${lang}`) })}
      </p>
      <div className="staff-letter-draft__paper">
        {state.draft.parts.map((part) =>
          part.editable ? (
            <TextArea
              key={part.key}
              id={`${id}-motivation`}
              label={t(part.isRequired ? 'staff.letterDraft.motivation' : 'staff.letterDraft.remark', {
                heading: part.heading,
              })}
              hint={t('staff.letterDraft.motivationHint')}
              value={state.motivation}
              onChange={onMotivation}
              error={error}
            />
          ) : part.isHeading ? (
            <p key={part.key} lang={lang} className="staff-letter-draft__heading">
              <strong>{part.text}</strong>
            </p>
          ) : (
            <p key={part.key} lang={lang}>
              {part.text}
            </p>
          ),
        )}
      </div>
    </div>
  );
}

import { Tag } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { formatDate } from './labels.ts';

/** What the decision column says (src/dossiers/handling/decide-dossier.ts, decide-appeal.ts). */
export interface DecisionView {
  outcome?: 'GRANTED' | 'REFUSED';
  decidedOn?: string;
  validFrom?: string;
  validUntil?: string;
  appeal?: { outcome: 'UPHELD' | 'OVERTURNED'; followUp?: 'GRANT' | 'REVIEW' | null; decidedOn: string };
}

/** A refusal's grounds and motivation, written for the reader by the server. */
export interface RefusalView {
  grounds: { code: string; statement: string; legalBasis: string }[];
  motivation: string | null;
}

export interface LetterLink {
  id: string;
  kind: string;
  createdAt: string;
}

/**
 * The decision and its letters, for the employer (`/employer/dossiers/:id`) and the worker
 * (`/worker`): granted or refused, its validity, and what became of an appeal: dismissed, allowed
 * with a grant, or allowed and examined again, each with its own letter.
 */
export function DecisionSection({
  decision,
  refusal,
  letters,
  letterHref,
}: {
  decision: DecisionView | null;
  refusal?: RefusalView | null;
  letters: LetterLink[];
  letterHref: (letterId: string) => string;
}) {
  const t = useT();
  const lang = currentLang();
  if (!decision?.outcome && !decision?.appeal && letters.length === 0) return null;
  const appeal = decision?.appeal;
  const appealText = !appeal
    ? null
    : appeal.outcome === 'UPHELD'
      ? t('employer.decision.appealDismissed', { date: formatDate(lang, appeal.decidedOn) })
      : appeal.followUp === 'GRANT'
        ? t('employer.decision.appealGranted', { date: formatDate(lang, appeal.decidedOn) })
        : t('employer.decision.appealReview', { date: formatDate(lang, appeal.decidedOn) });
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('employer.decision.title')}</h2>
      {decision?.outcome ? (
        <p>
          <Tag tone={decision.outcome === 'GRANTED' ? 'success' : 'failure'}>
            {t(decision.outcome === 'GRANTED' ? 'employer.decision.granted' : 'employer.decision.refused')}
          </Tag>
          {decision.decidedOn
            ? ` ${t('employer.decision.decidedOn', { date: formatDate(lang, decision.decidedOn) })}`
            : null}
          {appeal?.followUp === 'GRANT' ? ` (${t('employer.decision.onAppeal')})` : null}
        </p>
      ) : null}
      {decision?.validFrom && decision.validUntil ? (
        <p>
          {t('employer.decision.validity', {
            from: formatDate(lang, decision.validFrom),
            until: formatDate(lang, decision.validUntil),
          })}
        </p>
      ) : null}
      {refusal && refusal.grounds.length > 0 ? (
        <>
          <h3>{t('employer.decision.grounds')}</h3>
          <ul className="list--bullet">
            {refusal.grounds.map((ground) => (
              <li key={ground.code}>
                {ground.statement}
                {ground.legalBasis ? (
                  <span className="emp-reasons__basis">
                    {' '}
                    ({t('employer.assessment.legalBasis')} {ground.legalBasis})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {refusal?.motivation ? (
        <>
          <h3>{t('employer.decision.motivation')}</h3>
          <p className="emp-motivation">{refusal.motivation}</p>
        </>
      ) : null}
      {appealText ? <p data-testid="appeal-outcome">{appealText}</p> : null}
      {letters.length > 0 ? (
        <>
          <h3>{t('employer.decision.letters')}</h3>
          <ul className="list--bullet">
            {letters.map((letter) => (
              <li key={letter.id}>
                <a href={letterHref(letter.id)}>
                  {t(
                    letter.kind === 'APPEAL_DECISION'
                      ? 'employer.decision.appealLetter'
                      : 'employer.decision.letter',
                    {
                      date: formatDate(lang, letter.createdAt),
                    },
                  )}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

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

/** A withdrawal of the grant, decided (src/dossiers/revocation/revocation-view.ts). */
export interface RevocationView {
  decidedOn: string;
  grounds: { code: string; statement: string; legalBasis: string }[];
  motivation: string | null;
}

/** The link text of each kind of letter; a decision letter for any other kind. */
const LETTER_TEXTS = {
  APPEAL_DECISION: 'employer.decision.appealLetter',
  REVOCATION: 'employer.decision.revocationLetter',
} as const;

export interface LetterLink {
  id: string;
  kind: string;
  createdAt: string;
}

/**
 * The decision and its letters, for the employer (`/employer/dossiers/:id`) and the worker
 * (`/worker`): granted or refused, its validity, and what became of an appeal: dismissed, allowed
 * with a grant, or allowed and examined again, each with its own letter; and a grant withdrawn
 * later (decision 012), with its grounds, legal basis and motivation.
 */
export function DecisionSection({
  decision,
  refusal,
  revocation,
  letters,
  letterHref,
}: {
  decision: DecisionView | null;
  refusal?: RefusalView | null;
  revocation?: RevocationView | null;
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
      {revocation ? <RevocationPart revocation={revocation} /> : null}
      {appealText ? <p data-testid="appeal-outcome">{appealText}</p> : null}
      {letters.length > 0 ? (
        <>
          <h3>{t('employer.decision.letters')}</h3>
          <ul className="list--bullet">
            {letters.map((letter) => (
              <li key={letter.id}>
                <a href={letterHref(letter.id)}>
                  {t(LETTER_TEXTS[letter.kind as keyof typeof LETTER_TEXTS] ?? 'employer.decision.letter', {
                    date: formatDate(lang, letter.createdAt),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The withdrawal: its day, then its grounds with legal basis and the motivation, as the letter has them. */
function RevocationPart({ revocation }: { revocation: RevocationView }) {
  const t = useT();
  return (
    <div data-testid="revocation">
      <p>
        <Tag tone="failure">{t('employer.decision.revoked')}</Tag>{' '}
        {t('employer.decision.decidedOn', { date: formatDate(currentLang(), revocation.decidedOn) })}
      </p>
      <h3>{t('employer.decision.revocationGrounds')}</h3>
      <ul className="list--bullet">
        {revocation.grounds.map((ground) => (
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
      {revocation.motivation ? (
        <>
          <h3>{t('employer.decision.motivation')}</h3>
          <p className="emp-motivation">{revocation.motivation}</p>
        </>
      ) : null}
      <p>{t('employer.decision.revocationAppeal')}</p>
    </div>
  );
}

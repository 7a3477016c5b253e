import { formatMoney } from '../../format.ts';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import type { LanguageSkill, MatchReason, MatchViewBase, PermitRoute } from './talent-types.ts';

export const languagesText = (languages: LanguageSkill[]) =>
  languages.map((skill) => `${skill.lang.toUpperCase()} ${skill.level}`).join(', ');

/** Where the candidate's NARIC file stands and what the rules allow meanwhile (src/talent/care/care-matching.ts). */
interface RecognitionFileFacts {
  status: string;
  interim: 'NURSE_EXCEPTION' | 'NO_LEVEL_CONDITION' | 'NONE' | null;
}

function recognitionFileText(t: ReturnType<typeof useT>, file: RecognitionFileFacts): string {
  const status = t('talent.care.reason.file', {
    status: t(`talent.care.status.${file.status}` as MessageKey),
  });
  return file.interim ? `${status}; ${t(`talent.care.reason.${file.interim}` as MessageKey)}` : status;
}

/** One reason of a match in plain words, with its points. */
function ReasonLine({ reason }: { reason: MatchReason }) {
  const t = useT();
  const key = `talent.fit.${reason.criterion}.${reason.fit}` as MessageKey;
  const missing = (reason.facts.missing as LanguageSkill[] | undefined) ?? [];
  const file = reason.facts.recognitionFile as RecognitionFileFacts | undefined;
  return (
    <li>
      <strong>{t(`talent.criterion.${reason.criterion}` as MessageKey)}</strong>: {t(key, reason.facts)}
      {missing.length > 0 ? ` (${t('talent.missingLanguages', { languages: languagesText(missing) })})` : ''}
      {file ? ` (${recognitionFileText(t, file)})` : ''}{' '}
      <span className="hint">{t('talent.points', { count: reason.points })}</span>
    </li>
  );
}

export function RouteText({ route }: { route: PermitRoute }) {
  const t = useT();
  return (
    <p>
      {t('talent.route.summary', {
        category: t(`categories.${route.category}` as MessageKey),
        days: route.regionalDeadlineDays,
        fee: formatMoney(currentLang(), route.feeAmountDue),
      })}{' '}
      {t(`talent.route.status.${route.status}` as MessageKey)}
    </p>
  );
}

/** A ranked match: its circle, score, reasons and (for a third-country worker) the permit route. */
export function MatchCard({
  match,
  title,
  children,
}: {
  match: MatchViewBase;
  title: string;
  children?: React.ReactNode;
}) {
  const t = useT();
  return (
    <li className="card">
      <h3>{title}</h3>
      <p>
        {t(`talent.circle.${match.circle}` as MessageKey)} · {t('talent.score', { score: match.score })}
        {match.mayNotYetWork ? ` · ${t('talent.mayNotYetWork')}` : ''}
      </p>
      {children}
      <ul>
        {match.reasons.map((reason) => (
          <ReasonLine key={reason.criterion} reason={reason} />
        ))}
      </ul>
      {match.permitRoute ? <RouteText route={match.permitRoute} /> : null}
      {match.noPermitRoute ? <p>{t('talent.route.none')}</p> : null}
    </li>
  );
}

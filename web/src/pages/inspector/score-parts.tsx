import { currentLang, useT } from '../../i18n.ts';
import type { ScorePart } from './inspector-types.ts';

/**
 * A score with its parts, never a bare number (issue 14): each signal's points, what it is about
 * (the employer or one of its dossiers), and whether it counts (an employer's score counts only its
 * highest dossiers, so a large employer does not add up minor signals).
 */
export function ScoreParts({
  score,
  parts,
  dossierNumber,
}: {
  score: number;
  parts: readonly ScorePart[];
  dossierNumber?: (id: string) => string | undefined;
}) {
  const t = useT();
  // Points in the reader's notation: 53,12 in Dutch and French, 53.12 in English.
  const points = new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 2 });
  return (
    <div className="inspector-score">
      <p className="inspector-score__total">{t('inspector.score.total', { score: points.format(score) })}</p>
      <ul className="inspector-score__parts">
        {parts.map((part, index) => {
          const number = part.authorisationId ? dossierNumber?.(part.authorisationId) : undefined;
          const about = part.authorisationId
            ? number
              ? t('inspector.score.aboutDossierNumber', { number })
              : t('inspector.score.aboutDossier')
            : t('inspector.score.aboutEmployer');
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id; their order is the score's
            <li key={index} className={part.counted ? undefined : 'inspector-score__uncounted'}>
              {t('inspector.score.part', {
                signal: t(`inspector.signals.${part.kind}.title`),
                points: points.format(part.points),
                about,
              })}
              {part.counted ? null : ` ${t('inspector.score.notCounted')}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

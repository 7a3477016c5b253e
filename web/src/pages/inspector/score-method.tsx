import { currentLang, type Translate, useT } from '../../i18n.ts';
import { formatDate } from '../employer/labels.ts';
import type { ScorePart, ScoringRules } from './inspector-types.ts';
import { SIGNAL_KINDS } from './inspector-types.ts';
import { addUp, type RuleLine, ruleLine, rulesOfParts } from './score-method.ts';

/**
 * Beside an employer's score: how it is made, in words (issue 14: nothing shows a bare number).
 * The rule of each kind of signal in the score, how the parts combine (only the highest dossiers
 * count), what they add up to here; every kind's points one click away. All numbers come from the
 * weights the run applied, sent with the file.
 */
export function ScoreMethod({ scoring, parts }: { scoring: ScoringRules; parts: readonly ScorePart[] }) {
  const t = useT();
  const lang = currentLang();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const { added, total, notAdded, notAddedTotal } = addUp(parts);
  const joined = (values: number[]) => values.map((v) => number.format(v)).join(' + ');
  return (
    <div className="inspector-method" data-testid="score-method">
      <h3 id="file-score-method">{t('inspector.method.title')}</h3>
      <p>{t('inspector.method.intro', { date: formatDate(lang, scoring.validFrom) })}</p>
      <ul>
        {rulesOfParts(parts, scoring).map((line) => (
          <li key={line.kind}>{ruleText(t, lang, line)}</li>
        ))}
      </ul>
      <p>{t('inspector.method.combine', { count: number.format(scoring.countedDossiers) })}</p>
      <p data-testid="score-method-sum">
        {added.length === 1
          ? t('inspector.method.sumOne', { total: number.format(total) })
          : t('inspector.method.sum', { parts: joined(added), total: number.format(total) })}
      </p>
      {notAdded.length > 0 ? (
        <p>
          {t('inspector.method.notAdded', {
            parts: `${joined(notAdded)}${notAdded.length > 1 ? ` = ${number.format(notAddedTotal)}` : ''}`,
            count: number.format(scoring.countedDossiers),
          })}
        </p>
      ) : null}
      <details>
        <summary>{t('inspector.method.all')}</summary>
        <ul>
          {SIGNAL_KINDS.map((kind) => (
            <li key={kind}>{ruleText(t, lang, ruleLine(kind, scoring))}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function ruleText(t: Translate, lang: string, line: RuleLine): string {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const signal = t(`inspector.signals.${line.kind}.title`);
  const points = number.format(line.points);
  switch (line.rule) {
    case 'wage':
      return t('inspector.method.wage', {
        signal,
        points,
        perPoint: number.format(line.perPoint),
        share: new Intl.NumberFormat(lang, { style: 'percent' }).format(line.share),
      });
    case 'address':
      return t('inspector.method.address', {
        signal,
        points,
        perWorker: number.format(line.perWorker),
        minimum: number.format(line.minimum),
      });
    case 'desk':
      return t('inspector.method.desk', { signal, points, untriaged: number.format(line.untriaged) });
    default:
      return t('inspector.method.fixed', { signal, points });
  }
}

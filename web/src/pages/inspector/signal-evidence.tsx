import { TableScroll } from '../../components/table-scroll.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { formatDate } from '../employer/labels.ts';
import { factName, factValue, readAt, ruleValue, sourceName } from './evidence-format.ts';
import type { EmployerDossier, EmployerSignal, ScoringRules } from './inspector-types.ts';
import { pointsMadeOf } from './score-method.ts';

/**
 * One signal with its evidence (issue 14): what was compared, the values on both sides with their
 * source and time of reading in words (the register's request id, to trace the answer, folded
 * away: it is for the few who ask the register), the rule with its threshold, the day it applies
 * from and its legal basis, and how its points add up when they are more than its kind's own.
 * A signal is a reason to look.
 */
export function SignalEvidence({
  signal,
  dossier,
  index,
  scoring,
}: {
  signal: EmployerSignal;
  dossier: EmployerDossier | undefined;
  index: number;
  scoring: ScoringRules;
}) {
  const t = useT();
  const lang = currentLang();
  const titleId = `signal-${index}-title`;
  const key = `inspector.signals.${signal.kind}` as const;
  return (
    <article className="inspector-signal" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t(`${key}.title`)} (
        {t('inspector.score.points', {
          points: new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(signal.points),
        })}
        )
      </h3>
      <p>
        {signal.dossierId
          ? dossier
            ? t('inspector.signal.aboutDossier', {
                number: dossier.number,
                worker: dossier.workerFamilyName ?? '',
              })
            : t('inspector.score.aboutDossier')
          : t('inspector.signal.aboutEmployer')}
      </p>
      <p>{t(`${key}.compares`)}</p>
      <TableScroll label={t('inspector.signal.factsCaption', { signal: t(`${key}.title`) })}>
        <table className="table inspector-facts">
          <caption className="visually-hidden">
            {t('inspector.signal.factsCaption', { signal: t(`${key}.title`) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.signal.what')}</th>
              <th scope="col">{t('inspector.signal.valueAndSource')}</th>
            </tr>
          </thead>
          <tbody>
            {signal.facts.map((fact, factIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: facts are kept in the order compared
              <tr key={factIndex}>
                <th scope="row">{factName(t, fact.name)}</th>
                <td>
                  {factValue(t, lang, fact)}
                  <span className="inspector-facts__source">
                    {t(fact.source === 'LOKET' ? 'inspector.signal.asOf' : 'inspector.signal.readFrom', {
                      source: sourceName(t, fact.source),
                      at: readAt(lang, fact.at),
                    })}
                  </span>
                  {fact.requestId && firstOfReading(signal.facts, factIndex) ? (
                    <RequestId id={fact.requestId} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="inspector-signal__rule">
        <strong>{t('inspector.signal.rule')}</strong>{' '}
        {t(`${key}.rule`, { value: ruleValue(lang, signal.kind, signal.rule.value) })}{' '}
        {t('inspector.signal.since', { date: formatDate(lang, signal.rule.validFrom) })}
        <br />
        <strong>{t('inspector.signal.basis')}</strong> {t(`${key}.basis`)}
      </p>
      <PointsMadeOf signal={signal} scoring={scoring} />
    </article>
  );
}

/** Facts read in one answer share its request id: it is shown once, beside the first of them. */
function firstOfReading(facts: EmployerSignal['facts'], index: number): boolean {
  const id = facts[index]?.requestId;
  return facts.findIndex((fact) => fact.requestId === id) === index;
}

/**
 * A register's request id: its first characters, the whole id one click away (and as the title),
 * broken anywhere so a 36-character id never widens the table on a phone.
 */
function RequestId({ id }: { id: string }) {
  const t = useT();
  return (
    <details className="inspector-request-id">
      <summary title={id}>{t('inspector.signal.requestId', { id: id.slice(0, 8) })}</summary>
      {t('inspector.signal.requestIdFull', { id })}
    </details>
  );
}

/** How a signal's points are made when more than its kind's own: the base and what was added. */
function PointsMadeOf({ signal, scoring }: { signal: EmployerSignal; scoring: ScoringRules }) {
  const t = useT();
  const number = new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 2 });
  const made = pointsMadeOf(signal, scoring);
  if (!made) return null;
  const points = number.format(signal.points);
  if ('admissible' in made)
    return (
      <p>
        {t('inspector.method.madeOfDesk', {
          admissible: number.format(made.admissible),
          perReport: number.format(scoring.points.DESK_REPORT),
          untriaged: number.format(made.untriaged),
          perUntriaged: number.format(scoring.deskReportUntriaged),
          points,
        })}
      </p>
    );
  const key =
    signal.kind === 'SHARED_ADDRESS' ? 'inspector.method.madeOfAddress' : 'inspector.method.madeOfWage';
  return <p>{t(key, { base: number.format(made.base), added: number.format(made.added), points })}</p>;
}

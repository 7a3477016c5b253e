import { TableScroll } from '../../components/table-scroll.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { formatDate } from '../employer/labels.ts';
import { factName, factValue, readAt, ruleValue, sourceName } from './evidence-format.ts';
import type { EmployerDossier, EmployerSignal } from './inspector-types.ts';

/**
 * One signal with its evidence (issue 14): what was compared, the values on both sides with their
 * source and time of reading (and the register's request id, to trace the answer), and the rule
 * with its threshold, the day it applies from and its legal basis. A signal is a reason to look.
 */
export function SignalEvidence({
  signal,
  dossier,
  index,
}: {
  signal: EmployerSignal;
  dossier: EmployerDossier | undefined;
  index: number;
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
        <table className="table">
          <caption className="visually-hidden">
            {t('inspector.signal.factsCaption', { signal: t(`${key}.title`) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.signal.what')}</th>
              <th scope="col">{t('inspector.signal.value')}</th>
              <th scope="col">{t('inspector.signal.source')}</th>
              <th scope="col">{t('inspector.signal.readAt')}</th>
            </tr>
          </thead>
          <tbody>
            {signal.facts.map((fact, factIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: facts are kept in the order compared
              <tr key={factIndex}>
                <th scope="row">{factName(t, fact.name)}</th>
                <td>{factValue(t, lang, fact)}</td>
                <td>
                  {sourceName(t, fact.source)}
                  {fact.requestId ? (
                    <>
                      <br />
                      <span className="inspector-request-id">
                        {t('inspector.signal.requestId', { id: fact.requestId })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{readAt(lang, fact.at)}</td>
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
    </article>
  );
}

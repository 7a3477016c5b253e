import { categoryLabel } from '../../category-labels.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { type MessageKey, type Translate, useT } from '../../i18n.ts';

/** The server's answer (src/governance/simulation/simulation.routes.ts). */
export interface Count {
  total: number;
  changed: number;
}
export interface SimulationExample {
  reference: string;
  category: string;
  province: string;
  year: number;
  before: string;
  after: string;
  reasonsBefore: string[];
  reasonsAfter: string[];
}
export interface SimulationResult {
  from: string;
  to: string;
  durationMs: number;
  total: number;
  changed: number;
  notAssessed: number;
  byCategory: Record<string, Count>;
  byProvince: Record<string, Count>;
  byYear: Record<string, Count>;
  transitions: Record<string, number>;
  examples: SimulationExample[];
}

const label = (t: Translate, key: string, fallback: string) =>
  t(key as MessageKey, { defaultValue: fallback });
const outcome = (t: Translate, code: string) => label(t, `staff.outcomes.${code}`, code);
const reason = (t: Translate, code: string) => label(t, `staff.reasons.${code}`, code);
const province = (t: Translate, code: string) =>
  code === 'UNKNOWN' ? t('analyst.values.unknown') : label(t, `analyst.places.${code}`, code);
const category = (t: Translate, code: string) => categoryLabel(t, code);

function CountTable({
  id,
  caption,
  head,
  counts,
  name,
  lang,
}: {
  id: string;
  caption: string;
  head: string;
  counts: Record<string, Count>;
  name(key: string): string;
  lang: string;
}) {
  const t = useT();
  const number = new Intl.NumberFormat(lang);
  const rows = Object.entries(counts).sort((a, b) => b[1].changed - a[1].changed || (a[0] < b[0] ? -1 : 1));
  return (
    <TableScroll label={caption}>
      <table className="table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="numeric">
              {t('governance.simulation.result.dossiers')}
            </th>
            <th scope="col" className="numeric">
              {t('governance.simulation.result.changed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, count]) => (
            <tr key={key}>
              <th scope="row">{name(key)}</th>
              <td className="numeric">{number.format(count.total)}</td>
              <td className="numeric">{number.format(count.changed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Which outcomes change: counts, transitions, per category, province and year, example dossiers. */
export function SimulationResultView({ result, lang }: { result: SimulationResult; lang: string }) {
  const t = useT();
  const number = new Intl.NumberFormat(lang);
  const transitions = Object.entries(result.transitions).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="simulation-result-title" className="gov-section" data-simulation-result>
      <h2 id="simulation-result-title">{t('governance.simulation.result.title')}</h2>
      <p role="status">
        {t('governance.simulation.result.summary', {
          changed: number.format(result.changed),
          total: number.format(result.total),
        })}
      </p>
      {result.notAssessed > 0 ? (
        <p>{t('governance.simulation.result.notAssessed', { count: result.notAssessed })}</p>
      ) : null}
      {transitions.length > 0 ? (
        <TableScroll label={t('governance.simulation.result.transitions')}>
          <table className="table" id="simulation-transitions">
            <caption>{t('governance.simulation.result.transitions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('governance.simulation.result.before')}</th>
                <th scope="col">{t('governance.simulation.result.after')}</th>
                <th scope="col" className="numeric">
                  {t('governance.simulation.result.dossiers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {transitions.map(([key, n]) => {
                const [before = '', after = ''] = key.split('→');
                return (
                  <tr key={key}>
                    <td>{outcome(t, before)}</td>
                    <td>{outcome(t, after)}</td>
                    <td className="numeric">{number.format(n)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <CountTable
        id="simulation-by-category"
        caption={t('governance.simulation.result.byCategory')}
        head={t('governance.simulation.form.categories')}
        counts={result.byCategory}
        name={(key) => category(t, key)}
        lang={lang}
      />
      <CountTable
        id="simulation-by-province"
        caption={t('governance.simulation.result.byProvince')}
        head={t('governance.simulation.result.province')}
        counts={result.byProvince}
        name={(key) => province(t, key)}
        lang={lang}
      />
      <CountTable
        id="simulation-by-year"
        caption={t('governance.simulation.result.byYear')}
        head={t('governance.simulation.result.year')}
        counts={result.byYear}
        name={(key) => key}
        lang={lang}
      />
      {result.examples.length > 0 ? (
        <>
          <h3>{t('governance.simulation.result.examples')}</h3>
          <ul className="gov-cards" id="simulation-examples">
            {result.examples.map((example) => (
              <li key={example.reference} className="gov-card">
                <h4 className="gov-card__title">{example.reference}</h4>
                <dl className="gov-card__facts">
                  <dt>{t('governance.simulation.form.categories')}</dt>
                  <dd>{category(t, example.category)}</dd>
                  <dt>{t('governance.simulation.result.before')}</dt>
                  <dd>{outcome(t, example.before)}</dd>
                  <dt>{t('governance.simulation.result.after')}</dt>
                  <dd>{outcome(t, example.after)}</dd>
                  <dt>{t('governance.simulation.result.reasonsAfter')}</dt>
                  <dd>
                    {example.reasonsAfter.length === 0
                      ? t('governance.simulation.result.noReasons')
                      : example.reasonsAfter.map((code) => reason(t, code)).join('; ')}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

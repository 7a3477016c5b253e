import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatNumber } from '../../format.ts';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { useApiLoad } from '../../use-api-load.ts';
import { SuppressionLegend } from '../analyst/report-list-page.tsx';
import { Loading } from '../role-home-page.tsx';
import { countryName } from './pilot-participants.tsx';

const TOTAL = 'TOTAL';
const MEASURES = ['requested', 'recognised', 'refused', 'pending'] as const;
const PROFESSIONS = ['NURSE', 'CARE_WORKER'] as const;

interface CareReport {
  years: [number, number];
  outcomes: Array<{
    year: number;
    profession: string;
    values: Record<(typeof MEASURES)[number], number | null>;
  }>;
  inflow: Array<{ year: number; profession: string; nationality: string; files: number | null }>;
  authorisations: {
    rows: Array<{ key: Record<string, string>; values: Record<string, number | null> }>;
  };
  demoFiles: number;
  seed: {
    source: string;
    authorisations: Array<{ year: number; profession: string; count: number }>;
    naricRequestsPerYear: number;
  };
}

/** A published count: "x" when hidden (a perturbed count under 5), as open data writes it. */
function Count({ value }: { value: number | null | undefined }) {
  const t = useT();
  if (value === null) return <span className="stats-suppressed">{t('analyst.suppression.mark')}</span>;
  return <>{formatNumber(currentLang(), value ?? 0)}</>;
}

/** `/talent/care`: the care pipeline of seed 004 for supervisors and analysts, every count protected. */
export function CareReportPage() {
  const t = useT();
  usePageTitle(t('talent.care.report.title'));
  const { load } = useApiLoad<CareReport>('/api/v1/talent/care/report', { perLanguage: true });
  return (
    <>
      <PageHeading>{t('talent.care.report.title')}</PageHeading>
      <p className="lead">{t('talent.care.report.lead')}</p>
      <SuppressionLegend />
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p role="alert">{load.error?.message ?? t('talent.loadFailed')}</p> : null}
      {load.status === 'ready' ? <CareTables report={load.data} /> : null}
    </>
  );
}

function CareTables({ report }: { report: CareReport }) {
  const t = useT();
  const lang = currentLang();
  const years = Array.from({ length: report.years[1] - report.years[0] + 1 }, (_, i) => report.years[0] + i);
  const profession = (code: string) =>
    code === TOTAL
      ? t('talent.care.report.allProfessions')
      : t(`talent.care.profession.${code}` as MessageKey);
  const outcomesTitle = t('talent.care.report.outcomesTitle');
  return (
    <>
      {report.demoFiles > 0 ? (
        <p className="hint">
          {t('talent.care.report.demo', { count: formatNumber(lang, report.demoFiles) })}
        </p>
      ) : null}
      <TableScroll label={outcomesTitle}>
        <table className="table">
          <caption>{outcomesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t('talent.care.report.year')}</th>
              <th scope="col">{t('talent.care.field.profession')}</th>
              {MEASURES.map((m) => (
                <th key={m} scope="col" className="numeric">
                  {t(`talent.care.report.measure.${m}` as MessageKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.outcomes.map((row) => (
              <tr key={`${row.year}-${row.profession}`}>
                <th scope="row">{row.year}</th>
                <td>{profession(row.profession)}</td>
                {MEASURES.map((m) => (
                  <td key={m} className="numeric">
                    <Count value={row.values[m]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t('talent.care.report.outcomesNote')}</p>
      {PROFESSIONS.map((code) => (
        <InflowTable key={code} report={report} profession={code} years={years} />
      ))}
      <AuthorisationsTable report={report} years={years} />
      <h2>{t('talent.care.report.seedTitle')}</h2>
      <ul>
        {report.seed.authorisations.map((figure) => (
          <li key={`${figure.year}-${figure.profession}`}>
            {t('talent.care.report.seedAuthorised', {
              year: figure.year,
              profession: profession(figure.profession),
              count: formatNumber(lang, figure.count),
            })}
          </li>
        ))}
        <li>
          {t('talent.care.report.seedNaric', { count: formatNumber(lang, report.seed.naricRequestsPerYear) })}
        </li>
      </ul>
      <p className="hint">{t('talent.care.report.seedSource')}</p>
    </>
  );
}

/** Files per nationality (rows) and year (columns) for one profession; the last row every nationality. */
function InflowTable({
  report,
  profession,
  years,
}: {
  report: CareReport;
  profession: string;
  years: number[];
}) {
  const t = useT();
  const cells = report.inflow.filter((row) => row.profession === profession);
  const nationalities = [...new Set(cells.map((row) => row.nationality).filter((n) => n !== TOTAL))].sort(
    (a, b) => countryName(a).localeCompare(countryName(b), currentLang()),
  );
  const title = t('talent.care.report.inflowTitle', {
    profession: t(`talent.care.profession.${profession}` as MessageKey),
  });
  // No row: no file at all (0); a row with null: a hidden count ("x"), never shown as 0.
  const cell = (nationality: string, year: number) => {
    const row = cells.find((c) => c.nationality === nationality && c.year === year);
    return row ? row.files : 0;
  };
  return (
    <TableScroll label={title}>
      <table className="table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('talent.care.report.nationality')}</th>
            {years.map((year) => (
              <th key={year} scope="col" className="numeric">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...nationalities, TOTAL].map((nationality) => (
            <tr key={nationality}>
              <th scope="row">
                {nationality === TOTAL ? t('talent.care.report.allNationalities') : countryName(nationality)}
              </th>
              {years.map((year) => (
                <td key={year} className="numeric">
                  <Count value={cell(nationality, year)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The existing statistics' authorisations (nursesByNationality, open-data form), per profession and year. */
function AuthorisationsTable({ report, years }: { report: CareReport; years: number[] }) {
  const t = useT();
  const title = t('talent.care.report.authorisationsTitle');
  // No row: nobody authorised (0); a row with null: a hidden count ("x").
  const value = (profession: string, year: number) => {
    const row = report.authorisations.rows.find(
      (r) =>
        r.key.careProfession === profession && r.key.nationality === TOTAL && r.key.year === String(year),
    );
    return row ? (row.values.granted ?? null) : 0;
  };
  return (
    <TableScroll label={title}>
      <table className="table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('talent.care.field.profession')}</th>
            {years.map((year) => (
              <th key={year} scope="col" className="numeric">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PROFESSIONS.map((code) => (
            <tr key={code}>
              <th scope="row">{t(`talent.care.profession.${code}` as MessageKey)}</th>
              {years.map((year) => (
                <td key={year} className="numeric">
                  <Count value={value(code, year)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

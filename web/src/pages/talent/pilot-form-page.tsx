import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link, navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { errorsByField, formatMoment } from '../governance/governance-format.ts';
import { Loading } from '../role-home-page.tsx';
import { EscoPicker } from './esco-picker.tsx';
import {
  isFilled,
  OperatorField,
  SpendingFields,
  type SpendingRow,
  spendingLabels,
  spendingRow,
} from './pilot-spending-fields.tsx';

const FIGURES = ['TRAINED', 'PASSED', 'PLACED_FLANDERS', 'PLACED_ELSEWHERE'] as const;
type Figure = (typeof FIGURES)[number];

interface PilotResult {
  figure: Figure;
  value: number;
  asOf: string;
}
interface Project {
  id: string;
  code: string;
  name: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
  countries: string[];
  occupations: Array<{ id: string; label: string }>;
  funders: string[];
  budgetEur: number | null;
  startedOn: string;
  endedOn: string | null;
  targetParticipants: number | null;
  targetPlaced: number | null;
  results: PilotResult[];
  operator: { id: string; name: string } | null;
}
interface Spending {
  year: number;
  funder: string;
  amountEur: number;
}
interface Revision {
  id: string;
  changedAt: string;
  changedBy: string | null;
  changedFields: string[];
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

/** `/talent/pilots/new`: an analyst records a recruitment project. */
export function PilotNewPage() {
  const t = useT();
  usePageTitle(t('talent.pilotForm.newTitle'));
  return (
    <>
      <p>
        <Link href={pagePath('talentPilots')}>{t('talent.pilots.back')}</Link>
      </p>
      <PageHeading>{t('talent.pilotForm.newTitle')}</PageHeading>
      <PilotForm project={null} spending={[]} onSaved={() => undefined} />
    </>
  );
}

/** `/talent/pilots/:pilotId/edit`: an analyst edits a project; every save is a revision, listed below. */
export function PilotEditPage({ pilotId }: { pilotId: string }) {
  const t = useT();
  const { load } = useApiLoad<{ pilot: Project; spending: Spending[] }>(`/api/v1/talent/pilots/${pilotId}`, {
    perLanguage: true,
  });
  const history = useApiLoad<{ revisions: Revision[] }>(`/api/v1/talent/pilots/${pilotId}/history`, {
    keepWhileLoading: true,
  });
  const title =
    load.status === 'ready'
      ? t('talent.pilotForm.editTitle', { name: load.data.pilot.name })
      : t('talent.pilots.title');
  usePageTitle(title);
  if (load.status === 'loading') return <Loading />;
  if (load.status !== 'ready')
    return (
      <p role="alert">{load.status === 'failed' ? (load.error?.message ?? t('talent.loadFailed')) : null}</p>
    );
  return (
    <>
      <p>
        <Link href={pagePath('talentPilot', { pilotId })}>{load.data.pilot.name}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <PilotForm project={load.data.pilot} spending={load.data.spending} onSaved={history.reload} />
      <section aria-labelledby="pilot-history-title">
        <h2 id="pilot-history-title">{t('talent.pilotForm.historyTitle')}</h2>
        {history.load.status === 'ready' ? (
          history.load.data.revisions.length === 0 ? (
            <p>{t('talent.pilotForm.historyEmpty')}</p>
          ) : (
            <ul className="task-list">
              {history.load.data.revisions.map((revision) => (
                <li key={revision.id} className="task-list__item">
                  {t('talent.pilotForm.historyBy', {
                    when: formatMoment(revision.changedAt, currentLang()),
                    who: revision.changedBy ?? t('talent.pilotForm.demoData'),
                  })}
                  : <FieldNames fields={revision.changedFields} />
                </li>
              ))}
            </ul>
          )
        ) : (
          <Loading />
        )}
      </section>
    </>
  );
}

function useFieldName() {
  const t = useT();
  return (field: string): string => {
    if (field === 'created') return t('talent.pilotForm.created');
    if (field.startsWith('results.')) return t(`talent.pilotForm.figure.${field.slice(8)}` as MessageKey);
    return t(`talent.pilotForm.fieldNames.${field}` as MessageKey);
  };
}

function FieldNames({ fields }: { fields: string[] }) {
  const name = useFieldName();
  return <>{fields.map(name).join(', ')}</>;
}

function PilotForm({
  project,
  spending: savedSpending,
  onSaved,
}: {
  project: Project | null;
  spending: readonly Spending[];
  onSaved(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const fieldName = useFieldName();
  const [code, setCode] = useState('');
  const [name, setName] = useState(project?.name ?? '');
  const [lead, setLead] = useState(project?.leadOrganisation ?? '');
  const [partners, setPartners] = useState(project?.partnerOrganisations.join(', ') ?? '');
  const [countries, setCountries] = useState(project?.countries.join(', ') ?? '');
  const [occupations, setOccupations] = useState(project?.occupations ?? []);
  const [funders, setFunders] = useState(project?.funders.join(', ') ?? '');
  const [budget, setBudget] = useState(
    project?.budgetEur === null || !project ? '' : String(project.budgetEur),
  );
  const [startedOn, setStartedOn] = useState(project?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(project?.endedOn ?? '');
  const [target, setTarget] = useState(project?.targetParticipants?.toString() ?? '');
  const [targetPlaced, setTargetPlaced] = useState(project?.targetPlaced?.toString() ?? '');
  const [results, setResults] = useState<Record<Figure, { value: string; asOf: string }>>(() => {
    const byFigure = Object.fromEntries(FIGURES.map((f) => [f, { value: '', asOf: '' }])) as Record<
      Figure,
      { value: string; asOf: string }
    >;
    for (const r of project?.results ?? []) byFigure[r.figure] = { value: String(r.value), asOf: r.asOf };
    return byFigure;
  });
  const [operatorId, setOperatorId] = useState(project?.operator?.id ?? '');
  const [spending, setSpending] = useState<SpendingRow[]>(() =>
    savedSpending.map((row) =>
      spendingRow({ year: String(row.year), funder: row.funder, amount: String(row.amountEur) }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);

  const labels: Record<string, string> = {
    code: t('talent.pilotForm.code'),
    name: t('talent.pilotForm.name'),
    leadOrganisation: t('talent.pilots.field.lead'),
    partnerOrganisations: t('talent.pilots.field.partners'),
    countries: t('talent.pilots.field.countries'),
    occupationIds: t('talent.pilots.field.occupations'),
    funders: t('talent.pilots.field.funders'),
    budgetEur: t('talent.pilotForm.budget'),
    startedOn: t('talent.pilotForm.startedOn'),
    endedOn: t('talent.pilotForm.endedOn'),
    targetParticipants: t('talent.pilots.field.target'),
    targetPlaced: t('talent.pilots.field.targetPlaced'),
    operatorId: t('talent.pilots.field.operator'),
    ...spendingLabels(t, spending),
  };
  for (const figure of FIGURES) {
    const label = t(`talent.pilotForm.figure.${figure}`);
    labels[`results.${figure}.value`] = t('talent.pilotForm.resultValue', { figure: label });
    labels[`results.${figure}.asOf`] = t('talent.pilotForm.resultAsOf', { figure: label });
  }
  const idOf = (key: string) =>
    key === 'form' ? 'pilot-submit' : `pilot-${key.replace(/\./g, '-').replace(/-\d+$/, '')}`;
  const summary: SummaryItem[] = Object.entries(errors).map(([key, text]) => ({
    message: text,
    fieldId: idOf(key),
  }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage('');
    const sent = FIGURES.filter((f) => results[f].value.trim() !== '' || results[f].asOf !== '');
    // The rows sent, by their place on the form: the server names them by their place in the body.
    const sentRows = spending.flatMap((row, index) => (isFilled(row) ? [index] : []));
    const body = {
      ...(project ? {} : { code: code.trim() }),
      name: name.trim(),
      leadOrganisation: lead.trim(),
      partnerOrganisations: list(partners),
      countries: list(countries).map((c) => c.toUpperCase()),
      occupationIds: occupations.map((o) => o.id),
      funders: list(funders),
      budgetEur: numberOrNull(budget),
      startedOn,
      endedOn: endedOn || null,
      targetParticipants: numberOrNull(target),
      targetPlaced: numberOrNull(targetPlaced),
      results: sent.map((figure) => ({
        figure,
        value: numberOrNull(results[figure].value),
        asOf: results[figure].asOf,
      })),
      operatorId: operatorId || null,
      spending: sentRows.map((index) => {
        const row = spending[index] as SpendingRow;
        return {
          year: numberOrNull(row.year),
          funder: row.funder.trim(),
          amountEur: numberOrNull(row.amount),
        };
      }),
    };
    setSending(true);
    try {
      if (!project) {
        const made = await api.call<{ pilot: { id: string } }>('POST', '/api/v1/talent/pilots', body);
        navigate(pagePath('talentPilot', { pilotId: made.pilot.id }));
        return;
      }
      const saved = await api.call<{ changedFields: string[] }>(
        'PUT',
        `/api/v1/talent/pilots/${project.id}`,
        body,
      );
      setErrors({});
      setMessage(
        saved.changedFields.length === 0
          ? t('talent.pilotForm.unchanged')
          : t('talent.pilotForm.saved', { fields: saved.changedFields.map(fieldName).join(', ') }),
      );
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError) || error.fields.length === 0) {
        setErrors({ form: error instanceof ApiError ? error.message : t('talent.loadFailed') });
        return;
      }
      // `results[1].value` is the second figure sent: named by its figure on the form.
      const fields = error.fields.map((field) => {
        const path = field.path
          .replace(/^body\./, '')
          .replace(/results[.[](\d+)\]?/, (_, i) => `results.${sent[Number(i)] ?? 'TRAINED'}`)
          .replace(/^spending\[(\d+)\]/, (_, i) => `spending.${sentRows[Number(i)] ?? 0}`)
          .replace(/^(countries|occupationIds|partnerOrganisations|funders)[.[]\d+\]?/, '$1');
        return { ...field, path };
      });
      setErrors(errorsByField(fields, labels));
    } finally {
      setSending(false);
    }
  }

  const text = (
    key: string,
    value: string,
    set: (v: string) => void,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      id={idOf(key)}
      label={labels[key] as string}
      value={value}
      autoComplete="off"
      onChange={(event) => set(event.target.value)}
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <>
      <ErrorSummary items={summary} />
      {message ? (
        <p role="status" className="emp-notice">
          {message}
        </p>
      ) : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
        {project
          ? null
          : text('code', code, setCode, { hint: t('talent.pilotForm.codeHint'), maxLength: 20 })}
        {text('name', name, setName, { maxLength: 80 })}
        {text('leadOrganisation', lead, setLead, { maxLength: 120 })}
        <OperatorField
          id={idOf('operatorId')}
          label={labels.operatorId as string}
          value={operatorId}
          current={project?.operator ?? null}
          onChange={setOperatorId}
          error={errors.operatorId}
        />
        {text('partnerOrganisations', partners, setPartners, { hint: t('talent.pilotForm.partnersHint') })}
        {text('countries', countries, setCountries, { hint: t('talent.pilotForm.countriesHint') })}
        <fieldset className="form-fieldset">
          <legend className="form-legend">{labels.occupationIds}</legend>
          <ul>
            {occupations.map((occupation) => (
              <li key={occupation.id}>
                {occupation.label}{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setOccupations((was) => was.filter((o) => o.id !== occupation.id))}
                >
                  {t('talent.pilotForm.removeOccupation', { label: occupation.label })}
                </button>
              </li>
            ))}
          </ul>
          <EscoPicker
            id="pilot-occupationIds"
            label={t('talent.pilotForm.addOccupation')}
            error={errors.occupationIds}
            onChoose={(match) => {
              if (match && !occupations.some((o) => o.id === match.id))
                setOccupations((was) => [...was, { id: match.id, label: match.label }]);
            }}
          />
        </fieldset>
        {text('funders', funders, setFunders, { hint: t('talent.pilotForm.partnersHint') })}
        {text('budgetEur', budget, setBudget, { inputMode: 'decimal' })}
        <SpendingFields rows={spending} onChange={setSpending} errors={errors} idOf={idOf} labels={labels} />
        {text('startedOn', startedOn, setStartedOn, { type: 'date' })}
        {text('endedOn', endedOn, setEndedOn, { type: 'date' })}
        {text('targetParticipants', target, setTarget, { inputMode: 'numeric' })}
        {text('targetPlaced', targetPlaced, setTargetPlaced, { inputMode: 'numeric' })}
        <fieldset className="form-fieldset" aria-describedby="pilot-results-hint">
          <legend className="form-legend">{t('talent.pilotForm.resultsLegend')}</legend>
          <p id="pilot-results-hint" className="form-hint">
            {t('talent.pilotForm.resultsHint')}
          </p>
          {FIGURES.map((figure) => (
            <div key={figure} className="gov-mandate">
              {text(
                `results.${figure}.value`,
                results[figure].value,
                (value) => setResults((was) => ({ ...was, [figure]: { ...was[figure], value } })),
                { inputMode: 'numeric' },
              )}
              {text(
                `results.${figure}.asOf`,
                results[figure].asOf,
                (asOf) => setResults((was) => ({ ...was, [figure]: { ...was[figure], asOf } })),
                { type: 'date' },
              )}
            </div>
          ))}
        </fieldset>
        {errors.form ? <p role="alert">{errors.form}</p> : null}
        <div className="gov-actions">
          <button id="pilot-submit" type="submit" className="button" disabled={sending}>
            {project ? t('talent.pilotForm.save') : t('talent.pilotForm.create')}
          </button>
        </div>
      </form>
    </>
  );
}

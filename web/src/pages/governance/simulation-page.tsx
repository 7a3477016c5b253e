import { type FormEvent, useState } from 'react';
import { CATEGORIES } from '../../../../src/rules/contract.ts';
import { ApiError } from '../../api.ts';
import { categoryLabel } from '../../category-labels.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { errorsByField, formatDay } from './governance-format.ts';
import type { ParameterHistory } from './governance-types.ts';
import { parseValueInput, valueInputOf } from './parameter-values.ts';
import { type SimulationResult, SimulationResultView } from './simulation-result.tsx';

interface OpenProposal {
  kind: 'parameter' | 'list';
  id: string;
  subject: string;
  validFrom: string;
}

const FIELD_IDS: Record<string, string> = {
  proposal: 'sim-proposal',
  'proposal.id': 'sim-proposal',
  'parameter.name': 'sim-parameter',
  'parameter.value': 'sim-value',
  from: 'sim-from',
  to: 'sim-to',
  categories: 'sim-categories',
  form: 'sim-submit',
};

/** `?proposal=parameter-12`: the proposals page links here with the proposal chosen. */
function proposalFromQuery(): string {
  const value = new URLSearchParams(window.location.search).get('proposal') ?? '';
  return /^(parameter|list)-[0-9]{1,18}$/.test(value) ? value : '';
}

/**
 * `/rule-simulation`: the analyst (and the administrator who approves) re-assesses the stored
 * dossiers of a period and categories under an open proposal or a typed value, on the server, and
 * reads which outcomes change.
 */
export function SimulationPage() {
  const t = useT();
  const lang = currentLang();
  const title = t('governance.simulation.title');
  usePageTitle(title);
  const { api } = useSession();
  const proposals = useApiLoad<{ proposals: OpenProposal[] }>('/api/v1/rule-data/simulations/proposals');
  const parameters = useApiLoad<{ parameters: ParameterHistory[] }>('/api/v1/rule-data/parameters', {
    perLanguage: true,
  });
  const yes = t('governance.history.yes');
  const no = t('governance.history.no');
  const initialProposal = proposalFromQuery();
  const [mode, setMode] = useState<'proposal' | 'value'>('proposal');
  const [proposal, setProposal] = useState(initialProposal);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const thisYear = new Date().getFullYear();
  const [from, setFrom] = useState(`${thisYear - 1}-01-01`);
  const [to, setTo] = useState(`${thisYear}-12-31`);
  const [categories, setCategories] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const labels: Record<string, string> = {
    proposal: t('governance.simulation.form.proposal'),
    'proposal.id': t('governance.simulation.form.proposal'),
    'parameter.name': t('governance.simulation.form.parameter'),
    'parameter.value': t('governance.simulation.form.value'),
    from: t('governance.simulation.form.from'),
    to: t('governance.simulation.form.to'),
    categories: t('governance.simulation.form.categories'),
  };
  const parameterList = parameters.load.status === 'ready' ? parameters.load.data.parameters : [];
  const names = new Map(parameterList.map((p) => [p.name, p.label]));
  const open = proposals.load.status === 'ready' ? proposals.load.data.proposals : [];
  const chosen = open.find((p) => `${p.kind}-${p.id}` === proposal);

  function chooseParameter(next: string) {
    setName(next);
    const latest = parameterList.find((p) => p.name === next)?.versions.at(-1);
    setValue(latest ? valueInputOf(latest.value, yes, no) : '');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = (key: string, text: string) => {
      if (!text.trim()) found[key] = t('governance.accountForm.errors.required', { field: labels[key] });
    };
    if (mode === 'proposal') required('proposal', proposal);
    else {
      required('parameter.name', name);
      required('parameter.value', value);
    }
    required('from', from);
    required('to', to);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const [kind, id] = proposal.split('-');
    setBusy(true);
    setResult(null);
    try {
      const answer = await api.call<SimulationResult>('POST', '/api/v1/rule-data/simulations', {
        ...(mode === 'proposal'
          ? { proposal: { kind, id } }
          : { parameter: { name, value: parseValueInput(value, yes, no) } }),
        from,
        to,
        categories,
      });
      setResult(answer);
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsByField(
              error.fields.map((f) => ({
                ...f,
                path: f.path.replace(/^body\.categories\.\d+$/, 'categories'),
              })),
              labels,
            )
          : { form: error instanceof ApiError ? error.message : t('governance.failed') },
      );
    } finally {
      setBusy(false);
    }
  }

  if (proposals.load.status === 'failed')
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <p role="alert">
          {proposals.load.error?.status === 403 ? t('governance.forbidden') : t('governance.loadFailed')}
        </p>
      </>
    );
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('governance.simulation.intro')}</p>
      {proposals.load.status !== 'ready' ? <Loading /> : null}
      <section aria-labelledby="simulation-form-title" className="gov-section">
        <h2 id="simulation-form-title">{t('governance.simulation.form.title')}</h2>
        <ErrorSummary
          items={Object.entries(errors).map(([key, message]) => ({
            message,
            fieldId: FIELD_IDS[key] ?? 'sim-submit',
          }))}
        />
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
          <fieldset className="stats-fieldset form-group">
            <legend className="label">{t('governance.simulation.form.what')}</legend>
            {(['proposal', 'value'] as const).map((option) => (
              <div key={option} className="stats-checkbox">
                <input
                  id={`sim-mode-${option}`}
                  type="radio"
                  name="sim-mode"
                  value={option}
                  checked={mode === option}
                  onChange={() => setMode(option)}
                />
                <label htmlFor={`sim-mode-${option}`}>{t(`governance.simulation.form.mode.${option}`)}</label>
              </div>
            ))}
          </fieldset>
          {mode === 'proposal' ? (
            <SelectField
              id="sim-proposal"
              label={labels.proposal as string}
              placeholder={
                open.length > 0
                  ? t('governance.simulation.form.chooseProposal')
                  : t('governance.simulation.form.noProposals')
              }
              hint={
                chosen
                  ? t('governance.simulation.form.validFrom', { date: formatDay(chosen.validFrom, lang) })
                  : undefined
              }
              options={open.map((p) =>
                p.kind === 'list'
                  ? { value: `${p.kind}-${p.id}`, label: t('governance.simulation.form.listProposal') }
                  : {
                      value: `${p.kind}-${p.id}`,
                      label: names.get(p.subject) ?? p.subject,
                    },
              )}
              value={proposal}
              onChange={(event) => setProposal(event.target.value)}
              error={errors.proposal ?? errors['proposal.id']}
            />
          ) : (
            <>
              <SelectField
                id="sim-parameter"
                label={labels['parameter.name'] as string}
                placeholder={t('governance.proposals.parameterForm.choose')}
                options={parameterList.map((p) => ({ value: p.name, label: p.label }))}
                value={name}
                onChange={(event) => chooseParameter(event.target.value)}
                error={errors['parameter.name']}
              />
              <TextField
                id="sim-value"
                label={labels['parameter.value'] as string}
                hint={t('governance.proposals.parameterForm.valueHint')}
                value={value}
                maxLength={5000}
                onChange={(event) => setValue(event.target.value)}
                error={errors['parameter.value']}
              />
            </>
          )}
          <TextField
            id="sim-from"
            type="date"
            label={labels.from as string}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            error={errors.from}
          />
          <TextField
            id="sim-to"
            type="date"
            label={labels.to as string}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            error={errors.to}
          />
          <div className={errors.categories ? 'form-group form-group--error' : 'form-group'}>
            <fieldset className="stats-fieldset" aria-describedby="sim-categories-hint">
              <legend className="label">{labels.categories}</legend>
              <p id="sim-categories-hint" className="form-hint">
                {t('governance.simulation.form.allCategories')}
              </p>
              <FieldErrorMessage id="sim-categories-error" message={errors.categories} />
              <div className="stats-checkboxes">
                {CATEGORIES.map((category, index) => {
                  const id = index === 0 ? 'sim-categories' : `sim-categories-${category}`;
                  return (
                    <div key={category} className="stats-checkbox">
                      <input
                        id={id}
                        type="checkbox"
                        value={category}
                        checked={categories.includes(category)}
                        onChange={(event) =>
                          setCategories((current) =>
                            event.target.checked
                              ? [...current, category]
                              : current.filter((c) => c !== category),
                          )
                        }
                      />
                      <label htmlFor={id}>{categoryLabel(t, category)}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          {errors.form ? <p className="field-error">{errors.form}</p> : null}
          <button id="sim-submit" type="submit" className="button" disabled={busy}>
            {busy ? t('governance.simulation.form.running') : t('governance.simulation.form.submit')}
          </button>
        </form>
      </section>
      {result ? <SimulationResultView result={result} lang={lang} /> : null}
    </>
  );
}

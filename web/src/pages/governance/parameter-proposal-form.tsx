import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { errorsByField } from './governance-format.ts';
import type { ParameterHistory } from './governance-types.ts';
import { describeValue, parseValueInput, valueInputOf } from './parameter-values.ts';
import { ProposalSourceFields, useProposalSource } from './proposal-source-fields.tsx';

const FIELD_IDS: Record<string, string> = {
  name: 'param-name',
  value: 'param-value',
  validFrom: 'param-validFrom',
  source: 'param-source',
  note: 'param-note',
  form: 'param-submit',
};

/** Propose a new dated value of a parameter: the form starts from the value in force. */
export function ParameterProposalForm({
  parameters,
  earliest,
  onProposed,
}: {
  parameters: readonly ParameterHistory[];
  earliest: string;
  onProposed(text: string): void;
}) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const yes = t('governance.history.yes');
  const no = t('governance.history.no');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const proposal = useProposalSource(earliest);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chosen = parameters.find((p) => p.name === name);
  const current = chosen?.versions.at(-1);
  const labels: Record<string, string> = {
    name: t('governance.proposals.parameterForm.name'),
    value: t('governance.proposals.parameterForm.value'),
    validFrom: t('governance.proposals.parameterForm.validFrom'),
    source: t('governance.proposals.parameterForm.source'),
    note: t('governance.proposals.parameterForm.note'),
  };

  function choose(next: string) {
    setName(next);
    const latest = parameters.find((p) => p.name === next)?.versions.at(-1);
    setValue(latest ? valueInputOf(latest.value, yes, no) : '');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = (key: string, text: string) => {
      if (!text.trim()) found[key] = t('governance.accountForm.errors.required', { field: labels[key] });
    };
    required('name', name);
    required('value', value);
    required('validFrom', proposal.source.validFrom);
    required('source', proposal.source.source);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.call('POST', '/api/v1/rule-data/proposals/parameter', {
        name,
        value: parseValueInput(value, yes, no),
        ...proposal.body(),
      });
      onProposed(t('governance.proposals.parameterForm.done'));
      setName('');
      setValue('');
      proposal.reset();
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsByField(error.fields, labels)
          : { form: error instanceof ApiError ? error.message : t('governance.failed') },
      );
    } finally {
      setBusy(false);
    }
  }

  const currentText = current ? describeValue(current.value, chosen?.unit ?? '', t, lang).text : null;
  return (
    <section aria-labelledby="param-form-title" className="gov-section">
      <h2 id="param-form-title">{t('governance.proposals.parameterForm.title')}</h2>
      <ErrorSummary
        items={Object.entries(errors).map(([key, message]) => ({
          message,
          fieldId: FIELD_IDS[key] ?? 'param-submit',
        }))}
      />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
        <SelectField
          id="param-name"
          label={labels.name as string}
          placeholder={t('governance.proposals.parameterForm.choose')}
          options={parameters.map((p) => ({ value: p.name, label: p.label }))}
          value={name}
          onChange={(event) => choose(event.target.value)}
          error={errors.name}
        />
        <TextField
          id="param-value"
          label={labels.value as string}
          hint={
            currentText
              ? `${t('governance.proposals.parameterForm.current', { value: currentText })}. ${t('governance.proposals.parameterForm.valueHint')}`
              : t('governance.proposals.parameterForm.valueHint')
          }
          value={value}
          maxLength={5000}
          onChange={(event) => setValue(event.target.value)}
          error={errors.value}
        />
        <ProposalSourceFields
          idPrefix="param"
          earliest={earliest}
          labels={labels}
          errors={errors}
          state={proposal}
        />
        {errors.form ? <p className="field-error">{errors.form}</p> : null}
        <button id="param-submit" type="submit" className="button" disabled={busy}>
          {t('governance.proposals.parameterForm.submit')}
        </button>
      </form>
    </section>
  );
}

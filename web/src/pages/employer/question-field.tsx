import { type ReactNode, useMemo } from 'react';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { countryOptions } from './countries.ts';
import { type FormValue, fieldId, type Publication, type Question } from './dossier-model.ts';
import { type FormContext, MigrationListField, OccupationField } from './function-pickers.tsx';
import { optionLabel, questionLabel } from './labels.ts';
import { WorkAuthorisationNotice } from './work-authorisation-notice.tsx';

const MAX_RADIOS = 6;
const CHANNELS = ['VDAB', 'EURES'] as const;

interface QuestionFieldProps {
  question: Question;
  value: FormValue | undefined;
  onChange(value: FormValue): void;
  error?: string | undefined;
  /** The rest of the form, for the pickers that read the application date or fill in other answers. */
  form: FormContext;
  /** In the application form (not the self-check): a notice adds that it cannot be filed. */
  inApplication?: boolean;
  /** The field is left: the form checks the answer (src/dossiers/intake/answer-checks.ts). */
  onLeave?(): void;
  /** What the check found that the employer should know, though the answer may stand. */
  warning?: ReactNode;
}

/** One question of the application, rendered by its input kind (src/dossiers/intake/application-steps.ts). */
export function QuestionField(props: QuestionFieldProps) {
  const t = useT();
  if (!props.warning) return <FieldByKind {...props} />;
  const id = `${fieldId(props.question.path)}-warning`;
  return (
    <>
      <FieldByKind {...props} />
      <div className="emp-notice emp-notice--warning emp-answer-warning" role="status" id={id}>
        <p className="emp-notice__title">
          <strong>{t('employer.answerChecks.warningTitle')}</strong>
        </p>
        {typeof props.warning === 'string' ? <p>{props.warning}</p> : props.warning}
      </div>
    </>
  );
}

function FieldByKind({ question, value, onChange, error, form, inApplication, onLeave }: QuestionFieldProps) {
  const t = useT();
  const id = fieldId(question.path);
  const label =
    questionLabel(t, question.path) + (question.required ? '' : ` ${t('employer.form.optional')}`);
  const text = typeof value === 'string' ? value : '';
  const common = { id, name: question.path, label, error, onBlur: onLeave };

  switch (question.input) {
    case 'date':
      return <TextField {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'integer':
      return (
        <TextField
          {...common}
          type="text"
          inputMode="numeric"
          className="form-input--short"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'amount':
    case 'fraction':
      return (
        <TextField
          {...common}
          type="text"
          inputMode="decimal"
          className="form-input--short"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'boolean':
      return (
        <RadioGroup
          id={id}
          name={question.path}
          legend={label}
          inline
          options={[
            { value: 'true', label: t('employer.form.yes') },
            { value: 'false', label: t('employer.form.no') },
          ]}
          value={text}
          onChange={onChange}
          error={error}
        />
      );
    case 'choice':
      return (
        <ChoiceField
          question={question}
          id={id}
          label={label}
          value={text}
          onChange={onChange}
          error={error}
        />
      );
    case 'country':
      return (
        <>
          <CountryField
            id={id}
            label={label}
            name={question.path}
            value={text}
            onChange={onChange}
            error={error}
          />
          {text && question.noApplicationFor?.includes(text) ? (
            <WorkAuthorisationNotice nationality={text} inApplication={inApplication} />
          ) : null}
        </>
      );
    case 'occupation':
      return (
        <OccupationField id={id} label={label} value={text} onChange={onChange} error={error} form={form} />
      );
    case 'migrationList':
      return (
        <MigrationListField
          id={id}
          label={label}
          value={text}
          onChange={onChange}
          error={error}
          form={form}
        />
      );
    case 'publications':
      return (
        <PublicationsField
          id={id}
          label={label}
          rows={Array.isArray(value) ? value : []}
          onChange={onChange}
          error={error}
        />
      );
    default:
      return <TextField {...common} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}

interface ChoiceProps {
  question: Question;
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}

function ChoiceField({ question, id, label, value, onChange, error }: ChoiceProps) {
  const t = useT();
  const options = (question.options ?? []).map((option) => ({
    value: String(option),
    label: optionLabel(t, option),
  }));
  // A choice the table gives no options for is typed.
  if (options.length === 0) {
    return (
      <TextField
        id={id}
        name={question.path}
        label={label}
        error={error}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (options.length <= MAX_RADIOS) {
    return (
      <RadioGroup
        id={id}
        name={question.path}
        legend={label}
        options={options}
        value={value}
        onChange={onChange}
        error={error}
      />
    );
  }
  return (
    <SelectField
      id={id}
      name={question.path}
      label={label}
      options={options}
      placeholder={t('employer.form.choose')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

interface CountryProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}

function CountryField({ id, name, label, value, onChange, error }: CountryProps) {
  const t = useT();
  const lang = currentLang();
  const options = useMemo(() => countryOptions(lang), [lang]);
  return (
    <SelectField
      id={id}
      name={name}
      label={label}
      options={options}
      placeholder={t('employer.form.choose')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

interface PublicationsProps {
  id: string;
  label: string;
  rows: Publication[];
  onChange(rows: Publication[]): void;
  error: string | undefined;
}

/** The vacancy's publications: a small repeatable group of channel, first and last day. */
function PublicationsField({ id, label, rows, onChange, error }: PublicationsProps) {
  const t = useT();
  const errorId = `${id}-error`;
  const update = (index: number, patch: Partial<Publication>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="form-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend className="form-legend">{label}</legend>
        <FieldErrorMessage id={errorId} message={error} />
        {rows.length === 0 ? <p>{t('employer.publications.none')}</p> : null}
        {rows.map((row, index) => {
          const rowId = index === 0 ? id : `${id}-${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <fieldset key={index} className="form-fieldset emp-publication">
              <legend className="form-legend form-legend--small">
                {t('employer.publications.row', { number: index + 1 })}
              </legend>
              <SelectField
                id={`${rowId}-channel`}
                label={t('employer.publications.channel')}
                options={CHANNELS.map((channel) => ({
                  value: channel,
                  label: t(`employer.options.${channel}`),
                }))}
                placeholder={t('employer.form.choose')}
                value={row.channel}
                onChange={(e) => update(index, { channel: e.target.value })}
              />
              <TextField
                id={index === 0 ? id : `${rowId}-from`}
                label={t('employer.publications.from')}
                type="date"
                value={row.from}
                onChange={(e) => update(index, { from: e.target.value })}
              />
              <TextField
                id={`${rowId}-to`}
                label={t('employer.publications.to')}
                type="date"
                value={row.to}
                onChange={(e) => update(index, { to: e.target.value })}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                {t('employer.publications.remove', { number: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            id={rows.length === 0 ? id : undefined}
            className="button button--secondary"
            onClick={() => onChange([...rows, { channel: '', from: '', to: '' }])}
          >
            {t('employer.publications.add')}
          </button>
        </p>
      </fieldset>
    </div>
  );
}

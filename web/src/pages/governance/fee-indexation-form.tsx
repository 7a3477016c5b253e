import { type FormEvent, useState } from 'react';
import { FEE_INDEX_REFERENCE_MONTH, indexFee } from '../../../../src/governance/rule-data/fee-indexation.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { errorsByField, formatDay } from './governance-format.ts';
import type { ParameterHistory } from './governance-types.ts';

const FIELD_IDS: Record<string, string> = {
  year: 'index-year',
  previousIndex: 'index-previous',
  newIndex: 'index-new',
  source: 'index-source',
  form: 'index-submit',
};

/** A figure as typed: digits with a comma or a point as the decimal sign; NaN when it is not one. */
function parseFigure(text: string): number {
  const compact = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** The fee in force on a day, from the approved versions the public history lists. */
function feeOn(fee: ParameterHistory | undefined, date: string): number | null {
  const period = fee?.versions.filter((v) => v.validFrom <= date).at(-1);
  return typeof period?.value === 'number' ? period.value : null;
}

/**
 * The yearly indexation of the fee: the administrator gives the health index of the reference month
 * of the last two years with their source; the form shows the new amount as Loket computes it and
 * files it as a proposal for 1 January, which another administrator decides on.
 */
export function FeeIndexationForm({
  parameters,
  today,
  onProposed,
}: {
  parameters: readonly ParameterHistory[];
  today: string;
  onProposed(text: string): void;
}) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(String(thisYear + 1));
  const [previousIndex, setPreviousIndex] = useState('');
  const [newIndex, setNewIndex] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const month = new Intl.DateTimeFormat(lang, { month: 'long' }).format(
    new Date(Date.UTC(2000, FEE_INDEX_REFERENCE_MONTH - 1, 15)),
  );
  const y = Number(year);
  const labels: Record<string, string> = {
    year: t('governance.proposals.indexForm.year'),
    previousIndex: t('governance.proposals.indexForm.previousIndex', { month, year: y - 2 }),
    newIndex: t('governance.proposals.indexForm.newIndex', { month, year: y - 1 }),
    source: t('governance.proposals.parameterForm.source'),
  };
  const current = feeOn(
    parameters.find((p) => p.name === 'fee.singlePermit'),
    `${y - 1}-12-31`,
  );
  const euro = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' });
  const before = parseFigure(previousIndex);
  const after = parseFigure(newIndex);
  const preview =
    current !== null && current > 0 && before > 0 && after > 0 ? indexFee(y, current, before, after) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const [key, value] of [
      ['previousIndex', before],
      ['newIndex', after],
    ] as const) {
      if (!(value > 0)) found[key] = t('governance.proposals.indexForm.figureError', { field: labels[key] });
    }
    if (!source.trim()) found.source = t('governance.accountForm.errors.required', { field: labels.source });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.call('POST', '/api/v1/rule-data/proposals/fee-indexation', {
        year: y,
        previousIndex: before,
        newIndex: after,
        source: source.trim(),
      });
      onProposed(t('governance.proposals.parameterForm.done'));
      setPreviousIndex('');
      setNewIndex('');
      setSource('');
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

  return (
    <section aria-labelledby="index-form-title" className="gov-section">
      <h2 id="index-form-title">{t('governance.proposals.indexForm.title')}</h2>
      <p>{t('governance.proposals.indexForm.intro', { month })}</p>
      <ErrorSummary
        items={Object.entries(errors).map(([key, message]) => ({
          message,
          fieldId: FIELD_IDS[key] ?? 'index-submit',
        }))}
      />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
        <SelectField
          id="index-year"
          label={labels.year as string}
          options={[thisYear + 1, thisYear + 2].map((n) => ({ value: String(n), label: String(n) }))}
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={errors.year}
        />
        <TextField
          id="index-previous"
          label={labels.previousIndex as string}
          hint={t('governance.proposals.indexForm.figureHint')}
          value={previousIndex}
          inputMode="decimal"
          maxLength={12}
          onChange={(event) => setPreviousIndex(event.target.value)}
          error={errors.previousIndex}
        />
        <TextField
          id="index-new"
          label={labels.newIndex as string}
          hint={t('governance.proposals.indexForm.figureHint')}
          value={newIndex}
          inputMode="decimal"
          maxLength={12}
          onChange={(event) => setNewIndex(event.target.value)}
          error={errors.newIndex}
        />
        <TextField
          id="index-source"
          label={labels.source as string}
          hint={t('governance.proposals.indexForm.sourceHint')}
          value={source}
          maxLength={500}
          onChange={(event) => setSource(event.target.value)}
          error={errors.source}
        />
        <p aria-live="polite" id="index-preview">
          {current === null || current <= 0
            ? t('governance.proposals.indexForm.nothingToIndex', { year: y - 1 })
            : preview
              ? t('governance.proposals.indexForm.preview', {
                  current: euro.format(current),
                  amount: euro.format(preview.newAmount),
                  date: formatDay(`${y}-01-01`, lang),
                })
              : t('governance.proposals.indexForm.currentOnly', { current: euro.format(current) })}
        </p>
        {errors.form ? <p className="field-error">{errors.form}</p> : null}
        <button id="index-submit" type="submit" className="button" disabled={busy}>
          {t('governance.proposals.indexForm.submit')}
        </button>
      </form>
    </section>
  );
}

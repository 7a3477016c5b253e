import { type FormEvent, useMemo, useState } from 'react';
import { addMonths } from '../../../../src/rules/dates/iso-date.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { countryOptions } from '../employer/countries.ts';
import type { OccupationMatch } from '../employer/function-catalogues.ts';
import { EscoPicker } from './esco-picker.tsx';
import {
  candidateDraftErrors,
  type FormField,
  fieldErrorsView,
  formErrors,
  parseLanguages,
  type RuleWords,
} from './talent-form.ts';
import type { CandidateView } from './talent-types.ts';

const POOLS = ['REFUGEE', 'ASYLUM_SEEKER', 'LOCAL_JOBSEEKER', 'PILOT_PARTICIPANT', 'CARE_RECOGNITION'];
const CIRCLES = ['BELGIUM', 'EU', 'THIRD_COUNTRY'];
const WORK_ACCESS = ['FREE', 'ASYLUM_WORK_ALLOWED', 'NOT_YET', 'PERMIT_NEEDED'];
const RECOGNITION = ['NOT_APPLICABLE', 'PENDING', 'RECOGNISED', 'REFUSED'];
/** The fields whose rule needs an example to act on (talent.errors.hint). */
const HINTED = ['reference', 'postalCode', 'languages'];
/** Today in Brussels, as the server dates the consent. */
const brusselsToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

/** What the form needs of the partner's organisation: the groups it may record and its retention. */
export interface PartnerSettings {
  name: string;
  pools: string[];
  retentionMonths: number;
}

const NO_ERRORS = { byPath: {}, summary: [] };

/**
 * The partner's form to record a candidate with consent. Everything the browser can know is
 * checked at once before sending; the server's errors (its catalogue, a reference already used)
 * come back together too, each shown beside its field.
 */
export function CandidateForm({ partner, onSaved }: { partner: PartnerSettings | null; onSaved(): void }) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const today = brusselsToday();
  const retentionMonths = partner?.retentionMonths ?? 24;
  const pools = POOLS.filter((pool) => !partner || partner.pools.includes(pool));
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const [occupation, setOccupation] = useState<OccupationMatch | null>(null);
  const [values, setValues] = useState({
    reference: '',
    pool: 'REFUGEE',
    educationVks: '4',
    languages: 'nl B1',
    circle: 'BELGIUM',
    postalCode: '',
    nationality: '',
    workAccess: 'FREE',
    availableFrom: today,
    recognition: 'NOT_APPLICABLE',
    showToEmployers: 'yes',
    retentionUntil: addMonths(today, Math.min(12, retentionMonths)),
  });
  const [errors, setErrors] = useState<{ byPath: Record<string, string>; summary: SummaryItem[] }>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const label = (name: string) => t(`talent.field.${name}` as MessageKey);
  const pool = pools.includes(values.pool) ? values.pool : (pools[0] ?? values.pool);
  const fields = Object.fromEntries(
    [
      'reference',
      'pool',
      'occupationIds',
      'educationVks',
      'languages',
      'circle',
      'postalCode',
      'nationality',
      'workAccess',
      'availableFrom',
      'recognition',
      'showToEmployers',
      'retentionUntil',
      'givenOn',
    ].map((name): [string, FormField] => [
      name,
      {
        // The consent's date is today's, not a field: its error shows beside the retention.
        id: `candidate-${name === 'givenOn' ? 'retentionUntil' : name}`,
        label: label(name === 'givenOn' ? 'consentGivenOn' : name),
        ...(HINTED.includes(name) ? { hint: t(`talent.errors.hint.${name}` as MessageKey) } : {}),
        ...(name === 'occupationIds' ? { explain: t('talent.errors.occupationNotChosen') } : {}),
      },
    ]),
  );
  const words: RuleWords = (rule, params) => t(`talent.errors.rule.${rule}` as MessageKey, params);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const own = candidateDraftErrors(
      { ...values, occupationChosen: occupation !== null },
      { today, retentionMonths, words },
    );
    if (own.length > 0) {
      setErrors(fieldErrorsView(own, fields));
      return;
    }
    try {
      const answer = await api.call<{ candidate: CandidateView }>('POST', '/api/v1/talent/candidates', {
        reference: values.reference.trim(),
        pool,
        occupationIds: occupation ? [occupation.id] : [],
        educationVks: Number(values.educationVks),
        languages: parseLanguages(values.languages),
        circle: values.circle,
        postalCode: values.postalCode.trim() || null,
        nationality: values.nationality,
        workAccess: values.workAccess,
        availableFrom: values.availableFrom,
        recognition: values.recognition,
        consent: {
          purpose: 'SHORTAGE_MATCHING',
          givenOn: today,
          showToEmployers: values.showToEmployers === 'yes',
          retentionUntil: values.retentionUntil,
        },
      });
      setErrors(NO_ERRORS);
      setSaved(answer.candidate.reference);
      onSaved();
    } catch (error) {
      setErrors(formErrors(error, fields));
    }
  }

  const options = (prefix: string, codes: string[]) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="card">
      <h2>{t('talent.partner.formTitle')}</h2>
      <ErrorSummary items={errors.summary} />
      {saved ? <p role="status">{t('talent.partner.saved', { reference: saved })}</p> : null}
      <TextField
        id="candidate-reference"
        label={label('reference')}
        value={values.reference}
        onChange={set('reference')}
        error={errors.byPath.reference}
        autoComplete="off"
        maxLength={40}
      />
      <SelectField
        id="candidate-pool"
        label={label('pool')}
        options={options('talent.pool', pools)}
        value={pool}
        onChange={set('pool')}
        error={errors.byPath.pool}
      />
      <EscoPicker
        id="candidate-occupationIds"
        label={label('occupationIds')}
        error={errors.byPath.occupationIds}
        onChoose={setOccupation}
      />
      <SelectField
        id="candidate-educationVks"
        label={label('educationVks')}
        options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
          value: String(level),
          label: t('employer.options.vksLevel', { level }),
        }))}
        value={values.educationVks}
        onChange={set('educationVks')}
        error={errors.byPath.educationVks}
      />
      <TextField
        id="candidate-languages"
        label={label('languages')}
        hint={t('talent.field.languagesHint')}
        value={values.languages}
        onChange={set('languages')}
        error={errors.byPath.languages}
      />
      <SelectField
        id="candidate-circle"
        label={label('circle')}
        options={options('talent.circle', CIRCLES)}
        value={values.circle}
        onChange={set('circle')}
        error={errors.byPath.circle}
      />
      <TextField
        id="candidate-postalCode"
        label={label('postalCode')}
        hint={t('talent.field.postalCodeHint')}
        value={values.postalCode}
        onChange={set('postalCode')}
        error={errors.byPath.postalCode}
        inputMode="numeric"
        maxLength={4}
      />
      <SelectField
        id="candidate-nationality"
        label={label('nationality')}
        placeholder={t('talent.field.nationalityChoose')}
        options={countries}
        value={values.nationality}
        onChange={set('nationality')}
        error={errors.byPath.nationality}
      />
      <SelectField
        id="candidate-workAccess"
        label={label('workAccess')}
        options={options('talent.workAccess', WORK_ACCESS)}
        value={values.workAccess}
        onChange={set('workAccess')}
        error={errors.byPath.workAccess}
      />
      <TextField
        id="candidate-availableFrom"
        type="date"
        label={label('availableFrom')}
        value={values.availableFrom}
        onChange={set('availableFrom')}
        error={errors.byPath.availableFrom}
      />
      <SelectField
        id="candidate-recognition"
        label={label('recognition')}
        options={options('talent.recognition', RECOGNITION)}
        value={values.recognition}
        onChange={set('recognition')}
        error={errors.byPath.recognition}
      />
      <h3>{t('talent.consent.title')}</h3>
      <p>{t('talent.consent.purpose')}</p>
      <SelectField
        id="candidate-showToEmployers"
        label={label('showToEmployers')}
        options={[
          { value: 'yes', label: t('talent.consent.yes') },
          { value: 'no', label: t('talent.consent.no') },
        ]}
        value={values.showToEmployers}
        onChange={set('showToEmployers')}
        error={errors.byPath.showToEmployers}
      />
      <TextField
        id="candidate-retentionUntil"
        type="date"
        label={label('retentionUntil')}
        hint={t('talent.field.retentionHint', { months: retentionMonths })}
        value={values.retentionUntil}
        onChange={set('retentionUntil')}
        error={errors.byPath.retentionUntil ?? errors.byPath.givenOn}
      />
      <button type="submit" className="button">
        {t('talent.partner.submit')}
      </button>
    </form>
  );
}

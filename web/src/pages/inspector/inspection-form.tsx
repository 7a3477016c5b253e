import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { ADDRESSEES, FINDING_TYPES, type Inspection, ORIGINS, OUTCOMES } from './inspector-types.ts';

type FindingType = (typeof FINDING_TYPES)[number];
type Addressee = (typeof ADDRESSEES)[number];

const todayInBrussels = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const newKey = () => `insp-${crypto.randomUUID()}`;

/**
 * Records an inspection on the employer's file: where it came from, the day, the findings by type,
 * the fine proposed, the outcome and the referrals (housing inspection, victim support). A proposed
 * withdrawal is recorded here; the withdrawal itself is proposed on a dossier (the form below it).
 */
export function InspectionForm({
  enterpriseNumber,
  onRecorded,
}: {
  enterpriseNumber: string;
  onRecorded(outcome: Inspection['outcome']): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [origin, setOrigin] = useState('');
  const [inspectedOn, setInspectedOn] = useState(todayInBrussels());
  const [findings, setFindings] = useState<Partial<Record<FindingType, string>>>({});
  const [outcome, setOutcome] = useState('');
  const [fine, setFine] = useState('');
  const [referrals, setReferrals] = useState<Partial<Record<Addressee, string>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [isPending, setPending] = useState(false);
  const [key, setKey] = useState(newKey);

  const show = (found: Record<string, string>) => {
    setErrors(found);
    setSummary(
      Object.entries(found).map(([field, message]) => ({ message, fieldId: `inspection-${field}` })),
    );
  };
  const chosenFindings = FINDING_TYPES.filter((type) => findings[type] !== undefined);
  const chosenReferrals = ADDRESSEES.filter((a) => referrals[a] !== undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!origin) found.origin = t('inspector.inspection.originRequired');
    if (!inspectedOn) found.inspectedOn = t('inspector.inspection.dateRequired');
    for (const type of chosenFindings)
      if (!findings[type]?.trim()) found[`finding-${type}`] = t('inspector.inspection.findingRequired');
    if (!outcome) found.outcome = t('inspector.inspection.outcomeRequired');
    const fineValue = fine.trim() === '' ? null : Number(fine.replace(',', '.'));
    if (outcome === 'FINE_PROPOSED' && (fineValue === null || !(fineValue > 0)))
      found.fine = t('inspector.inspection.fineRequired');
    for (const addressee of chosenReferrals)
      if (!referrals[addressee]) found[`referral-${addressee}`] = t('inspector.inspection.dateRequired');
    if (Object.keys(found).length > 0) return show(found);
    // The server's field paths, mapped to this form's fields.
    const fieldOf = (path: string) => {
      const finding = /^findings\/(\d+)/.exec(path);
      if (finding) return `finding-${chosenFindings[Number(finding[1])]}`;
      const referral = /^referrals\/(\d+)/.exec(path);
      if (referral) return `referral-${chosenReferrals[Number(referral[1])]}`;
      return path === 'fineProposedEuro' ? 'fine' : path;
    };
    setPending(true);
    try {
      await api.call('POST', `/api/v1/enforcement/employers/${enterpriseNumber}/inspections`, {
        origin,
        inspectedOn,
        findings: chosenFindings.map((type) => ({ type, description: (findings[type] ?? '').trim() })),
        fineProposedEuro: outcome === 'FINE_PROPOSED' ? fineValue : null,
        outcome,
        referrals: chosenReferrals.map((addressee) => ({ addressee, referredOn: referrals[addressee] })),
        idempotencyKey: key,
      });
      show({});
      setOrigin('');
      setFindings({});
      setFine('');
      setReferrals({});
      setKey(newKey());
      const recorded = outcome as Inspection['outcome'];
      setOutcome('');
      onRecorded(recorded);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        show(Object.fromEntries(error.fields.map((f) => [fieldOf(f.path), f.message])));
      else show({ origin: error instanceof ApiError ? error.message : t('inspector.file.failed') });
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary items={summary} />
      <RadioGroup
        id="inspection-origin"
        name="origin"
        legend={t('inspector.inspection.origin')}
        options={ORIGINS.map((value) => ({ value, label: t(`inspector.origins.${value}`) }))}
        value={origin}
        onChange={setOrigin}
        error={errors.origin}
      />
      <TextField
        id="inspection-inspectedOn"
        type="date"
        label={t('inspector.inspection.inspectedOn')}
        value={inspectedOn}
        max={todayInBrussels()}
        onChange={(event) => setInspectedOn(event.target.value)}
        error={errors.inspectedOn}
      />
      <fieldset className="form-fieldset form-group">
        <legend className="form-legend">{t('inspector.inspection.findings')}</legend>
        <p className="form-hint">{t('inspector.inspection.findingsHint')}</p>
        {FINDING_TYPES.map((type) => (
          <div key={type}>
            <div className="staff-checkbox">
              <input
                id={`inspection-type-${type}`}
                type="checkbox"
                checked={findings[type] !== undefined}
                onChange={(event) =>
                  setFindings((current) => {
                    const next = { ...current };
                    if (event.target.checked) next[type] = '';
                    else delete next[type];
                    return next;
                  })
                }
              />
              <label htmlFor={`inspection-type-${type}`}>{t(`inspector.findingTypes.${type}`)}</label>
            </div>
            {findings[type] !== undefined ? (
              <TextareaField
                id={`inspection-finding-${type}`}
                label={t('inspector.inspection.findingText', { type: t(`inspector.findingTypes.${type}`) })}
                value={findings[type] ?? ''}
                maxLength={2000}
                onChange={(event) => setFindings((current) => ({ ...current, [type]: event.target.value }))}
                error={errors[`finding-${type}`]}
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      <RadioGroup
        id="inspection-outcome"
        name="outcome"
        legend={t('inspector.inspection.outcome')}
        options={OUTCOMES.map((value) => ({
          value,
          label: t(`inspector.outcomes.${value}`),
          ...(value === 'WITHDRAWAL_PROPOSED' ? { hint: t('inspector.inspection.withdrawalHint') } : {}),
        }))}
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
      />
      {outcome === 'FINE_PROPOSED' ? (
        <TextField
          id="inspection-fine"
          label={t('inspector.inspection.fine')}
          inputMode="decimal"
          value={fine}
          maxLength={12}
          onChange={(event) => setFine(event.target.value)}
          error={errors.fine}
        />
      ) : null}
      <fieldset className="form-fieldset form-group">
        <legend className="form-legend">{t('inspector.inspection.referrals')}</legend>
        {ADDRESSEES.map((addressee) => (
          <div key={addressee}>
            <div className="staff-checkbox">
              <input
                id={`inspection-refer-${addressee}`}
                type="checkbox"
                checked={referrals[addressee] !== undefined}
                onChange={(event) =>
                  setReferrals((current) => {
                    const next = { ...current };
                    if (event.target.checked) next[addressee] = inspectedOn || todayInBrussels();
                    else delete next[addressee];
                    return next;
                  })
                }
              />
              <label htmlFor={`inspection-refer-${addressee}`}>
                {t(`inspector.addressees.${addressee}`)}
              </label>
            </div>
            {referrals[addressee] !== undefined ? (
              <TextField
                id={`inspection-referral-${addressee}`}
                type="date"
                label={t('inspector.inspection.referredOn', {
                  addressee: t(`inspector.addressees.${addressee}`),
                })}
                value={referrals[addressee] ?? ''}
                onChange={(event) =>
                  setReferrals((current) => ({ ...current, [addressee]: event.target.value }))
                }
                error={errors[`referral-${addressee}`]}
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={isPending}>
        {t('inspector.inspection.submit')}
      </button>
    </form>
  );
}

import { type ReactNode, useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { formatDay } from './governance-format.ts';

/** What every rule-data proposal carries besides its value: from when, on what source, and why. */
export interface ProposalSource {
  validFrom: string;
  source: string;
  verified: boolean;
  note: string;
}

export function useProposalSource(validFrom: string) {
  const [source, setSource] = useState<ProposalSource>({ validFrom, source: '', verified: false, note: '' });
  return {
    source,
    change: (patch: Partial<ProposalSource>) => setSource((now) => ({ ...now, ...patch })),
    /** After a proposal went in: the next one starts from the same day, with its own source and note. */
    reset: () => setSource((now) => ({ ...now, source: '', verified: false, note: '' })),
    /** The fields as the proposal API takes them. */
    body: () => ({
      validFrom: source.validFrom,
      source: source.source.trim(),
      verified: source.verified,
      note: source.note.trim() || null,
    }),
  };
}

/**
 * The effective date, the legal source (with whether it was checked) and the note of a proposal, as
 * the parameter and the list forms both ask them; `beforeSource` goes between the date and the source.
 */
export function ProposalSourceFields(props: {
  idPrefix: string;
  earliest: string;
  labels: Record<string, string>;
  errors: Record<string, string>;
  state: ReturnType<typeof useProposalSource>;
  beforeSource?: ReactNode;
}) {
  const t = useT();
  const { idPrefix, earliest, labels, errors } = props;
  const { source, change } = props.state;
  return (
    <>
      <TextField
        id={`${idPrefix}-validFrom`}
        type="date"
        label={labels.validFrom as string}
        hint={t('governance.proposals.parameterForm.validFromHint', {
          date: formatDay(earliest, currentLang()),
        })}
        min={earliest}
        value={source.validFrom}
        onChange={(event) => change({ validFrom: event.target.value })}
        error={errors.validFrom}
      />
      {props.beforeSource}
      <TextField
        id={`${idPrefix}-source`}
        label={labels.source as string}
        hint={t('governance.proposals.parameterForm.sourceHint')}
        maxLength={500}
        value={source.source}
        onChange={(event) => change({ source: event.target.value })}
        error={errors.source}
      />
      <div className="form-group stats-checkbox">
        <input
          id={`${idPrefix}-verified`}
          type="checkbox"
          checked={source.verified}
          onChange={(event) => change({ verified: event.target.checked })}
        />
        <label htmlFor={`${idPrefix}-verified`}>{t('governance.proposals.parameterForm.verified')}</label>
      </div>
      <TextareaField
        id={`${idPrefix}-note`}
        label={labels.note as string}
        rows={3}
        maxLength={2000}
        value={source.note}
        onChange={(event) => change({ note: event.target.value })}
        error={errors.note}
      />
    </>
  );
}

import { type FormEvent, useState } from 'react';
import { DROP_REASONS, PILOT_STAGES } from '../../../../src/talent/pilots/pilot-model.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { dossierStatusLabel } from '../../status-labels.ts';
import { countryOptions } from '../employer/countries.ts';
import { formatDate } from '../employer/labels.ts';
import { formErrors } from './talent-form.ts';

/** A recruitment pilot's participants, for the partner organisation that runs it (pilot-pages.tsx). */

const STAGES = PILOT_STAGES;

export interface ParticipantView {
  id: string;
  reference: string;
  country: string;
  educationVks: number;
  selectedOn: string;
  stage: string;
  droppedReason: string | null;
  droppedOn: string | null;
  dossier: { number: string | null; status: string } | null;
}
export const countryName = (code: string) =>
  new Intl.DisplayNames([currentLang()], { type: 'region' }).of(code) ?? code;

/** The running partner's participants, and the forms to add one and record their progress. */
export function Participants({
  pilotId,
  participants,
  onChanged,
}: {
  pilotId: string;
  participants: ParticipantView[];
  onChanged(): void;
}) {
  const t = useT();
  const lang = currentLang();
  const caption = t('talent.pilots.participantsTitle');
  return (
    <>
      <h2>{caption}</h2>
      <p>{t('talent.pilots.participantsLead')}</p>
      <ProgressForm pilotId={pilotId} participants={participants} onChanged={onChanged} />
      <NewParticipantForm pilotId={pilotId} onChanged={onChanged} />
      <TableScroll label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('talent.pilots.column.reference')}</th>
              <th scope="col">{t('talent.pilots.column.country')}</th>
              <th scope="col">{t('talent.pilots.column.stage')}</th>
              <th scope="col">{t('talent.pilots.column.permit')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.reference}</th>
                <td>{countryName(p.country)}</td>
                <td>
                  {t(`talent.pilots.stage.${p.stage}` as MessageKey)}
                  {p.droppedReason
                    ? ` — ${t('talent.pilots.left', {
                        reason: t(`talent.pilots.reason.${p.droppedReason}` as MessageKey),
                        date: formatDate(lang, p.droppedOn),
                      })}`
                    : null}
                </td>
                <td>
                  {p.dossier ? `${p.dossier.number ?? ''} · ${dossierStatusLabel(t, p.dossier.status)}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const noErrors = { byPath: {} as Record<string, string>, summary: [] as SummaryItem[] };

function ProgressForm({
  pilotId,
  participants,
  onChanged,
}: {
  pilotId: string;
  participants: ParticipantView[];
  onChanged(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const active = participants.filter((p) => p.droppedReason === null);
  const [values, setValues] = useState({
    participant: '',
    change: '',
    date: today(),
    dossierNumber: '',
    workerFamilyName: '',
  });
  const [errors, setErrors] = useState(noErrors);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const fields = {
    participant: { id: 'progress-participant', label: t('talent.pilots.field.participant') },
    stage: { id: 'progress-change', label: t('talent.pilots.field.change') },
    reason: { id: 'progress-change', label: t('talent.pilots.field.change') },
    reachedOn: { id: 'progress-date', label: t('talent.pilots.field.date') },
    on: { id: 'progress-date', label: t('talent.pilots.field.date') },
    dossierNumber: { id: 'progress-dossierNumber', label: t('talent.pilots.field.dossierNumber') },
    workerFamilyName: { id: 'progress-workerFamilyName', label: t('talent.pilots.field.workerFamilyName') },
  };
  const chosen = participants.find((p) => p.id === values.participant);
  const next = chosen ? STAGES[STAGES.indexOf(chosen.stage as (typeof STAGES)[number]) + 1] : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (!chosen || !values.change) {
      setErrors({
        byPath: chosen
          ? { stage: t('talent.pilots.chooseChange') }
          : { participant: t('talent.pilots.chooseParticipant') },
        summary: [
          chosen
            ? {
                message: `${fields.stage.label} ${t('talent.pilots.chooseChange')}`,
                fieldId: fields.stage.id,
              }
            : {
                message: `${fields.participant.label} ${t('talent.pilots.chooseParticipant')}`,
                fieldId: fields.participant.id,
              },
        ],
      });
      return;
    }
    const base = `/api/v1/talent/pilots/${pilotId}/participants/${chosen.id}`;
    try {
      if (values.change.startsWith('drop:'))
        await api.call('POST', `${base}/drop-out`, { reason: values.change.slice(5), on: values.date });
      else
        await api.call('POST', `${base}/stage`, {
          stage: values.change,
          reachedOn: values.date,
          ...(values.dossierNumber.trim()
            ? { dossierNumber: values.dossierNumber.trim().toUpperCase() }
            : {}),
          ...(values.workerFamilyName.trim() ? { workerFamilyName: values.workerFamilyName.trim() } : {}),
        });
      setErrors(noErrors);
      setSaved(chosen.reference);
      setValues((current) => ({ ...current, change: '', dossierNumber: '', workerFamilyName: '' }));
      onChanged();
    } catch (error) {
      setErrors(formErrors(error, fields));
    }
  }

  const changes = [
    ...(next
      ? [
          {
            value: next,
            label: t('talent.pilots.reached', { stage: t(`talent.pilots.stage.${next}` as MessageKey) }),
          },
        ]
      : []),
    ...DROP_REASONS.map((reason) => ({
      value: `drop:${reason}`,
      label: t('talent.pilots.leftBecause', { reason: t(`talent.pilots.reason.${reason}` as MessageKey) }),
    })),
  ];
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="card">
      <h3>{t('talent.pilots.progressTitle')}</h3>
      <ErrorSummary items={errors.summary} />
      {saved ? <p role="status">{t('talent.pilots.progressSaved', { reference: saved })}</p> : null}
      <SelectField
        id={fields.participant.id}
        label={fields.participant.label}
        placeholder={t('talent.pilots.choose')}
        options={active.map((p) => ({
          value: p.id,
          label: `${p.reference} (${t(`talent.pilots.stage.${p.stage}` as MessageKey)})`,
        }))}
        value={values.participant}
        onChange={(event) =>
          setValues((current) => ({ ...current, participant: event.target.value, change: '' }))
        }
        error={errors.byPath.participant}
      />
      <SelectField
        id={fields.stage.id}
        label={fields.stage.label}
        placeholder={t('talent.pilots.choose')}
        options={chosen ? changes : []}
        value={values.change}
        onChange={set('change')}
        error={errors.byPath.stage ?? errors.byPath.reason}
      />
      <TextField
        id={fields.reachedOn.id}
        label={fields.reachedOn.label}
        type="date"
        value={values.date}
        onChange={set('date')}
        error={errors.byPath.reachedOn ?? errors.byPath.on}
      />
      <TextField
        id={fields.dossierNumber.id}
        label={fields.dossierNumber.label}
        value={values.dossierNumber}
        onChange={set('dossierNumber')}
        error={errors.byPath.dossierNumber}
        autoComplete="off"
      />
      <TextField
        id={fields.workerFamilyName.id}
        label={fields.workerFamilyName.label}
        value={values.workerFamilyName}
        onChange={set('workerFamilyName')}
        error={errors.byPath.workerFamilyName}
        autoComplete="off"
      />
      <p className="hint">{t('talent.pilots.dossierNumberHint')}</p>
      <button type="submit" className="button">
        {t('talent.pilots.saveProgress')}
      </button>
    </form>
  );
}

function NewParticipantForm({ pilotId, onChanged }: { pilotId: string; onChanged(): void }) {
  const t = useT();
  const { api } = useSession();
  const [values, setValues] = useState({
    reference: '',
    country: '',
    educationVks: '6',
    selectedOn: today(),
  });
  const [errors, setErrors] = useState(noErrors);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const fields = {
    reference: { id: 'participant-reference', label: t('talent.pilots.column.reference') },
    country: { id: 'participant-country', label: t('talent.pilots.column.country') },
    educationVks: { id: 'participant-educationVks', label: t('talent.pilots.column.education') },
    selectedOn: { id: 'participant-selectedOn', label: t('talent.pilots.field.selectedOn') },
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    try {
      await api.call('POST', `/api/v1/talent/pilots/${pilotId}/participants`, {
        reference: values.reference.trim(),
        country: values.country,
        educationVks: Number(values.educationVks),
        selectedOn: values.selectedOn,
      });
      setErrors(noErrors);
      setSaved(values.reference.trim());
      setValues((current) => ({ ...current, reference: '' }));
      onChanged();
    } catch (error) {
      setErrors(formErrors(error, fields));
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="card">
      <h3>{t('talent.pilots.newParticipantTitle')}</h3>
      <ErrorSummary items={errors.summary} />
      {saved ? <p role="status">{t('talent.pilots.participantSaved', { reference: saved })}</p> : null}
      <TextField
        id={fields.reference.id}
        label={fields.reference.label}
        value={values.reference}
        onChange={set('reference')}
        error={errors.byPath.reference}
        autoComplete="off"
      />
      <SelectField
        id={fields.country.id}
        label={fields.country.label}
        placeholder={t('talent.pilots.choose')}
        options={countryOptions(currentLang())}
        value={values.country}
        onChange={set('country')}
        error={errors.byPath.country}
      />
      <SelectField
        id={fields.educationVks.id}
        label={fields.educationVks.label}
        options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
          value: String(level),
          label: t('employer.options.vksLevel', { level }),
        }))}
        value={values.educationVks}
        onChange={set('educationVks')}
        error={errors.byPath.educationVks}
      />
      <TextField
        id={fields.selectedOn.id}
        label={fields.selectedOn.label}
        type="date"
        value={values.selectedOn}
        onChange={set('selectedOn')}
        error={errors.byPath.selectedOn}
      />
      <button type="submit" className="button button--secondary">
        {t('talent.pilots.addParticipant')}
      </button>
    </form>
  );
}

import { type FormEvent, useEffect, useState } from 'react';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import { type FormField, formErrors } from './talent-form.ts';
import type { CandidateView } from './talent-types.ts';

const PROFESSIONS = ['NURSE', 'CARE_WORKER'];
const STATUSES = ['REQUESTED', 'DOCUMENTS_MISSING', 'COMPENSATION_MEASURE', 'RECOGNISED', 'REFUSED'];
const FIELDS = ['naricReference', 'profession', 'status', 'requestedOn', 'statusOn'] as const;

/** What the rules allow while the recognition runs (src/talent/care/interim-function.ts). */
export interface InterimView {
  kind: 'NURSE_EXCEPTION' | 'NO_LEVEL_CONDITION' | 'NONE';
  minimumVks: number | null;
  naricReferenceRequired: boolean;
  legalBasis: string;
  sources: string[];
}
interface FileView {
  naricReference: string;
  profession: string;
  status: string;
  requestedOn: string;
  statusOn: string;
  isDemo: boolean;
  next: string[];
  interim: InterimView | null;
}
interface RecognitionAnswer {
  candidate: CandidateView;
  file: FileView | null;
  history: Array<{ status: string; statusOn: string }>;
  interimIfPending: Record<string, InterimView | null>;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/** The interim care function in words, with the rule's legal basis and sources as the rules cite them (English). */
export function InterimText({ interim }: { interim: InterimView }) {
  const t = useT();
  return (
    <div className="card">
      <h2>{t('talent.care.interimTitle')}</h2>
      <p>
        {t(`talent.care.interim.${interim.kind}` as MessageKey, { minimumVks: interim.minimumVks ?? '' })}
        {interim.naricReferenceRequired ? ` ${t('talent.care.interim.naricRequired')}` : ''}
      </p>
      <p className="hint">
        {t('talent.care.legalBasis')} {interim.legalBasis}
      </p>
      {interim.sources.length > 0 ? (
        <ul className="hint">
          {interim.sources.map((source) => (
            <li key={source} lang="en">
              {source}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** `/partner/candidates/:candidateId/recognition`: the candidate's diploma recognition file at NARIC. */
export function PartnerRecognitionPage({ candidateId }: { candidateId: string }) {
  const t = useT();
  const { load, reload } = useApiLoad<RecognitionAnswer>(
    `/api/v1/talent/candidates/${candidateId}/recognition`,
    {
      perLanguage: true,
      keepWhileLoading: true,
    },
  );
  usePageTitle(
    load.status === 'ready'
      ? t('talent.care.title', { reference: load.data.candidate.reference })
      : t('talent.partner.title'),
  );
  if (load.status === 'loading' || load.status === 'idle') return <Loading />;
  if (load.status === 'failed') return <p role="alert">{load.error?.message ?? t('talent.loadFailed')}</p>;
  const { candidate, file, history } = load.data;
  const lang = currentLang();
  return (
    <>
      <p>
        <Link href={pagePath('partnerCandidate', { candidateId })}>
          {t('talent.care.back', { reference: candidate.reference })}
        </Link>
      </p>
      <PageHeading>{t('talent.care.title', { reference: candidate.reference })}</PageHeading>
      <p className="lead">{t('talent.care.lead')}</p>
      {file ? (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('talent.care.field.naricReference')}</dt>
              <dd>{file.naricReference}</dd>
            </div>
            <div>
              <dt>{t('talent.care.field.profession')}</dt>
              <dd>{t(`talent.care.profession.${file.profession}` as MessageKey)}</dd>
            </div>
            <div>
              <dt>{t('talent.care.field.status')}</dt>
              <dd>
                {t(`talent.care.status.${file.status}` as MessageKey)} ({formatDate(lang, file.statusOn)})
              </dd>
            </div>
            <div>
              <dt>{t('talent.care.field.requestedOn')}</dt>
              <dd>{formatDate(lang, file.requestedOn)}</dd>
            </div>
          </dl>
          {file.isDemo ? <p className="hint">{t('talent.care.demoFile')}</p> : null}
          {file.interim ? <InterimText interim={file.interim} /> : <p>{t('talent.care.interim.decided')}</p>}
          <TableScroll label={t('talent.care.historyTitle')}>
            <table className="table">
              <caption>{t('talent.care.historyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('talent.care.field.status')}</th>
                  <th scope="col">{t('talent.care.field.statusOn')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((event, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the history is appended only, never reordered
                  <tr key={i}>
                    <td>{t(`talent.care.status.${event.status}` as MessageKey)}</td>
                    <td>{formatDate(lang, event.statusOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p>{t('talent.care.none')}</p>
      )}
      {file && file.next.length === 0 ? null : (
        <RecognitionForm candidateId={candidateId} file={file} onSaved={reload} />
      )}
    </>
  );
}

function RecognitionForm({
  candidateId,
  file,
  onSaved,
}: {
  candidateId: string;
  file: FileView | null;
  onSaved(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const today = isoToday();
  const initial = () => ({
    naricReference: file?.naricReference ?? '',
    profession: file?.profession ?? 'NURSE',
    status: file ? (file.next[0] ?? file.status) : 'REQUESTED',
    requestedOn: file?.requestedOn ?? today,
    statusOn: today,
  });
  const [values, setValues] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the saved file changes
  useEffect(() => setValues(initial()), [file?.status, file?.statusOn]);
  const [errors, setErrors] = useState<{ byPath: Record<string, string>; summary: SummaryItem[] }>({
    byPath: {},
    summary: [],
  });
  const [saved, setSaved] = useState(false);
  const label = (name: string) => t(`talent.care.field.${name}` as MessageKey);
  const fields = Object.fromEntries(
    FIELDS.map((name): [string, FormField] => [name, { id: `recognition-${name}`, label: label(name) }]),
  );
  const set = (name: keyof ReturnType<typeof initial>) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  // A new file may start in any status; a file moves on only to the statuses allowed next.
  const statuses = file ? [file.status, ...file.next] : STATUSES;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      await api.call('PUT', `/api/v1/talent/candidates/${candidateId}/recognition`, {
        ...values,
        naricReference: values.naricReference.trim(),
        statusOn: values.status === 'REQUESTED' && !file ? values.requestedOn : values.statusOn,
      });
      setErrors({ byPath: {}, summary: [] });
      setSaved(true);
      onSaved();
    } catch (error) {
      setErrors(formErrors(error, fields));
    }
  }
  const options = (prefix: string, codes: string[]) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="card">
      <h2>{file ? t('talent.care.updateTitle') : t('talent.care.formTitle')}</h2>
      <ErrorSummary items={errors.summary} />
      {saved ? <p role="status">{t('talent.care.saved')}</p> : null}
      <TextField
        id="recognition-naricReference"
        label={label('naricReference')}
        hint={t('talent.care.naricHint')}
        value={values.naricReference}
        onChange={set('naricReference')}
        error={errors.byPath.naricReference}
        autoComplete="off"
      />
      <SelectField
        id="recognition-profession"
        label={label('profession')}
        options={options('talent.care.profession', PROFESSIONS)}
        value={values.profession}
        onChange={set('profession')}
        error={errors.byPath.profession}
      />
      <SelectField
        id="recognition-status"
        label={label('status')}
        options={options('talent.care.status', statuses)}
        value={values.status}
        onChange={set('status')}
        error={errors.byPath.status}
      />
      <TextField
        id="recognition-requestedOn"
        type="date"
        label={label('requestedOn')}
        value={values.requestedOn}
        onChange={set('requestedOn')}
        error={errors.byPath.requestedOn}
      />
      {/* A new file that is only requested has no later status: its date is the request's. */}
      {!file && values.status === 'REQUESTED' ? null : (
        <TextField
          id="recognition-statusOn"
          type="date"
          label={label('statusOn')}
          value={values.statusOn}
          onChange={set('statusOn')}
          error={errors.byPath.statusOn}
        />
      )}
      <button type="submit" className="button">
        {t('talent.care.save')}
      </button>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { errorsByField } from './governance-format.ts';

const KINDS = ['SCREENING', 'PILOT_OPERATOR', 'CARE_COORDINATION'] as const;
const POOLS = [
  'LOCAL_JOBSEEKER',
  'REFUGEE',
  'ASYLUM_SEEKER',
  'PILOT_PARTICIPANT',
  'CARE_RECOGNITION',
] as const;
/** What a kind records by default (src/talent/partners/partner-model.ts): the form proposes it. */
const DEFAULT_POOLS: Record<string, string[]> = {
  SCREENING: ['LOCAL_JOBSEEKER', 'REFUGEE', 'ASYLUM_SEEKER'],
  PILOT_OPERATOR: ['PILOT_PARTICIPANT'],
  CARE_COORDINATION: ['CARE_RECOGNITION'],
};

export interface PartnerOrganisation {
  id: string;
  name: string;
  kind: string;
  pools: string[];
  retentionMonths: number;
  active: boolean;
  accounts: number;
  candidates: number;
}

type Notice = { tone: 'status' | 'alert'; text: string } | null;

/** `/admin/partners`: the partner organisations, a form to create or edit one, (de)activation. */
export function PartnersPage() {
  const t = useT();
  const title = t('governance.partners.title');
  usePageTitle(title);
  const { api } = useSession();
  const { load, refetch } = useApiLoad<{ partners: PartnerOrganisation[] }>('/api/v1/talent/partners', {
    keepWhileLoading: true,
  });
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<PartnerOrganisation | null>(null);
  // The confirmation and the changed row appear in one render: a screen reader announcing
  // "deactivated" must not find the table still saying "active".
  async function showAfterChange(text: string) {
    await refetch();
    setNotice({ tone: 'status', text });
  }

  async function toggle(partner: PartnerOrganisation) {
    try {
      await api.call(
        'POST',
        `/api/v1/talent/partners/${partner.id}/${partner.active ? 'deactivate' : 'activate'}`,
      );
      await showAfterChange(
        t(partner.active ? 'governance.partners.deactivated' : 'governance.partners.activated', {
          name: partner.name,
        }),
      );
    } catch (error) {
      setNotice({ tone: 'alert', text: error instanceof ApiError ? error.message : t('governance.failed') });
    }
  }

  return (
    <>
      <p>
        <Link href={pagePath('adminHome')}>{t('governance.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('governance.partners.lead')}</p>
      {notice ? (
        <p role={notice.tone} className="emp-notice">
          {notice.text}
        </p>
      ) : null}
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p role="alert">{load.error?.message ?? t('governance.failed')}</p> : null}
      {load.status === 'ready' ? (
        <TableScroll label={title}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('governance.partners.column.name')}</th>
                <th scope="col">{t('governance.partners.column.kind')}</th>
                <th scope="col">{t('governance.partners.column.pools')}</th>
                <th scope="col">{t('governance.partners.column.retention')}</th>
                <th scope="col">{t('governance.partners.column.state')}</th>
                <th scope="col">{t('governance.partners.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.partners.map((partner) => (
                <tr key={partner.id}>
                  <th scope="row">{partner.name}</th>
                  <td>{t(`governance.partners.kinds.${partner.kind}` as MessageKey)}</td>
                  <td>{partner.pools.map((pool) => t(`talent.pool.${pool}` as MessageKey)).join(', ')}</td>
                  <td>{t('governance.partners.months', { count: partner.retentionMonths })}</td>
                  <td>
                    {partner.active ? t('governance.partners.active') : t('governance.partners.inactive')}
                    <br />
                    {t('governance.partners.counts', {
                      accounts: partner.accounts,
                      candidates: partner.candidates,
                    })}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setEditing(partner);
                        setNotice(null);
                      }}
                    >
                      {t('governance.partners.edit', { name: partner.name })}
                    </button>{' '}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => void toggle(partner)}
                    >
                      {partner.active
                        ? t('governance.partners.deactivate', { name: partner.name })
                        : t('governance.partners.activate', { name: partner.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <PartnerForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSaved={(text) => {
          setEditing(null);
          void showAfterChange(text);
        }}
        onCancel={editing ? () => setEditing(null) : undefined}
      />
    </>
  );
}

function PartnerForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: PartnerOrganisation | null;
  onSaved(text: string): void;
  onCancel: (() => void) | undefined;
}) {
  const t = useT();
  const { api } = useSession();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState(editing?.kind ?? 'SCREENING');
  const [pools, setPools] = useState<string[]>(editing?.pools ?? (DEFAULT_POOLS.SCREENING as string[]));
  const [retention, setRetention] = useState(String(editing?.retentionMonths ?? 24));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const labels: Record<string, string> = {
    name: t('governance.partners.name'),
    kind: t('governance.partners.kind'),
    pools: t('governance.partners.pools'),
    retentionMonths: t('governance.partners.retention'),
  };
  const ids: Record<string, string> = {
    name: 'partner-name',
    kind: 'partner-kind',
    pools: `partner-pool-${POOLS[0]}`,
    retentionMonths: 'partner-retention',
    form: 'partner-submit',
  };
  const summary: SummaryItem[] = Object.entries(errors).map(([key, message]) => ({
    message,
    fieldId: ids[key.replace(/\.\d+$/, '')] ?? 'partner-submit',
  }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('governance.accountForm.errors.required', { field: labels.name });
    if (pools.length === 0) found.pools = `${labels.pools}: ${t('governance.partners.choosePools')}`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    const body = { name: name.trim(), kind, pools, retentionMonths: Number(retention) };
    try {
      const saved = editing
        ? await api.call<{ partner: PartnerOrganisation }>(
            'PUT',
            `/api/v1/talent/partners/${editing.id}`,
            body,
          )
        : await api.call<{ partner: PartnerOrganisation }>('POST', '/api/v1/talent/partners', body);
      onSaved(
        t(editing ? 'governance.partners.saved' : 'governance.partners.created', {
          name: saved.partner.name,
        }),
      );
      if (!editing) {
        setName('');
        setRetention('24');
      }
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsByField(
              error.fields.map((f) => ({ ...f, path: f.path.replace(/\[\d+\]$/, '') })),
              labels,
            )
          : { form: error instanceof ApiError ? error.message : t('governance.failed') },
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="partner-form-title" className="gov-section">
      <h2 id="partner-form-title" tabIndex={-1}>
        {editing
          ? t('governance.partners.editTitle', { name: editing.name })
          : t('governance.partners.formTitle')}
      </h2>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
        <TextField
          id="partner-name"
          label={labels.name as string}
          value={name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <SelectField
          id="partner-kind"
          label={labels.kind as string}
          options={KINDS.map((value) => ({ value, label: t(`governance.partners.kinds.${value}`) }))}
          value={kind}
          onChange={(event) => {
            setKind(event.target.value);
            if (!editing) setPools(DEFAULT_POOLS[event.target.value] ?? []);
          }}
          error={errors.kind}
        />
        <fieldset className="stats-fieldset form-group" aria-describedby="partner-pools-error">
          <legend className="label">{labels.pools}</legend>
          <FieldErrorMessage id="partner-pools-error" message={errors.pools} />
          {POOLS.map((pool) => (
            <div key={pool} className="stats-checkbox">
              <input
                id={`partner-pool-${pool}`}
                type="checkbox"
                checked={pools.includes(pool)}
                onChange={(event) =>
                  setPools((was) =>
                    event.target.checked ? [...was, pool] : was.filter((value) => value !== pool),
                  )
                }
              />
              <label htmlFor={`partner-pool-${pool}`}>{t(`talent.pool.${pool}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          id="partner-retention"
          label={labels.retentionMonths as string}
          hint={t('governance.partners.retentionHint')}
          type="number"
          min={1}
          max={24}
          inputMode="numeric"
          value={retention}
          onChange={(event) => setRetention(event.target.value)}
          error={errors.retentionMonths}
        />
        <FieldErrorMessage id="partner-form-error" message={errors.form} />
        <div className="gov-actions">
          <button id="partner-submit" type="submit" className="button" disabled={sending}>
            {editing ? t('governance.partners.save') : t('governance.partners.create')}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('governance.partners.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

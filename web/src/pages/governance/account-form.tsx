import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { formatKbo } from '../../format.ts';
import { currentLang, LANGUAGES, useT } from '../../i18n.ts';
import type { Role } from '../../roles.ts';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { errorsByField } from './governance-format.ts';
import type { Account } from './governance-types.ts';
import type { PartnerOrganisation } from './partners-page.tsx';

interface MandateRow {
  key: number;
  enterpriseNumber: string;
  enterpriseName: string;
}

/** Where each field's message goes: the form's field key → the id of its control. */
function fieldId(key: string): string {
  const mandate = /^mandates\.(\d+)\.(enterpriseNumber|enterpriseName)$/.exec(key);
  if (mandate) return `mandate-${mandate[1]}-${mandate[2] === 'enterpriseNumber' ? 'number' : 'name'}`;
  if (key === 'mandates') return 'mandate-0-number';
  if (key === 'form') return 'account-submit';
  return `account-${key}`;
}

/**
 * The form to create an account, or to change one (`editing`): name, address, language, role and,
 * for an employer, its own enterprise and the enterprises it acts for. The username never changes.
 * The page mounts a fresh form (React `key`) for each account it edits, so the state starts from it.
 */
export function AccountForm({
  roles,
  needsEmail,
  editing = null,
  isOwnAccount = false,
  onSaved,
  onCancel,
}: {
  roles: readonly Role[];
  needsEmail: boolean;
  editing?: Account | null;
  isOwnAccount?: boolean;
  onSaved(message: string): void;
  onCancel?(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [username, setUsername] = useState(editing?.username ?? '');
  const [displayName, setDisplayName] = useState(editing?.displayName ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [preferredLang, setPreferredLang] = useState<string>(editing?.preferredLang ?? currentLang());
  const [role, setRole] = useState<string>(editing?.role ?? '');
  const [enterpriseNumber, setEnterpriseNumber] = useState(
    editing?.enterpriseNumber ? formatKbo(editing.enterpriseNumber) : '',
  );
  const [mandates, setMandates] = useState<MandateRow[]>(
    (editing?.mandates ?? []).map((m, index) => ({
      key: index + 1,
      enterpriseNumber: formatKbo(m.enterpriseNumber),
      enterpriseName: m.enterpriseName ?? '',
    })),
  );
  const [nextKey, setNextKey] = useState((editing?.mandates.length ?? 0) + 1);
  const [partnerId, setPartnerId] = useState(editing?.partnerId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const isEmployer = role === 'EMPLOYER';
  const isPartner = role === 'PARTNER';
  // The organisations a partner account may act for: the active ones, and the one it acts for now.
  const { load: partners } = useApiLoad<{ partners: PartnerOrganisation[] }>('/api/v1/talent/partners');
  const partnerOptions =
    partners.status === 'ready'
      ? partners.data.partners
          .filter((p) => p.active || p.id === editing?.partnerId)
          .map((p) => ({ value: p.id, label: p.name }))
      : [];

  const labels: Record<string, string> = {
    username: t('governance.accountForm.username'),
    displayName: t('governance.accountForm.displayName'),
    email: t('governance.accountForm.email'),
    preferredLang: t('governance.accountForm.language'),
    role: t('governance.accountForm.role'),
    enterpriseNumber: t('governance.accountForm.enterpriseNumber'),
    mandates: t('governance.accountForm.mandatesLegend'),
    partnerId: t('governance.accountForm.partner'),
  };
  mandates.forEach((_, index) => {
    labels[`mandates.${index}.enterpriseNumber`] = t('governance.accountForm.mandateNumber', {
      n: index + 1,
    });
    labels[`mandates.${index}.enterpriseName`] = t('governance.accountForm.mandateName', { n: index + 1 });
  });
  const summary: SummaryItem[] = Object.entries(errors).map(([key, message]) => ({
    message,
    fieldId: fieldId(key),
  }));

  function setMandate(key: number, change: Partial<MandateRow>) {
    setMandates((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = (key: string, value: string) => {
      if (!value.trim()) found[key] = t('governance.accountForm.errors.required', { field: labels[key] });
    };
    if (!editing) required('username', username);
    required('displayName', displayName);
    // A new account needs an address for its first password link; an existing one may have none.
    if (needsEmail && !editing) required('email', email);
    if (!role) found.role = t('governance.accountForm.errors.role');
    if (isEmployer) required('enterpriseNumber', enterpriseNumber);
    if (isPartner) required('partnerId', partnerId);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const fields = {
        displayName: displayName.trim(),
        email: email.trim() || null,
        preferredLang,
        role,
        enterpriseNumber: isEmployer ? enterpriseNumber.trim() : null,
        mandates: isEmployer
          ? mandates
              .filter((m) => m.enterpriseNumber.trim() || m.enterpriseName.trim())
              .map((m) => ({
                enterpriseNumber: m.enterpriseNumber.trim(),
                enterpriseName: m.enterpriseName.trim() || null,
              }))
          : [],
        partnerId: isPartner ? partnerId : null,
      };
      if (editing) {
        const saved = await api.call<Account>('PUT', `/api/v1/accounts/${editing.id}`, fields);
        onSaved(t('governance.accountForm.saved', { name: saved.displayName }));
        return;
      }
      const created = await api.call<Account>('POST', '/api/v1/accounts', {
        username: username.trim(),
        ...fields,
      });
      onSaved(
        created.email && needsEmail
          ? t('governance.accountForm.createdMailed', { username: created.username, email: created.email })
          : t('governance.accountForm.created', { username: created.username }),
      );
      setUsername('');
      setDisplayName('');
      setEmail('');
      setRole('');
      setEnterpriseNumber('');
      setMandates([]);
      setPartnerId('');
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsByField(error.fields, labels)
          : { form: error instanceof ApiError ? error.message : t('governance.failed') },
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="account-form-title" className="gov-section">
      <h2 id="account-form-title" tabIndex={-1}>
        {editing
          ? t('governance.accountForm.editTitle', { name: editing.displayName })
          : t('governance.accountForm.title')}
      </h2>
      <p>
        {editing
          ? t('governance.accountForm.editIntro')
          : needsEmail
            ? t('governance.accountForm.intro')
            : t('governance.accounts.oidcNote')}
      </p>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
        {editing ? (
          <p>
            {labels.username}: <strong>{editing.username}</strong>
          </p>
        ) : (
          <TextField
            id="account-username"
            label={labels.username as string}
            hint={t('governance.accountForm.usernameHint')}
            value={username}
            autoComplete="off"
            maxLength={100}
            onChange={(event) => setUsername(event.target.value)}
            error={errors.username}
          />
        )}
        <TextField
          id="account-displayName"
          label={labels.displayName as string}
          value={displayName}
          autoComplete="off"
          maxLength={200}
          onChange={(event) => setDisplayName(event.target.value)}
          error={errors.displayName}
        />
        <TextField
          id="account-email"
          type="email"
          label={labels.email as string}
          value={email}
          autoComplete="off"
          maxLength={254}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <SelectField
          id="account-preferredLang"
          label={labels.preferredLang as string}
          options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.names.${lang}`) }))}
          value={preferredLang}
          onChange={(event) => setPreferredLang(event.target.value)}
          error={errors.preferredLang}
        />
        <SelectField
          id="account-role"
          label={labels.role as string}
          placeholder={editing ? undefined : t('governance.accountForm.chooseRole')}
          hint={isOwnAccount ? t('governance.accountForm.ownRoleHint') : undefined}
          disabled={isOwnAccount}
          options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(event) => setRole(event.target.value)}
          error={errors.role}
        />
        {editing?.role === 'EMPLOYER' && role && !isEmployer ? (
          <p className="emp-notice emp-notice--warning" role="status">
            {t('governance.accountForm.roleDropsEnterprises')}
          </p>
        ) : null}
        {isPartner ? (
          <SelectField
            id="account-partnerId"
            label={labels.partnerId as string}
            hint={t('governance.accountForm.partnerHint')}
            placeholder={t('governance.accountForm.choosePartner')}
            options={partnerOptions}
            value={partnerId}
            onChange={(event) => setPartnerId(event.target.value)}
            error={errors.partnerId}
          />
        ) : null}
        {isEmployer ? (
          <>
            <TextField
              id="account-enterpriseNumber"
              label={labels.enterpriseNumber as string}
              hint={t('governance.accountForm.enterpriseHint')}
              value={enterpriseNumber}
              inputMode="numeric"
              maxLength={14}
              onChange={(event) => setEnterpriseNumber(event.target.value)}
              error={errors.enterpriseNumber}
            />
            <fieldset className="form-fieldset gov-mandates" aria-describedby="mandates-hint">
              <legend className="form-legend">{labels.mandates}</legend>
              <p id="mandates-hint" className="form-hint">
                {t('governance.accountForm.mandatesHint')}
              </p>
              <FieldErrorMessage id="mandates-error" message={errors.mandates} />
              {mandates.map((row, index) => (
                <div key={row.key} className="gov-mandate">
                  <TextField
                    id={`mandate-${index}-number`}
                    label={labels[`mandates.${index}.enterpriseNumber`] as string}
                    value={row.enterpriseNumber}
                    inputMode="numeric"
                    maxLength={14}
                    onChange={(event) => setMandate(row.key, { enterpriseNumber: event.target.value })}
                    error={errors[`mandates.${index}.enterpriseNumber`]}
                  />
                  <TextField
                    id={`mandate-${index}-name`}
                    label={labels[`mandates.${index}.enterpriseName`] as string}
                    value={row.enterpriseName}
                    maxLength={200}
                    onChange={(event) => setMandate(row.key, { enterpriseName: event.target.value })}
                    error={errors[`mandates.${index}.enterpriseName`]}
                  />
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setMandates((rows) => rows.filter((r) => r.key !== row.key))}
                  >
                    {t('governance.accountForm.removeMandate', { n: index + 1 })}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setMandates((rows) => [
                    ...rows,
                    { key: nextKey, enterpriseNumber: '', enterpriseName: '' },
                  ]);
                  setNextKey((n) => n + 1);
                }}
              >
                {t('governance.accountForm.addMandate')}
              </button>
            </fieldset>
          </>
        ) : null}
        <FieldErrorMessage id="account-form-error" message={errors.form} />
        <div className="gov-actions">
          <button id="account-submit" type="submit" className="button" disabled={sending}>
            {editing ? t('governance.accountForm.save') : t('governance.accountForm.submit')}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('governance.accountForm.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

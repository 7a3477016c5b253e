import { type FormEvent, useState } from 'react';
import { messageLang } from '../../../../src/desk/desk-languages.ts';
import { REPORT_CATEGORIES, REPORTER_ROLES } from '../../../../src/desk/report-input.ts';
import { ApiError, type FieldError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { DESK_CATALOGUES } from './desk-catalogues.ts';
import { DeskLanguageNav } from './desk-pages.tsx';
import { deskHref, useDesk } from './desk-texts.ts';
import { solveChallenge } from './proof-of-work.ts';

const MAX_FILES = 5;
type Phase = 'editing' | 'working' | 'sending';
interface Receipt {
  reference: string;
  followUpCode: string;
  attachmentsAdded: number;
  attachmentProblem: string | null;
}

/** The code in groups of four, easier to copy by hand. */
export const groupCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** `/desk/report`: the abuse report form, anonymous unless the reporter gives contact details. */
export function ReportFormPage() {
  const { lang, t } = useDesk();
  const { api } = useSession();
  const [role, setRole] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [employerName, setEmployerName] = useState('');
  const [enterpriseNumber, setEnterpriseNumber] = useState('');
  const [place, setPlace] = useState('');
  const [contactChoice, setContactChoice] = useState('ANONYMOUS');
  const [contact, setContact] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [phase, setPhase] = useState<Phase>('editing');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  usePageTitle(receipt ? t('receipt.title') : t('form.title'), summary.length > 0);
  const headers = { 'accept-language': messageLang(lang) };

  const fieldOf = (path: string) => (path === 'challenge' ? 'submit' : path);
  /**
   * A server's field error in the desk's language, naming its field: the enterprise number (the one
   * rule the server checks that the form cannot) in the desk's own words, any other by its name.
   */
  function serverMessage(field: FieldError): string {
    if (field.path === 'enterpriseNumber') return t('form.errors.enterpriseNumber');
    const names = DESK_CATALOGUES[lang].form.fieldNames as Record<string, string>;
    const name = names[field.path];
    return name ? `${name}: ${field.message}` : field.message;
  }

  function show(found: Record<string, string>) {
    setErrors(found);
    setSummary(Object.entries(found).map(([field, message]) => ({ message, fieldId: `report-${field}` })));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase !== 'editing') return;
    const found: Record<string, string> = {};
    if (!role) found.role = t('form.errors.role');
    if (categories.length === 0) found.categories = t('form.errors.categories');
    if (!description.trim()) found.description = t('form.errors.description');
    if (contactChoice === 'GIVEN' && !contact.trim()) found.contact = t('form.errors.contact');
    if (files.length > MAX_FILES) found.files = t('form.errors.tooManyFiles');
    if (Object.keys(found).length > 0) return show(found);
    show({});
    try {
      setPhase('working');
      const challenge = await api.call<{ salt: string; bits: number }>(
        'POST',
        '/api/v1/desk/challenges',
        undefined,
        headers,
      );
      const nonce = await solveChallenge(challenge.salt, challenge.bits);
      setPhase('sending');
      const filed = await api.call<{ reference: string; followUpCode: string }>(
        'POST',
        '/api/v1/desk/reports',
        {
          lang,
          reporterRole: role,
          contact: contactChoice === 'GIVEN' ? contact.trim() : null,
          employerName: employerName.trim() || null,
          enterpriseNumber: enterpriseNumber.trim() || null,
          place: place.trim() || null,
          categories,
          description: description.trim(),
          challenge: { salt: challenge.salt, nonce },
        },
        headers,
      );
      let added = 0;
      let problem: string | null = null;
      for (const file of files) {
        const form = new FormData();
        form.append('reference', filed.reference);
        form.append('code', filed.followUpCode);
        form.append('file', file);
        try {
          await api.upload('/api/v1/desk/follow-up/attachments', form);
          added++;
        } catch (error) {
          problem =
            error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('form.errors.failed');
        }
      }
      setReceipt({ ...filed, attachmentsAdded: added, attachmentProblem: problem });
    } catch (error) {
      setPhase('editing');
      if (error instanceof ApiError && error.fields.length > 0) {
        show(Object.fromEntries(error.fields.map((field) => [fieldOf(field.path), serverMessage(field)])));
      } else show({ submit: error instanceof ApiError ? error.message : t('form.errors.failed') });
    }
  }

  if (receipt) {
    return (
      <div lang={lang}>
        <PageHeading>{t('receipt.title')}</PageHeading>
        <p className="lead">{t('receipt.intro')}</p>
        <dl className="desk-receipt">
          <dt>{t('receipt.reference')}</dt>
          <dd className="desk-receipt__code" data-testid="desk-reference">
            {receipt.reference}
          </dd>
          <dt>{t('receipt.code')}</dt>
          <dd className="desk-receipt__code" data-testid="desk-code">
            {groupCode(receipt.followUpCode)}
          </dd>
        </dl>
        <CopyCode code={groupCode(receipt.followUpCode)} />
        <p className="emp-notice emp-notice--warning">{t('receipt.warning')}</p>
        {receipt.attachmentsAdded > 0 ? (
          <p>{t('receipt.attachmentsAdded', { count: receipt.attachmentsAdded })}</p>
        ) : null}
        {receipt.attachmentProblem ? (
          <p role="alert">{t('receipt.attachmentsFailed', { reason: receipt.attachmentProblem })}</p>
        ) : null}
        <p>
          <Link href={deskHref(pagePath('deskFollowUp'), lang)}>{t('followUpLink')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div lang={lang}>
      <DeskLanguageNav path={pagePath('deskReport')} />
      <PageHeading>{t('form.title')}</PageHeading>
      <p className="lead">{t('form.intro')}</p>
      <p className="emp-notice">{t('form.anonymousNote')}</p>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="desk-form">
        <RadioGroup
          id="report-role"
          name="role"
          legend={t('form.roleLegend')}
          options={REPORTER_ROLES.map((value) => ({ value, label: t(`form.roles.${value}`) }))}
          value={role}
          onChange={setRole}
          error={errors.role}
        />
        <div className={errors.categories ? 'form-group form-group--error' : 'form-group'}>
          <fieldset className="form-fieldset" aria-describedby="report-categories-hint">
            <legend className="form-legend">{t('form.categoriesLegend')}</legend>
            <p id="report-categories-hint" className="form-hint">
              {t('form.categoriesHint')}
            </p>
            <FieldErrorMessage id="report-categories-error" message={errors.categories} />
            <div className="desk-checkboxes">
              {REPORT_CATEGORIES.map((category, index) => (
                <div key={category} className="stats-checkbox">
                  <input
                    id={index === 0 ? 'report-categories' : `report-category-${category}`}
                    type="checkbox"
                    checked={categories.includes(category)}
                    onChange={(event) =>
                      setCategories((now) =>
                        event.target.checked ? [...now, category] : now.filter((c) => c !== category),
                      )
                    }
                  />
                  <label htmlFor={index === 0 ? 'report-categories' : `report-category-${category}`}>
                    {t(`form.categories.${category}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <TextareaField
          id="report-description"
          label={t('form.descriptionLabel')}
          hint={t('form.descriptionHint')}
          value={description}
          maxLength={5000}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.description}
        />
        <TextField
          id="report-employerName"
          label={t('form.employerName')}
          value={employerName}
          maxLength={200}
          onChange={(event) => setEmployerName(event.target.value)}
          error={errors.employerName}
        />
        <TextField
          id="report-enterpriseNumber"
          label={`${t('form.enterpriseNumber')} – ${t('form.enterpriseHint')}`}
          value={enterpriseNumber}
          inputMode="numeric"
          maxLength={20}
          onChange={(event) => setEnterpriseNumber(event.target.value)}
          error={errors.enterpriseNumber}
        />
        <TextField
          id="report-place"
          label={t('form.place')}
          value={place}
          maxLength={200}
          onChange={(event) => setPlace(event.target.value)}
          error={errors.place}
        />
        <RadioGroup
          id="report-contactChoice"
          name="contactChoice"
          legend={t('form.contactLegend')}
          options={[
            { value: 'ANONYMOUS', label: t('form.contactAnonymous') },
            { value: 'GIVEN', label: t('form.contactGiven') },
          ]}
          value={contactChoice}
          onChange={setContactChoice}
        />
        {contactChoice === 'GIVEN' ? (
          <TextField
            id="report-contact"
            label={t('form.contactLabel')}
            value={contact}
            maxLength={300}
            autoComplete="on"
            onChange={(event) => setContact(event.target.value)}
            error={errors.contact}
          />
        ) : null}
        <div className={errors.files ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="report-files">
            {t('form.filesLabel')}
          </label>
          <p id="report-files-hint" className="form-hint">
            {t('form.filesHint')}
          </p>
          <FieldErrorMessage id="report-files-error" message={errors.files} />
          <input
            id="report-files"
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            className="form-file"
            aria-describedby="report-files-hint"
            onChange={(event) => setFiles([...(event.target.files ?? [])])}
          />
        </div>
        {errors.submit ? (
          <p id="report-submit" className="field-error" role="alert">
            {errors.submit}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={phase !== 'editing'}>
          {t('form.submit')}
        </button>
        {phase !== 'editing' ? (
          <p role="status" className="emp-status">
            {phase === 'working' ? t('form.working') : t('form.sending')}
          </p>
        ) : null}
      </form>
    </div>
  );
}

/**
 * The follow-up code is shown in full, never masked (the reporter must be able to read and copy it:
 * it is shown once). A button copies it where the browser allows; the hint says how otherwise.
 */
function CopyCode({ code }: { code: string }) {
  const { t } = useDesk();
  const [copied, setCopied] = useState(false);
  const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);
  return (
    <>
      <p className="form-hint" id="desk-code-hint">
        {t('receipt.copyHint')}
      </p>
      {canCopy ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            aria-describedby="desk-code-hint"
            onClick={() =>
              void navigator.clipboard.writeText(code).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {t('receipt.copy')}
          </button>
        </p>
      ) : null}
      <p role="status">{copied ? t('receipt.copied') : ''}</p>
    </>
  );
}

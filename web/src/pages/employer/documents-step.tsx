import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DOCUMENT_TYPES } from '../../../../src/dossiers/documents/required-documents.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import type { DossierOverview, UploadedDocument } from './dossier-model.ts';
import { documentTypeName, formatDate, stepName } from './labels.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png';

const extensionOf = (name: string) =>
  /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase().replace('jpeg', 'jpg') ?? '';
/** PDF, JPEG, PNG: the kind's own name, the same in every language. */
const kindOf = (mediaType: string) => (mediaType.split('/')[1] ?? mediaType).toUpperCase();

/** The documents step: what is required, what is uploaded, and the upload form. */
export function DocumentsStep({
  dossier,
  onChanged,
  next,
}: {
  dossier: DossierOverview;
  onChanged(): Promise<void>;
  next: string;
}) {
  const t = useT();
  const title = stepName(t, 'documents');
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(title, hasErrors);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{t('employer.documents.intro')}</p>
      <RequiredDocuments dossier={dossier} />
      <UploadForm dossier={dossier} onUploaded={onChanged} onErrors={setHasErrors} />
      <UploadedDocuments dossier={dossier} onRemoved={onChanged} />
      <p>
        <Link className="button" href={next}>
          {t('employer.form.continue')}
        </Link>
      </p>
    </>
  );
}

/** The documents this dossier must carry, each with whether it is there (in words, not colour). */
export function RequiredDocuments({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  return (
    <TableScroll label={t('employer.documents.requiredCaption')}>
      <table className="table emp-table">
        <caption className="emp-caption">{t('employer.documents.requiredCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('employer.documents.type')}</th>
            <th scope="col">{t('employer.documents.state')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.requiredDocumentTypes.map((type) => {
            const isUploaded = dossier.documents.some((document) => document.documentType === type);
            return (
              <tr key={type}>
                <th scope="row">{documentTypeName(t, type)}</th>
                <td>
                  {isUploaded ? (
                    <Tag tone="success">{t('employer.documents.uploaded')}</Tag>
                  ) : (
                    <Tag tone="action">{t('employer.documents.missing')}</Tag>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The upload form. The multipart parts go in the order the API reads them: the type, then the
 * file (src/dossiers/documents/documents.routes.ts).
 */
export function UploadForm({
  dossier,
  onUploaded,
  onErrors,
}: {
  dossier: DossierOverview;
  onUploaded(): Promise<void>;
  onErrors?(hasErrors: boolean): void;
}) {
  const t = useT();
  const { api } = useSession();
  const fileInput = useRef<HTMLInputElement>(null);
  const missing = dossier.requiredDocumentTypes.find(
    (type) => !dossier.documents.some((document) => document.documentType === type),
  );
  const [documentType, setDocumentType] = useState(missing ?? '');
  const [errors, setErrors] = useState<{ summary: SummaryItem[]; file?: string; type?: string }>({
    summary: [],
  });
  const [status, setStatus] = useState('');
  const [isUploading, setUploading] = useState(false);
  const maxMegabytes = useDocumentLimit();
  const tooLarge = (megabytes: number) =>
    t('employer.documents.tooLarge', { label: t('employer.documents.file'), megabytes });
  const uploadedCount = dossier.documents.length;
  useEffect(() => {
    // After each upload the form offers the next document still missing.
    if (uploadedCount > 0 && missing) setDocumentType(missing);
  }, [uploadedCount, missing]);

  function show(next: typeof errors) {
    setErrors(next);
    onErrors?.(next.summary.length > 0);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isUploading) return;
    const file = fileInput.current?.files?.[0];
    const typeError = documentType ? undefined : t('employer.documents.chooseType');
    const fileError = file ? undefined : t('employer.documents.chooseFile');
    if (typeError || fileError) {
      const summary: SummaryItem[] = [];
      if (typeError) summary.push({ message: typeError, fieldId: 'document-type' });
      if (fileError) summary.push({ message: fileError, fieldId: 'document-file' });
      show({ summary, type: typeError, file: fileError });
      return;
    }
    // Checked here too, so a large scan is refused at once instead of after a long upload.
    if (maxMegabytes !== null && (file as File).size > maxMegabytes * 1_048_576) {
      const message = tooLarge(maxMegabytes);
      show({ summary: [{ message, fieldId: 'document-file' }], file: message });
      return;
    }
    const form = new FormData();
    form.append('documentType', documentType);
    form.append('file', file as File);
    setUploading(true);
    setStatus('');
    try {
      const uploaded = await api.upload<UploadedDocument>(`/api/v1/dossiers/${dossier.id}/documents`, form);
      show({ summary: [] });
      const added = t('employer.documents.uploadedStatus', {
        file: uploaded.fileName,
        type: documentTypeName(t, uploaded.documentType),
      });
      // The server keeps a file under the extension of what it really is (a PNG named .pdf).
      setStatus(
        extensionOf(uploaded.fileName) === extensionOf((file as File).name)
          ? added
          : `${added} ${t('employer.documents.renamedStatus', { kind: kindOf(uploaded.mediaType), file: uploaded.fileName })}`,
      );
      if (fileInput.current) fileInput.current.value = '';
      await onUploaded();
    } catch (error) {
      if (!(error instanceof ApiError)) {
        show({ summary: [{ message: t('employer.errors.network') }] });
        return;
      }
      if (error.status === 413) {
        const message = maxMegabytes !== null ? tooLarge(maxMegabytes) : error.message;
        show({ summary: [{ message, fieldId: 'document-file' }], file: message });
        return;
      }
      const fileMessage = error.fields.filter((f) => f.path === 'file').map((f) => f.message)[0];
      const typeMessage = error.fields.filter((f) => f.path === 'documentType').map((f) => f.message)[0];
      const summary: SummaryItem[] = [];
      if (typeMessage)
        summary.push({ message: `${t('employer.documents.type')} ${typeMessage}`, fieldId: 'document-type' });
      if (fileMessage)
        summary.push({ message: `${t('employer.documents.file')} ${fileMessage}`, fieldId: 'document-file' });
      if (summary.length === 0) summary.push({ message: error.message });
      show({
        summary,
        ...(typeMessage ? { type: `${t('employer.documents.type')} ${typeMessage}` } : {}),
        ...(fileMessage ? { file: `${t('employer.documents.file')} ${fileMessage}` } : {}),
      });
    } finally {
      setUploading(false);
    }
  }

  const types = [...new Set([...dossier.requiredDocumentTypes, ...DOCUMENT_TYPES])];
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{t('employer.documents.uploadTitle')}</h2>
      <ErrorSummary items={errors.summary} />
      <form noValidate onSubmit={onSubmit} encType="multipart/form-data">
        <SelectField
          id="document-type"
          name="documentType"
          label={t('employer.documents.type')}
          options={types.map((type) => ({ value: type, label: documentTypeName(t, type) }))}
          placeholder={t('employer.form.choose')}
          value={documentType}
          onChange={(e) => setDocumentType(e.target.value)}
          error={errors.type}
        />
        <div className={errors.file ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="document-file">
            {t('employer.documents.file')}
          </label>
          <p id="document-file-hint" className="form-hint">
            {maxMegabytes === null
              ? t('employer.documents.fileHintNoLimit')
              : t('employer.documents.fileHint', { megabytes: maxMegabytes })}
          </p>
          <FieldErrorMessage id="document-file-error" message={errors.file} />
          <input
            ref={fileInput}
            id="document-file"
            name="file"
            type="file"
            accept={ACCEPT}
            className="form-file"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'document-file-hint document-file-error' : 'document-file-hint'}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={isUploading}>
          {isUploading ? t('employer.documents.uploading') : t('employer.documents.upload')}
        </button>
      </form>
      <p role="status" className="emp-status">
        {status}
      </p>
    </section>
  );
}

/** The uploaded documents, each with a download link and, while allowed, a remove button. */
export function UploadedDocuments({
  dossier,
  onRemoved,
  canRemove = true,
}: {
  dossier: DossierOverview;
  onRemoved(): Promise<void>;
  canRemove?: boolean;
}) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const [message, setMessage] = useState('');

  async function remove(document: UploadedDocument) {
    try {
      await api.call<void>('DELETE', `/api/v1/dossiers/${dossier.id}/documents/${document.id}`);
      setMessage(t('employer.documents.removedStatus', { file: document.fileName }));
      await onRemoved();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : t('employer.errors.network'));
    }
  }

  return (
    <section aria-labelledby="uploaded-title">
      <h2 id="uploaded-title">{t('employer.documents.uploadedTitle')}</h2>
      {dossier.documents.length === 0 ? (
        <p>{t('employer.documents.none')}</p>
      ) : (
        <TableScroll label={t('employer.documents.uploadedCaption')}>
          <table className="table emp-table">
            <caption className="emp-caption">{t('employer.documents.uploadedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('employer.documents.type')}</th>
                <th scope="col">{t('employer.documents.file')}</th>
                <th scope="col">{t('employer.documents.uploadedOn')}</th>
                {canRemove ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('employer.documents.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {dossier.documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">{documentTypeName(t, document.documentType)}</th>
                  <td>
                    <a
                      href={`/api/v1/dossiers/${dossier.id}/documents/${document.id}`}
                      download={document.fileName}
                    >
                      {t('employer.documents.download', { file: document.fileName })}
                    </a>
                  </td>
                  <td>{formatDate(lang, document.uploadedAt)}</td>
                  {canRemove ? (
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void remove(document)}
                      >
                        {t('employer.documents.remove', { file: document.fileName })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p role="status" className="emp-status">
        {message}
      </p>
    </section>
  );
}

/** The largest document the server accepts, in MB (null until known: the hint then omits it). */
function useDocumentLimit(): number | null {
  const { api } = useSession();
  const [megabytes, setMegabytes] = useState<number | null>(null);
  useEffect(() => {
    let isCurrent = true;
    api.call<{ maxMegabytes: number }>('GET', '/api/v1/documents/limits').then(
      (limits) => isCurrent && setMegabytes(limits.maxMegabytes),
      () => undefined, // the hint without the figure; the server still refuses a file too large
    );
    return () => {
      isCurrent = false;
    };
  }, [api]);
  return megabytes;
}

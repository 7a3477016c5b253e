import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { dossierStatusLabel } from '../../status-labels.ts';

interface ImportResult {
  transactions: number;
  matched: { dossierId: string; dossierNumber: string | null; line: number; status: string }[];
  unmatched: { line: number; reference: string | null; why: string }[];
  alreadyImported: number;
  errors: { line: number; field: string; rule: string }[];
}

const FILE_ID = 'bank-statement';

/** `/case-handler/payments`: a bank statement (CSV) marks the fees it pays; every line is explained. */
export function PaymentImportPage() {
  const t = useT();
  const { api } = useSession();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [isPending, setPending] = useState(false);
  const title = t('staff.payments.title');
  usePageTitle(title, errors.length > 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem(FILE_ID) as HTMLInputElement).files?.[0];
    if (!file) {
      setErrors([{ message: t('staff.payments.fileRequired'), fieldId: FILE_ID }]);
      return;
    }
    setPending(true);
    setErrors([]);
    try {
      const text = await file.text();
      setResult(
        await api.call<ImportResult>('POST', '/api/v1/fee-payments/import', text, {
          'content-type': 'text/csv',
        }),
      );
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setErrors(
        fields.length > 0
          ? fields.map((field) => ({ message: `${field.path}: ${field.message}`, fieldId: FILE_ID }))
          : [{ message: error instanceof ApiError ? error.message : t('staff.payments.failed') }],
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <ErrorSummary items={errors} />
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('staff.payments.intro')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={errors.length > 0 ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={FILE_ID}>
            {t('staff.payments.file')}
          </label>
          <p className="form-hint" id={`${FILE_ID}-hint`}>
            {t('staff.payments.fileHint')}
          </p>
          <input
            id={FILE_ID}
            name={FILE_ID}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${FILE_ID}-hint`}
            aria-invalid={errors.length > 0 ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={isPending}>
          {t('staff.payments.submit')}
        </button>
      </form>
      {result ? (
        <section aria-labelledby="payment-result-title">
          <h2 id="payment-result-title">{t('staff.payments.resultTitle')}</h2>
          <p role="status">
            {t('staff.payments.summary', {
              transactions: result.transactions,
              matched: result.matched.length,
              unmatched: result.unmatched.length,
              already: result.alreadyImported,
            })}
          </p>
          {result.matched.length > 0 ? (
            <TableScroll label={t('staff.payments.matchedCaption')}>
              <table className="table">
                <caption>{t('staff.payments.matchedCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.payments.line')}</th>
                    <th scope="col">{t('staff.payments.dossier')}</th>
                    <th scope="col">{t('staff.payments.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.matched.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <th scope="row">
                        <Link href={`/case-handler/dossiers/${row.dossierId}`}>
                          {row.dossierNumber ?? row.dossierId}
                        </Link>
                      </th>
                      <td>{dossierStatusLabel(t, row.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {result.unmatched.length + result.errors.length > 0 ? (
            <TableScroll label={t('staff.payments.unmatchedCaption')}>
              <table className="table">
                <caption>{t('staff.payments.unmatchedCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.payments.line')}</th>
                    <th scope="col">{t('staff.payments.reference')}</th>
                    <th scope="col">{t('staff.payments.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.unmatched.map((row) => (
                    <tr key={`u${row.line}`}>
                      <th scope="row">{row.line}</th>
                      <td>{row.reference ?? '—'}</td>
                      <td>{t(`staff.payments.reasons.${row.why}` as Parameters<typeof t>[0])}</td>
                    </tr>
                  ))}
                  {result.errors.map((row) => (
                    <tr key={`e${row.line}-${row.field}`}>
                      <th scope="row">{row.line}</th>
                      <td>{row.field}</td>
                      <td>{t('staff.payments.lineError', { field: row.field, rule: row.rule })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

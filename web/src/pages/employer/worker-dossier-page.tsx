import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { Tag } from '../../components/tag.tsx';
import { TextField } from '../../components/text-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import {
  DecisionSection,
  type DecisionView,
  type LetterLink,
  type RefusalView,
  type RevocationView,
} from './decision-section.tsx';
import type { DossierAction, DossierStatus, Inadmissibility } from './dossier-model.ts';
import { InadmissibilityNotice } from './inadmissibility-notice.tsx';
import { actionName, categoryName, formatDate, statusName, statusTone } from './labels.ts';
import { type EmploymentTerms, WorkerEmail, WorkerTerms } from './worker-self-service.tsx';

/** What a worker may read of their dossier (the contract of `/api/v1/worker-access/*`). */
export interface WorkerDossier {
  number: string;
  status: DossierStatus;
  category: string;
  dueDate: string | null;
  isPaused: boolean;
  decisionOutcome: 'GRANTED' | 'REFUSED' | null;
  refusal?: RefusalView | null;
  /** The grant withdrawn later, with its grounds and motivation. */
  revocation?: RevocationView | null;
  decidedOn?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  appeal?: DecisionView['appeal'] | null;
  letters?: LetterLink[];
  history: { action: DossierAction; on: string }[];
  inadmissibility: Inadmissibility | null;
  terms: EmploymentTerms;
  termsConfirmedAt: string | null;
  hasEmail: boolean;
}

/** `/worker`: a worker follows their own dossier with the one-time code the employer gave them. */
export function WorkerDossierPage() {
  const { api } = useSession();
  const [dossier, setDossier] = useState<WorkerDossier | null | undefined>(undefined);

  useEffect(() => {
    // A cookie from an earlier code may still be valid: then the dossier shows at once. Without
    // one the server answers `dossier: null` (200, so no error in the console) and the form shows.
    api.call<{ dossier: WorkerDossier | null }>('GET', '/api/v1/worker-access/dossier').then(
      (answer) => setDossier(answer.dossier),
      () => setDossier(null),
    );
  }, [api]);

  if (dossier === undefined) return <Loading />;
  return (
    <>
      {dossier ? (
        <WorkerDossierView dossier={dossier} onChanged={setDossier} />
      ) : (
        <RedeemForm onRedeemed={setDossier} />
      )}
      <WorkerContact />
    </>
  );
}

/** Who the worker can turn to: the service, by post or at its desk, and the information desk. */
function WorkerContact() {
  const t = useT();
  return (
    <section aria-labelledby="worker-contact-title" data-testid="worker-contact">
      <h2 id="worker-contact-title">{t('employer.worker.contact.title')}</h2>
      <p>{t('employer.worker.contact.intro')}</p>
      <address>
        {t('employer.worker.contact.service')}
        <br />
        {t('employer.worker.contact.street')}
        <br />
        {t('employer.worker.contact.city')}
      </address>
      <p>
        <Link href="/desk">{t('employer.worker.contact.desk')}</Link>
      </p>
    </section>
  );
}

function RedeemForm({ onRedeemed }: { onRedeemed(dossier: WorkerDossier): void }) {
  const t = useT();
  const { api } = useSession();
  const [code, setCode] = useState('');
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [isPending, setPending] = useState(false);
  usePageTitle(t('employer.worker.title'), summary.length > 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    if (!code.trim()) {
      const message = t('employer.worker.codeRequired');
      setCodeError(message);
      setSummary([{ message, fieldId: 'worker-code' }]);
      return;
    }
    setPending(true);
    try {
      const answer = await api.call<{ dossier: WorkerDossier }>('POST', '/api/v1/worker-access/redeem', {
        code: code.trim(),
      });
      onRedeemed(answer.dossier);
    } catch (error) {
      const field = error instanceof ApiError ? error.fields.find((f) => f.path === 'code') : undefined;
      const message =
        error instanceof ApiError
          ? field
            ? `${t('employer.worker.code')} ${field.message}`
            : error.status === 404
              ? t('employer.worker.unavailable')
              : error.message
          : t('employer.errors.network');
      setCodeError(message);
      setSummary([{ message, fieldId: 'worker-code' }]);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary items={summary} />
      <PageHeading>{t('employer.worker.title')}</PageHeading>
      <p className="lead">{t('employer.worker.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="worker-code"
          name="code"
          label={t('employer.worker.code')}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={codeError}
        />
        <button type="submit" className="button" disabled={isPending}>
          {t('employer.worker.submit')}
        </button>
      </form>
    </div>
  );
}

function WorkerDossierView({
  dossier,
  onChanged,
}: {
  dossier: WorkerDossier;
  onChanged(dossier: WorkerDossier): void;
}) {
  const t = useT();
  const lang = currentLang();
  const title = t('employer.dossier.title', { number: dossier.number });
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <SummaryList
        rows={[
          {
            key: 'status',
            label: t('employer.home.status'),
            value: <Tag tone={statusTone(dossier.status)}>{statusName(t, dossier.status)}</Tag>,
          },
          { key: 'category', label: t('employer.home.category'), value: categoryName(t, dossier.category) },
          ...(dossier.dueDate
            ? [
                {
                  key: 'due',
                  label: t('employer.clock.title'),
                  value: dossier.isPaused
                    ? t('employer.clock.paused')
                    : t('employer.clock.dueDate', { date: formatDate(lang, dossier.dueDate) }),
                },
              ]
            : []),
        ]}
      />
      {dossier.status === 'INADMISSIBLE' ? (
        <InadmissibilityNotice inadmissibility={dossier.inadmissibility} />
      ) : null}
      <DecisionSection
        decision={{
          ...(dossier.decisionOutcome ? { outcome: dossier.decisionOutcome } : {}),
          ...(dossier.decidedOn ? { decidedOn: dossier.decidedOn } : {}),
          ...(dossier.validFrom && dossier.validUntil
            ? { validFrom: dossier.validFrom, validUntil: dossier.validUntil }
            : {}),
          ...(dossier.appeal ? { appeal: dossier.appeal } : {}),
        }}
        refusal={dossier.refusal ?? null}
        revocation={dossier.revocation ?? null}
        letters={dossier.letters ?? []}
        letterHref={(letterId) => `/api/v1/worker-access/letters/${letterId}`}
      />
      <WorkerTerms dossier={dossier} onChanged={onChanged} />
      <WorkerEmail dossier={dossier} onChanged={onChanged} />
      <p className="emp-notice">
        <Link href="/desk">{t('employer.worker.deskLink')}</Link>
      </p>
      <h2>{t('employer.history.title')}</h2>
      <ul className="list--bullet">
        {dossier.history.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only
          <li key={index}>
            {formatDate(lang, entry.on)}: {actionName(t, entry.action)}
          </li>
        ))}
      </ul>
    </>
  );
}

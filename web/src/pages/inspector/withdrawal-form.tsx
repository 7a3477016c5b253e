import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { GroundsFieldset } from '../staff/components/grounds-fieldset.tsx';
import { DossierChoice, useDossierGrounds } from './dossier-grounds.tsx';
import type { EmployerDossier } from './inspector-types.ts';

/**
 * Proposes the withdrawal of a granted authorisation after an inspection, through the dossiers'
 * withdrawal API (decision 012): the inspector picks the dossier, the legal grounds it may rest on,
 * and states the facts and the evidence; the employer is then heard and a supervisor decides.
 */
export function WithdrawalForm({
  dossiers,
  preferred,
  onProposed,
}: {
  dossiers: readonly EmployerDossier[];
  preferred: string | undefined;
  onProposed(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [dossierId, setDossierId] = useState(preferred ?? dossiers[0]?.id ?? '');
  const grounds = useDossierGrounds(dossierId, 'withdrawal-grounds');
  const [chosen, setChosen] = useState<string[]>([]);
  const [facts, setFacts] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [isPending, setPending] = useState(false);

  const show = (found: Record<string, string>) => {
    setErrors(found);
    setSummary(
      Object.entries(found).map(([field, message]) => ({ message, fieldId: `withdrawal-${field}` })),
    );
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (chosen.length === 0) found.groundCodes = t('inspector.withdrawal.groundRequired');
    if (!facts.trim()) found.facts = t('inspector.withdrawal.factsRequired');
    if (Object.keys(found).length > 0) return show(found);
    setPending(true);
    try {
      await api.call('POST', `/api/v1/dossiers/${dossierId}/withdrawal-proposals`, {
        groundCodes: chosen,
        facts: facts.trim(),
        ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
      });
      show({});
      onProposed();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        show(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
      else show({ groundCodes: error instanceof ApiError ? error.message : t('inspector.file.failed') });
    } finally {
      setPending(false);
    }
  }

  if (dossiers.length === 0) return <p>{t('inspector.withdrawal.noDossier')}</p>;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary items={summary} />
      <DossierChoice
        id="withdrawal-dossier"
        dossiers={dossiers}
        value={dossierId}
        onChange={(id) => {
          setDossierId(id);
          setChosen([]);
        }}
      />
      {grounds === undefined ? <Loading /> : null}
      {grounds === null ? <p role="alert">{t('inspector.file.failed')}</p> : null}
      {grounds ? (
        <GroundsFieldset
          id="withdrawal-groundCodes"
          legend={t('inspector.withdrawal.grounds')}
          error={errors.groundCodes}
          grounds={grounds.map((ground) => ({
            code: ground.code,
            label: ground.statement,
            legalBasis: ground.legalBasis,
          }))}
          chosen={chosen}
          onChange={setChosen}
        />
      ) : null}
      <TextareaField
        id="withdrawal-facts"
        label={t('inspector.withdrawal.facts')}
        hint={t('inspector.withdrawal.factsHint')}
        value={facts}
        maxLength={8000}
        onChange={(event) => setFacts(event.target.value)}
        error={errors.facts}
      />
      <TextareaField
        id="withdrawal-evidence"
        label={t('inspector.withdrawal.evidence')}
        hint={t('inspector.withdrawal.evidenceHint')}
        value={evidence}
        maxLength={4000}
        onChange={(event) => setEvidence(event.target.value)}
        error={errors.evidence}
      />
      <button type="submit" className="button" disabled={isPending || !grounds}>
        {t('inspector.withdrawal.submit')}
      </button>
    </form>
  );
}

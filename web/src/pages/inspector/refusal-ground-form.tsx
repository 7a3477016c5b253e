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
 * Proposes refusal grounds for a dossier of the employer still being handled (issue 14): the
 * inspector picks the dossier, the grounds and states the facts found; the case handler sees them
 * beside the grounds of the refusal and decides. Nothing reaches the employer.
 */
export function RefusalGroundForm({
  dossiers,
  onProposed,
}: {
  dossiers: readonly EmployerDossier[];
  onProposed(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [dossierId, setDossierId] = useState(dossiers[0]?.id ?? '');
  const grounds = useDossierGrounds(dossierId, 'refusal-grounds');
  const [chosen, setChosen] = useState<string[]>([]);
  const [facts, setFacts] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [isPending, setPending] = useState(false);

  const show = (found: Record<string, string>) => {
    setErrors(found);
    setSummary(Object.entries(found).map(([field, message]) => ({ message, fieldId: `refusal-${field}` })));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (chosen.length === 0) found.groundCodes = t('inspector.refusal.groundRequired');
    if (!facts.trim()) found.facts = t('inspector.refusal.factsRequired');
    if (Object.keys(found).length > 0) return show(found);
    setPending(true);
    try {
      await api.call('POST', `/api/v1/dossiers/${dossierId}/refusal-ground-proposals`, {
        groundCodes: chosen,
        facts: facts.trim(),
      });
      show({});
      setChosen([]);
      setFacts('');
      onProposed();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        show(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
      else show({ groundCodes: error instanceof ApiError ? error.message : t('inspector.file.failed') });
    } finally {
      setPending(false);
    }
  }

  if (dossiers.length === 0) return <p>{t('inspector.refusal.noDossier')}</p>;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary items={summary} />
      <DossierChoice
        id="refusal-dossier"
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
          id="refusal-groundCodes"
          legend={t('inspector.refusal.grounds')}
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
        id="refusal-facts"
        label={t('inspector.refusal.facts')}
        hint={t('inspector.refusal.factsHint')}
        value={facts}
        maxLength={4000}
        onChange={(event) => setFacts(event.target.value)}
        error={errors.facts}
      />
      <button type="submit" className="button" disabled={isPending || !grounds}>
        {t('inspector.refusal.submit')}
      </button>
    </form>
  );
}

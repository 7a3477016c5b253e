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
 * What an inspector proposes after an inspection, through the dossiers' API: the withdrawal of a
 * granted authorisation (decision 012: the employer is then heard and a supervisor decides) or
 * refusal grounds for a dossier still being handled (the case handler decides). One form: the
 * dossier, the legal grounds offered for it, the facts (and, for a withdrawal, where the evidence is).
 */
const KINDS = {
  withdrawal: {
    grounds: 'withdrawal-grounds',
    proposals: 'withdrawal-proposals',
    factsMax: 8000,
    hasEvidence: true,
  },
  refusal: {
    grounds: 'refusal-grounds',
    proposals: 'refusal-ground-proposals',
    factsMax: 4000,
    hasEvidence: false,
  },
} as const;

export function GroundsProposalForm({
  kind,
  dossiers,
  preferred,
  onProposed,
}: {
  kind: keyof typeof KINDS;
  dossiers: readonly EmployerDossier[];
  preferred?: string | undefined;
  onProposed(): void;
}) {
  const t = useT();
  const { api } = useSession();
  const settings = KINDS[kind];
  const [dossierId, setDossierId] = useState(preferred ?? dossiers[0]?.id ?? '');
  const grounds = useDossierGrounds(dossierId, settings.grounds);
  const [chosen, setChosen] = useState<string[]>([]);
  const [facts, setFacts] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [isPending, setPending] = useState(false);

  const show = (found: Record<string, string>) => {
    setErrors(found);
    setSummary(Object.entries(found).map(([field, message]) => ({ message, fieldId: `${kind}-${field}` })));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (chosen.length === 0) found.groundCodes = t(`inspector.${kind}.groundRequired`);
    if (!facts.trim()) found.facts = t(`inspector.${kind}.factsRequired`);
    if (Object.keys(found).length > 0) return show(found);
    setPending(true);
    try {
      await api.call('POST', `/api/v1/dossiers/${dossierId}/${settings.proposals}`, {
        groundCodes: chosen,
        facts: facts.trim(),
        ...(settings.hasEvidence && evidence.trim() ? { evidence: evidence.trim() } : {}),
      });
      show({});
      setChosen([]);
      setFacts('');
      setEvidence('');
      onProposed();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        show(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
      else show({ groundCodes: error instanceof ApiError ? error.message : t('inspector.file.failed') });
    } finally {
      setPending(false);
    }
  }

  if (dossiers.length === 0) return <p>{t(`inspector.${kind}.noDossier`)}</p>;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary items={summary} />
      <DossierChoice
        id={`${kind}-dossier`}
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
          id={`${kind}-groundCodes`}
          legend={t(`inspector.${kind}.grounds`)}
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
        id={`${kind}-facts`}
        label={t(`inspector.${kind}.facts`)}
        hint={t(`inspector.${kind}.factsHint`)}
        value={facts}
        maxLength={settings.factsMax}
        onChange={(event) => setFacts(event.target.value)}
        error={errors.facts}
      />
      {settings.hasEvidence ? (
        <TextareaField
          id="withdrawal-evidence"
          label={t('inspector.withdrawal.evidence')}
          hint={t('inspector.withdrawal.evidenceHint')}
          value={evidence}
          maxLength={4000}
          onChange={(event) => setEvidence(event.target.value)}
          error={errors.evidence}
        />
      ) : null}
      <button type="submit" className="button" disabled={isPending || !grounds}>
        {t(`inspector.${kind}.submit`)}
      </button>
    </form>
  );
}

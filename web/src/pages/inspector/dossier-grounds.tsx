import { useEffect, useState } from 'react';
import { SelectField } from '../../components/select-field.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { EmployerDossier } from './inspector-types.ts';

/** A legal ground as the dossiers' API offers it to an inspector: statement and legal basis. */
export interface OfferedGround {
  code: string;
  statement: string;
  legalBasis: string;
}

/**
 * The grounds one dossier may rest a withdrawal or a refusal on (`path`: the dossiers' route
 * below `/api/v1/dossiers/:id/`), fetched again when the dossier changes: undefined while loading,
 * null when it failed.
 */
export function useDossierGrounds(dossierId: string, path: 'withdrawal-grounds' | 'refusal-grounds') {
  const { api } = useSession();
  const [grounds, setGrounds] = useState<OfferedGround[] | null | undefined>(undefined);
  useEffect(() => {
    if (!dossierId) return;
    let current = true;
    setGrounds(undefined);
    api.call<{ grounds: OfferedGround[] }>('GET', `/api/v1/dossiers/${dossierId}/${path}`).then(
      (answer) => current && setGrounds(answer.grounds),
      () => current && setGrounds(null),
    );
    return () => {
      current = false;
    };
  }, [api, dossierId, path]);
  return grounds;
}

/** The employer's dossier the proposal is about, by number and the worker's family name. */
export function DossierChoice({
  id,
  dossiers,
  value,
  onChange,
}: {
  id: string;
  dossiers: readonly EmployerDossier[];
  value: string;
  onChange(id: string): void;
}) {
  const t = useT();
  return (
    <SelectField
      id={id}
      label={t('inspector.withdrawal.dossier')}
      options={dossiers.map((d) => ({
        value: d.id,
        label: t('inspector.withdrawal.dossierOption', {
          number: d.number,
          worker: d.workerFamilyName ?? '',
        }),
      }))}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

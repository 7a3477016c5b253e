import type { FreeMovementGroup } from '../facts.ts';
import type { ParameterValue } from '../parameters/parameter-definitions.ts';
import { type Condition, finding } from './condition.ts';

/**
 * Only a foreign national who does not enjoy free movement as a worker needs a work
 * authorisation. A Belgian is a national; EU, EEA and Swiss nationals (and UK nationals until the
 * end of the Brexit transition period) work in Belgium without one. An application for them has
 * no object, so it is refused with the ground that says so, whatever the category.
 */

// Art. 4 §1: an authorisation is needed to employ a foreign national (so none for a Belgian).
const NATIONALS_BASIS = 'Law 30 Apr 1999, art. 4 §1';

export const FREE_MOVEMENT_BASIS: Readonly<Record<FreeMovementGroup, string>> = {
  BELGIAN: NATIONALS_BASIS,
  EU: 'Art. 45 TFEU; Regulation (EU) No 492/2011, art. 1',
  EEA: 'EEA Agreement, art. 28; Regulation (EU) No 492/2011 (EEA Joint Committee)',
  SWITZERLAND: 'EU–Swiss Agreement on the free movement of persons (21 Jun 1999), art. 4 and Annex I',
  UK_TRANSITION: 'Withdrawal Agreement (2019), art. 126–127: Union law applies until 31 Dec 2020',
};

type FreeMovementList = ParameterValue<'worker.freeMovementNationalities'>;

/** The group that frees `nationality` (ISO alpha-2) from a work authorisation, or null if none does. */
export function freeMovementGroupIn(list: FreeMovementList, nationality: string): FreeMovementGroup | null {
  const code = nationality.toUpperCase();
  if (code === 'BE') return 'BELGIAN';
  if (list.EU.includes(code)) return 'EU';
  if (list.EEA.includes(code)) return 'EEA';
  if (list.SWITZERLAND.includes(code)) return 'SWITZERLAND';
  if (list.UK_TRANSITION?.includes(code)) return 'UK_TRANSITION';
  return null;
}

export const checkWorkAuthorisationRequired: Condition = {
  name: 'checkWorkAuthorisationRequired',
  legalBasis: `${NATIONALS_BASIS}; Art. 45 TFEU; EEA Agreement, art. 28; EU–Swiss Agreement on the free movement of persons (21 Jun 1999)`,
  reasonCodes: ['WORK_AUTHORISATION_NOT_REQUIRED'],
  evaluate(ctx) {
    const nationality = ctx.app.worker.nationality;
    const list =
      ctx.rules.peek('worker.freeMovementNationalities') ?? ctx.rules.get('worker.freeMovementNationalities');
    const group = freeMovementGroupIn(list, nationality);
    if (group === null) return null;
    // Recorded as used only when it decides, so other assessments do not list 31 countries.
    if (group !== 'BELGIAN') ctx.rules.get('worker.freeMovementNationalities');
    return {
      ...finding('WORK_AUTHORISATION_NOT_REQUIRED', { nationality, group }),
      legalBasis: FREE_MOVEMENT_BASIS[group],
    };
  },
};

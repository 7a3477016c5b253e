import type { Assessment, Category } from '../../rules/index.ts';
import { missingDocumentTypes } from '../documents/required-documents.ts';

/**
 * Admissibility (ontvankelijkheid) of a submitted dossier: the competent region and a complete
 * file (BVR 7 Dec 2018, chapter 9, art. 40–68; reference.md §5.1 step 2), then the fee paid
 * (policy note 002 §2.5: no handling before payment). Pure: the assessment, the uploaded document
 * types and the fee state are gathered by the caller.
 */
export const ADMISSIBILITY_LEGAL_BASIS = 'BVR 7 Dec 2018, hoofdstuk 9 (art. 40–68)';
export const FEE_LEGAL_BASIS = 'BVR 7 Dec 2018 as amended (retributie from 2026-01-01)';

export type InadmissibilityGround =
  | { code: 'NOT_COMPETENT_REGION'; region: string | null }
  | { code: 'INCOMPLETE_APPLICATION'; fields: string[]; invalid: string[] }
  | { code: 'MISSING_DOCUMENTS'; documentTypes: string[] };

export type Admissibility =
  | { decision: 'ADMISSIBLE' }
  | { decision: 'AWAITING_FEE'; amountDueCents: number }
  | { decision: 'INADMISSIBLE'; grounds: InadmissibilityGround[]; legalBasis: string };

export interface AdmissibilityFacts {
  assessment: Assessment;
  documentTypes: readonly string[];
  feeAmountDueCents: number;
  isFeePaid: boolean;
}

const IDENTIFIER_CODES = new Set(['INVALID_ENTERPRISE_NUMBER', 'INVALID_INSZ']);

export function checkAdmissibility(facts: AdmissibilityFacts): Admissibility {
  const { assessment } = facts;
  const grounds: InadmissibilityGround[] = [];
  // The authority names the German-speaking Community; assessments stored before it existed have only the region.
  const authority = assessment.procedure.competentAuthority ?? assessment.procedure.region;
  if (authority !== 'FLANDERS') {
    grounds.push({ code: 'NOT_COMPETENT_REGION', region: authority });
  }
  const missingFields = assessment.reasons
    .filter((reason) => reason.code === 'MISSING_INFORMATION')
    .flatMap((reason) => (reason.facts.fields as string[] | undefined) ?? []);
  const invalid = assessment.reasons.filter((r) => IDENTIFIER_CODES.has(r.code)).map((r) => r.code);
  if (missingFields.length > 0 || invalid.length > 0) {
    grounds.push({ code: 'INCOMPLETE_APPLICATION', fields: missingFields, invalid });
  }
  const missingDocuments = missingDocumentTypes(
    assessment.category as Category,
    assessment.procedure.type,
    facts.documentTypes,
  );
  if (missingDocuments.length > 0)
    grounds.push({ code: 'MISSING_DOCUMENTS', documentTypes: missingDocuments });
  if (grounds.length > 0) return { decision: 'INADMISSIBLE', grounds, legalBasis: ADMISSIBILITY_LEGAL_BASIS };
  if (facts.feeAmountDueCents > 0 && !facts.isFeePaid) {
    return { decision: 'AWAITING_FEE', amountDueCents: facts.feeAmountDueCents };
  }
  return { decision: 'ADMISSIBLE' };
}

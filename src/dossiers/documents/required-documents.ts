import type { Category } from '../../rules/index.ts';

/**
 * The documents an application must carry, per category. The single-permit file holds the work
 * part and the residence part together (reference.md §5.1: contract, diploma, CV, criminal record,
 * medical certificate), so the residence documents are asked when the procedure is a single
 * permit (> 90 days) and not for a work card.
 */
export const DOCUMENT_TYPES = [
  'EMPLOYMENT_CONTRACT',
  'PASSPORT',
  'DIPLOMA',
  'CURRICULUM_VITAE',
  'VACANCY_EVIDENCE',
  'HOSTING_AGREEMENT',
  'GROUP_EMPLOYMENT_EVIDENCE',
  'RECOGNITION_OF_CULT_EVIDENCE',
  'CRIMINAL_RECORD',
  'MEDICAL_CERTIFICATE',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const BY_CATEGORY: Record<Category, readonly DocumentType[]> = {
  HIGHLY_SKILLED: ['DIPLOMA', 'CURRICULUM_VITAE'],
  EXECUTIVE: ['CURRICULUM_VITAE'],
  EU_BLUE_CARD: ['DIPLOMA', 'CURRICULUM_VITAE'],
  MEDIUM_SKILLED_SHORTAGE: ['CURRICULUM_VITAE'],
  OTHER_LABOUR_MARKET_TEST: ['VACANCY_EVIDENCE', 'CURRICULUM_VITAE'],
  SEASONAL_WORKER: [],
  INTRA_CORPORATE_TRANSFEREE: ['GROUP_EMPLOYMENT_EVIDENCE', 'CURRICULUM_VITAE'],
  TRAINEE: ['DIPLOMA'],
  AU_PAIR: [],
  PROFESSIONAL_ATHLETE: [],
  PERFORMING_ARTIST: [],
  MINISTER_OF_RELIGION: ['RECOGNITION_OF_CULT_EVIDENCE'],
  RESEARCHER: ['HOSTING_AGREEMENT', 'DIPLOMA'],
};

const RESIDENCE_PART: readonly DocumentType[] = ['CRIMINAL_RECORD', 'MEDICAL_CERTIFICATE'];

export function requiredDocumentTypes(
  category: Category,
  procedureType: 'SINGLE_PERMIT' | 'WORK_CARD' | null,
): DocumentType[] {
  return [
    'EMPLOYMENT_CONTRACT',
    'PASSPORT',
    ...BY_CATEGORY[category],
    ...(procedureType === 'SINGLE_PERMIT' ? RESIDENCE_PART : []),
  ];
}

export function missingDocumentTypes(
  category: Category,
  procedureType: 'SINGLE_PERMIT' | 'WORK_CARD' | null,
  uploaded: readonly string[],
): DocumentType[] {
  const present = new Set(uploaded);
  return requiredDocumentTypes(category, procedureType).filter((type) => !present.has(type));
}

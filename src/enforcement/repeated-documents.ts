import type { EmployerRisk, Signal } from './monitoring-types.ts';
import { mergeEmployerSignals } from './report-signals.ts';
import type { RiskParameters } from './risk-parameters.ts';

/**
 * The same file (byte for byte) submitted for different workers: a passport, diploma, CV, contract,
 * criminal record or medical certificate belongs to one person, so one file in the dossiers of two
 * workers points to a forged or borrowed document (policy note 002 §2.1: "valse documenten" as a
 * refusal and withdrawal ground). Per employer: how many such files, the most workers sharing one,
 * its kind, and how many other employers used it. A reason to look, never proof: a scanned template
 * uploaded by mistake looks the same.
 */

/** Documents that describe one worker: the same bytes for two workers cannot both be right. */
export const PERSONAL_DOCUMENT_TYPES = [
  'PASSPORT',
  'DIPLOMA',
  'CURRICULUM_VITAE',
  'EMPLOYMENT_CONTRACT',
  'CRIMINAL_RECORD',
  'MEDICAL_CERTIFICATE',
] as const;

export interface EmployerRepeatedDocuments {
  enterpriseNumber: string;
  /** Files of this employer's dossiers also submitted for another worker. */
  repeatedFiles: number;
  /** The most workers one of those files was submitted for. */
  mostWorkersSharingFile: number;
  /** The kind of that file. */
  documentType: string;
  /** Other employers whose dossiers hold one of those files. */
  otherEmployers: number;
}

export function withRepeatedDocuments(
  ranking: readonly EmployerRisk[],
  repeats: readonly EmployerRepeatedDocuments[],
  params: RiskParameters,
  readOn: string,
): EmployerRisk[] {
  const points = params.points.value.REPEATED_DOCUMENTS;
  if (points <= 0) return [...ranking];
  const signals: Signal[] = repeats
    .filter((r) => r.repeatedFiles > 0)
    .map((r) => ({
      kind: 'REPEATED_DOCUMENTS',
      enterpriseNumber: r.enterpriseNumber,
      authorisationId: null,
      points,
      facts: [
        { name: 'repeatedFiles', value: r.repeatedFiles, source: 'LOKET', at: readOn },
        { name: 'workersSharingFile', value: r.mostWorkersSharingFile, source: 'LOKET', at: readOn },
        { name: 'documentType', value: r.documentType, source: 'LOKET', at: readOn },
        { name: 'otherEmployers', value: r.otherEmployers, source: 'LOKET', at: readOn },
      ],
      rule: {
        parameter: params.points.name,
        value: points,
        validFrom: params.points.validFrom,
        legalBasis: params.points.legalBasis,
      },
    }));
  return mergeEmployerSignals(ranking, signals);
}

import { appealsPerCategory } from './appeals.ts';
import { careStaffFlows } from './care-staff-flows.ts';
import { firstVsRenewal } from './first-vs-renewal.ts';
import { highlySkilledShare } from './highly-skilled-share.ts';
import { naricRecognitions } from './naric-recognitions.ts';
import { nursesByNationality } from './nurses-by-nationality.ts';
import { q1HighlyQualified } from './q1-highly-qualified.ts';
import { q2ApplicationsByProvince } from './q2-applications-by-province.ts';
import { q2QuestionCategories } from './q2-question-categories.ts';
import { q3RefusalReasons } from './q3-refusal-reasons.ts';
import { q3RefusalsAndInadmissible } from './q3-refusals-and-inadmissible.ts';
import { q4Combined } from './q4-combined.ts';
import { q4GrantProfiles } from './q4-grant-profiles.ts';
import { q6LeadTimes } from './q6-lead-times.ts';
import { q6TotalLeadTimes } from './q6-total-lead-times.ts';
import { q7Handover } from './q7-handover.ts';
import { q8Inspections } from './q8-inspections.ts';
import type { ReportDefinition } from './report-definition.ts';
import { revocationsPerCategory } from './revocations.ts';

export const REPORTS: readonly ReportDefinition[] = [
  q2ApplicationsByProvince,
  q2QuestionCategories,
  q3RefusalReasons,
  q3RefusalsAndInadmissible,
  q4GrantProfiles,
  q4Combined,
  q6LeadTimes,
  q6TotalLeadTimes,
  q7Handover,
  q8Inspections,
  nursesByNationality,
  careStaffFlows,
  naricRecognitions,
  highlySkilledShare,
  q1HighlyQualified,
  firstVsRenewal,
  appealsPerCategory,
  revocationsPerCategory,
];

export function findReport(id: string): ReportDefinition | undefined {
  return REPORTS.find((report) => report.id === id);
}

export type { ReportDefinition } from './report-definition.ts';

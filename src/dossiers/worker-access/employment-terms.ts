/**
 * The employment terms a worker is shown and confirms (policy note 002 §2.8: the employer informs
 * the worker of the job and its conditions). Pure: read from the application as the employer
 * filed it; only what the worker agreed with the employer, nothing of the assessment.
 */
export interface EmploymentTerms {
  category: string;
  jobTitle: string | null;
  grossAnnualSalary: number | null;
  employmentFraction: number | null;
  startDate: string | null;
  endDate: string | null;
  workplacePostalCode: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function employmentTerms(category: string, application: unknown): EmploymentTerms {
  const job = ((application as { job?: Record<string, unknown> } | null)?.job ?? {}) as Record<
    string,
    unknown
  >;
  return {
    category,
    jobTitle: text(job.title),
    grossAnnualSalary: number(job.grossAnnualSalary),
    employmentFraction: number(job.employmentFraction),
    startDate: text(job.startDate),
    endDate: text(job.endDate),
    workplacePostalCode: text(job.workplacePostalCode),
  };
}

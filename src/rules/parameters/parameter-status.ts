/**
 * How sure a parameter value is, as the assessment reports it (`parameters[].status`):
 * VERIFIED (confirmed in the legal text or an official source), PROVISIONAL (the best figure we
 * have, e.g. last year's amount carried forward until the new one is published) or CONFLICTING
 * (sources disagree). The screens translate the status; they never show research notes.
 */
export const PARAMETER_STATUSES = ['VERIFIED', 'PROVISIONAL', 'CONFLICTING'] as const;
export type ParameterStatus = (typeof PARAMETER_STATUSES)[number];

/** The YAML spelling (`status: provisional`) of each status. */
export const YAML_STATUS: Readonly<Record<string, ParameterStatus>> = {
  verified: 'VERIFIED',
  provisional: 'PROVISIONAL',
  conflicting: 'CONFLICTING',
};

// A source is shown to staff and sent to partners: it cites a legal text or a public source. The
// project's own research files (reference.md, parameters.md, the seeds, code) belong in `note`.
const INTERNAL_REFERENCE = /\b[\w.-]+\.(md|ts|yaml|json)\b|\bseeds? \d{3}\b/i;

/** The internal reference a source cites, or null when it cites only public sources. */
export function findInternalReference(source: string): string | null {
  return INTERNAL_REFERENCE.exec(source)?.[0] ?? null;
}

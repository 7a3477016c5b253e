import { DEMO_OCCUPATIONS } from '../src/talent/demo-talent.ts';

/**
 * A recognised refugee's profile as a partner records it (POST /api/v1/talent/candidates), consent
 * to be shown included; `overrides` replaces whole fields. For the talent database tests.
 */
export function refugeeCandidate(reference: string, overrides: Record<string, unknown> = {}) {
  return {
    reference,
    pool: 'REFUGEE',
    occupationIds: [DEMO_OCCUPATIONS.nurseAssistant],
    educationVks: 4,
    languages: [{ lang: 'nl', level: 'B2' }],
    circle: 'BELGIUM',
    postalCode: '9000',
    nationality: 'SY',
    workAccess: 'FREE',
    availableFrom: '2026-12-15',
    consent: {
      purpose: 'SHORTAGE_MATCHING',
      givenOn: '2026-12-01',
      showToEmployers: true,
      retentionUntil: '2027-06-01',
    },
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/auth/roles.ts';
import { matchPage, PAGE_IDS, PAGE_ROUTES, type PageId, pagePath } from './page-routes.ts';
import { roleHomePath } from './roles.ts';

const SAMPLE = {
  dossierId: '0b6f5b8e-3c1d-4a7e-9f10-2a3b4c5d6e7f',
  stepId: 'worker',
  reportId: 'applications-by-month',
  topic: 'working-time',
  deskReportId: '5d0c1f9e-2b3a-4c5d-8e7f-9a0b1c2d3e4f',
  vacancyId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  candidateId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
  pilotId: '9c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  enterpriseNumber: '0403170701',
};

describe('the page table', () => {
  it('gives each page one address that leads back to it, with its parameters', () => {
    for (const id of PAGE_IDS) {
      const path = pagePath(id, SAMPLE);
      const match = matchPage(path);
      expect(match?.id, path).toBe(id);
      for (const name of PAGE_ROUTES[id].pattern.match(/:[a-zA-Z]+/g) ?? []) {
        expect(match?.params[name.slice(1)]).toBe(SAMPLE[name.slice(1) as keyof typeof SAMPLE]);
      }
    }
  });

  it('answers null (the "not found" page) for an address of no page', () => {
    for (const path of [
      '/nothing',
      '/employer/dossiers/not-a-uuid',
      '/analyst/reports/',
      '/admin/x',
      '/admin/accounts/x',
      '/password/x',
    ]) {
      expect(matchPage(path), path).toBeNull();
    }
  });

  it("has every role's home page, for that role", () => {
    for (const role of ROLES) {
      const match = matchPage(roleHomePath(role));
      expect(match, role).not.toBeNull();
      expect(PAGE_ROUTES[(match as { id: PageId }).id].for).toContain(role);
    }
  });

  it("has the care pipeline pages: a candidate's recognition file and the care report", () => {
    expect(matchPage(`/partner/candidates/${SAMPLE.candidateId}/recognition`)).toEqual({
      id: 'partnerRecognition',
      params: { candidateId: SAMPLE.candidateId },
    });
    expect(matchPage('/talent/care')?.id).toBe('talentCare');
    expect(matchPage('/analyst/evaluation')?.id).toBe('analystEvaluation');
    expect(PAGE_ROUTES.analystEvaluation.for).toEqual(['ANALYST']);
    expect(PAGE_ROUTES.talentCare.for).toEqual(['ANALYST', 'SUPERVISOR']);
    // The import runs for those who may run an import (POST /api/v1/talent/vacancy-imports).
    expect(matchPage('/talent/vacancy-imports')?.id).toBe('talentVacancyImports');
    expect(PAGE_ROUTES.talentVacancyImports.for).toEqual(['CASE_HANDLER', 'SUPERVISOR']);
  });

  it('refuses to fill an address without its parameters', () => {
    expect(() => pagePath('employerDossier')).toThrow(/dossierId/);
  });
});

import { describe, expect, it } from 'vitest';
import { pageAccess } from './roles.ts';

describe('who may open which page', () => {
  it('lets each role into its own area only, and the supervisor into the case handler pages', () => {
    expect(pageAccess('/employer/new', 'EMPLOYER')).toEqual({ owner: 'EMPLOYER', mayEnter: true });
    expect(pageAccess('/employer', 'CASE_HANDLER')).toEqual({ owner: 'EMPLOYER', mayEnter: false });
    expect(pageAccess('/case-handler/payments', 'SUPERVISOR')?.mayEnter).toBe(true);
    expect(pageAccess('/supervisor/queue', 'CASE_HANDLER')).toEqual({ owner: 'SUPERVISOR', mayEnter: false });
    expect(pageAccess('/analyst/reports/x', 'ADMIN')).toEqual({ owner: 'ANALYST', mayEnter: false });
    expect(pageAccess('/admin', 'EMPLOYER')).toEqual({ owner: 'ADMIN', mayEnter: false });
    expect(pageAccess('/inspector', 'INSPECTOR')?.mayEnter).toBe(true);
  });

  it('leaves public pages and look-alike paths to the other routes', () => {
    expect(pageAccess('/self-check', 'EMPLOYER')).toBeNull();
    expect(pageAccess('/worker', 'CASE_HANDLER')).toBeNull();
    expect(pageAccess('/employers', 'CASE_HANDLER')).toBeNull();
  });
});

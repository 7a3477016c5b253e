import { checkEnterpriseNumber } from '../identifiers/enterprise-number.ts';
import { checkInsz } from '../identifiers/insz.ts';
import { type Condition, finding } from './condition.ts';

/** The employer must be identified by a valid KBO enterprise number (not an establishment unit). */
export const checkEnterpriseNumberValid: Condition = {
  name: 'checkEnterpriseNumberValid',
  legalBasis: 'Code of Economic Law, book III, title 2 (KBO); KB 23 Jun 2003',
  reasonCodes: ['INVALID_ENTERPRISE_NUMBER'],
  evaluate(ctx) {
    const enterpriseNumber = ctx.app.employer.enterpriseNumber;
    const check = checkEnterpriseNumber(enterpriseNumber);
    return check.ok
      ? null
      : finding('INVALID_ENTERPRISE_NUMBER', { enterpriseNumber, problem: check.problem });
  },
};

/** An INSZ, when given, must pass its check (national-register or BIS number, either century). */
export const checkInszValid: Condition = {
  name: 'checkInszValid',
  legalBasis: 'Law 15 Jan 1990 (Crossroads Bank for Social Security), art. 8',
  reasonCodes: ['INVALID_INSZ'],
  evaluate(ctx) {
    const insz = ctx.app.worker.insz;
    if (insz === undefined || insz === null) return null;
    const check = checkInsz(insz);
    return check.ok ? null : finding('INVALID_INSZ', { insz, problem: check.problem });
  },
};

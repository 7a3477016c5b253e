import { formatEnterpriseNumber, normaliseKboNumber } from '../../rules/identifiers/enterprise-number.ts';
import type { LetterTexts } from './letter-texts.ts';
import type { Addressee } from './pdf-document.ts';

/** A Belgian postal address as the enterprise register (KBO) gives it. */
export interface PostalAddress {
  street: string;
  houseNumber: string;
  postalCode: string;
  municipality: string;
}

/** The employer a letter is sent to; name and address come from the enterprise register when known. */
export interface LetterEmployer {
  enterpriseNumber: string;
  name: string | null;
  address?: PostalAddress | null;
}

export function formatEnterprise(enterpriseNumber: string): string {
  const digits = normaliseKboNumber(enterpriseNumber);
  return digits === null ? enterpriseNumber : formatEnterpriseNumber(digits);
}

/**
 * The address block of a letter, as on an official letter in Belgium: name, street and number,
 * postal code and municipality, then the enterprise number as reference. Without a known address
 * the block holds the name and the enterprise number (the letter is then delivered electronically).
 */
export function letterAddressee(
  employer: LetterEmployer,
  texts: Pick<LetterTexts, 'enterpriseWithoutName' | 'enterpriseNumberLabel'>,
): Addressee {
  const lines: string[] = [];
  const address = employer.address;
  if (address) {
    lines.push(`${address.street.trim()} ${address.houseNumber.trim()}`.trim());
    lines.push(`${address.postalCode.trim()} ${address.municipality.trim().toUpperCase()}`.trim());
  }
  lines.push(`${texts.enterpriseNumberLabel} ${formatEnterprise(employer.enterpriseNumber)}`);
  return { name: employer.name?.trim() || texts.enterpriseWithoutName, lines };
}

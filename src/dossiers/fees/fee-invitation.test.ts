import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages.ts';
import { readPdfText, squash } from '../letters/test-support/read-pdf-text.ts';
import { EpcPayloadError } from './epc-qr-payload.ts';
import { FeeInvitationError, type FeeInvitationInput, renderFeeInvitation } from './fee-invitation.ts';
import { FEE_INVITATION_TEXTS } from './fee-invitation-texts.ts';
import { createStructuredReference } from './structured-reference.ts';

const REFERENCE = createStructuredReference(2_026_000_123);

function anInvitation(overrides: Partial<FeeInvitationInput> = {}): FeeInvitationInput {
  return {
    lang: 'nl',
    generatedAt: new Date('2026-03-12T08:30:00Z'),
    dossierNumber: 'VL-2026-000123',
    employer: { enterpriseNumber: '0403170701', name: 'Tuinbouw De Vlaspit NV' },
    amountEur: 200,
    beneficiary: {
      name: 'Vlaamse overheid – Economische Migratie',
      iban: 'BE71096123456769',
      bic: 'GKCCBEBB',
    },
    reference: REFERENCE,
    compress: false,
    ...overrides,
  };
}

describe('fee invitation', () => {
  it.each([
    ['nl', '€ 200,00'],
    ['fr', '200,00 €'],
    ['en', '€200.00'],
  ] as const)(
    'in %s, gives the amount, beneficiary, account, reference, dossier and the due note',
    async (lang, amount) => {
      const texts = FEE_INVITATION_TEXTS[lang];
      const text = squash(readPdfText(await renderFeeInvitation(anInvitation({ lang }))));
      expect(text).toContain(squash(amount));
      expect(text).toContain(squash(texts.beneficiaryLabel));
      expect(text).toContain(squash('Vlaamse overheid – Economische Migratie'));
      expect(text).toContain('BE71096123456769'); // printed as BE71 0961 2345 6769
      expect(text).toContain('GKCCBEBB');
      expect(text).toContain(REFERENCE);
      expect(text).toContain('VL-2026-000123');
      expect(text).toContain(squash(texts.dueNote));
      expect(text).toContain(squash(texts.qrCaption));
    },
  );

  it('is tagged: the transfer details as a table, the QR code as a figure with alternative text', async () => {
    const raw = (await renderFeeInvitation(anInvitation())).toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw.match(/\/S \/TR\b/g)).toHaveLength(6);
    for (const role of ['Table', 'TH', 'TD', 'H1']) expect(raw).toMatch(new RegExp(`/S /${role}\\b`));
    expect(raw).toMatch(/\/S \/Figure\s*\/Alt \(/);
  });

  it('addresses the employer with the name and address written as in the register', async () => {
    const text = readPdfText(
      await renderFeeInvitation(
        anInvitation({
          employer: {
            enterpriseNumber: '0403170701',
            name: 'Đorđević & Nguyễn bv',
            address: {
              street: 'Rue de la Loi',
              houseNumber: '16',
              postalCode: '1000',
              municipality: 'Bruxelles',
            },
          },
        }),
      ),
    );
    expect(text).toContain('Đorđević & Nguyễn bv\nRue de la Loi 16\n1000 BRUXELLES');
  });

  it('embeds the EPC QR code as an image', async () => {
    const raw = (await renderFeeInvitation(anInvitation())).toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(raw).toMatch(/\/ColorSpace \/DeviceGray/);
    expect(raw).toMatch(/\/XObject/);
    expect(raw).toMatch(/\/I\d+ Do/); // the page draws it
  });

  it('prints the reference in its canonical form whatever form it was given in', async () => {
    const digits = REFERENCE.replace(/\D/g, '');
    const text = squash(
      readPdfText(await renderFeeInvitation(anInvitation({ reference: `***${digits}***` }))),
    );
    expect(text).toContain(REFERENCE);
  });

  it.each(LANGUAGES)('sets the document language for %s and is deterministic', async (lang) => {
    const first = await renderFeeInvitation(anInvitation({ lang, compress: true }));
    expect(first.toString('latin1')).toContain(`/Lang (${lang === 'en' ? 'en-GB' : `${lang}-BE`})`);
    expect(first.equals(await renderFeeInvitation(anInvitation({ lang, compress: true })))).toBe(true);
  });

  it('refuses a reference with a wrong check and transfer details a bank would refuse', async () => {
    await expect(renderFeeInvitation(anInvitation({ reference: '+++000/0000/00102+++' }))).rejects.toThrow(
      FeeInvitationError,
    );
    await expect(
      renderFeeInvitation(anInvitation({ beneficiary: { name: 'X', iban: 'BE72096123456769' } })),
    ).rejects.toThrow(expect.objectContaining({ field: 'iban' }));
    await expect(renderFeeInvitation(anInvitation({ amountEur: 0 }))).rejects.toThrow(EpcPayloadError);
  });
});

import { DEFAULT_LANG, isLang, type Lang } from '../../i18n/languages.ts';
import { FORMATTERS } from '../../rules/messages/format.ts';
import { type LetterEmployer, letterAddressee } from '../letters/letter-addressee.ts';
import { LETTER_TEXTS } from '../letters/letter-texts.ts';
import {
  contentWidth,
  drawText,
  FONT,
  FONT_BOLD,
  keepTogether,
  type Pdf,
  renderPdf,
  toBrusselsIsoDate,
  withContent,
  withStructure,
  writeAddressBlock,
  writeFooters,
  writeParagraph,
} from '../letters/pdf-document.ts';
import { buildEpcQrPayload } from './epc-qr-payload.ts';
import { FEE_INVITATION_TEXTS, type FeeInvitationTexts } from './fee-invitation-texts.ts';
import { renderQrPng } from './payment-qr.ts';
import { parseStructuredReference } from './structured-reference.ts';

/**
 * The invitation to pay the fee (retributie), as a PDF for the employer: the transfer details, the
 * structured reference that lets the bank import match the payment (payment-import.ts), and the
 * EPC QR code that fills the transfer in a banking app. The fee is paid before the application is
 * handled (reference.md §4, "no processing without payment").
 */
export interface FeeInvitationInput {
  lang: Lang;
  /** The moment the invitation is produced: its date and the PDF's creation date. */
  generatedAt: Date;
  dossierNumber: string;
  employer: LetterEmployer;
  /** The amount due in euros, as the assessment's `fee.amountDue`. */
  amountEur: number;
  beneficiary: { name: string; iban: string; bic?: string | null };
  /** The dossier's structured reference, in any written form; printed as +++NNN/NNNN/NNNNN+++. */
  reference: string;
  /** Deflate the PDF's streams (default true); off in tests to read the text. */
  compress?: boolean;
}

export class FeeInvitationError extends Error {
  readonly code = 'LOKET_FEE_INVITATION_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'FeeInvitationError';
  }
}

const LABEL_WIDTH = 170;
const QR_SIZE = 150;

/** `BE71 0961 2345 6769`: IBANs are printed in groups of four (ISO 13616 paper format). */
function formatIban(iban: string): string {
  return iban
    .replace(/\s/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/** One row of the transfer details table: the label as row header, the value as its cell. */
function writeDetail(doc: Pdf, label: string, value: string): void {
  const left = doc.page.margins.left;
  const top = doc.y;
  let afterLabel = top;
  withStructure(doc, 'TR', () => {
    withContent(doc, 'TH', () => {
      doc.font(FONT).fontSize(10.5);
      drawText(doc, label, left, top, { width: LABEL_WIDTH - 10 });
      afterLabel = doc.y;
    });
    withContent(doc, 'TD', () => {
      doc.font(FONT_BOLD);
      drawText(doc, value, left + LABEL_WIDTH, top, { width: contentWidth(doc) - LABEL_WIDTH });
    });
  });
  doc.y = Math.max(afterLabel, doc.y) + 4;
}

function writeQrCode(doc: Pdf, png: Buffer, texts: FeeInvitationTexts): void {
  keepTogether(doc, QR_SIZE + 10);
  const left = doc.page.margins.left;
  const top = doc.y;
  withContent(doc, 'Figure', () => doc.image(png, left, top, { width: QR_SIZE, height: QR_SIZE }), {
    alt: texts.qrCaption,
  });
  withContent(doc, 'P', () => {
    doc.font(FONT).fontSize(10);
    drawText(doc, texts.qrCaption, left + QR_SIZE + 16, top + 20, {
      width: contentWidth(doc) - QR_SIZE - 16,
    });
  });
  doc.x = left;
  doc.y = top + QR_SIZE + 12;
}

/**
 * Renders the invitation; throws `EpcPayloadError` for transfer details a bank would refuse and
 * `FeeInvitationError` for a reference without a correct check.
 */
export async function renderFeeInvitation(input: FeeInvitationInput): Promise<Buffer> {
  const reference = parseStructuredReference(input.reference);
  if (reference === null) throw new FeeInvitationError('reference', 'not a valid structured reference');
  if (input.dossierNumber.trim() === '') throw new FeeInvitationError('dossierNumber', 'must not be empty');
  const payload = buildEpcQrPayload({
    beneficiaryName: input.beneficiary.name,
    iban: input.beneficiary.iban,
    ...(input.beneficiary.bic ? { bic: input.beneficiary.bic } : {}),
    amountEur: input.amountEur,
    remittance: reference,
  });
  const png = await renderQrPng(payload, { width: 600 });

  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const texts = FEE_INVITATION_TEXTS[lang];
  const letter = LETTER_TEXTS[lang];
  const f = FORMATTERS[lang];
  const amount = f.amount(input.amountEur);

  return renderPdf(
    {
      lang,
      title: texts.title(input.dossierNumber),
      author: letter.sender.join(' - '),
      subject: texts.subject(input.dossierNumber),
      generatedAt: input.generatedAt,
      compress: input.compress,
    },
    (doc) => {
      const [government, department, division] = letter.sender;
      writeParagraph(doc, government, { bold: true, size: 11, gapAfter: 0 });
      writeParagraph(doc, department, { size: 10, gapAfter: 0 });
      writeParagraph(doc, division, { size: 10, gapAfter: 2 });
      writeAddressBlock(doc, letterAddressee(input.employer, letter));
      writeParagraph(doc, `${texts.dateLabel}: ${f.date(toBrusselsIsoDate(input.generatedAt))}`, {
        gapAfter: 1.5,
      });
      writeParagraph(doc, texts.subject(input.dossierNumber), { bold: true, gapAfter: 1.2, role: 'H1' });
      writeParagraph(doc, texts.salutation);
      writeParagraph(doc, texts.introduction({ dossierNumber: input.dossierNumber, amount }), {
        gapAfter: 1,
      });

      withStructure(doc, 'Table', () => {
        writeDetail(doc, texts.amountLabel, amount);
        writeDetail(doc, texts.beneficiaryLabel, input.beneficiary.name.trim());
        writeDetail(doc, texts.ibanLabel, formatIban(input.beneficiary.iban));
        if (input.beneficiary.bic) writeDetail(doc, texts.bicLabel, input.beneficiary.bic);
        writeDetail(doc, texts.referenceLabel, reference);
        writeDetail(doc, texts.dossierLabel, input.dossierNumber);
      });
      doc.moveDown(1);

      writeParagraph(doc, texts.dueNote, { bold: true });
      writeParagraph(doc, texts.referenceNote, { gapAfter: 1 });
      writeQrCode(doc, png, texts);
      writeParagraph(doc, texts.closing, { gapAfter: 1 });
      writeParagraph(doc, division);
      writeFooters(doc, (page, pages) => texts.footer({ dossierNumber: input.dossierNumber, page, pages }));
    },
  );
}

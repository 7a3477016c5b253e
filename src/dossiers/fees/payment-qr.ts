import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';
import { DEFAULT_LANG } from '../../i18n/languages.ts';
import { FEE_INVITATION_TEXTS } from './fee-invitation-texts.ts';

/**
 * The image of the fee's EPC QR code (the text comes from `buildEpcQrPayload`). EPC069-12 asks for
 * error-correction level M; qrcode's default is M too, but the guideline is the reason, so it is
 * said here rather than left to a library default. The payload is encoded as UTF-8 bytes, matching
 * the character-set line `1` of the payload.
 */
export const EPC_ERROR_CORRECTION: QRCodeErrorCorrectionLevel = 'M';

/** Quiet zone of four modules around the symbol, as ISO/IEC 18004 requires for reliable scanning. */
const QUIET_ZONE = 4;

/** What screen readers announce for the code when no title is given (Dutch, the default language). */
export const DEFAULT_QR_TITLE = FEE_INVITATION_TEXTS[DEFAULT_LANG].qrAlternative;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The QR code as an SVG document, with a <title> so that assistive technology can name it
 * (WCAG 1.1.1). Deterministic: the same payload and title give the same text.
 */
export async function renderQrSvg(payload: string, options: { title?: string } = {}): Promise<string> {
  const svg = await QRCode.toString(payload, {
    type: 'svg',
    errorCorrectionLevel: EPC_ERROR_CORRECTION,
    margin: QUIET_ZONE,
  });
  const title = escapeXml(options.title ?? DEFAULT_QR_TITLE);
  return svg
    .trim()
    .replace(/^<svg /, '<svg role="img" aria-labelledby="qr-title" ')
    .replace(/^(<svg[^>]*>)/, `$1<title id="qr-title">${title}</title>`);
}

/**
 * pngjs options qrcode passes through but its types omit: grey without alpha instead of RGBA, a
 * quarter of the bytes and a PNG that PDFKit embeds as it is instead of splitting an alpha channel.
 */
const GREYSCALE_PNG: Record<string, number> = { colorType: 0, inputColorType: 6 };

/** The QR code as a PNG, for PDFs and e-mails; `width` in pixels (default 8 pixels per module). */
export function renderQrPng(payload: string, options: { width?: number } = {}): Promise<Buffer> {
  return QRCode.toBuffer(payload, {
    type: 'png',
    errorCorrectionLevel: EPC_ERROR_CORRECTION,
    margin: QUIET_ZONE,
    rendererOpts: GREYSCALE_PNG,
    ...(options.width === undefined ? { scale: 8 } : { width: options.width }),
  });
}

import type { AcceptedMediaType } from '../dossiers/documents/file-names.ts';

/**
 * An anonymous reporter's photo must not name them: a phone's JPEG carries the camera's serial
 * number, the owner's name and the GPS position in EXIF/XMP, a PNG text chunks. They are cut out
 * before the bytes are stored; the image itself is untouched. (A PDF's document information
 * dictionary is not rewritten: see docs/desk.md.)
 */
export function stripMetadata(content: Buffer, mediaType: AcceptedMediaType): Buffer {
  if (mediaType === 'image/jpeg') return stripJpeg(content);
  if (mediaType === 'image/png') return stripPng(content);
  return content;
}

// APP0 (JFIF) and APP14 (Adobe: how to read the colours) are needed to show the image right;
// APP1 (EXIF, XMP), the other APPn and comments are metadata.
const KEPT_JPEG_MARKERS = new Set([0xe0, 0xee]);

function stripJpeg(content: Buffer): Buffer {
  if (content[0] !== 0xff || content[1] !== 0xd8) return content;
  const kept: Buffer[] = [content.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= content.length && content[at] === 0xff) {
    const marker = content[at + 1] as number;
    // Start of scan: the compressed image follows, to the end.
    if (marker === 0xda) break;
    const length = content.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > content.length) return content; // damaged: keep what was given
    const isMetadata =
      (marker >= 0xe1 && marker <= 0xef && !KEPT_JPEG_MARKERS.has(marker)) || marker === 0xfe;
    if (!isMetadata) kept.push(content.subarray(at, end));
    at = end;
  }
  kept.push(content.subarray(at));
  return Buffer.concat(kept);
}

const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(content: Buffer): Buffer {
  const kept: Buffer[] = [content.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= content.length) {
    const length = content.readUInt32BE(at);
    const type = content.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > content.length) return content;
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(content.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

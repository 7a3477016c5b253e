/**
 * A document is kept under the extension of what it is, not of what its name says: a PNG named
 * `contract.pdf` becomes `contract.png`, so staff and the employer see the real kind and their
 * computer opens it with the right program (issue 12).
 */
export const EXTENSIONS = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
} as const satisfies Record<string, readonly string[]>;

export type AcceptedMediaType = keyof typeof EXTENSIONS;

/** Characters a file name may keep; anything else becomes `_`. At most 200 characters. */
export function cleanFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'document';
}

/**
 * The name with the extension of its real media type: kept when it already fits (`.JPEG` for a
 * JPEG), replaced when it names another kind (a short alphanumeric suffix), added otherwise.
 */
export function nameForMediaType(name: string, mediaType: AcceptedMediaType): string {
  const extensions: readonly string[] = EXTENSIONS[mediaType];
  const match = /^(.*[^.])\.([A-Za-z0-9]{1,5})$/u.exec(name);
  if (match && extensions.includes((match[2] as string).toLowerCase())) return name;
  const stem = match ? (match[1] as string) : name.replace(/\.+$/, '') || 'document';
  return `${stem.slice(0, 200 - extensions[0]!.length - 1)}.${extensions[0]}`;
}

/** The Content-Disposition of a stored file: an ASCII name for old clients, the real one in UTF-8. */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

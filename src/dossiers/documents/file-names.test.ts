import { describe, expect, it } from 'vitest';
import { cleanFileName, nameForMediaType } from './file-names.ts';

describe('a document name with the extension of its real kind', () => {
  it('replaces an extension that names another kind', () => {
    expect(nameForMediaType('contract.pdf', 'image/png')).toBe('contract.png');
    expect(nameForMediaType('photo.jpg', 'application/pdf')).toBe('photo.pdf');
    expect(nameForMediaType('scan.v2.docx', 'image/jpeg')).toBe('scan.v2.jpg');
  });

  it('keeps an extension that fits, whatever its case or spelling', () => {
    expect(nameForMediaType('Passport.JPEG', 'image/jpeg')).toBe('Passport.JPEG');
    expect(nameForMediaType('diploma.pdf', 'application/pdf')).toBe('diploma.pdf');
  });

  it('adds one to a name without', () => {
    expect(nameForMediaType('scan', 'application/pdf')).toBe('scan.pdf');
    expect(nameForMediaType('scan.', 'image/png')).toBe('scan.png');
    expect(nameForMediaType('.pdf', 'image/png')).toBe('.pdf.png');
    expect(nameForMediaType('x'.repeat(200), 'image/png')).toHaveLength(200);
  });

  it('cleans characters a file system or a header would trip over', () => {
    expect(cleanFileName('a/b\\c"d.pdf')).toBe('a_b_c_d.pdf');
    expect(cleanFileName('')).toBe('document');
  });
});

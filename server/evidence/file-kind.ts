import { ZipFile } from '../import/xlsx/zip';

/** The kinds of evidence a unit may attach to a reported value: the official letter (scanned or as PDF) or a spreadsheet. */
export const EVIDENCE_KINDS = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const startsWith = (bytes: Buffer, magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

/** An Office Open XML package is a zip with a content-types part; the workbook or the document part says which. */
async function officeKind(bytes: Buffer): Promise<EvidenceKind | null> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open({ buffer: bytes });
  } catch {
    return null;
  }
  try {
    if (!zip.has('[Content_Types].xml')) return null;
    if (zip.has('xl/workbook.xml')) return 'xlsx';
    if (zip.has('word/document.xml')) return 'docx';
    return null;
  } finally {
    await zip.close();
  }
}

/**
 * What a file is, by its content (its first bytes, and for a zip the parts it holds), whatever its name says; null
 * for anything else: an HTML page, a script, an executable, an Excel 97–2003 or password-protected Office file.
 */
export async function evidenceKindOf(bytes: Buffer): Promise<EvidenceKind | null> {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP)) return officeKind(bytes);
  return null;
}

/** The kind a file name claims by its extension, or null. */
export function kindByName(fileName: string): EvidenceKind | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return null;
  for (const [kind, { extensions }] of Object.entries(EVIDENCE_KINDS)) if ((extensions as readonly string[]).includes(extension)) return kind as EvidenceKind;
  return null;
}

/**
 * A file name fit to store and to send back in Content-Disposition: its last path segment, without control
 * characters, NFC, at most 200 characters (keeping the extension).
 */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  if (base.length <= 200) return base;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(base)?.[0] ?? '';
  return base.slice(0, 200 - extension.length) + extension;
}

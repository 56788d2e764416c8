/** The largest supporting document accepted. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Array<{ mediaType: string; magic: number[] }> = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/**
 * The document's type by its first bytes, not by its name or the browser's word for it:
 * a PDF, PNG or JPEG, or null. The declared type must agree with what the bytes are.
 */
export function documentTypeOf(bytes: Buffer, declared: string): string | null {
  const found = SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte));
  if (!found) return null;
  return declared === found.mediaType ? found.mediaType : null;
}

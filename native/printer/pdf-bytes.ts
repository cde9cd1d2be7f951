/**
 * A cheap check that bytes are a complete PDF before they reach the printing system, which
 * would otherwise guess a format (plain text comes out as pages of boxes) or print a truncated
 * file half-way. Returns the Chinese reason when they are not, or null.
 */
export function pdfProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空';
  if (!startsWith(bytes, PDF_HEADER)) return '文件开头不是 %PDF-';
  // ISO 32000-1 §7.5.5: the file ends with %%EOF. Writers may append a few bytes (a newline,
  // padding), so look in the last kilobyte; a download cut short has no %%EOF at all.
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  if (indexOf(tail, PDF_EOF) < 0) return '文件不完整（缺少 %%EOF 结束标记）';
  return null;
}

const PDF_HEADER = new TextEncoder().encode('%PDF-');
const PDF_EOF = new TextEncoder().encode('%%EOF');

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

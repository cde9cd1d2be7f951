/**
 * Hands a generated PDF to the browser's download (the web host's Chromium saves it to the
 * downloads folder or asks where; Electron opens its save dialog): saving needs no printer.
 */
export function savePdf(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken the data once the click is handled; a later revoke frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Base64 (as cases.document answers) to bytes. */
export function pdfBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

import { ZipFile } from 'yazl';
import type { OfdFiles } from './ofd-files';

/**
 * A fixed modification time for every entry, so the same parts always give the same bytes (the
 * e-certificate's SM3 digest, the upload's idempotency and tests compare files byte for byte).
 * DOS times start in 1980; 2000-01-01 00:00 local is far from the edge in every time zone.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/**
 * Writes the package as a ZIP (GB/T 33190 §7.4: an OFD file is a ZIP container). Entries are
 * sorted by path with OFD.xml first — readers look for it as the entry point and some (ofd.js)
 * scan the entries in order. Parts are deflated except PNG/JPEG images, which are compressed
 * already (a font subset still shrinks by half, so it is deflated).
 */
export function zipOfd(files: OfdFiles): Promise<Buffer> {
  const zip = new ZipFile();
  for (const path of orderedPaths(files)) {
    const bytes = files.get(path) as Uint8Array;
    zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, {
      mtime: FIXED_MTIME,
      mode: 0o100644,
      compress: !/\.(png|jpe?g)$/i.test(path),
    });
  }
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function orderedPaths(files: OfdFiles): string[] {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const root = paths.indexOf('OFD.xml');
  if (root > 0) paths.unshift(...paths.splice(root, 1));
  return paths;
}

/**
 * An OFD package as a map from the path of each part inside the ZIP (e.g. `OFD.xml`,
 * `Doc_0/Pages/Page_0/Content.xml`; forward slashes, no leading slash) to its bytes. The writer
 * produces one, the seal (cert-seal) adds its parts to it, zipOfd/unzipOfd convert it to and from
 * the file. Paths are case-sensitive, as GB/T 33190 §7.4 treats them.
 */
export type OfdFiles = Map<string, Uint8Array>;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** A part's bytes for XML text (every OFD XML part is UTF-8, GB/T 33190 §7.1). */
export function xmlPart(text: string): Uint8Array {
  return utf8.encode(text);
}

/** A part as text; throws on bytes that are not UTF-8 rather than reading them as U+FFFD. */
export function partText(files: OfdFiles, path: string): string {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`OFD part ${path} is missing`);
  return utf8Decoder.decode(bytes);
}

import { escapeXml, OFD_NAMESPACE } from './ofd-xml';

/**
 * The metadata as its own part: a custom tag (GB/T 33190 §20 自定义标引). Document.xml's
 * `<ofd:CustomTags>` names Doc_0/Tags/CustomTags.xml, which lists one `<ofd:CustomTag NameSpace=…>`
 * whose FileLoc is the tag file: one element per field with its value and `<ofd:ObjectRef>`s to
 * the text objects that show it on the page.
 *
 * Why custom tags and not an attachment: tags are how OFD binds structured data to what is drawn
 * — the Chinese e-invoice (a GB/T 36905-style 电子证照 in OFD) carries its fields exactly so, a
 * CustomTag file of elements pointing at page objects (ofdrw's org.ofdrw.core.customTags models
 * it, e.g. its test case with CustomTag FileLoc "CustomTag.xml" and `<ofd:ObjectRef>`s) — so a
 * reader can find "坐落" on the page as well as read its value. The GB/T 36903 core fields are
 * also in OFD.xml's DocInfo/CustomDatas, where viewers show document properties.
 */
export const CERTIFICATE_TAG_NAMESPACE = 'urn:bdc-workstation:e-certificate:metadata:1';
export const CUSTOM_TAGS_PATH = 'Doc_0/Tags/CustomTags.xml';
export const CUSTOM_TAG_PATH = 'Doc_0/Tags/CustomTag.xml';

export interface TaggedField {
  name: string;
  label: string;
  value: string;
  /** [page ID, object IDs] of the text objects that show the value. */
  objects: Array<{ pageId: number; ids: number[] }>;
}

export function customTagParts(fields: TaggedField[]): { indexPath: string; parts: Map<string, string> } {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const index =
    `${declaration}<ofd:CustomTags xmlns:ofd="${OFD_NAMESPACE}"><ofd:CustomTag NameSpace="${CERTIFICATE_TAG_NAMESPACE}">` +
    `<ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>\n`;
  const body = fields
    .map(
      (f) =>
        `<bdc:${f.name} Label="${escapeXml(f.label)}"><bdc:Value>${escapeXml(f.value)}</bdc:Value>` +
        f.objects.flatMap((o) => o.ids.map((id) => `<ofd:ObjectRef PageRef="${o.pageId}">${id}</ofd:ObjectRef>`)).join('') +
        `</bdc:${f.name}>`,
    )
    .join('\n');
  const tag = `${declaration}<bdc:Certificate xmlns:bdc="${CERTIFICATE_TAG_NAMESPACE}" xmlns:ofd="${OFD_NAMESPACE}">\n${body}\n</bdc:Certificate>\n`;
  // Document.xml's path is relative to Doc_0/.
  return { indexPath: 'Tags/CustomTags.xml', parts: new Map([[CUSTOM_TAGS_PATH, index], [CUSTOM_TAG_PATH, tag]]) };
}

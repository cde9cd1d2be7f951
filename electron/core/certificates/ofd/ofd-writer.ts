import type { DrawItem, ImageItem, PageDrawing, RectItem, TextRun } from '../layout/drawing';
import { xmlPart, type OfdFiles } from './ofd-files';
import { escapeXml, mm, OFD_NAMESPACE } from './ofd-xml';

/**
 * Writes pages as an unsigned OFD package (GB/T 33190-2016): OFD.xml (entry point, DocInfo with
 * custom data), Doc_0/Document.xml, Doc_0/PublicRes.xml (the font), Doc_0/DocumentRes.xml
 * (images), one Content.xml per page, the font subset and images under Doc_0/Res/, and any extra
 * parts the caller adds (custom tags). Element names carry the literal `ofd:` prefix: readers in
 * the field (ofd.js among them) match on it. Signatures are added afterwards by the seal, which
 * inserts its `<ofd:Signatures>` before `</ofd:DocBody>`.
 *
 * Deterministic: the same input gives the same bytes (IDs are assigned in drawing order).
 */
export interface OfdDocument {
  pages: PageDrawing[];
  font: OfdFont;
  docInfo: OfdDocInfo;
  /**
   * Document.xml's `<ofd:CustomTags>` (relative to Doc_0/). The caller writes the parts it names
   * afterwards, since they point at object IDs only known once the pages are written.
   */
  customTagsIndex?: string;
}

export interface OfdFont {
  /** FontName (the PostScript name) and FamilyName, as readers will look the face up. */
  fontName: string;
  familyName: string;
  /** The embedded subset (a complete TrueType file). */
  file: Uint8Array;
  /** Ascent and descent per em (positive), for text boundaries. */
  ascent: number;
  descent: number;
}

export interface OfdDocInfo {
  /** 32 hexadecimal digits (a UUID without hyphens, as GB/T 33190 §7.5 suggests). */
  docId: string;
  title: string;
  author: string;
  /** xs:date, YYYY-MM-DD. */
  creationDate: string;
  creator: string;
  creatorVersion: string;
  /** Name → value, written as `<ofd:CustomData Name="…">` in this order. */
  customData: Array<[string, string]>;
}

export const FONT_ID = 1;
const FIRST_OBJECT_ID = 2;
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = `xmlns:ofd="${OFD_NAMESPACE}"`;

/** The ID each page's objects got, for custom tags that point at the text of a field. */
export interface WrittenOfd {
  files: OfdFiles;
  /** For each page (index) the IDs of its text runs, by `field`. */
  fieldObjects: Array<Map<string, number[]>>;
  pageIds: number[];
}

export function writeOfd(doc: OfdDocument): WrittenOfd {
  const files: OfdFiles = new Map();
  let nextId = FIRST_OBJECT_ID;
  const images: Array<{ id: number; path: string }> = [];
  const pageIds: number[] = [];
  const fieldObjects: Array<Map<string, number[]>> = [];
  const pageEntries: string[] = [];

  doc.pages.forEach((page, index) => {
    const pageId = nextId++;
    const layerId = nextId++;
    pageIds.push(pageId);
    const fields = new Map<string, number[]>();
    const objects = page.items.map((item) => {
      const id = nextId++;
      if (item.kind === 'text' && item.field) fields.set(item.field, [...(fields.get(item.field) ?? []), id]);
      if (item.kind === 'image') {
        const resourceId = nextId++;
        const path = `image_${resourceId}.png`;
        images.push({ id: resourceId, path });
        files.set(`Doc_0/Res/${path}`, item.png);
        return imageObject(id, resourceId, item);
      }
      return drawObject(id, item, doc.font);
    });
    fieldObjects.push(fields);
    const path = `Pages/Page_${index}/Content.xml`;
    pageEntries.push(`<ofd:Page ID="${pageId}" BaseLoc="${path}"/>`);
    files.set(
      `Doc_0/${path}`,
      xmlPart(
        `${XML_DECLARATION}<ofd:Page ${NS}><ofd:Area><ofd:PhysicalBox>0 0 ${mm(page.widthMm)} ${mm(page.heightMm)}</ofd:PhysicalBox></ofd:Area>` +
          `<ofd:Content><ofd:Layer ID="${layerId}" Type="Body">\n${objects.join('\n')}\n</ofd:Layer></ofd:Content></ofd:Page>\n`,
      ),
    );
  });

  const first = doc.pages[0];
  files.set('OFD.xml', xmlPart(ofdXml(doc.docInfo)));
  files.set(
    'Doc_0/Document.xml',
    xmlPart(
      `${XML_DECLARATION}<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${nextId - 1}</ofd:MaxUnitID>` +
        `<ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(first.widthMm)} ${mm(first.heightMm)}</ofd:PhysicalBox></ofd:PageArea>` +
        `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>` +
        `<ofd:Pages>${pageEntries.join('')}</ofd:Pages>` +
        (doc.customTagsIndex ? `<ofd:CustomTags>${escapeXml(doc.customTagsIndex)}</ofd:CustomTags>` : '') +
        `</ofd:Document>\n`,
    ),
  );
  const fontPath = 'font_1.ttf';
  files.set(`Doc_0/Res/${fontPath}`, doc.font.file);
  files.set(
    'Doc_0/PublicRes.xml',
    xmlPart(
      `${XML_DECLARATION}<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="${FONT_ID}" FontName="${escapeXml(doc.font.fontName)}" ` +
        `FamilyName="${escapeXml(doc.font.familyName)}"><ofd:FontFile>${fontPath}</ofd:FontFile></ofd:Font></ofd:Fonts></ofd:Res>\n`,
    ),
  );
  files.set(
    'Doc_0/DocumentRes.xml',
    xmlPart(
      `${XML_DECLARATION}<ofd:Res ${NS} BaseLoc="Res">` +
        (images.length
          ? `<ofd:MultiMedias>${images.map((i) => `<ofd:MultiMedia ID="${i.id}" Type="Image" Format="PNG"><ofd:MediaFile>${i.path}</ofd:MediaFile></ofd:MultiMedia>`).join('')}</ofd:MultiMedias>`
          : '') +
        `</ofd:Res>\n`,
    ),
  );
  return { files, fieldObjects, pageIds };
}

function ofdXml(info: OfdDocInfo): string {
  const custom = info.customData.map(([name, value]) => `<ofd:CustomData Name="${escapeXml(name)}">${escapeXml(value)}</ofd:CustomData>`).join('');
  // DocInfo's children in the order of the schema (CT_DocInfo): DocID, Title, Author, …, CreationDate, …, Creator, CreatorVersion, CustomDatas.
  return (
    `${XML_DECLARATION}<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
    `<ofd:DocID>${escapeXml(info.docId)}</ofd:DocID><ofd:Title>${escapeXml(info.title)}</ofd:Title>` +
    `<ofd:Author>${escapeXml(info.author)}</ofd:Author><ofd:CreationDate>${escapeXml(info.creationDate)}</ofd:CreationDate>` +
    `<ofd:Creator>${escapeXml(info.creator)}</ofd:Creator><ofd:CreatorVersion>${escapeXml(info.creatorVersion)}</ofd:CreatorVersion>` +
    (custom ? `<ofd:CustomDatas>${custom}</ofd:CustomDatas>` : '') +
    `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`
  );
}

function drawObject(id: number, item: Exclude<DrawItem, ImageItem>, font: OfdFont): string {
  if (item.kind === 'text') return textObject(id, item, font);
  if (item.kind === 'rect') return rectObject(id, item);
  // A line's boundary is its bounding box grown by the line width, so a horizontal line has height.
  const pad = item.lineWidth;
  const x = Math.min(item.x1, item.x2) - pad;
  const y = Math.min(item.y1, item.y2) - pad;
  const w = Math.abs(item.x2 - item.x1) + 2 * pad;
  const h = Math.abs(item.y2 - item.y1) + 2 * pad;
  return pathObject(id, [x, y, w, h], item.lineWidth, `M ${mm(item.x1 - x)} ${mm(item.y1 - y)} L ${mm(item.x2 - x)} ${mm(item.y2 - y)}`);
}

function rectObject(id: number, r: RectItem): string {
  const pad = r.lineWidth;
  const [left, top, right, bottom] = [pad, pad, pad + r.w, pad + r.h].map(mm);
  return pathObject(id, [r.x - pad, r.y - pad, r.w + 2 * pad, r.h + 2 * pad], r.lineWidth, `M ${left} ${top} L ${right} ${top} L ${right} ${bottom} L ${left} ${bottom} C`);
}

function pathObject(id: number, box: number[], lineWidth: number, data: string): string {
  return (
    `<ofd:PathObject ID="${id}" Boundary="${box.map(mm).join(' ')}" LineWidth="${mm(lineWidth)}">` +
    `<ofd:StrokeColor Value="0 0 0"/><ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`
  );
}

function textObject(id: number, run: TextRun, font: OfdFont): string {
  const width = run.advances.reduce((a, b) => a + b, 0);
  const top = run.baseline - font.ascent * run.size;
  const height = (font.ascent + font.descent) * run.size;
  const boundary = [run.x, top, Math.max(width, 0.001), height].map(mm).join(' ');
  const deltaX = deltaList(run.advances.slice(0, -1));
  return (
    `<ofd:TextObject ID="${id}" Boundary="${boundary}" Font="${FONT_ID}" Size="${mm(run.size)}">` +
    `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${mm(font.ascent * run.size)}"${deltaX ? ` DeltaX="${deltaX}"` : ''}>${escapeXml(run.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

/**
 * DeltaX as GB/T 33190 §11.3 writes it: numbers separated by spaces, a run of N equal values as
 * `g N value` (CJK text is mostly equal advances, so a line of 20 characters is one group).
 */
export function deltaList(deltas: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < deltas.length) {
    const value = mm(deltas[i]);
    let j = i + 1;
    while (j < deltas.length && mm(deltas[j]) === value) j++;
    parts.push(j - i > 1 ? `g ${j - i} ${value}` : value);
    i = j;
  }
  return parts.join(' ');
}

function imageObject(id: number, resourceId: number, image: ImageItem): string {
  // An image is drawn into the unit square, mapped onto its boundary by the CTM (GB/T 33190 §10.1).
  return `<ofd:ImageObject ID="${id}" Boundary="${[image.x, image.y, image.w, image.h].map(mm).join(' ')}" CTM="${mm(image.w)} 0 0 ${mm(image.h)} 0 0" ResourceID="${resourceId}"/>`;
}

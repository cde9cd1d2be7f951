import { OfdError } from './ofd-errors';
import { partText, type OfdFiles } from './ofd-files';
import { childElement, childElements, descendants, parseXml, textOf, XmlSyntaxError, type XmlElement } from './ofd-xml';

/**
 * Reads an OFD package back into what it draws and says: DocInfo and its custom data, the fonts
 * and images with their files, and per page the text objects (text with each character's
 * position from X and DeltaX), images and paths. Every reference is resolved — a Font or
 * ResourceID that names nothing, a BaseLoc or file that is not in the package — or the package is
 * refused with OFD_PART_INVALID. It reads what GB/T 33190 writers produce for one-document
 * packages (the first DocBody), not every feature of the standard (templates, composite units,
 * annotations are not drawn).
 */
export interface OfdDocumentRead {
  docInfo: { docId: string; title: string; author: string; creationDate: string; creator: string; customData: Map<string, string> };
  docRoot: string;
  /** Path of Signatures.xml when the DocBody names one. */
  signatures: string | null;
  fonts: Map<number, { fontName: string; familyName: string; path: string; file: Uint8Array }>;
  images: Map<number, { path: string; format: string; file: Uint8Array }>;
  pages: OfdPageRead[];
  /** Custom tag parts named by Document.xml, by namespace. */
  customTags: Array<{ namespace: string; path: string; root: XmlElement }>;
}

export interface OfdPageRead {
  id: number;
  path: string;
  physicalBox: number[];
  texts: OfdTextRead[];
  images: Array<{ id: number; resourceId: number; boundary: number[] }>;
  paths: Array<{ id: number; boundary: number[]; data: string; lineWidth: number }>;
}

export interface OfdTextRead {
  id: number;
  fontId: number;
  size: number;
  boundary: number[];
  text: string;
  /** Each character's origin on the page (mm): boundary origin + X/Y + DeltaX sums. */
  positions: Array<{ x: number; y: number }>;
}

export function readOfd(files: OfdFiles): OfdDocumentRead {
  const ofd = xml(files, 'OFD.xml');
  if (ofd.name !== 'ofd:OFD') throw invalid('OFD.xml', '根元素不是 ofd:OFD');
  const body = required(ofd, 'ofd:DocBody', 'OFD.xml');
  const info = childElement(body, 'ofd:DocInfo');
  const docRoot = stripSlash(textOf(required(body, 'ofd:DocRoot', 'OFD.xml')).trim());
  const signaturesElement = childElement(body, 'ofd:Signatures');
  const docDir = dirOf(docRoot);
  const document = xml(files, docRoot);
  const common = required(document, 'ofd:CommonData', docRoot);
  const pageArea = childElement(common, 'ofd:PageArea');
  const defaultBox = pageArea ? numbers(textOf(required(pageArea, 'ofd:PhysicalBox', docRoot))) : [0, 0, 210, 297];

  const fonts: OfdDocumentRead['fonts'] = new Map();
  const images: OfdDocumentRead['images'] = new Map();
  for (const resName of ['ofd:PublicRes', 'ofd:DocumentRes']) {
    for (const res of childElements(common, resName)) readRes(files, join(docDir, textOf(res).trim()), fonts, images);
  }

  const pages = childElements(required(document, 'ofd:Pages', docRoot), 'ofd:Page').map((entry) => {
    const id = integer(entry.attributes.ID, docRoot);
    const path = join(docDir, entry.attributes.BaseLoc ?? '');
    return readPage(files, id, path, defaultBox, fonts, images);
  });
  if (pages.length === 0) throw invalid(docRoot, '文档没有页面');

  const customTags: OfdDocumentRead['customTags'] = [];
  const tagsIndex = childElement(document, 'ofd:CustomTags');
  if (tagsIndex) {
    const indexPath = join(docDir, textOf(tagsIndex).trim());
    for (const tag of childElements(xml(files, indexPath), 'ofd:CustomTag')) {
      const path = join(dirOf(indexPath), textOf(required(tag, 'ofd:FileLoc', indexPath)).trim());
      customTags.push({ namespace: tag.attributes.NameSpace ?? '', path, root: xml(files, path) });
    }
  }

  const infoText = (name: string) => (info ? textOf(childElement(info, name) ?? { name, attributes: {}, children: [] }) : '');
  const customData = new Map<string, string>();
  const datas = info && childElement(info, 'ofd:CustomDatas');
  for (const data of datas ? childElements(datas, 'ofd:CustomData') : []) customData.set(data.attributes.Name ?? '', textOf(data));
  return {
    docInfo: {
      docId: infoText('ofd:DocID'),
      title: infoText('ofd:Title'),
      author: infoText('ofd:Author'),
      creationDate: infoText('ofd:CreationDate'),
      creator: infoText('ofd:Creator'),
      customData,
    },
    docRoot,
    signatures: signaturesElement ? stripSlash(textOf(signaturesElement).trim()) : null,
    fonts,
    images,
    pages,
    customTags,
  };
}

/** The values of a custom tag file written as custom-tags.ts writes it: field → value and object refs. */
export function readTaggedFields(root: XmlElement): Map<string, { value: string; objectRefs: Array<{ pageRef: number; id: number }> }> {
  const fields = new Map<string, { value: string; objectRefs: Array<{ pageRef: number; id: number }> }>();
  for (const element of root.children) {
    if (typeof element === 'string') continue;
    const value = childElements(element, 'bdc:Value').map(textOf).join('');
    const objectRefs = childElements(element, 'ofd:ObjectRef').map((ref) => ({ pageRef: Number(ref.attributes.PageRef), id: Number(textOf(ref)) }));
    fields.set(element.name.replace(/^bdc:/, ''), { value, objectRefs });
  }
  return fields;
}

function readRes(files: OfdFiles, path: string, fonts: OfdDocumentRead['fonts'], images: OfdDocumentRead['images']): void {
  const res = xml(files, path);
  const base = join(dirOf(path), res.attributes.BaseLoc ?? '');
  for (const font of descendants(res, 'ofd:Font')) {
    const fileElement = childElement(font, 'ofd:FontFile');
    const filePath = fileElement ? join(base, textOf(fileElement).trim()) : '';
    const file = filePath ? files.get(filePath) : undefined;
    if (fileElement && !file) throw invalid(path, `字体文件 ${filePath} 不存在`);
    fonts.set(integer(font.attributes.ID, path), {
      fontName: font.attributes.FontName ?? '',
      familyName: font.attributes.FamilyName ?? '',
      path: filePath,
      file: file ?? new Uint8Array(),
    });
  }
  for (const media of descendants(res, 'ofd:MultiMedia')) {
    const filePath = join(base, textOf(required(media, 'ofd:MediaFile', path)).trim());
    const file = files.get(filePath);
    if (!file) throw invalid(path, `资源文件 ${filePath} 不存在`);
    images.set(integer(media.attributes.ID, path), { path: filePath, format: media.attributes.Format ?? '', file });
  }
}

function readPage(
  files: OfdFiles,
  id: number,
  path: string,
  defaultBox: number[],
  fonts: OfdDocumentRead['fonts'],
  images: OfdDocumentRead['images'],
): OfdPageRead {
  const page = xml(files, path);
  const area = childElement(page, 'ofd:Area');
  const physicalBox = area ? numbers(textOf(required(area, 'ofd:PhysicalBox', path))) : defaultBox;
  const read: OfdPageRead = { id, path, physicalBox, texts: [], images: [], paths: [] };
  for (const text of descendants(page, 'ofd:TextObject')) {
    const fontId = integer(text.attributes.Font, path);
    if (!fonts.has(fontId)) throw invalid(path, `文字对象 ${text.attributes.ID} 引用的字体 ${fontId} 不存在`);
    const boundary = numbers(text.attributes.Boundary ?? '');
    let content = '';
    const positions: Array<{ x: number; y: number }> = [];
    for (const code of childElements(text, 'ofd:TextCode')) {
      const chars = Array.from(textOf(code));
      const deltas = expandDeltas(code.attributes.DeltaX ?? '');
      let x = Number(code.attributes.X ?? 0);
      const y = Number(code.attributes.Y ?? 0);
      chars.forEach((char, i) => {
        if (i > 0) x += deltas[i - 1] ?? 0;
        positions.push({ x: boundary[0] + x, y: boundary[1] + y });
        content += char;
      });
    }
    read.texts.push({ id: integer(text.attributes.ID, path), fontId, size: Number(text.attributes.Size), boundary, text: content, positions });
  }
  for (const image of descendants(page, 'ofd:ImageObject')) {
    const resourceId = integer(image.attributes.ResourceID, path);
    if (!images.has(resourceId)) throw invalid(path, `图像对象 ${image.attributes.ID} 引用的资源 ${resourceId} 不存在`);
    read.images.push({ id: integer(image.attributes.ID, path), resourceId, boundary: numbers(image.attributes.Boundary ?? '') });
  }
  for (const pathObject of descendants(page, 'ofd:PathObject')) {
    read.paths.push({
      id: integer(pathObject.attributes.ID, path),
      boundary: numbers(pathObject.attributes.Boundary ?? ''),
      data: textOf(childElement(pathObject, 'ofd:AbbreviatedData') ?? { name: '', attributes: {}, children: [] }),
      lineWidth: Number(pathObject.attributes.LineWidth ?? 0.353),
    });
  }
  return read;
}

/** DeltaX/DeltaY with the `g count value` repetition of GB/T 33190 §11.3. */
export function expandDeltas(text: string): number[] {
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const values: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const value = Number(tokens[i + 2]);
      for (let k = 0; k < count; k++) values.push(value);
      i += 2;
    } else values.push(Number(tokens[i]));
  }
  return values;
}

function xml(files: OfdFiles, path: string): XmlElement {
  if (!files.has(path)) throw invalid(path, '文件不存在');
  try {
    return parseXml(partText(files, path));
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof TypeError) throw invalid(path, `XML 格式错误：${error.message}`);
    throw error;
  }
}

function required(element: XmlElement, name: string, path: string): XmlElement {
  const found = childElement(element, name);
  if (!found) throw invalid(path, `缺少 ${name}`);
  return found;
}

function integer(value: string | undefined, path: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw invalid(path, `标识 ${JSON.stringify(value)} 不是正整数`);
  return n;
}

function numbers(text: string): number[] {
  return text.trim().split(/\s+/).map(Number);
}

function invalid(path: string, detail: string): OfdError {
  return new OfdError('OFD_PART_INVALID', `OFD 文件结构不正确（${path}：${detail}），文件可能已损坏或被篡改。`);
}

function stripSlash(path: string): string {
  return path.replace(/^\/+/, '');
}

function dirOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** A location relative to `dir`; an absolute one (leading /) is from the package root (GB/T 33190 §7.4 ST_Loc). */
function join(dir: string, loc: string): string {
  if (loc.startsWith('/')) return stripSlash(loc);
  const parts = dir === '' ? [] : dir.split('/');
  for (const segment of loc.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

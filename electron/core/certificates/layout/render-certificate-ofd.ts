import { createHash } from 'node:crypto';
import type { CjkFontSource } from '../../../../native/printer/cjk-font';
import type { CertificateFacts } from '../certificate-facts';
import { customTagParts } from '../ofd/custom-tags';
import { xmlPart, type OfdFiles } from '../ofd/ofd-files';
import { writeOfd } from '../ofd/ofd-writer';
import { subsetTrueType } from '../ofd/sfnt-subset';
import { certificateFont } from './certificate-font';
import { certificateMetadata, certificateTitle } from './certificate-metadata';
import { certificatePages } from './certificate-page';
import { certificateQrPng } from './certificate-qr';
import type { PageDrawing } from './drawing';

export interface RenderOptions {
  qrText: string;
  identifier: string;
  /** The office's configured font (config.json `documents.font`); the shipped face otherwise. */
  font?: CjkFontSource;
}

export const CREATOR = '不动产登记窗口工作站';
export const CREATOR_VERSION = '0.1.0';

/**
 * The unsigned e-certificate package (GB/T 33190 OFD): the page(s) drawn from the facts, the
 * embedded font subset, the 2D code, DocInfo with the GB/T 36903 core metadata as CustomDatas,
 * and all metadata fields as a custom tag part (ofd/custom-tags.ts says why there). cert-seal's
 * signOfd adds the signature parts; nothing here depends on the time of day, so the same facts
 * always give the same package.
 */
export async function renderCertificateOfd(facts: CertificateFacts, o: RenderOptions): Promise<OfdFiles> {
  const font = await certificateFont(o.font);
  const qrPng = await certificateQrPng(o.qrText);
  const pages = certificatePages({ facts, font, identifier: o.identifier, qrPng });
  const subset = subsetTrueType(font.face, codePointsOf(pages));
  const metadata = certificateMetadata(facts, o);
  const written = writeOfd({
    pages,
    font: { fontName: font.fontName, familyName: font.familyName, file: subset.bytes, ascent: font.ascent, descent: font.descent },
    docInfo: {
      docId: createHash('sha256').update(o.identifier).digest('hex').slice(0, 32),
      title: certificateTitle(facts),
      author: facts.office.name,
      creationDate: facts.issueDate,
      creator: CREATOR,
      creatorVersion: CREATOR_VERSION,
      customData: metadata.filter((f) => !f.name.startsWith('KZ_')).map((f) => [f.name, f.value]),
    },
    customTagsIndex: 'Tags/CustomTags.xml',
  });
  const tags = customTagParts(
    metadata.map((field) => ({
      ...field,
      objects: written.fieldObjects
        .map((byField, i) => ({ pageId: written.pageIds[i], ids: byField.get(field.name) ?? [] }))
        .filter((o) => o.ids.length > 0),
    })),
  );
  for (const [path, text] of tags.parts) written.files.set(path, xmlPart(text));
  return written.files;
}

function codePointsOf(pages: PageDrawing[]): number[] {
  const set = new Set<number>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind === 'text') for (const char of item.text) set.add(char.codePointAt(0) as number);
    }
  }
  return [...set];
}

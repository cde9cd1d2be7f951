import type { LegalGround, Reason } from './document-data';
import type { DocumentWriter } from './layout/document-writer';
import { CONTENT } from './layout/page-geometry';
import { columnsOf, drawTable, type TextCell } from './layout/table';
import { header } from './document-sections';

/**
 * The reasons of a refusal, all at once (一次性告知): the legal grounds chosen from the contract's
 * list, then reasons the clerk wrote, each with its provision; under them, 法律依据 with the words of
 * every provision cited, so the applicant reads the article itself and not only its number.
 */
export function drawGrounds(
  writer: DocumentWriter,
  options: { heading: string; grounds: readonly LegalGround[]; reasons?: readonly Reason[] },
): void {
  const rows: TextCell[][] = [
    ...options.grounds.map((g) => ({ text: g.label ?? g.text, basis: g.citation })),
    ...(options.reasons ?? []).map((r) => ({ text: r.text, basis: r.basis ?? '' })),
  ].map((r, i) => [{ text: String(i + 1), align: 'center' }, { text: r.text }, { text: r.basis }]);
  drawTable(writer, { columns: columnsOf(8, 58, 34), header: ['序号', options.heading, '依据'].map(header), rows });
  const cited = uniqueBy(options.grounds, (g) => g.citation);
  if (cited.length === 0) return;
  writer.gap(6);
  const size = 9.5;
  writer.paragraph('法律依据：', { size });
  for (const ground of cited) {
    writer.paragraph(`${ground.citation}：${ground.text}`, { size, x: CONTENT.left + size, width: CONTENT.width - size });
  }
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

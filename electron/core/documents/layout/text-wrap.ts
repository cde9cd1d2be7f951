/**
 * Line breaking for Chinese documents: a line may break between any two CJK characters; a run of
 * Latin letters, digits and their punctuation (a case number, a unit code, an ID number, "50%")
 * stays together unless it is wider than the line on its own; closing punctuation never starts a
 * line and opening punctuation never ends one (the common 避头尾 rules of GB/T 15834 practice).
 */
export type Measure = (text: string) => number;

/**
 * Splits `text` into lines no wider than `maxWidth`; explicit line breaks are kept. The first line
 * of each paragraph is `firstLineIndent` narrower (Chinese paragraphs indent two characters).
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, firstLineIndent = 0): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure, firstLineIndent));
}

/** Marks that must not begin a line: they stay with the character before them. */
const NO_LINE_START = new Set(Array.from('，。、；：？！,.;:?!）)》」』】〕〉”’…—·・%‰℃'));
/** Marks that must not end a line: they go with the character after them. */
const NO_LINE_END = new Set(Array.from('（(《「『【〔〈“‘'));

function wrapParagraph(paragraph: string, width: number, measure: Measure, firstLineIndent: number): string[] {
  const tokens = tokenize(paragraph);
  const lines: string[] = [];
  let maxWidth = width - firstLineIndent;
  let current = '';
  let currentWidth = 0;
  const flush = () => {
    const trimmed = current.trimEnd();
    if (trimmed !== '') lines.push(trimmed);
    current = '';
    currentWidth = 0;
    maxWidth = width;
  };
  for (const token of tokens) {
    const isSpace = token.trim() === '';
    // Spaces at a break vanish; spaces the text starts with are kept (a blank to write a date in).
    if (isSpace && current === '' && lines.length > 0) continue;
    const tokenWidth = measure(token);
    if (currentWidth + tokenWidth <= maxWidth) {
      current += token;
      currentWidth += tokenWidth;
      continue;
    }
    if (isSpace) {
      flush();
      continue;
    }
    if (current !== '') flush();
    if (tokenWidth <= maxWidth) {
      current = token;
      currentWidth = tokenWidth;
      continue;
    }
    // Wider than a whole line on its own (a long code in a narrow cell): break it by character.
    for (const char of Array.from(token)) {
      const charWidth = measure(char);
      if (current !== '' && currentWidth + charWidth > maxWidth) flush();
      current += char;
      currentWidth += charWidth;
    }
  }
  flush();
  return lines.length > 0 ? lines : [''];
}

/**
 * Units that are never split: one CJK character (with any closing marks after it and opening
 * marks before it), a run of other non-space characters, or a run of spaces.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let pendingOpen = '';
  for (const char of Array.from(text)) {
    const last = tokens.length - 1;
    if (NO_LINE_END.has(char)) {
      pendingOpen += char;
      continue;
    }
    if (NO_LINE_START.has(char) && last >= 0 && pendingOpen === '' && tokens[last].trim() !== '') {
      tokens[last] += char;
      continue;
    }
    const kind = charKind(char);
    if (kind === 'word' && pendingOpen === '' && last >= 0 && charKind(lastChar(tokens[last])) === 'word') {
      tokens[last] += char;
      continue;
    }
    if (kind === 'space' && last >= 0 && charKind(lastChar(tokens[last])) === 'space') {
      tokens[last] += char;
      continue;
    }
    tokens.push(pendingOpen + char);
    pendingOpen = '';
  }
  if (pendingOpen !== '') tokens.push(pendingOpen);
  return tokens;
}

type CharKind = 'cjk' | 'space' | 'word';

function charKind(char: string): CharKind {
  if (/\s/u.test(char)) return 'space';
  if (CJK.test(char) || NO_LINE_START.has(char) || NO_LINE_END.has(char)) return 'cjk';
  return 'word';
}

/**
 * Han ideographs (BMP and the supplementary planes, where rare characters of names live), kana,
 * hangul, CJK symbols and full-width forms: each may stand alone on either side of a break.
 */
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;

function lastChar(token: string): string {
  const chars = Array.from(token);
  return chars[chars.length - 1] ?? '';
}

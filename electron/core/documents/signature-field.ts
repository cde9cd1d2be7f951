import type { SignatureCapture } from '../../../native/sigpad/strokes';
import { lineWidthAt } from '../../../native/sigpad/signature-box';
import { toSvgPathData } from '../../../native/sigpad/strokes';
import { RULE_GREY, SIGNATURE_INK } from './layout/colors';
import type { Box, DocumentWriter } from './layout/document-writer';

const PAD = 5;
/** Pen width at moderate pressure, in points: a signing pen's 0.5 mm line at the box's scale. */
const BASE_LINE_WIDTH = 1.1;

/**
 * The applicant's signature inside `box`: the pad's strokes as vector paths (they print sharp at
 * any resolution and the archived PDF keeps the pen's geometry, not a bitmap), scaled to the ink so
 * every signature fills its field the same way, each stroke as wide as its pressure. Below it, a
 * signing line; an applicant who has not signed gets the empty box and the line, to sign by hand.
 */
export function drawSignature(writer: DocumentWriter, box: Box, capture: SignatureCapture | undefined): void {
  const lineY = box.top + box.height - PAD - 2;
  writer.line(box.x + PAD, lineY, box.x + box.width - PAD, lineY, 0.5, RULE_GREY);
  if (!capture || capture.strokes.every((stroke) => stroke.length === 0)) return;
  const inner = { width: box.width - 2 * PAD, height: box.height - 2 * PAD - 2 };
  const paths = toSvgPathData(capture, { ...inner, fit: 'ink' });
  paths.forEach((d, i) => {
    if (d === '') return;
    const stroke = capture.strokes[i];
    const pressure = stroke.reduce((sum, p) => sum + p.pressure, 0) / Math.max(1, stroke.length);
    writer.strokePath(d, {
      x: box.x + PAD,
      top: box.top + PAD,
      width: lineWidthAt(pressure, capture.device.maxPressure, BASE_LINE_WIDTH),
      color: SIGNATURE_INK,
    });
  });
}

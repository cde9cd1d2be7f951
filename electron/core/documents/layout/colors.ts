import { rgb } from 'pdf-lib';

/** Black text and rules: documents are printed on office laser printers, often photocopied. */
export const INK = rgb(0, 0, 0);
/** Running headers and footers, kept quieter than the content. */
export const RULE_GREY = rgb(0.4, 0.4, 0.4);
/** Label cells: a light shade that survives photocopying without hiding the text. */
export const LABEL_FILL = rgb(0.92, 0.92, 0.92);
/** Signatures in the blue-black of a signing pen, as the pad's own SVG draws them. */
export const SIGNATURE_INK = rgb(0.08, 0.12, 0.24);

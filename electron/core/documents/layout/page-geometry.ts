import { mmToPt } from '../../../../native/printer/units';

/**
 * A4 portrait in points, with the margins every document uses. Coordinates in the layout code are
 * points measured from the page's top-left corner, y downwards, the way a form is read and
 * measured with a ruler; the writer turns them into PDF's bottom-left origin.
 */
export const A4 = { width: mmToPt(210), height: mmToPt(297) } as const;

/**
 * Margins leave room for a binding on the left (archives bind documents along the left edge) and
 * for the header and footer lines, which sit inside the top and bottom margins.
 */
export const MARGINS = { top: mmToPt(22), right: mmToPt(18), bottom: mmToPt(20), left: mmToPt(22) } as const;

export const CONTENT = {
  left: MARGINS.left,
  top: MARGINS.top,
  right: A4.width - MARGINS.right,
  bottom: A4.height - MARGINS.bottom,
  width: A4.width - MARGINS.left - MARGINS.right,
} as const;

/** Baselines of the running header and footer, inside the margins. */
export const HEADER_BASELINE = mmToPt(13);
export const FOOTER_BASELINE = A4.height - mmToPt(10);

export { mmToPt };

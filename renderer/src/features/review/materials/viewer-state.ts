/**
 * The materials viewer's position as plain data: which material, which page, zoom and rotation.
 * Kept apart from the component so the keyboard rules (what PgDn does on a material's last page)
 * are testable without a browser.
 */
export interface ViewerState {
  material: number;
  page: number;
  /** Pages of the current material once known (1 for an image; null while a PDF loads). */
  pages: number | null;
  zoom: number;
  /** Clockwise quarter turns in degrees: 0, 90, 180, 270. */
  rotation: 0 | 90 | 180 | 270;
}

export type ViewerAction =
  | { type: 'nextPage' }
  | { type: 'previousPage' }
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  | { type: 'zoomReset' }
  | { type: 'rotate' }
  | { type: 'nextMaterial' }
  | { type: 'previousMaterial' }
  | { type: 'openMaterial'; index: number }
  | { type: 'loaded'; pages: number };

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM = 1;

export function initialViewer(): ViewerState {
  return { material: 0, page: 1, pages: null, zoom: DEFAULT_ZOOM, rotation: 0 };
}

/** The next position; `count` is how many materials the case has. */
export function viewerReducer(count: number) {
  return (s: ViewerState, a: ViewerAction): ViewerState => {
    switch (a.type) {
      case 'nextPage':
        return s.pages !== null && s.page < s.pages ? { ...s, page: s.page + 1 } : s;
      case 'previousPage':
        return s.page > 1 ? { ...s, page: s.page - 1 } : s;
      case 'zoomIn':
        return { ...s, zoom: ZOOM_STEPS.find((z) => z > s.zoom) ?? s.zoom };
      case 'zoomOut':
        return { ...s, zoom: [...ZOOM_STEPS].reverse().find((z) => z < s.zoom) ?? s.zoom };
      case 'zoomReset':
        return { ...s, zoom: DEFAULT_ZOOM };
      case 'rotate':
        return { ...s, rotation: ((s.rotation + 90) % 360) as ViewerState['rotation'] };
      case 'nextMaterial':
        return open(s, s.material + 1, count);
      case 'previousMaterial':
        return open(s, s.material - 1, count);
      case 'openMaterial':
        return open(s, a.index, count);
      case 'loaded':
        return { ...s, pages: a.pages, page: Math.min(s.page, Math.max(1, a.pages)) };
    }
  };
}

/** Another material starts on its first page, upright; the zoom is the reviewer's and stays. */
function open(s: ViewerState, index: number, count: number): ViewerState {
  if (index < 0 || index >= count || index === s.material) return s;
  return { ...s, material: index, page: 1, pages: null, rotation: 0 };
}

/**
 * The viewer's keys (shown on screen too): PgUp/PgDn pages, + and - zoom, 0 back to 100 %, R
 * rotates, [ and ] step through the materials. Keys typed into a text box are not the viewer's.
 */
export function keyAction(key: string): ViewerAction | null {
  switch (key) {
    case 'PageDown':
      return { type: 'nextPage' };
    case 'PageUp':
      return { type: 'previousPage' };
    case '+':
    case '=':
      return { type: 'zoomIn' };
    case '-':
      return { type: 'zoomOut' };
    case '0':
      return { type: 'zoomReset' };
    case 'r':
    case 'R':
      return { type: 'rotate' };
    case ']':
      return { type: 'nextMaterial' };
    case '[':
      return { type: 'previousMaterial' };
    default:
      return null;
  }
}

export const VIEWER_SHORTCUTS = 'PgUp/PgDn 翻页 · +/- 缩放 · 0 复原 · R 旋转 · [ ] 上/下一份材料';

/** Whether a key event comes from somewhere typing happens (the opinion box, a filter). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAcceptanceReceipt } from '../../../../electron/core/documents/acceptance-receipt';
import { renderApplicationForm } from '../../../../electron/core/documents/application-form';
import {
  resolveCjkFont,
  SHIPPED_FONT_POSTSCRIPT_NAME,
  shippedFontPath,
  systemFontDirs,
} from '../../../../native/printer/font-resolution';
import { sampleApplicationForm, sampleReceipt } from '../../../fixtures/documents/sample-documents';
import { hideSystemFontsFromLoader } from '../../../support/no-system-fonts';
import { makeTempDir } from '../../../support/temp-dir';
import { OFFICE_KEY } from './document-cases';
import { keepRendering, pdfFonts, pdfTextCompact, writePdf } from './pdf-inspection';

describe('font resolution', () => {
  it('finds the shipped Noto Serif SC Regular (a TrueType file of the npm package)', () => {
    const path = shippedFontPath();
    expect(path).not.toBeNull();
    expect(path).toMatch(/noto-serif-sc[\\/]400Regular[\\/]NotoSerifSC_400Regular\.ttf$/);
    expect(statSync(path!).size).toBeGreaterThan(10_000_000);
  });

  it('prefers the configured font, then the shipped one, then system fonts, else none', () => {
    const configured = { path: '/srv/fonts/simsun.ttc', postscriptName: 'SimSun' };
    // A configured font is taken as given, even missing: its reader names the office's file.
    expect(resolveCjkFont({ configured })).toEqual(configured);
    expect(resolveCjkFont({ systemDirs: [] })).toEqual({ path: shippedFontPath(), postscriptName: SHIPPED_FONT_POSTSCRIPT_NAME });
    expect(resolveCjkFont({ shipped: null, systemDirs: [] })).toBeNull();
    expect(resolveCjkFont({ shipped: '/nonexistent/NotoSerifSC_400Regular.ttf', systemDirs: [] })).toBeNull();
    if (existsSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc')) {
      expect(resolveCjkFont({ shipped: null, systemDirs: ['/usr/share/fonts'] })).toEqual({
        path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
        postscriptName: 'NotoSerifCJKsc-Regular',
      });
    }
  });

  it('BDC_FONT_DIRS replaces the system font folders; empty hides them all', () => {
    expect(systemFontDirs({ BDC_FONT_DIRS: '' })).toEqual([]);
    expect(systemFontDirs({ BDC_FONT_DIRS: ['/a', '/b'].join(process.platform === 'win32' ? ';' : ':') })).toEqual(['/a', '/b']);
    expect(systemFontDirs({}).length).toBeGreaterThan(0);
  });
});

/** Dark pixels of a rendered page: glyphs that were not embedded would render as nothing. */
function darkPixels(pngPath: string): number {
  const png = PNG.sync.read(readFileSync(pngPath));
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 128 && png.data[i + 1] < 128 && png.data[i + 2] < 128) dark++;
  return dark;
}

describe('documents on a machine without system fonts', () => {
  const dir = makeTempDir('bdc-shipped-font-');
  let restore: () => void;
  beforeAll(() => {
    restore = hideSystemFontsFromLoader();
  });
  afterAll(() => {
    restore();
    dir.remove();
  });

  it('makes a receipt and an application form in the shipped font, embedded as small TrueType subsets', async () => {
    const receipt = writePdf(dir.path, 'receipt-shipped-font', await renderAcceptanceReceipt(sampleReceipt(), { signingKey: OFFICE_KEY }));
    const form = writePdf(dir.path, 'application-shipped-font', await renderApplicationForm(sampleApplicationForm({ signed: true })));
    expect(statSync(receipt).size).toBeLessThan(60 * 1024);

    for (const [path, title] of [
      [receipt, '不动产登记受理凭证'],
      [form, '不动产登记申请书'],
    ] as const) {
      const fonts = await pdfFonts(path);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toMatchObject({ embedded: true, subset: true });
        expect(font.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
        expect(font.type).toContain('TrueType');
      }
      expect(await pdfTextCompact(path)).toContain(title);
      // Rendered with fontconfig seeing no fonts: every stroke on the page comes from the PDF.
      const pngs = await keepRendering(path, dir.path, title === '不动产登记受理凭证' ? 'receipt-shipped-font' : 'application-shipped-font');
      expect(pngs.length).toBeGreaterThan(0);
      expect(darkPixels(pngs[0])).toBeGreaterThan(5000);
    }
  });
});

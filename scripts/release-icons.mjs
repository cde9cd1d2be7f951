// Draws the app icon from build/icon.svg into the PNG sizes the installers need (run it after
// editing the SVG, then commit the PNGs; packaging never rasterises anything itself):
//   build/icons/<N>x<N>.png  Linux (deb/AppImage hicolor theme sizes; electron-builder reads the folder)
//   build/icon.png           512 px, the generic icon
//   build/icon.ico           Windows (NSIS installer, exe, shortcuts): PNG-compressed ICO entries
// The SVG is rasterised by Chromium (the same one the e2e tests use; BDC_CHROMIUM overrides it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** An ICO file whose entries are PNG images (Windows Vista and later read these). */
export function icoFromPngs(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  const dir = Buffer.alloc(16 * entries.length);
  let offset = 6 + dir.length;
  entries.forEach(({ size, png }, i) => {
    const at = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    dir.writeUInt8(size >= 256 ? 0 : size, at + 1);
    dir.writeUInt8(0, at + 2); // no palette
    dir.writeUInt8(0, at + 3);
    dir.writeUInt16LE(1, at + 4); // colour planes
    dir.writeUInt16LE(32, at + 6); // bits per pixel
    dir.writeUInt32LE(png.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...entries.map((e) => e.png)]);
}

async function main() {
  const svg = readFileSync(join(root, 'build', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.BDC_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (size) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
      );
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };
    mkdirSync(join(root, 'build', 'icons'), { recursive: true });
    const pngs = new Map();
    for (const size of [...new Set([...LINUX_ICON_SIZES, ...ICO_SIZES])]) pngs.set(size, await render(size));
    for (const size of LINUX_ICON_SIZES) writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), pngs.get(size));
    writeFileSync(join(root, 'build', 'icon.png'), pngs.get(512));
    writeFileSync(join(root, 'build', 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
    console.log(`icons: build/icons/{${LINUX_ICON_SIZES.join(',')}}.png, build/icon.png, build/icon.ico`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

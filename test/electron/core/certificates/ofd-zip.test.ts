import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isOfdError } from '../../../../electron/core/certificates/ofd/ofd-errors';
import { xmlPart, type OfdFiles } from '../../../../electron/core/certificates/ofd/ofd-files';
import { unzipOfd } from '../../../../electron/core/certificates/ofd/ofd-unzip';
import { zipOfd } from '../../../../electron/core/certificates/ofd/ofd-zip';
import { makeTempDir } from '../../../support/temp-dir';

function sample(): OfdFiles {
  return new Map<string, Uint8Array>([
    ['Doc_0/Pages/Page_0/Content.xml', xmlPart('<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">不动产权证书</ofd:Page>')],
    ['OFD.xml', xmlPart('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"/>')],
    ['Doc_0/Res/image_1.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])],
    ['Doc_0/Document.xml', xmlPart('<ofd:Document/>'.repeat(50))],
  ]);
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await unzipOfd(bytes);
  } catch (error) {
    if (isOfdError(error)) return error.code;
    throw error;
  }
  throw new Error('unzipOfd accepted the package');
}

/** A hand-made one-entry ZIP, so tests can put in what yazl refuses to write. */
function handZip(name: string, content: Buffer, options: { declaredSize?: number; flags?: number; method?: number } = {}): Buffer {
  const method = options.method ?? 8;
  const body = method === 8 ? deflateRawSync(content) : content;
  const nameBytes = Buffer.from(name, 'utf8');
  const size = options.declaredSize ?? content.length;
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(options.flags ?? 0, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(options.flags ?? 0, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end]);
}

describe('zipOfd / unzipOfd', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.remove());

  it('round-trips every part byte for byte', async () => {
    const files = sample();
    const back = await unzipOfd(await zipOfd(files));
    expect([...back.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [path, bytes] of files) expect(Buffer.from(back.get(path) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes the same bytes for the same parts, whatever order they were added in, OFD.xml first', async () => {
    const files = sample();
    const reversed: OfdFiles = new Map([...files].reverse());
    const a = await zipOfd(files);
    const b = await zipOfd(reversed);
    expect(a.equals(b)).toBe(true);
    // The first local header names the entry point.
    expect(a.subarray(30, 30 + 'OFD.xml'.length).toString()).toBe('OFD.xml');
  });

  it('writes a ZIP that Info-ZIP tests clean and reads back what Info-ZIP writes', async () => {
    temp = makeTempDir('ofd-zip-');
    const file = join(temp.path, 'a.ofd');
    writeFileSync(file, await zipOfd(sample()));
    expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
    // Info-ZIP's own archive: folder entries, its extra fields, its choice of compression.
    const dir = join(temp.path, 'tree');
    execFileSync('unzip', ['-q', file, '-d', dir]);
    const other = join(temp.path, 'b.ofd');
    execFileSync('zip', ['-qr', other, '.'], { cwd: dir });
    const back = await unzipOfd(readFileSync(other));
    expect(Buffer.from(back.get('Doc_0/Document.xml') as Uint8Array).toString()).toBe('<ofd:Document/>'.repeat(50));
    expect(back.size).toBe(4);
  });

  it('refuses bytes that are not a ZIP, and a truncated package', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7 not a zip'))).toBe('OFD_NOT_A_PACKAGE');
    const zip = await zipOfd(sample());
    expect(await refusal(zip.subarray(0, zip.length - 30))).toBe('OFD_NOT_A_PACKAGE');
  });

  it('refuses a part whose bytes were changed (CRC-32)', async () => {
    const zip = Buffer.from(await zipOfd(new Map([['OFD.xml', xmlPart('x'.repeat(10))]])));
    // Flip a bit inside the deflated data of the only entry: it still inflates, to other bytes.
    zip[30 + 'OFD.xml'.length + 1] ^= 0x01;
    expect(await refusal(zip)).toBe('OFD_NOT_A_PACKAGE');
  });

  it('refuses paths that could escape the package', async () => {
    for (const name of ['../evil.xml', '/etc/passwd', 'Doc_0/../../x', 'C:/x.xml', 'Doc_0\\x.xml', 'Doc_0//x.xml']) {
      expect(await refusal(handZip(name, Buffer.from('x'))), name).toBe('OFD_PACKAGE_REFUSED');
    }
  });

  it('refuses a zip bomb before inflating it, and a size field that lies', async () => {
    const bomb = handZip('OFD.xml', Buffer.alloc(50 * 1024 * 1024));
    expect(await refusal(bomb)).toBe('OFD_PACKAGE_REFUSED');
    const liar = handZip('OFD.xml', Buffer.alloc(5000, 0x41), { declaredSize: 100 });
    expect(await refusal(liar)).toBe('OFD_NOT_A_PACKAGE');
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    expect(await refusal(handZip('OFD.xml', Buffer.from('x'), { flags: 1 }))).toBe('OFD_PACKAGE_REFUSED');
    expect(await refusal(handZip('OFD.xml', Buffer.from('x'), { method: 12 }))).toBe('OFD_PACKAGE_REFUSED');
  });

  it('refuses more entries than the limit', async () => {
    const many: OfdFiles = new Map(Array.from({ length: 30 }, (_, i) => [`p${i}.xml`, xmlPart('x')] as const));
    const zip = await zipOfd(many);
    await expect(unzipOfd(zip, { maxEntries: 10, maxTotalBytes: 1e6, maxRatio: 200 })).rejects.toMatchObject({ code: 'OFD_PACKAGE_REFUSED' });
    expect((await unzipOfd(zip)).size).toBe(30);
  });
});

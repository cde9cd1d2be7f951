import { describe, expect, it } from 'vitest';
import { decodePhoto, type WltDecoder } from '../../../native/idcard/photo';

const wlt = new Uint8Array(1024).fill(7);
const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);

describe('card photo', () => {
  it('without a decoder reports raw WLT, never an image', async () => {
    expect(await decodePhoto(wlt)).toEqual({ format: 'wlt', bytes: 1024, decoded: false, wlt });
  });

  it('uses a plugged-in decoder that returns a PNG', async () => {
    const decoder: WltDecoder = { decode: async () => ({ png }) };
    expect(await decodePhoto(wlt, decoder)).toEqual({ format: 'png', bytes: png.length, decoded: true, png, wlt });
  });

  it.each([
    ['returns null', async () => null],
    ['throws', async () => Promise.reject(new Error('licence expired'))],
    ['returns something that is not a PNG', async () => ({ png: new Uint8Array([1, 2, 3]) })],
  ])('falls back to "not decoded" when the decoder %s', async (_, decode) => {
    expect(await decodePhoto(wlt, { decode })).toMatchObject({ format: 'wlt', decoded: false });
  });
});

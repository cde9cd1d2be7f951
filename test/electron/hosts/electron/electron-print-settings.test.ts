import { describe, expect, it } from 'vitest';
import { pageSizeFor } from '../../../../electron/hosts/electron/electron-print-settings';

describe('pageSizeFor: CUPS media names as Chromium page sizes', () => {
  it.each([
    ['A4', 'A4'],
    ['a4', 'A4'],
    ['A5', 'A5'],
    ['Letter', 'Letter'],
  ])('%s → %s', (media, size) => {
    expect(pageSizeFor(media)).toBe(size);
  });

  it('gives custom forms in microns', () => {
    expect(pageSizeFor('Custom.240x170mm')).toEqual({ width: 240_000, height: 170_000 });
    expect(pageSizeFor('Custom.210.5x297mm')).toEqual({ width: 210_500, height: 297_000 });
  });

  it.each(['B5', 'iso_a4_210x297mm', 'Custom.240x170in', 'Custom.240x170', 'Custom.5x170mm', 'Custom.240x2000mm', 'Custom.x170mm'])(
    'has no size for %s',
    (media) => {
      expect(pageSizeFor(media)).toBeNull();
    },
  );
});

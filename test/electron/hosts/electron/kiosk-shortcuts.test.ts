import { describe, expect, it } from 'vitest';
import { isBlockedKioskShortcut } from '../../../../electron/hosts/electron/kiosk-shortcuts';

const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) => ({
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isBlockedKioskShortcut', () => {
  it.each([
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+=', key('=', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['BrowserBack', key('BrowserBack')],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedKioskShortcut(input)).toBe(true);
  });

  it.each([
    ['a', key('a')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['digits', key('7')],
    ['Ctrl+C', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['Left arrow', key('ArrowLeft')],
    ['Shift+X (ID number check letter)', key('X', { shift: true })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedKioskShortcut(input)).toBe(false);
  });
});

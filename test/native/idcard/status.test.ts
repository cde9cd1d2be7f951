import { describe, expect, it } from 'vitest';
import { describeSamStatus, samStatusError } from '../../../native/idcard/status';

describe('SAM status bytes (SW3)', () => {
  it.each([
    ['90', 0x90, 'OK', true],
    ['9F', 0x9f, 'CARD_FOUND', true],
    ['91', 0x91, 'NO_CONTENT', false],
    ['10', 0x10, 'CHECKSUM_ERROR', false],
    ['11', 0x11, 'LENGTH_ERROR', false],
    ['21', 0x21, 'COMMAND_ERROR', false],
    ['23', 0x23, 'NOT_AUTHORISED', false],
    ['24', 0x24, 'UNKNOWN_ERROR', false],
    ['31', 0x31, 'AUTHENTICATION_FAILED', false],
    ['32', 0x32, 'AUTHENTICATION_FAILED', false],
    ['33', 0x33, 'AUTHENTICATION_FAILED', false],
    ['37', 0x37, 'FINGERPRINT_ERROR', false],
    ['40', 0x40, 'UNKNOWN_CARD_TYPE', false],
    ['41', 0x41, 'READ_FAILED', false],
    ['47', 0x47, 'RANDOM_NUMBER_FAILED', false],
    ['60', 0x60, 'SAM_SELF_TEST_FAILED', false],
    ['66', 0x66, 'SAM_NOT_AUTHORISED', false],
    ['80', 0x80, 'NO_CARD', false],
    ['81', 0x81, 'SELECT_FAILED', false],
  ])('maps 0x%s (%i) to %s with a Chinese instruction', (_, sw3, code, success) => {
    const status = describeSamStatus(sw3);
    expect(status).toMatchObject({ sw3, code, success });
    expect(status.message).toMatch(/[\u4e00-\u9fff]/);
    if (!success) expect(status.message).toMatch(/请/);
  });

  it('tells the clerk where to put the card when there is none', () => {
    expect(describeSamStatus(0x80).message).toBe('未检测到身份证，请将身份证平放在阅读器感应区。');
  });

  it('maps an undocumented status to UNKNOWN_ERROR and shows its value', () => {
    expect(describeSamStatus(0x5a)).toMatchObject({ code: 'UNKNOWN_ERROR', success: false });
    expect(describeSamStatus(0x5a).message).toContain('0x5A');
  });

  it('turns a status into a throwable coded error', () => {
    const error = samStatusError(0x81);
    expect(error.code).toBe('SELECT_FAILED');
    expect(error.toJSON()).toMatchObject({ code: 'SELECT_FAILED', details: { sw3: '0x81' } });
  });
});

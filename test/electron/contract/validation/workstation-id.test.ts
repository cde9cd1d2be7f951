import { describe, expect, it } from 'vitest';
import { checkWorkstationId, workstationIdSchema } from '../../../../electron/contract/validation/workstation-id';

describe('workstation id', () => {
  it('accepts two unambiguous characters, normalising case and spaces', () => {
    expect(checkWorkstationId(' a7 ')).toEqual({ ok: true, id: 'A7' });
    expect(workstationIdSchema.parse('zz')).toBe('ZZ');
  });

  it('rejects the wrong length and look-alike characters with a reason', () => {
    expect(checkWorkstationId('A')).toEqual({ ok: false, reason: '工作站编号应为2位，当前为1位。' });
    for (const id of ['O1', 'I2', 'A0', 'B1', 'A-']) {
      expect(checkWorkstationId(id)).toEqual({ ok: false, reason: '工作站编号只能用字母A–Z（不含I、O）和数字2–9，以免在回执上看错。' });
    }
    expect(workstationIdSchema.safeParse('O0').error?.issues[0].message).toBe('工作站编号应为2位字母或数字（不用 I、O、0、1），例如 A7');
  });
});

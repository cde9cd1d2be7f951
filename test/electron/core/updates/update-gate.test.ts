import { afterEach, describe, expect, it } from 'vitest';
import { decideUpdate, mayApplyUpdate, readUpdateBlockers } from '../../../../electron/core/updates/update-gate';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { acceptSignedTransfer } from '../sync/sync-fixture';

describe('decideUpdate', () => {
  const none = { unsentCommands: 0, deadLetters: 0, openDrafts: 0, acceptedNotSubmitted: 0 };

  it('applies only when nothing is unsent and no case is open', () => {
    expect(decideUpdate(none)).toEqual({ apply: true });
    for (const key of Object.keys(none) as Array<keyof typeof none>) {
      const d = decideUpdate({ ...none, [key]: 1 });
      expect(d.apply, key).toBe(false);
      if (!d.apply) expect(d.reasons).toHaveLength(1);
    }
  });

  it('names every reason, with its count, in words an administrator understands', () => {
    const d = decideUpdate({ unsentCommands: 3, deadLetters: 1, openDrafts: 2, acceptedNotSubmitted: 0 });
    expect(d).toEqual({
      apply: false,
      reasons: ['尚有 3 条指令未发送到省级平台', '尚有 1 条被平台拒收的指令待处理（平台同步页重发或作废）', '尚有 2 件正在录入的案件'],
    });
  });
});

describe('mayApplyUpdate on a workstation database', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('waits for an open draft, then for the accepted case\'s command, then for a dead letter; applies once all are settled', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', training: false, devices: { idcard: 'none', sigpad: 'none', printer: null } }, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const db = t.ws.services.db();
    expect(mayApplyUpdate(db)).toEqual({ apply: true });

    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
    expect(readUpdateBlockers(db)).toEqual({ unsentCommands: 0, deadLetters: 0, openDrafts: 1, acceptedNotSubmitted: 0 });
    expect(mayApplyUpdate(db)).toEqual({ apply: false, reasons: ['尚有 1 件正在录入的案件'] });
    // Settled the way 不予受理 settles it (no command for the platform).
    db.prepare("UPDATE cases SET status = 'rejected' WHERE id = ?").run(draft.id);

    // Accepted offline: the submission waits in the outbox.
    const c = await acceptSignedTransfer(t, 'clerk');
    expect(readUpdateBlockers(db)).toEqual({ unsentCommands: 1, deadLetters: 0, openDrafts: 0, acceptedNotSubmitted: 1 });
    expect(mayApplyUpdate(db).apply).toBe(false);

    // Refused by the platform: a dead letter is still unsent.
    db.prepare("UPDATE outbox SET state = 'dead' WHERE case_id = ?").run(c.id);
    expect(readUpdateBlockers(db)).toMatchObject({ unsentCommands: 0, deadLetters: 1 });
    expect(mayApplyUpdate(db).apply).toBe(false);

    // Delivered: nothing holds the update back.
    db.prepare("UPDATE outbox SET state = 'done' WHERE case_id = ?").run(c.id);
    db.prepare("UPDATE cases SET status = 'submitted' WHERE id = ? AND status = 'accepted'").run(c.id);
    expect(mayApplyUpdate(db)).toEqual({ apply: true });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCupsPdfQueue, ensureCupsRunning, type CupsPdfQueue } from '../../../native/printer/cups-pdf-queue';
import { acceptTransfer, BUYER, SELLER_1, UNIT } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bdc-doc-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' }).normalize('NFKC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function decodeQr(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bdc-qr-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'd.pdf'), join(dir, 'p')]);
    const png = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').find((f) => f.endsWith('.png')) as string;
    return execFileSync('zbarimg', ['--raw', '-q', join(dir, png)], { encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The case's documents: rendered from the case, archived as blobs, printed through the real CUPS. */
describe('case documents', () => {
  let t: TestWorkstation;
  let queue: CupsPdfQueue | undefined;
  beforeAll(() => ensureCupsRunning());
  afterEach(async () => {
    await t.close();
    await queue?.remove();
    queue = undefined;
  });

  it('the receipt carries the case facts and a QR code whose SM2 signature verifies; tampering fails', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const id = await acceptTransfer(t);
    const c = await t.ok('clerk', 'cases.get', { id });
    const receipt = await t.ok('clerk', 'cases.document', { id, kind: 'acceptanceReceipt' });
    expect(receipt.bytes).toBeLessThan(100 * 1024);
    const pdf = Buffer.from(receipt.pdfBase64, 'base64');
    const text = pdfText(pdf);
    for (const fact of [c.caseNumber as string, '转移登记', '龙金花', '430102003004GB00123F00010203', '不动产登记申请书']) expect(text).toContain(fact);
    expect(text).not.toContain('433124199211080267');
    const code = decodeQr(pdf);
    expect(code).toContain(c.caseNumber as string);
    const verified = await t.ok('clerk', 'documents.verify', { text: code });
    expect(verified).toMatchObject({ ok: true, facts: { caseNumber: c.caseNumber }, kindTitle: '不动产登记受理凭证', case: { id, status: 'accepted', unitCodes: [UNIT.unitCode] } });
    // The clerk compares the paper with the record: names, masked numbers, when it was produced here.
    expect(verified.case?.parties.map((p) => p.idNumberMasked)).toContain('433124********0267');
    expect(JSON.stringify(verified)).not.toContain('433124199211080267');
    expect(verified.case?.producedAt).toHaveLength(1);
    const forged = code.replace(c.caseNumber as string, (c.caseNumber as string).replace(/\d{4}$/, '9999'));
    expect(await t.ok('clerk', 'documents.verify', { text: forged })).toMatchObject({ ok: false, reason: expect.any(String) });
  }, 40_000);

  it('the application form has the full ID numbers and the signatures; the payment notice the total in capitals', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const id = await acceptTransfer(t);
    const form = pdfText(Buffer.from((await t.ok('clerk', 'cases.document', { id, kind: 'applicationForm' })).pdfBase64, 'base64'));
    expect(form).toContain('433124199211080267');
    const notice = pdfText(Buffer.from((await t.ok('clerk', 'cases.document', { id, kind: 'paymentNotice' })).pdfBase64, 'base64'));
    expect(notice).toContain('捌拾元整');
    expect(notice).toContain('1041501');
    // What the payer pays for: the 件, each with its unit and fee class.
    expect(notice).toMatch(/计费件数:?\s*共1件/);
    expect(notice).toMatch(/1\s+430102\S*\s+住宅\s+80\.00/);
    expect(await t.call('clerk', 'cases.document', { id, kind: 'rejectionNotice' })).toMatchObject({ ok: false, error: { code: 'CASE_STATE_CONFLICT' } });
    const actions = (await t.ok('clerk', 'cases.timeline', { id })).map((e) => e.action);
    expect(actions.filter((a) => a === 'cases.document')).toHaveLength(2);
  }, 40_000);

  it('prints the receipt through CUPS; a requisition notice lists what is missing', async () => {
    queue = await createCupsPdfQueue({ description: '受理窗口打印机' });
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: queue.name } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const id = await acceptTransfer(t);
    const job = await t.ok('clerk', 'cases.printDocument', { id, kind: 'acceptanceReceipt' });
    const file = await queue.waitForOutput(job.jobId);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC')).toContain('受理凭证');

    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'mortgageFirst' });
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: null, parties: [{ ...BUYER, role: 'holder' }, SELLER_1], units: [UNIT], materialsReceived: [] });
    await t.ok('clerk', 'cases.requisition', { id: draft.id, missing: ['主债权合同', '抵押合同原件'] });
    const notice = pdfText(Buffer.from((await t.ok('clerk', 'cases.document', { id: draft.id, kind: 'requisitionNotice' })).pdfBase64, 'base64'));
    expect(notice).toContain('主债权合同');
    expect(notice).toContain('抵押合同原件');
  }, 60_000);
});

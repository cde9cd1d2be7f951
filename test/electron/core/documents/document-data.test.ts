import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptanceReceiptSchema,
  applicationFormSchema,
  parseDocumentData,
  paymentNoticeSchema,
  rejectionNoticeSchema,
  requisitionNoticeSchema,
} from '../../../../electron/core/documents/document-data';
import { DocumentError } from '../../../../electron/core/documents/document-errors';
import * as samples from '../../../fixtures/documents/sample-documents';

function invalid(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected DOCUMENT_DATA_INVALID');
}

describe('document data validation', () => {
  it('accepts every sample, including the longest realistic values', () => {
    for (const data of [samples.sampleReceipt(), samples.longestReceipt()]) expect(() => parseDocumentData(acceptanceReceiptSchema, data, '受理凭证')).not.toThrow();
    for (const data of [samples.sampleApplicationForm(), samples.longestApplicationForm()]) expect(() => parseDocumentData(applicationFormSchema, data, '申请书')).not.toThrow();
    for (const data of [samples.samplePaymentNotice(), samples.longestPaymentNotice()]) expect(() => parseDocumentData(paymentNoticeSchema, data, '缴费通知书')).not.toThrow();
    for (const data of [samples.sampleRequisitionNotice(), samples.longestRequisitionNotice()]) expect(() => parseDocumentData(requisitionNoticeSchema, data, '补正通知书')).not.toThrow();
    for (const data of [samples.sampleRejectionNotice(), samples.longestRejectionNotice()]) expect(() => parseDocumentData(rejectionNoticeSchema, data, '不予受理通知书')).not.toThrow();
  });

  it('names the field in the words of the form when a unit code is malformed', () => {
    const data = samples.sampleReceipt();
    data.units[0].unitCode = '430102003004GB00123F0001020';
    const error = invalid(() => parseDocumentData(acceptanceReceiptSchema, data, '受理凭证'));
    expect(error.code).toBe('DOCUMENT_DATA_INVALID');
    expect(error.message).toBe('受理凭证的数据有误，不动产单元第 1 项 › 不动产单元号：不动产单元号应为 28 位（GB/T 37346）。请在案件中改正后重新生成。');
  });

  it('explains missing applicants, line breaks in a name, impossible dates and fractional fen', () => {
    const noApplicants = { ...samples.sampleReceipt(), applicants: [] };
    expect(invalid(() => parseDocumentData(acceptanceReceiptSchema, noApplicants, '受理凭证')).message).toContain('至少要有一名申请人');

    const newline = samples.sampleApplicationForm();
    newline.applicants[1].name = '李\n雪梅';
    expect(invalid(() => parseDocumentData(applicationFormSchema, newline, '申请书')).message).toContain('申请人第 2 项 › 名称：不能包含换行或控制字符');

    const badDate = { ...samples.sampleReceipt(), issuedDate: '2026-02-30' };
    expect(invalid(() => parseDocumentData(acceptanceReceiptSchema, badDate, '受理凭证')).message).toContain('出具日期：不是有效的日期');

    const early = { ...samples.sampleReceipt(), promisedDate: '2026-11-26' };
    expect(invalid(() => parseDocumentData(acceptanceReceiptSchema, early, '受理凭证')).message).toContain('承诺办结日期不能早于受理日期');

    const fen = samples.samplePaymentNotice();
    fen.fees[0].amountFen = 80.5;
    expect(invalid(() => parseDocumentData(paymentNoticeSchema, fen, '缴费通知书')).message).toContain('金额应为整数（分）');
  });

  it('requires a receipt to list something received and a requisition something missing', () => {
    const receipt = samples.sampleReceipt();
    receipt.materials = receipt.materials.map((m) => ({ ...m, status: 'missing' as const }));
    expect(invalid(() => parseDocumentData(acceptanceReceiptSchema, receipt, '受理凭证')).message).toContain('至少要列出一份已收取的材料');
    const requisition = samples.sampleRequisitionNotice();
    requisition.materials = requisition.materials.map((m) => ({ ...m, status: 'received' as const }));
    expect(invalid(() => parseDocumentData(requisitionNoticeSchema, requisition, '补正通知书')).message).toContain('至少要列出一份需补正的材料');
  });

  it('keeps case numbers ASCII: they go into the QR code and file names', () => {
    const data = { ...samples.sampleReceipt(), caseNumber: '芙蓉-2026-1' };
    expect(invalid(() => parseDocumentData(acceptanceReceiptSchema, data, '受理凭证')).message).toContain('受理编号：只能由字母、数字和连字符组成');
  });

  it('answers arbitrary input with DOCUMENT_DATA_INVALID, never another exception (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        expect(invalid(() => parseDocumentData(acceptanceReceiptSchema, data, '受理凭证')).code).toBe('DOCUMENT_DATA_INVALID');
      }),
      { numRuns: 300 },
    );
  });
});

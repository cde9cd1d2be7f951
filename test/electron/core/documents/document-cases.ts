import { renderAcceptanceReceipt } from '../../../../electron/core/documents/acceptance-receipt';
import { renderApplicationForm } from '../../../../electron/core/documents/application-form';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../electron/core/documents/document-kinds';
import { renderPaymentNotice } from '../../../../electron/core/documents/payment-notice';
import { renderRefusalNotice } from '../../../../electron/core/documents/refusal-notice';
import { renderRejectionNotice } from '../../../../electron/core/documents/rejection-notice';
import { renderRequisitionNotice } from '../../../../electron/core/documents/requisition-notice';
import * as samples from '../../../fixtures/documents/sample-documents';
import { generateOfficeKeyPair, type OfficeKeyPair } from '../../../../electron/core/documents/verification-code';

export const OFFICE_KEY: OfficeKeyPair = generateOfficeKeyPair();

export interface DocumentCase {
  /** File name stem, e.g. acceptance-receipt-longest. */
  name: string;
  kind: DocumentKind;
  title: string;
  /** Texts every rendering of this case must contain whole (whitespace ignored). */
  mustContain: string[];
  render(): Promise<Uint8Array>;
}

/** Every document, once with everyday data and once with the longest realistic values. */
export const DOCUMENT_CASES: DocumentCase[] = [
  {
    name: 'application-form',
    kind: 'applicationForm',
    title: DOCUMENT_KINDS.applicationForm.title,
    mustContain: ['张晓明', '430102198807152318', '转移登记（二手房买卖）'],
    render: () => renderApplicationForm(samples.sampleApplicationForm()),
  },
  {
    name: 'application-form-unsigned',
    kind: 'applicationForm',
    title: DOCUMENT_KINDS.applicationForm.title,
    mustContain: ['张晓明', '年月日'],
    render: () => renderApplicationForm(samples.sampleApplicationForm({ signed: false })),
  },
  {
    name: 'application-form-longest',
    kind: 'applicationForm',
    title: DOCUMENT_KINDS.applicationForm.title,
    mustContain: longestFacts(samples.longestApplicationForm()),
    render: () => renderApplicationForm(samples.longestApplicationForm()),
  },
  {
    name: 'application-form-transfer',
    kind: 'applicationForm',
    title: DOCUMENT_KINDS.applicationForm.title,
    mustContain: ['■转移登记', '湘（2018）长沙市不动产权第0123456号', '成套住宅', '代理人欧阳晓雯代'],
    render: () => renderApplicationForm(samples.transferApplicationForm()),
  },
  {
    name: 'application-form-bank-mortgage',
    kind: 'applicationForm',
    title: DOCUMENT_KINDS.applicationForm.title,
    mustContain: ['抵押情况（最高额抵押）', '电子签章已验证', '■银行网点'],
    render: () => renderApplicationForm(samples.bankMortgageApplicationForm()),
  },
  {
    name: 'application-form-easement',
    kind: 'applicationForm',
    title: DOCUMENT_KINDS.applicationForm.title,
    mustContain: ['需役地坐落', '0.125公顷'],
    render: () => renderApplicationForm(samples.easementApplicationForm()),
  },
  {
    name: 'acceptance-receipt',
    kind: 'acceptanceReceipt',
    title: DOCUMENT_KINDS.acceptanceReceipt.title,
    mustContain: ['430102-20261127-A10001', '2026年12月4日'],
    render: () => renderAcceptanceReceipt(samples.sampleReceipt(), { signingKey: OFFICE_KEY }),
  },
  {
    name: 'acceptance-receipt-longest',
    kind: 'acceptanceReceipt',
    title: DOCUMENT_KINDS.acceptanceReceipt.title,
    mustContain: [
      ...longestFacts(samples.longestReceipt()),
      ...samples.longestReceipt().materials.filter((m) => m.status === 'received').map((m) => m.name),
    ],
    render: () => renderAcceptanceReceipt(samples.longestReceipt(), { signingKey: OFFICE_KEY }),
  },
  {
    name: 'payment-notice',
    kind: 'paymentNotice',
    title: DOCUMENT_KINDS.paymentNotice.title,
    mustContain: ['玖拾元整', '¥90.00'],
    render: () => renderPaymentNotice(samples.samplePaymentNotice()),
  },
  {
    name: 'payment-notice-longest',
    kind: 'paymentNotice',
    title: DOCUMENT_KINDS.paymentNotice.title,
    mustContain: [...addressed(samples.longestPaymentNotice().applicants), ...samples.longestPaymentNotice().fees.map((f) => f.name)],
    render: () => renderPaymentNotice(samples.longestPaymentNotice()),
  },
  {
    name: 'payment-notice-platform',
    kind: 'paymentNotice',
    title: DOCUMENT_KINDS.paymentNotice.title,
    mustContain: ['4301022611270001234', '扫码缴费', '三、相关税款'],
    render: () => renderPaymentNotice(samples.platformPaymentNotice()),
  },
  {
    name: 'requisition-notice',
    kind: 'requisitionNotice',
    title: DOCUMENT_KINDS.requisitionNotice.title,
    mustContain: ['婚姻关系证明', '2026年12月11日'],
    render: () => renderRequisitionNotice(samples.sampleRequisitionNotice()),
  },
  {
    name: 'requisition-notice-longest',
    kind: 'requisitionNotice',
    title: DOCUMENT_KINDS.requisitionNotice.title,
    mustContain: [
      ...addressed(samples.longestRequisitionNotice().applicants),
      samples.longestRequisitionNotice().units[0].address,
      ...samples.longestRequisitionNotice().materials.map((m) => m.name),
    ],
    render: () => renderRequisitionNotice(samples.longestRequisitionNotice()),
  },
  {
    name: 'rejection-notice',
    kind: 'rejectionNotice',
    title: DOCUMENT_KINDS.rejectionNotice.title,
    mustContain: ['长沙县黄兴镇', '《不动产登记暂行条例》第十七条第一款第（四）项'],
    render: () => renderRejectionNotice(samples.sampleRejectionNotice()),
  },
  {
    name: 'rejection-notice-longest',
    kind: 'rejectionNotice',
    title: DOCUMENT_KINDS.rejectionNotice.title,
    mustContain: [...addressed(samples.longestRejectionNotice().applicants), ...(samples.longestRejectionNotice().reasons ?? []).map((r) => r.text)],
    render: () => renderRejectionNotice(samples.longestRejectionNotice()),
  },
];

DOCUMENT_CASES.push({
  name: 'refusal-notice',
  kind: 'refusalNotice',
  title: DOCUMENT_KINDS.refusalNotice.title,
  mustContain: ['存在尚未解决的权属争议', '《不动产登记暂行条例》第二十二条第（二）项', '六十日内', '六个月内'],
  render: () => renderRefusalNotice(samples.sampleRefusalNotice()),
});

/** The long names, addresses and unit codes of a document that lists its units. */
function longestFacts(data: { applicants: Array<{ name: string }>; units: Array<{ address: string; unitCode: string }> }): string[] {
  return [...data.applicants.map((a) => a.name), ...data.units.flatMap((u) => [u.address, u.unitCode])];
}

/** Notices are addressed to the parties themselves, not to their agents. */
function addressed(applicants: Array<{ name: string; role: string }>): string[] {
  return applicants.filter((a) => a.role !== '代理人').map((a) => a.name);
}

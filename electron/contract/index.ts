import type { z } from 'zod';
import { appMethods } from './methods/app';
import { auditMethods } from './methods/audit';
import { authMethods } from './methods/auth';
import { configMethods } from './methods/config';
import { recoveryMethods } from './methods/recovery';
import { setupMethods } from './methods/setup';
import { userMethods } from './methods/users';
import { workbenchMethods } from './methods/workbench';
import { deviceMethods } from './methods/devices';
import { caseMethods } from './methods/cases';
import { syncMethods } from './methods/sync';
import { backupMethods } from './methods/backups';
import { workQueueMethods } from './methods/workqueue';
import { reviewMethods } from './methods/review';
import { issuanceMethods } from './methods/issuance';
import { certificatePrintMethods } from './methods/certificate-print';
import { certificateMethods } from './methods/certificates';

/**
 * The ONE API between the UI and the back end. Adding a feature = an entry here + a handler in
 * core + UI. Hosts and the renderer client derive channels, URLs and types from this map.
 */
export const contract = {
  ...appMethods,
  ...setupMethods,
  ...authMethods,
  ...userMethods,
  ...auditMethods,
  ...configMethods,
  ...recoveryMethods,
  ...workbenchMethods,
  ...deviceMethods,
  ...caseMethods,
  ...syncMethods,
  ...backupMethods,
  ...workQueueMethods,
  ...reviewMethods,
  ...issuanceMethods,
  ...certificatePrintMethods,
  ...certificateMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** IPC channel prefix; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'bdc:';
export const EVENT_CHANNEL = 'bdc:event';

export * from './errors';
export * from './roles';
export * from './config';
export * from './events';
export type { MethodSpec } from './define';
export type { AppInfo } from './methods/app';
export type { UserView } from './methods/users';
export type { AuditRecordView, AuditVerification } from './methods/audit';
export type { SessionView } from './methods/shared';
export type { WorkbenchSummary } from './methods/workbench';
export type { IdCardView, PrinterView } from './methods/devices';
export type { CaseView } from './methods/cases';
export * from './methods/case-model';
export type { BackupView } from './methods/backups';
export type { WorkQueue, WorkQueueItem, WorkQueueList } from './methods/workqueue';
export { WORK_QUEUE_LISTS } from './methods/workqueue';
export * from './methods/review';
export * from './methods/issuance';
export * from './methods/certificate-print';
export type { AppInfo as AppInfoView } from './methods/app';
export * from './validation/office-code';
export * from './validation/password-policy';
export * from './validation/idle';
export * from './validation/calendar-date';
export * from './validation/provinces';
export * from './validation/id-number';
export * from './validation/unit-code';
export * from './validation/certificate-number';
export * from './validation/phone';
export * from './validation/masking';
export * from './validation/chinese-amount';
export * from './validation/co-ownership';
export * from './validation/business-types';
export * from './validation/business-type-config';
export * from './validation/business-type-rules';
export * from './validation/fee-schedule';
export * from './validation/holiday-calendar';
export * from './validation/workstation-id';
export * from './validation/credit-code';
export * from './validation/right-types';
export * from './validation/registration-types';
export * from './validation/catalog-materials';
export * from './validation/contract-filing';
export * from './validation/registration-catalog';
export * from './validation/catalog-config';
export * from './validation/fee-calculation';
export * from './validation/fee-override';
export * from './validation/legal-grounds';
export * from './validation/safe-text';
export * from './validation/free-text';
export * from './certificate-config';
export * from './validation/waybill';
export * from './methods/certificates';

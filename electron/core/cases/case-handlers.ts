import { accept, reject, requisition, withdraw } from './handlers/transition-handlers';
import { attachFile } from './handlers/attachment-handlers';
import { businessTypes, catalog, createDraft, get, saveDraft } from './handlers/draft-handlers';
import { overrideFeesHandler } from './handlers/fee-handlers';
import { lookupUnit, search, timeline } from './handlers/lookup-handlers';
import { applySeal, signParty } from './handlers/signing-handlers';

/**
 * The case methods, by concern: drafts (handlers/draft-handlers.ts), scans, signing and seals,
 * fees, lifecycle transitions, and look-ups. State changes go through the lifecycle table
 * (lifecycle.ts, transition.ts); SQL lives in the repository (case-reads.ts, case-writes.ts).
 */
export const caseHandlers = {
  'cases.businessTypes': businessTypes,
  'cases.catalog': catalog,
  'cases.createDraft': createDraft,
  'cases.get': get,
  'cases.saveDraft': saveDraft,
  'cases.attachFile': attachFile,
  'cases.signParty': signParty,
  'cases.applySeal': applySeal,
  'cases.overrideFees': overrideFeesHandler,
  'cases.accept': accept,
  'cases.requisition': requisition,
  'cases.reject': reject,
  'cases.withdraw': withdraw,
  'cases.search': search,
  'cases.lookupUnit': lookupUnit,
  'cases.timeline': timeline,
};

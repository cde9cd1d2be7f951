import { AppError } from '../../contract';
import type { Handler } from '../handler';
import { audit } from '../services';
import { caseReads } from './case-repository';

/**
 * The explicit "show" of a masked value (DOMAIN.md §8): the full ID number or phone of one party,
 * for the roles that need it (the contract lists them). Every show is audited — who, which case,
 * which party and field — and the record never holds the value itself.
 */
const revealParty: Handler<'cases.revealParty'> = (ctx, input) => {
  const c = caseReads.byId(ctx.services.db(), ctx.services.keys, input.id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const party = c.parties.find((p) => p.ordinal === input.ordinal);
  if (!party) throw new AppError('BAD_REQUEST', '该申请人不在本业务中。');
  const value = input.field === 'idNumber' ? party.idNumber : party.phone;
  audit(ctx, { action: 'cases.revealParty', object: `case:${c.id}`, result: 'success', detail: { ordinal: party.ordinal, field: input.field } });
  return { value: value ?? null };
};

export const personalDataHandlers = {
  'cases.revealParty': revealParty,
};

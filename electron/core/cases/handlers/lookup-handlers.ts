import { maskPersonalText } from '../../../contract';
import { auditView } from '../../audit/view-audit';
import type { Handler } from '../../handler';
import { caseReads } from '../case-repository';
import { lookupCaseIds } from '../case-lookup-search';
import { searchCases } from '../case-search';
import { caseTimeline } from '../case-timeline';
import { loadCase } from './case-context';

/** The newest record of a unit in earlier cases (drafts count: a clerk typed it carefully once). */
export const lookupUnit: Handler<'cases.lookupUnit'> = (ctx, input) => caseReads.knownUnit(ctx.services.db(), input.unitCode.toUpperCase().replace(/\s+/g, ''));

/**
 * A listing names applicants: audited as a view, once per session × query per 10 minutes (the text
 * masked, and what it was taken for). An ID number, phone or certificate number is looked up exactly.
 */
export const search: Handler<'cases.search'> = (ctx, input) => {
  const db = ctx.services.db();
  const lookup = input.text?.trim() ? lookupCaseIds(db, ctx.services.keys, input.text) : null;
  const result = searchCases(db, lookup ? { ...input, ids: lookup.ids } : input);
  const searchedBy = lookup?.by ?? 'text';
  const query = { ...input, text: input.text ? maskPersonalText(input.text.normalize('NFKC')) : undefined, searchedBy };
  auditView(ctx, 'cases.search', 'cases', { ...query, total: result.total }, JSON.stringify(query));
  return { ...result, searchedBy };
};

export const timeline: Handler<'cases.timeline'> = (ctx, input) => {
  loadCase(ctx, input.id);
  return caseTimeline(ctx.services.db(), input.id);
};

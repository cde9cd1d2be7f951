/**
 * The case repository: reads (case-reads.ts) and writes (case-writes.ts) apart. Every SQL statement
 * over the case tables lives in one of them (the search index in case-search.ts).
 */
export { caseReads, type KnownUnit, type SearchableCase } from './case-reads';
export { caseWrites } from './case-writes';

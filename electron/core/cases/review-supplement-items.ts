/**
 * What a reviewer's 补正 asked for, as the counter's case holds it: the platform's `review.decision`
 * change (decision "requisition") carries the items and the opinion as reasons, which the feed writes
 * into the case's status reason as `审核要求补正：a；b；c` (sync/change-application.ts). The counter's
 * 补正通知书 lists them one per line.
 */
export const REVIEW_SUPPLEMENT_PREFIX = '审核要求补正：';

export function reviewSupplementItems(statusReason: string | null): string[] {
  if (!statusReason?.startsWith(REVIEW_SUPPLEMENT_PREFIX)) return [];
  return statusReason
    .slice(REVIEW_SUPPLEMENT_PREFIX.length)
    .split('；')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.slice(0, 200));
}

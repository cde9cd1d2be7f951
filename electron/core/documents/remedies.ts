/**
 * An administrative decision must tell the applicant how to challenge it: 行政复议 within sixty days
 * of learning of it (《中华人民共和国行政复议法》（2023年修订）第二十条) or a lawsuit within six
 * months (《中华人民共和国行政诉讼法》第四十六条). Offices name their own review body and court
 * through the notice's `appealNote`.
 */
export function defaultAppealNote(documentName: '通知书' | '告知书'): string {
  return `如对本决定不服，可以自收到本${documentName}之日起六十日内依法申请行政复议，或者自收到本${documentName}之日起六个月内依法向人民法院提起行政诉讼。`;
}

/** The remedies sentence of the 不予受理通知书. */
export const DEFAULT_APPEAL_NOTE = defaultAppealNote('通知书');

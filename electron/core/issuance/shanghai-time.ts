// Screens and documents show Asia/Shanghai times (STYLE.md); kept apart from the 领证单 so the
// feed code that formats a status line does not load pdf-lib.
/** Asia/Shanghai wall time of an instant: 2026年12月04日 15:30. */
export function shanghaiDateTime(iso: string): { date: string; text: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((m, p) => ({ ...m, [p.type]: p.value }), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, text: `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}` };
}

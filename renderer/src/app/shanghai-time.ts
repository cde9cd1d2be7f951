/**
 * The one way screens show an instant: in Asia/Shanghai (UTC+8, no daylight saving), whatever the
 * machine's own time zone is. Case numbers and documents are dated in China; a workstation whose OS
 * runs on UTC must not show yesterday's date next to them. The offset is applied arithmetically
 * rather than through Intl's time-zone data, so a Chromium/Electron build without full ICU gives
 * the same answer.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsOf(iso: string): ShanghaiParts | null {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-04 07:30:05 — a full instant (audit, detail, timeline). '—' when there is none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  if (!p) return iso;
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** 2026-12-04 07:30 — where a list has no room for seconds. */
export function formatShortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  if (!p) return iso;
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 2026-12-04 — the calendar day in China of an instant. */
export function shanghaiDate(iso: string): string {
  const p = partsOf(iso);
  if (!p) return iso;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Today's calendar day in China (for “today's” filters and defaults). */
export function shanghaiToday(now: number = Date.now()): string {
  return shanghaiDate(new Date(now).toISOString());
}

/** Midnight of a calendar day in China as the ISO instant core compares, `plusDays` later. */
export function shanghaiStartOfDay(day: string, plusDays = 0): string {
  const t = new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000;
  return new Date(t).toISOString();
}

import { useEffect, useState } from 'react';

/**
 * How long ago, as the counter says it: “刚刚”, “12 分钟前”, “2 小时 5 分钟前”, “3 天前”.
 * A time slightly in the future (clocks of two machines) reads as “刚刚”, never negative.
 */
export function agoText(iso: string, now: number): string {
  const minutes = Math.floor(Math.max(0, now - new Date(iso).getTime()) / 60_000);
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟前` : `${hours} 小时前`;
  return `${Math.floor(hours / 24)} 天前`;
}

/** Since when something has waited: “12 分钟前”, and “不到 1 分钟前” rather than “刚刚” (which reads as “just done”). */
export function waitingSinceText(iso: string, now: number): string {
  const text = agoText(iso, now);
  return text === '刚刚' ? '不到 1 分钟前' : text;
}

/** The current time (ms), re-rendering every `everyMs` so “… 分钟前” texts stay true. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

import type { ThemeConfig } from 'antd';

/** Government back-office look: the familiar antd blue, system CJK fonts, comfortable sizes for counters. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    fontSize: 15,
    fontFamily:
      "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
    borderRadius: 4,
    // Staff who asked their system for less motion get none (also makes UI automation deterministic).
    motion: typeof window === 'undefined' || !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
  },
};

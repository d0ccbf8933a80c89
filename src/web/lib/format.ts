import dayjs from 'dayjs';

export const fmtTime = (t: string | null | undefined) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm:ss') : '—');

/** A lock counts only while it lasts; the server keeps the past time after it expires. */
export const isLocked = (lockedUntil: string | null | undefined) =>
  !!lockedUntil && dayjs(lockedUntil).isAfter(dayjs());

export function greeting(now = dayjs()): string {
  const h = now.hour();
  if (h < 6) return '凌晨好';
  if (h < 11) return '上午好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}

export const todayText = (now = dayjs()) => now.format('YYYY年M月D日 dddd');

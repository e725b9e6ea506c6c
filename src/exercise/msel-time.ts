// MSEL times as planners write them: "D+2 06:30" (days and time after the exercise start) and
// the military date-time group "021230Z MAR 26" (the format the app's clock shows, see
// src/store/time.ts). An entry keeps hours after the start, always a whole number of minutes,
// built by one function so that export then import gives back the identical number.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** Whole minutes in `hours` (rounded). */
export const minutesOf = (hours: number): number => Math.round(hours * 60);

/**
 * Hours for a whole number of minutes, computed as days × 24 + hours + minutes / 60: the same
 * arithmetic as the engine's `scenarioHours("D+d HH:MM")`, so both give the same number.
 */
export function hoursOf(minutes: number): number {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  return d * 24 + h + (minutes % 60) / 60;
}

/** The canonical hours of a time: rounded to the minute. */
export const canonicalHours = (hours: number): number => hoursOf(minutesOf(hours));

/** True when `hours` is a whole number of minutes (what the D+ notation can show). */
export const isWholeMinutes = (hours: number): boolean =>
  Number.isFinite(hours) && Math.abs(hours * 60 - Math.round(hours * 60)) < 1e-6;

/** "D+2 06:30" for hours after the start. */
export function formatDPlus(hours: number): string {
  const m = Math.max(0, minutesOf(hours));
  return `D+${Math.floor(m / 1440)} ${p2(Math.floor((m % 1440) / 60))}:${p2(m % 60)}`;
}

/** Minutes after the start for "D+2 06:30", "D+2 6:30" or "D+2" (00:00); null if not one. */
export function parseDPlus(text: string): number | null {
  const m = /^D\s*\+\s*(\d{1,3})(?:\s+(\d{1,2}):(\d{2}))?$/i.exec(text.trim());
  if (!m) return null;
  const h = Number(m[2] ?? 0);
  const mm = Number(m[3] ?? 0);
  if (h > 23 || mm > 59) return null;
  return Number(m[1]) * 1440 + h * 60 + mm;
}

/** "021230Z MAR 26": day, hours, minutes, Z (UTC), month, two-digit year; '' if no start. */
export function formatDtg(startIso: string, hours: number): string {
  const t = new Date(Date.parse(startIso) + minutesOf(hours) * 60_000);
  if (Number.isNaN(t.getTime())) return '';
  return `${p2(t.getUTCDate())}${p2(t.getUTCHours())}${p2(t.getUTCMinutes())}Z ${
    MONTHS[t.getUTCMonth()]
  } ${String(t.getUTCFullYear()).slice(2)}`;
}

/**
 * Minutes after the start for a DTG, with or without spaces ("021230Z MAR 26", "021230ZMAR26");
 * null if it is not a valid DTG. Two-digit years are 20yy. May be negative (before the start).
 */
export function parseDtg(startIso: string, text: string): number | null {
  const m = /^(\d{2})(\d{2})(\d{2})\s*Z\s*([A-Za-z]{3})\s*(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [day, hh, mm, mon, yy] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]!, Number(m[5])];
  const month = MONTHS.indexOf(mon.toUpperCase());
  if (month < 0 || hh > 23 || mm > 59 || day < 1) return null;
  const t = Date.UTC(2000 + yy, month, day, hh, mm);
  // Date.UTC rolls 31 APR over into May: refuse days the month does not have.
  if (new Date(t).getUTCDate() !== day) return null;
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) return null;
  return Math.round((t - start) / 60_000);
}

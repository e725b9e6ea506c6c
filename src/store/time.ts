// Scenario time for people: the military date-time group (DDHHMMZ MON YY) and "D+n HH:MM".
// Pure functions of the scenario start (UTC ISO 8601) and minutes since start.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** "050630Z JAN 26": day, hours, minutes, zone Z (UTC), month, two-digit year. */
export function dtg(startIso: string, minutes: number): string {
  const t = new Date(Date.parse(startIso) + Math.floor(minutes) * 60_000);
  if (Number.isNaN(t.getTime())) return '——————Z ——— ——';
  return `${p2(t.getUTCDate())}${p2(t.getUTCHours())}${p2(t.getUTCMinutes())}Z ${
    MONTHS[t.getUTCMonth()]
  } ${String(t.getUTCFullYear()).slice(2)}`;
}

/** "D+2 04:30": whole days since the start, then hours and minutes into that day. */
export function dPlus(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  return `D+${Math.floor(m / 1440)} ${p2(Math.floor((m % 1440) / 60))}:${p2(m % 60)}`;
}

/** "D+2": the day alone. */
export function dDay(minutes: number): string {
  return `D+${Math.floor(Math.max(0, minutes) / 1440)}`;
}

/** Ticks per simulated hour (at least 1). */
export function ticksPerHour(tickMinutes: number): number {
  return Math.max(1, Math.round(60 / tickMinutes));
}

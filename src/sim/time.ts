// Scenario time: ticks, hours and the "D+2 06:30" notation planners use.

/** Hours after start for a scenario time ("D+2 06:30" or a number of hours). */
export function scenarioHours(t: string | number): number {
  if (typeof t === 'number') return t;
  const m = /^D\+(\d+)(?: (\d{2}):(\d{2}))?$/.exec(t);
  if (!m) return 0;
  return Number(m[1]) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
}

export function hoursToTick(hours: number, tickMinutes: number): number {
  return Math.round((hours * 60) / tickMinutes);
}

/** "D+3 14:15" for a tick. */
export function formatDPlus(tick: number, tickMinutes: number): string {
  const min = tick * tickMinutes;
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const mm = Math.floor(min % 60);
  return `D+${d} ${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

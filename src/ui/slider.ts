// The time track's arithmetic, shared by the timeline and the review's: the tick under a
// pointer, and where a slider key goes (WAI-ARIA slider: a tick, an hour, a day, the ends).

/** The tick under the pointer on a track of `end` ticks (0 when the track is not laid out). */
export function tickAtPointer(track: HTMLElement | null, clientX: number, end: number): number {
  const r = track?.getBoundingClientRect();
  if (!r || end <= 0) return 0;
  return Math.round(Math.min(1, Math.max(0, (clientX - r.left) / r.width)) * end);
}

/** The tick a slider key goes to, within 0..end; undefined for a key the slider ignores. */
export function sliderKeyTick(
  key: string,
  tick: number,
  end: number,
  tickMinutes: number,
): number | undefined {
  const hour = Math.max(1, Math.round(60 / tickMinutes));
  const day = Math.max(1, Math.round(1440 / tickMinutes));
  const to: Record<string, number> = {
    ArrowRight: tick + 1,
    ArrowUp: tick + hour,
    ArrowLeft: tick - 1,
    ArrowDown: tick - hour,
    PageUp: tick + day,
    PageDown: tick - day,
    Home: 0,
    End: end,
  };
  const t = to[key];
  return t === undefined ? undefined : Math.max(0, Math.min(end, t));
}

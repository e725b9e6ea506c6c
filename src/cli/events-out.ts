// The events NDJSON of `concord run --events`: each event as named by the engine, plus the
// wall-clock time (ISO 8601, UTC) beside the tick and lon/lat degrees beside the planar km
// `x`/`y`, so the log reads without the scenario's projection; and a SHA-256 of the file in
// `sha256sum` format beside it (`<file>.sha256`), so anyone can check the log with `sha256sum -c`.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { writeFileAtomic } from '../node/atomic';
import { toLat, toLon } from '../sim/geo/projection';
import { namedEvent } from '../sim/names';
import type { Session } from '../sim/session';

/** Degrees to 6 decimals (about 0.1 m): enough for any position the km frame holds. */
const deg = (v: number): number => Math.round(v * 1e6) / 1e6;

/** One event as an output record: `time` after `t`, `lon`/`lat` after `y`. */
export function eventRecord(session: Session, e: Parameters<typeof namedEvent>[1]): object {
  const def = session.def;
  const out: Record<string, unknown> = {};
  const named = namedEvent(def, e);
  for (const [k, v] of Object.entries(named)) {
    out[k] = v;
    if (k === 't' && typeof v === 'number')
      out.time = new Date((def.startMin + v * def.tickMinutes) * 60_000).toISOString();
    if (k === 'y' && typeof v === 'number' && typeof named.x === 'number') {
      out.lon = deg(toLon(def.masks.proj, named.x));
      out.lat = deg(toLat(def.masks.proj, v));
    }
  }
  return out;
}

/** `sha256sum` line for `text` saved as `file` (the name alone: check it from its folder). */
export function sha256Line(text: string, file: string): string {
  return `${createHash('sha256').update(text, 'utf8').digest('hex')}  ${basename(file)}\n`;
}

/** Writes the events NDJSON, then its `.sha256`, each atomically; returns the digest (hex). */
export function writeEvents(session: Session, file: string): string {
  const lines = session.world.log.events.map((e) => JSON.stringify(eventRecord(session, e)));
  const text = `${lines.join('\n')}\n`;
  writeFileAtomic(file, text);
  const sum = sha256Line(text, file);
  writeFileAtomic(`${file}.sha256`, sum);
  return sum.slice(0, 64);
}

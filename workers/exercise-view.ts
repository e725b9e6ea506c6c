// What a role sees of the exercise itself (not the map): the roles and who plays them, the
// turn and who is ready, its own cards (fired MSEL entries addressed to it) and proposals it
// is party to; the white cell sees everything — the whole MSEL with what fired and who
// acknowledged, every proposal, every bookmark. Plain data for the UI (and, later, the wire).
import type { ExerciseHost } from '../src/exercise/host';
import { type MselEntry, mselInjectId } from '../src/exercise/msel';
import type { Proposal, Setup } from '../src/exercise/session-file';
import type { TurnState } from '../src/exercise/turns';
import type { LiveInjectLabel } from '../src/sim/role-events';
import type { World } from '../src/sim/world';

export interface ExerciseView {
  title: string;
  role: { id: string; name: string; actor: string | null };
  roles: Array<{
    id: string;
    name: string;
    actor: string | null;
    hasPasscode: boolean;
    autoTasking: boolean;
  }>;
  setup: Setup;
  turn: TurnState;
  tick: number;
  totalTicks: number;
  /** Fired entries addressed to this role (the white cell: all fired), with acknowledgements. */
  cards: Array<{
    serial: string;
    tick: number;
    entry: MselEntry;
    acked: boolean;
    ackedBy: string[];
  }>;
  proposals: Proposal[];
  bookmarks: Array<{ tick: number; role: string; note: string }>;
  /** The white cell only: the whole MSEL and when each entry fired. */
  msel: MselEntry[] | null;
  fired: Array<{ serial: string; tick: number; by: string }> | null;
}

export function exerciseView(h: ExerciseHost, roleId: string): ExerciseView {
  const role = h.role(roleId);
  const white = role.actor === null;
  const r = h.record;
  const cards = h.inbox(roleId).map((c) => ({
    serial: c.entry.serial,
    tick: c.tick,
    entry: c.entry,
    acked: c.acked,
    ackedBy: white ? r.acks.filter((a) => a.serial === c.entry.serial).map((a) => a.role) : [],
  }));
  return {
    title: r.title,
    role: { id: role.id, name: role.name, actor: role.actor },
    roles: r.roles.map((x) => ({
      id: x.id,
      name: x.name,
      actor: x.actor,
      hasPasscode: x.passcode !== null,
      autoTasking: x.autoTasking,
    })),
    setup: r.setup,
    turn: h.turn,
    tick: h.tick,
    totalTicks: h.session.totalTicks,
    cards,
    proposals: r.proposals.filter((p) => white || p.from === roleId || p.to === roleId),
    bookmarks: r.bookmarks.filter((b) => white || b.role === roleId),
    msel: white ? r.msel : null,
    fired: white ? r.fired.map((f) => ({ serial: f.serial, tick: f.tick, by: f.by })) : null,
  };
}

/**
 * The MSEL serial and subject of each fired entry a role holds as a card (the white cell: every
 * fired entry), by the id of the inject it fired as: what the feed needs to say "Inject L1:
 * Ayorou: armed men on motorbikes" instead of the engine's id. A role gets none for entries
 * not addressed to it. Undefined when nothing has fired.
 */
export function liveInjectLabel(h: ExerciseHost, roleId: string): LiveInjectLabel | undefined {
  const r = h.record;
  if (r.fired.length === 0) return undefined;
  const cards = new Set(h.inbox(roleId).map((c) => c.entry.serial));
  const firings = new Map<string, number>();
  const out = new Map<string, { serial: string; subject: string }>();
  for (const f of r.fired) {
    const n = firings.get(f.serial) ?? 0;
    firings.set(f.serial, n + 1);
    const entry = cards.has(f.serial) ? r.msel.find((e) => e.serial === f.serial) : undefined;
    if (entry) out.set(mselInjectId(f.serial, n), { serial: f.serial, subject: entry.subject });
  }
  return (id) => out.get(id) ?? null;
}

/**
 * The white cell's named events with each live inject's message (the engine's events carry
 * only its id) and, through `label`, its MSEL serial and subject. Changes `events` in place.
 */
export function labelLiveInjects(
  w: World,
  events: Array<Record<string, unknown>>,
  label: LiveInjectLabel | undefined,
): Array<Record<string, unknown>> {
  if (w.s.liveInjects.length === 0) return events;
  for (const e of events) {
    if (e.k !== 'inject' || typeof e.live !== 'string') continue;
    const inj = w.s.liveInjects.find((x) => x.id === e.live);
    if (inj?.message) e.message = inj.message;
    const extra = label?.(e.live);
    if (extra) Object.assign(e, extra);
  }
  return events;
}

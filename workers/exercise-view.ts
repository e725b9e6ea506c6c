// What a role sees of the exercise itself (not the map): the roles and who plays them, the
// turn and who is ready, its own cards (fired MSEL entries addressed to it) and proposals it
// is party to; the white cell sees everything — the whole MSEL with what fired and who
// acknowledged, every proposal, every bookmark. Plain data for the UI (and, later, the wire).
import type { ExerciseHost } from '../src/exercise/host';
import type { MselEntry } from '../src/exercise/msel';
import type { Proposal, Setup } from '../src/exercise/session-file';
import type { TurnState } from '../src/exercise/turns';

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

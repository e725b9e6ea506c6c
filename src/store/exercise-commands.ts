// The exercise's commands for the UI — hot seat (hand over, reveal with a passcode), turns
// (ready, execute), agreements in play (suspend, propose, answer), inject cards and bookmarks —
// and the pure rules behind them: who the screen passes to next, which actors a new exercise
// plays by default, a passcode's salted hash, and the setup form as the host's CreateOptions.
// Framework-free: every command is one engine conversation through `exclusive`, then the
// exercise view of the role on screen is fetched again. Node tests drive them over an
// in-process engine (createAppSession); the browser binds them to the bridge's app session.
import type { ExerciseView } from '../../workers/exercise-view';
import { sha256Hex } from '../exercise/canonical';
import type { CreateOptions } from '../exercise/host';
import type { Proposal } from '../exercise/session-file';
import type { Order } from '../sim/world';
import type { AppSession } from './app';
import { exclusive, reportError } from './app-session';
import { getExercise, setExercise } from './exercise';
import { type ChangeSource, getSession, setNotice, setPending } from './session';

export const WHITE = 'white';

export type Result = { ok: true } | { ok: false; error: string };

// ——— pure rules ———

type Roles = Pick<ExerciseView, 'roles' | 'turn'>;

/**
 * Who the screen passes to after `current`: in a planning phase the played roles not yet
 * ready (in the setup's order, starting after `current`), then the white cell; in real time
 * (or while executing) the next played role in order, the white cell after the last.
 */
export function nextRole(v: Roles, current: string): string {
  const players = v.roles.filter((r) => r.actor !== null).map((r) => r.id);
  const at = players.indexOf(current);
  const after = at < 0 ? players : [...players.slice(at + 1), ...players.slice(0, at)];
  if (v.turn.mode === 'turns' && v.turn.phase === 'planning') {
    const waiting = after.filter((r) => !v.turn.ready.includes(r));
    return waiting[0] ?? WHITE;
  }
  if (at < 0) return players[0] ?? WHITE;
  return at === players.length - 1 ? WHITE : (players[at + 1] ?? WHITE);
}

/** Played roles that have not marked this planning phase ready. */
export function notReady(v: Roles): string[] {
  return v.roles.filter((r) => r.actor !== null && !v.turn.ready.includes(r.id)).map((r) => r.id);
}

/** What the setup dialog needs to know of a scenario's actors. */
export interface ActorInfo {
  id: string;
  name: string;
  kind: 'nation' | 'organisation';
  external?: boolean;
  color?: string;
}

/**
 * The actors a new exercise plays by default: the scenario's main nations — regional (not
 * external) nations that field units — the three with most units, in the scenario's order.
 */
export function defaultPlayed(
  actors: readonly ActorInfo[],
  units: ReadonlyArray<{ owner: string; count?: number }>,
  max = 3,
): string[] {
  const count = new Map<string, number>();
  for (const u of units) count.set(u.owner, (count.get(u.owner) ?? 0) + (u.count ?? 1));
  const main = actors
    .map((a, i) => ({ a, i, n: count.get(a.id) ?? 0 }))
    .filter(({ a, n }) => a.kind === 'nation' && !a.external && n > 0);
  const top = [...main].sort((x, y) => y.n - x.n || x.i - y.i).slice(0, max);
  return main.filter((m) => top.includes(m)).map(({ a }) => a.id);
}

/** A passcode as the session stores it: a random salt and sha256(`${salt}:${passcode}`). */
export async function hashPasscode(
  passcode: string,
  salt = randomSalt(),
): Promise<{ salt: string; hash: string }> {
  return { salt, hash: await sha256Hex(`${salt}:${passcode}`) };
}

function randomSalt(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** The setup dialog's answers, as typed. */
export interface SetupForm {
  title: string;
  /** A bundled scenario's name, or null for the user's own document. */
  name: string | null;
  doc: unknown;
  seed: string;
  mode: 'realtime' | 'turns';
  executionHours: string;
  /** Minutes, '' for no countdown. */
  planningMinutes: string;
  roles: Array<{ actor: string; name: string; passcode: string; autoTasking: boolean }>;
}

/** Problems with the form, each naming its field; empty when it may start. */
export function setupProblems(f: SetupForm, maxSeed = 2 ** 32 - 1): string[] {
  const out: string[] = [];
  if (f.doc === null || f.doc === undefined) out.push('scenario: choose one');
  const seed = Number(f.seed);
  if (f.seed.trim() === '' || !Number.isSafeInteger(seed) || seed < 0 || seed > maxSeed)
    out.push(`seed: a whole number from 0 to ${maxSeed}`);
  if (!f.title.trim()) out.push('title: give the exercise a name');
  if (f.title.length > 200) out.push('title: at most 200 characters');
  if (f.roles.length === 0) out.push('played actors: tick at least one');
  if (f.mode === 'turns') {
    const h = Number(f.executionHours);
    if (!(h >= 0.25 && h <= 8760)) out.push('execution span: hours from 0.25 to 8760');
    if (f.planningMinutes.trim() !== '') {
      const s = Math.round(Number(f.planningMinutes) * 60);
      if (!(s >= 10 && s <= 86_400))
        out.push('planning countdown: from 10 seconds (0.17 min) to 1440 minutes, or empty');
    }
  }
  return out;
}

/** The form as the host's options, passcodes salted and hashed (an empty one: none). */
export async function createOptions(f: SetupForm): Promise<CreateOptions> {
  const turns = f.mode === 'turns';
  const planning = turns && f.planningMinutes.trim() !== '' ? Number(f.planningMinutes) : null;
  return {
    title: f.title.trim(),
    scenario: { name: f.name, doc: f.doc },
    seed: Number(f.seed),
    setup: {
      mode: f.mode,
      executionHours: turns ? Number(f.executionHours) : 6,
      planningSeconds: planning === null ? null : Math.round(planning * 60),
    },
    roles: await Promise.all(
      f.roles.map(async (r) => ({
        actor: r.actor,
        name: r.name,
        autoTasking: r.autoTasking,
        ...(r.passcode ? { passcode: await hashPasscode(r.passcode) } : {}),
      })),
    ),
  };
}

/** Proposals the role on screen must answer (the white cell: every pending one). */
export function waitingFor(proposals: readonly Proposal[], role: string): Proposal[] {
  return proposals.filter((p) => p.status === 'pending' && (role === WHITE || p.to === role));
}

// ——— commands ———

export function createExerciseCommands(app: AppSession) {
  const c = app.ctx;
  const role = () => getExercise().role;

  /** One engine call as the role on screen; a refusal becomes a notice; then a refresh. */
  async function call(what: string, fn: () => Promise<Result>): Promise<Result> {
    let r: Result;
    try {
      r = await exclusive(c, fn);
    } catch (e) {
      reportError(what, e);
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (!r.ok) setNotice({ text: `${what}: ${r.error}`, level: 'error' }, 'user');
    await app.refreshExercise();
    return r;
  }

  return {
    /** Marks the role on screen ready (or not) for this planning phase. */
    setReady: (ready: boolean) => call('Ready', () => app.api.setReady(role(), ready)),

    /** The white cell starts the execution phase and the clock runs it to its end. */
    async execute(force = false): Promise<Result> {
      if (role() !== WHITE) return { ok: false, error: 'only the white cell executes a turn' };
      const r = await call('Execute', () => app.api.execute(force));
      if (r.ok) app.play('user');
      return r;
    },

    /** Suspends an agreement or right at once (a party's own order; takes effect next tick). */
    suspend(kind: 'agreement' | 'right', index: number): Promise<void> {
      return app.orderSwitch(kind === 'agreement' ? 'agreements' : 'rights', index, false);
    },

    /** Proposes switching an agreement or right on (sign, restore) or off, to the other party. */
    async propose(kind: 'agreement' | 'right', id: string, active: boolean): Promise<Result> {
      const r = await call('Proposal', () => app.api.propose(role(), { kind, id }, active));
      if (r.ok)
        setNotice(
          {
            text: `Proposed ${active ? 'restoring' : 'suspending'} ${id}: waiting for the other party's answer.`,
            level: 'info',
          },
          'user',
        );
      return r;
    },

    /** Accepts or refuses a proposal (the white cell: imposes or vetoes). */
    async answer(id: string, accept: boolean): Promise<Result> {
      const r = await call('Answer', () => app.api.answer(role(), id, accept));
      // An accepted proposal is an order: it shows as pending until the next tick has run.
      const p = r.ok && accept ? getExercise().view?.proposals.find((x) => x.id === id) : null;
      const s = getSession();
      if (p && s.description) {
        const table = p.target.kind === 'agreement' ? 'agreements' : 'rights';
        const index = s.description[table].findIndex((x) => x.id === p.target.id);
        if (index >= 0) setPending(table, index, p.active, s.tick, 'user');
      }
      return r;
    },

    ack: (serial: string) => call('Acknowledge', () => app.api.ack(role(), serial)),

    bookmark: (note: string) => call('Bookmark', () => app.api.bookmark(role(), note)),

    /** Gives an order as the role on screen (the orders UI, tests). */
    giveOrder: (order: Order, source: ChangeSource = 'user') => app.giveOrder(order, source),

    /** Hides the screen behind the hand-over card, addressed to `to` (default: the next role). */
    async handOver(to?: string): Promise<void> {
      const v = getExercise().view;
      if (!v) return;
      await app.pause('user');
      setExercise({ handover: { to: to ?? nextRole(v, role()) } });
    },

    /**
     * The next role reveals its view: with its passcode if it has one (a wrong one is refused,
     * and the card stays). Resolves true once the role's view is on screen.
     */
    async reveal(roleId: string, passcode = ''): Promise<boolean> {
      let ok: boolean;
      try {
        ok = await exclusive(c, () => app.api.unlock(roleId, passcode));
      } catch (e) {
        reportError('Reveal', e);
        return false;
      }
      if (!ok) return false;
      await app.showRole(roleId, 'user');
      return getExercise().role === roleId && getExercise().handover === null;
    },

    /** The white cell looks through a role's eyes (no card: it may see everything). */
    async viewAs(roleId: string): Promise<void> {
      if (role() !== WHITE && roleId !== role()) return;
      await app.showRole(roleId, 'user');
    },

    /** Acknowledgements with their ticks (the white cell's card log), from the session record. */
    async acks(): Promise<Array<{ serial: string; role: string; tick: number }>> {
      if (role() !== WHITE) return [];
      try {
        const f = await exclusive(c, () => app.api.saveFile());
        return f.acks;
      } catch (e) {
        reportError('Card log', e);
        return [];
      }
    },
  };
}

export type ExerciseCommands = ReturnType<typeof createExerciseCommands>;

// Which engine API methods a classroom connection may call, with what arguments, as which
// role. Every call's arguments are checked here (zod tuples) before the engine sees them; a
// player's role and actor arguments must be its own (a player cannot ask for another view,
// give another's orders or run the clock); the white cell may do everything the hot seat's
// white cell does. Room lifecycle (load, start, open) never goes through a call.
import { z } from 'zod';
import type { SessionApi } from '../../workers/session-api';
import { MselEntries } from '../exercise/msel';
import { asOrder, OrderSchema } from '../exercise/order-schema';

export interface Caller {
  role: string;
  /** The actor index the role plays; −1 for the white cell. */
  actor: number;
}

/** The white cell is the role named "white", nothing else (rooms refuse roles without actors). */
export const isWhite = (who: Caller): boolean => who.role === 'white';

/** What a call changes, for the room's `changed` notice to the other connections. */
export type Effect = 'none' | 'moved' | 'jumped' | 'exercise';

interface Method {
  white: boolean;
  args: z.ZodType<unknown[]>;
  effect: Effect;
  call(api: SessionApi, who: Caller, a: never[]): Promise<unknown>;
}

export class CallRefused extends Error {}

const int = (min = 0, max = 10_000_000) => z.number().int().min(min).max(max);
const role = z.string().min(1).max(100);
const tuple = <T extends [z.ZodType, ...z.ZodType[]]>(...items: T) => z.tuple(items);
const none = z.tuple([]);
/** An optional argument: absent, or null (JSON's stand-in for undefined inside a list). */
const opt = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? undefined);
const target = z.strictObject({ kind: z.enum(['agreement', 'right']), id: z.string().max(100) });

/** A player's role argument must be its own; the white cell names any role. */
function own(who: Caller, r: string | undefined): string {
  if (r === undefined) return who.role;
  if (!isWhite(who) && r !== who.role)
    throw new CallRefused(`this connection plays ${who.role}, not ${r}`);
  return r;
}

function ownActor(who: Caller, a: number): number {
  if (!isWhite(who) && a !== who.actor)
    throw new CallRefused(`this connection sees through its own actor's eyes only`);
  return a;
}

const m = <A extends unknown[]>(
  white: boolean,
  args: z.ZodType<A>,
  effect: Effect,
  call: (api: SessionApi, who: Caller, a: A) => Promise<unknown>,
): Method => ({
  white,
  args: args as z.ZodType<unknown[]>,
  effect,
  call: call as unknown as Method['call'],
});

export const METHODS: Record<string, Method> = {
  // ——— any role, about itself ———
  exercise: m(false, z.tuple([opt(role)]), 'none', (api, w, [r]) => api.exercise(own(w, r))),
  roleDescribe: m(false, tuple(int(0, 10_000)), 'none', (api, w, [a]) =>
    api.roleDescribe(ownActor(w, a)),
  ),
  roleSnapshot: m(false, tuple(int(0, 10_000), z.number().int().min(0)), 'none', (api, w, [a, s]) =>
    api.roleSnapshot(ownActor(w, a), s),
  ),
  roleEvents: m(false, z.tuple([int(0, 10_000), int(), opt(int())]), 'none', (api, w, [a, f, t]) =>
    api.roleEvents(ownActor(w, a), f, t),
  ),
  order: m(false, z.tuple([OrderSchema, opt(role)]), 'exercise', (api, w, [o, r]) =>
    api.order(asOrder(o), own(w, r)),
  ),
  checkOrder: m(false, z.tuple([OrderSchema, opt(role)]), 'none', (api, w, [o, r]) =>
    api.checkOrder(asOrder(o), own(w, r)),
  ),
  setReady: m(false, tuple(role, z.boolean()), 'exercise', (api, w, [r, on]) =>
    api.setReady(own(w, r), on),
  ),
  propose: m(false, tuple(role, target, z.boolean()), 'exercise', (api, w, [r, t, on]) =>
    api.propose(own(w, r), t, on),
  ),
  answer: m(
    false,
    tuple(role, z.string().max(40), z.boolean()),
    'exercise',
    (api, w, [r, id, ok]) => api.answer(own(w, r), id, ok),
  ),
  ack: m(false, tuple(role, z.string().max(40)), 'exercise', (api, w, [r, s]) =>
    api.ack(own(w, r), s),
  ),
  bookmark: m(false, tuple(role, z.string().max(2000)), 'exercise', (api, w, [r, note]) =>
    api.bookmark(own(w, r), note),
  ),
  // A player's hash is blank, as in its snapshots: with the scenario it would test seed guesses.
  hash: m(false, none, 'none', async (api, w) => (isWhite(w) ? api.hash() : '')),
  info: m(false, none, 'none', async (api, w) => {
    const i = await api.info();
    if (isWhite(w)) return i;
    // A player learns its own orders only: not the seed, nor anything of the log's size.
    const mine = api.exerciseHost.record.orders.filter((o) => o.role === w.role);
    return {
      ...i,
      seed: -1,
      orders: mine.map((o) => o.order),
      events: 0,
      checkpoints: [],
      checkpointEveryTicks: 0,
    };
  }),

  // ——— the white cell's ———
  step: m(true, z.tuple([opt(int(1, 100_000))]), 'moved', (api, _w, [n]) => api.step(n)),
  advance: m(true, tuple(int(0, 100_000)), 'moved', (api, _w, [n]) => api.advance(n)),
  runUntil: m(
    true,
    z.tuple([z.array(z.string().max(40)).max(50), int(0, 100_000), opt(int(-1, 10_000))]),
    'moved',
    (api, _w, [k, n, v]) => api.runUntil(k, n, v),
  ),
  runTo: m(true, tuple(int()), 'moved', (api, _w, [t]) => api.runTo(t)),
  seek: m(true, tuple(int()), 'jumped', (api, _w, [t]) => api.seek(t)),
  execute: m(true, z.tuple([opt(z.boolean())]), 'exercise', (api, _w, [f]) =>
    api.execute(f ?? false),
  ),
  fireNow: m(true, tuple(z.string().max(40)), 'exercise', (api, _w, [s]) => api.fireNow(s)),
  setMsel: m(true, tuple(MselEntries), 'exercise', (api, _w, [e]) => api.setMsel(e)),
  snapshot: m(true, tuple(int(-1, 10_000), z.number().int().min(0)), 'none', (api, _w, [v, s]) =>
    api.snapshot(v, s),
  ),
  events: m(
    true,
    z.tuple([int(0, 100_000_000), opt(int(0, 100_000_000)), opt(int(-1, 10_000))]),
    'none',
    (api, _w, [f, t, v]) => api.events(f, t, v),
  ),
  metrics: m(true, none, 'none', (api) => api.metrics()),
  metricsAt: m(true, tuple(z.array(int()).max(2000)), 'none', (api, _w, [t]) => api.metricsAt(t)),
  saveFile: m(true, none, 'none', (api) => api.saveFile()),
  unlock: m(true, tuple(role, z.string().max(200)), 'none', (api, _w, [r, p]) => api.unlock(r, p)),
};

/** Checks a call and runs it as `who`; throws CallRefused with a message for the client. */
export async function runMethod(
  api: SessionApi,
  who: Caller,
  name: string,
  args: unknown[],
): Promise<{ value: unknown; effect: Effect }> {
  const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
  if (!method) throw new CallRefused(`no method "${name}"`);
  if (method.white && !isWhite(who))
    throw new CallRefused(`${name}: the white cell's only (this connection plays ${who.role})`);
  const parsed = method.args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `argument ${issue.path.join('.')}` : 'arguments';
    throw new CallRefused(`${name}: ${where}: ${issue?.message ?? 'not allowed'}`);
  }
  return { value: await method.call(api, who, parsed.data as never[]), effect: method.effect };
}

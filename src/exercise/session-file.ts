// The exercise session file (`*.concord.json`): everything needed to reopen, replay and review
// an exercise — the scenario (its document, or a bundled name with its digest), seed and
// assignments, roles, every order with its tick and role, the MSEL as played, proposals,
// acknowledgements, bookmarks and the state hash at every turn. Parsed like a scenario: the
// reserved-key check, then the schema with path-named problems, then migrations from older
// format versions (`migrate.ts`).
import { z } from 'zod';
import { type Problem, problemsFromZod } from '../scenario/problems';
import { reservedKeyProblems } from '../scenario/safe-keys';
import { MAX_SEED } from '../sim/rng';
import { MselEntries } from './msel';
import { OrderSchema } from './order-schema';

export const SESSION_FORMAT = 'concord-session';
/** The current format version; older ones migrate (migrate.ts). */
export const SESSION_VERSION = 2;

const tick = z.number().int().min(0).max(10_000_000);
const roleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a role id: "white" or an actor id')
  .max(100);
const text = (max: number) => z.string().max(max);
const hex16 = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit event-log hash');

export const Role = z.strictObject({
  id: roleId.describe('"white" for the white cell, else the actor id it plays'),
  actor: z.string().max(100).nullable().describe('The actor played; null for the white cell'),
  name: text(200),
  /** A salted SHA-256 of the role's passcode (hot seat: keeps the next player out of a view). */
  passcode: z.strictObject({ salt: text(64), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  autoTasking: z
    .boolean()
    .describe("Whether the played actor's national staff still tasks its units to tracks"),
});
export type Role = z.infer<typeof Role>;

export const Setup = z.strictObject({
  mode: z.enum(['realtime', 'turns']),
  /** Scenario hours an execution phase runs. */
  executionHours: z.number().min(0.25).max(8760),
  /** Planning countdown in seconds; null = no countdown. */
  planningSeconds: z.number().int().min(10).max(86_400).nullable(),
  /**
   * Who fires the scenario's injects: 'msel' — the exercise's MSEL (the scenario's injects moved
   * into it, so the white cell can edit, add and fire them; the engine runs with none), or
   * 'engine' — the engine, as in a planner's run (version 1 files).
   */
  injects: z.enum(['msel', 'engine']),
});
export type Setup = z.infer<typeof Setup>;

export const SessionScenario = z.strictObject({
  id: z.string().max(100),
  /** A bundled scenario's file name (scenarios/<name>.json) when the document is not embedded. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100)
    .nullable(),
  /** SHA-256 of the canonical JSON of the scenario document (canonical.ts). */
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest'),
  /** The scenario document itself (the user's own file); null for a bundled one. */
  doc: z.unknown().nullable(),
});

export const RecordedOrder = z.strictObject({
  tick,
  role: roleId,
  order: OrderSchema,
});
export type RecordedOrder = z.infer<typeof RecordedOrder>;

export const Proposal = z.strictObject({
  id: z.string().max(40),
  from: roleId,
  to: roleId,
  target: z.strictObject({ kind: z.enum(['agreement', 'right']), id: z.string().max(100) }),
  active: z.boolean().describe('Switch it on (sign or restore) or off (suspend)'),
  tick,
  status: z.enum(['pending', 'accepted', 'refused', 'imposed', 'withdrawn']),
  decidedTick: tick.nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const SessionFile = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  engine: z.string().max(40),
  /** Wall-clock time of the save: a label, never read by the simulation. */
  savedAt: z.string().max(40),
  title: text(200),
  scenario: SessionScenario,
  seed: z.number().int().min(0).max(MAX_SEED),
  set: z.array(z.string().max(500)).max(200),
  setup: Setup,
  roles: z.array(Role).min(1).max(64),
  /** The tick the session stands at. */
  tick,
  orders: z.array(RecordedOrder).max(1_000_000),
  msel: MselEntries,
  /** MSEL entries fired, by serial, and when (timed, triggered or fired by hand). */
  fired: z.array(
    z.strictObject({
      serial: z.string().max(40),
      tick,
      role: roleId,
      by: z.enum(['msel', 'trigger', 'white']).describe('Its time, its trigger, or by hand'),
    }),
  ),
  proposals: z.array(Proposal),
  acks: z.array(z.strictObject({ serial: z.string().max(40), role: roleId, tick })),
  bookmarks: z.array(z.strictObject({ tick, role: roleId, note: text(2000) })),
  turns: z.array(z.strictObject({ n: z.number().int().min(1), from: tick, to: tick, hash: hex16 })),
  /** State hashes recorded along the way (turn ends, orders, saves): replay checks each. */
  hashes: z.array(z.strictObject({ tick, hash: hex16 })),
});
export type SessionFile = z.infer<typeof SessionFile>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** A current-version document → a session, or path-named problems. */
export function parseSessionV2(doc: unknown): Parsed<SessionFile> {
  const reserved = reservedKeyProblems(doc);
  const r = SessionFile.safeParse(doc, { reportInput: true });
  if (!r.success)
    return { ok: false, problems: [...reserved, ...problemsFromZod(SessionFile, doc, r.error)] };
  const problems = [...reserved, ...crossChecks(r.data)];
  return problems.length ? { ok: false, problems } : { ok: true, value: r.data };
}

/** What the schema cannot say: roles unique, orders in tick order by known roles, one white cell. */
function crossChecks(f: SessionFile): Problem[] {
  const out: Problem[] = [];
  const roles = new Set<string>();
  f.roles.forEach((r, i) => {
    if (roles.has(r.id)) out.push({ path: `roles[${i}].id`, message: `found "${r.id}" twice` });
    roles.add(r.id);
    if ((r.id === 'white') !== (r.actor === null))
      out.push({
        path: `roles[${i}].actor`,
        message: 'the white cell ("white") and only it plays no actor',
      });
  });
  if (!roles.has('white')) out.push({ path: 'roles', message: 'no white cell ("white")' });
  let last = 0;
  f.orders.forEach((o, i) => {
    if (!roles.has(o.role))
      out.push({
        path: `orders[${i}].role`,
        message: `found "${o.role}"; not a role of this session`,
      });
    if (o.tick !== o.order.tick)
      out.push({
        path: `orders[${i}].tick`,
        message: `found ${o.tick}; the order says tick ${o.order.tick}`,
      });
    if (o.tick < last)
      out.push({
        path: `orders[${i}].tick`,
        message: `found ${o.tick} after tick ${last}; orders are in tick order`,
      });
    if (o.tick > f.tick)
      out.push({
        path: `orders[${i}].tick`,
        message: `found ${o.tick}; the session stands at tick ${f.tick}`,
      });
    last = Math.max(last, o.tick);
  });
  f.hashes.forEach((h, i) => {
    if (h.tick > f.tick)
      out.push({
        path: `hashes[${i}].tick`,
        message: `found ${h.tick}; the session stands at tick ${f.tick}`,
      });
  });
  return out;
}

// Opening a session document of any format version: version 1 (the first format: a bundled
// scenario by name, the seed, the white cell's orders and the hashes) migrates to the current
// one; the current one is checked as it is; a newer one is refused with what to do. Each
// migration is a pure function tested on a file of its version (tests/exercise/).
import { z } from 'zod';
import { problemsFromZod } from '../scenario/problems';
import { reservedKeyProblems } from '../scenario/safe-keys';
import { MAX_SEED } from '../sim/rng';
import { ENGINE_VERSION } from '../sim/version';
import { scenarioDigest } from './canonical';
import { OrderSchema } from './order-schema';
import {
  type Parsed,
  parseSessionV2,
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionFile,
} from './session-file';

const tick = z.number().int().min(0).max(10_000_000);

/** Version 1: one white cell, real time, no MSEL or bookmarks. */
export const SessionFileV1 = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(1),
  scenario: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100),
  seed: z.number().int().min(0).max(MAX_SEED),
  set: z.array(z.string().max(500)).max(200).optional(),
  tick,
  orders: z.array(OrderSchema),
  hashes: z.array(z.strictObject({ tick, hash: z.string().regex(/^[0-9a-f]{16}$/) })),
});
export type SessionFileV1 = z.infer<typeof SessionFileV1>;

/** Where a migration finds a bundled scenario's document (to compute its digest). */
export type ScenarioResolver = (name: string) => Promise<unknown | null>;

export async function migrateV1(v1: SessionFileV1, resolve: ScenarioResolver): Promise<unknown> {
  const doc = await resolve(v1.scenario);
  if (doc === null) throw new MigrationError(`no bundled scenario "${v1.scenario}"`);
  return {
    format: SESSION_FORMAT,
    version: 2,
    engine: ENGINE_VERSION,
    savedAt: '',
    title: v1.scenario,
    scenario: { id: v1.scenario, name: v1.scenario, digest: await scenarioDigest(doc), doc: null },
    seed: v1.seed,
    set: v1.set ?? [],
    setup: { mode: 'realtime', executionHours: 6, planningSeconds: null, injects: 'engine' },
    roles: [{ id: 'white', actor: null, name: 'White cell', passcode: null, autoTasking: true }],
    tick: v1.tick,
    orders: v1.orders.map((order) => ({ tick: order.tick, role: 'white', order })),
    msel: [],
    fired: [],
    proposals: [],
    acks: [],
    bookmarks: [],
    turns: [],
    hashes: v1.hashes,
  };
}

export class MigrationError extends Error {}

/** Any version's document → the current session, or problems naming the place. */
export async function openSessionDoc(
  doc: unknown,
  resolve: ScenarioResolver,
): Promise<Parsed<SessionFile>> {
  const head = doc as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== SESSION_FORMAT)
    return {
      ok: false,
      problems: [
        {
          path: 'format',
          message: `found ${JSON.stringify(head?.format)}; expected "${SESSION_FORMAT}" (not a Concord session file)`,
        },
      ],
    };
  if (head.version === SESSION_VERSION) return parseSessionV2(doc);
  if (head.version === 1) {
    const reserved = reservedKeyProblems(doc);
    const r = SessionFileV1.safeParse(doc, { reportInput: true });
    if (!r.success || reserved.length)
      return {
        ok: false,
        problems: [...reserved, ...(r.success ? [] : problemsFromZod(SessionFileV1, doc, r.error))],
      };
    try {
      return parseSessionV2(await migrateV1(r.data, resolve));
    } catch (e) {
      if (e instanceof MigrationError)
        return { ok: false, problems: [{ path: 'scenario', message: e.message }] };
      throw e;
    }
  }
  return {
    ok: false,
    problems: [
      {
        path: 'version',
        message: `found ${JSON.stringify(head.version)}; this Concord reads session versions 1 to ${SESSION_VERSION} (a newer file needs a newer Concord)`,
      },
    ],
  };
}

// The classroom protocol between the app and `concord serve`, shared by both ends. A client
// sends JSON text: `join` (a room code and a role's token), `create` / `open` (a new room,
// from a setup or a session file) or `call` (one engine API method with its arguments, checked
// per method by the server's method table, src/serve/methods.ts). The server answers a call
// with `res`, announces changes with `changed` (clients then ask for their own view) and says
// `welcome` once a connection holds a role. Snapshots travel in binary frames (wire.ts).
import { z } from 'zod';
import type { WorldDescription } from '../sim/describe';

/** Room codes: six letters and digits that cannot be misread on a projector (no 0/O, 1/I/L). */
export const ROOM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/**
 * The first letters of the codes shard `i` of `n` hands out (1-based): processes behind one
 * reverse proxy each own a share of the alphabet, so the proxy routes /ws/<code> by its first
 * character to the process that holds the room.
 */
export function shardLetters(i: number, n: number): string {
  return [...ROOM_ALPHABET].filter((_, k) => k % n === i - 1).join('');
}

/** The room's socket, beside the page (so the app also works under a proxy's path prefix). */
export function socketUrl(page: string, room?: string): string {
  const u = new URL(room ? `ws/${room}` : 'ws', page);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.hash = '';
  u.search = '';
  return u.href;
}

export const RoomCode = z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/, 'a six-character room code');
/** A role's token: 128 random bits, base64url. */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a 22-character token');

const roleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(100);

/** The exercise setup as the app's dialog gives it (as the host's CreateOptions, no passcodes). */
export const RoomSetup = z.strictObject({
  title: z.string().max(200),
  scenario: z.strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(100)
      .nullable(),
    doc: z.unknown(),
  }),
  seed: z.number().int().min(0),
  set: z.array(z.string().max(500)).max(200).optional(),
  setup: z.strictObject({
    mode: z.enum(['realtime', 'turns']),
    executionHours: z.number().min(0.25).max(8760),
    planningSeconds: z.number().int().min(10).max(86_400).nullable(),
  }),
  roles: z
    .array(
      z.strictObject({
        actor: roleId,
        name: z.string().max(200).optional(),
        autoTasking: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(63),
});
export type RoomSetup = z.infer<typeof RoomSetup>;

export const ClientMessage = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('join'), room: RoomCode, token: Token }),
  z.strictObject({
    t: z.literal('create'),
    key: z.string().max(100).optional(),
    setup: RoomSetup,
  }),
  z.strictObject({
    t: z.literal('open'),
    key: z.string().max(100).optional(),
    session: z.unknown(),
  }),
  z.strictObject({
    t: z.literal('call'),
    id: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31),
    m: z.string().min(1).max(40),
    a: z.array(z.unknown()).max(8),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** What a connection learns when it takes its role. */
export interface Welcome {
  t: 'welcome';
  room: string;
  title: string;
  role: string;
  roleName: string;
  /** The actor index the role plays in the white cell's description; −1 for the white cell. */
  actor: number;
  /** The role's description: the white cell's full one, a player's role view. */
  description: WorldDescription;
  sessionId: string;
  tick: number;
}

export interface Changed {
  t: 'changed';
  tick: number;
  /** The clock moved forward. */
  moved: boolean;
  /** The clock went back (a rewind): clients fetch their whole view again. */
  jumped: boolean;
  /** The exercise record changed (orders, turn phase, ready flags, injects, proposals). */
  exercise: boolean;
}

export type ServerMessage =
  | Welcome
  | Changed
  | { t: 'res'; id: number; ok: true; r: unknown }
  | { t: 'res'; id: number; ok: false; error: string }
  | { t: 'created'; room: string; token: string }
  | { t: 'error'; error: string }
  | { t: 'bye'; reason: string };

/** A role's place in a room as the white cell sees it (links and QR codes for the projector). */
export interface RoomRole {
  id: string;
  name: string;
  link: string;
  /** The link as an SVG QR code. */
  qr: string;
  connected: number;
}
export interface RoomInfo {
  code: string;
  title: string;
  /** Where the students open the app (the server's LAN address, or its public URL). */
  origin: string;
  roles: RoomRole[];
}

/** Close codes the server uses (4000–4999 are the application's). */
export const CLOSE = {
  revoked: 4001,
  badToken: 4002,
  roomGone: 4003,
  abuse: 4008,
} as const;

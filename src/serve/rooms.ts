// The server's rooms: created from the app's setup or a session file, each in its own folder
// under DATA/rooms/<code>/ (room.json: title and tokens; journal.ndjson: the session), and
// restored from there when the server starts again. Codes are random and never reused while
// their folder exists; no data is shared between rooms. With --shard, several processes may
// share the data folder: each makes and restores the codes that start with its own letters.
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOM_ALPHABET, type RoomSetup, shardLetters } from '../remote/protocol';
import { Room, type RoomDeps } from './room';

/** Rooms one server holds at most (each is an engine in memory). */
export const MAX_ROOMS = 200;

export class Rooms {
  private readonly rooms = new Map<string, Room>();

  private readonly first: string;

  constructor(
    private readonly dataDir: string,
    shard: [number, number],
    private readonly deps: RoomDeps,
  ) {
    this.first = shardLetters(shard[0], shard[1]);
    mkdirSync(this.root, { recursive: true });
  }

  private get root(): string {
    return join(this.dataDir, 'rooms');
  }

  get(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  get size(): number {
    return this.rooms.size;
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  /** Every room found on disk, as its journal left it; a room that cannot be read is named. */
  async restoreAll(): Promise<void> {
    for (const code of readdirSync(this.root).sort()) {
      // Processes of one proxy share the data folder: each restores its own share of codes.
      if (!this.first.includes(code[0] ?? '')) continue;
      const dir = join(this.root, code);
      if (!existsSync(join(dir, 'journal.ndjson'))) continue;
      try {
        const room = await Room.restore(dir, this.deps);
        this.rooms.set(code, room);
        const h = room.api.exerciseHost;
        this.deps.log(
          `room ${code} restored: ${h.scenario.id}, tick ${h.tick}, hash ${h.session.hash()}`,
        );
      } catch (e) {
        this.deps.log(`room ${code} could not be restored: ${(e as Error).message}`);
      }
    }
  }

  async create(setup: RoomSetup): Promise<Room> {
    const code = this.newCode();
    const room = await Room.create(join(this.root, code), code, setup, this.deps);
    this.rooms.set(code, room);
    this.deps.log(`room ${code} created: ${room.api.exerciseHost.scenario.id}`);
    return room;
  }

  async open(doc: unknown): Promise<Room> {
    const code = this.newCode();
    const room = await Room.fromSession(join(this.root, code), code, doc, this.deps);
    this.rooms.set(code, room);
    this.deps.log(`room ${code} opened from a session file at tick ${room.api.exerciseHost.tick}`);
    return room;
  }

  private newCode(): string {
    if (this.rooms.size >= MAX_ROOMS)
      throw new Error(`this server holds ${MAX_ROOMS} rooms already; start another process`);
    for (;;) {
      // The first character names the process (its shard); the other five make it unguessable
      // enough for a code that only says which room (a role's token is the key).
      let code = this.first[randomInt(this.first.length)]!;
      for (let i = 1; i < 6; i++) code += ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)];
      if (!this.rooms.has(code) && !existsSync(join(this.root, code))) return code;
    }
  }

  async closeAll(reason: string): Promise<void> {
    await Promise.all(this.all().map((r) => r.close(reason)));
  }
}

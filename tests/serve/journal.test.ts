// A room's journal as the classroom server keeps it: a real exercise (SessionApi over sahel-ct,
// two roles) saves through a storage that feeds a JournalFile, as src/serve/room.ts does. After
// every save the file folds back to exactly that save (orders, turns, a proposal answered, a
// card acknowledged, a rewind that cuts the record back); a line torn by a crash is dropped and
// said to be; a bad line elsewhere is an error naming its line; reopening keeps the state.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledScenario } from '../../src/cli/replay';
import { type Folded, foldJournal, JournalError } from '../../src/exercise/journal';
import type { SessionFile } from '../../src/exercise/session-file';
import type { TurnState } from '../../src/exercise/turns';
import { loadAtlas } from '../../src/node/load';
import { JournalFile } from '../../src/serve/journal-file';
import type { Order } from '../../src/sim/world';
import { SessionApi } from '../../workers/session-api';

interface Save {
  session: SessionFile;
  turn: TurnState | null;
  at: number | null;
  /** The journal's text once this save resolved. */
  text: string;
}

const dir = mkdtempSync(join(tmpdir(), 'concord-journal-'));
const path = join(dir, 'journal.ndjson');
const saves: Save[] = [];
let journal: JournalFile | null = null;
let api: SessionApi;
let clock = Date.UTC(2026, 0, 5);

/** The turn as the room reads it (none while the host is being created). */
function atNow(): number | null {
  try {
    return api.exerciseHost.tick;
  } catch {
    return null;
  }
}

function turnNow(): TurnState | null {
  try {
    return structuredClone(api.exerciseHost.turn);
  } catch {
    return null;
  }
}

const ok = { ok: true };
const move = (unit: string, position: [number, number]) =>
  ({ tick: 0, kind: 'move', unit, position }) as Order;
const back = (unit: string) => ({ tick: 0, kind: 'return', unit }) as Order;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const keysOf = (text: string) => lines(text).map((l) => Object.keys(JSON.parse(l) as object));

/** What folding a save's text must give: the save, with savedAt of the last line written. */
function expectFoldsTo(folded: Folded, i: number): void {
  const s = saves[i]!;
  expect(folded.torn).toBe(false);
  expect({ ...folded.session, savedAt: '' }).toEqual({ ...s.session, savedAt: '' });
  expect(folded.turn).toEqual(s.turn);
  expect(folded.at).toBe(s.at);
  // A save that changed nothing writes no line: savedAt is that of the last save that did.
  let last = i;
  while (last > 0 && saves[last]!.text === saves[last - 1]!.text) last--;
  expect(folded.session.savedAt).toBe(saves[last]!.session.savedAt);
  expect(folded.lines).toBe(lines(s.text).length);
}

beforeAll(async () => {
  api = new SessionApi(async (a) => loadAtlas(a), {
    scenario: bundledScenario,
    newId: () => 'JRNL01',
    storage: {
      async save(_id, f) {
        clock += 1000;
        const session = { ...f, savedAt: new Date(clock).toISOString() };
        const turn = turnNow();
        const at = atNow();
        if (!journal) journal = await JournalFile.create(path, session, turn, at);
        else await journal.append(session, turn, at);
        saves.push({
          session: structuredClone(session),
          turn,
          at,
          text: readFileSync(path, 'utf8'),
        });
      },
    },
  });
  const r = await api.startExercise({
    title: 'Journal test',
    scenario: { name: 'sahel-ct', doc: await bundledScenario('sahel-ct') },
    seed: 7,
    setup: { mode: 'turns', executionHours: 6, planningSeconds: null },
    roles: [{ actor: 'mali' }, { actor: 'niger' }],
  });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  // Every call that changes the exercise is followed by a save, as the room does.
  const changed = async <T>(p: Promise<T>): Promise<T> => {
    const v = await p;
    await api.saveFile();
    return v;
  };
  // Turn 1: an order each, both ready, executed in two batches.
  expect(await changed(api.order(move('ml-gao-1', [-0.5, 16.0]), 'mali'))).toEqual(ok);
  expect(await changed(api.order(move('ne-qrf', [1.45, 14.2]), 'niger'))).toEqual(ok);
  expect(await changed(api.setReady('mali', true))).toEqual(ok);
  expect(await changed(api.setReady('niger', true))).toEqual(ok);
  expect(await changed(api.execute(false))).toEqual(ok);
  expect((await changed(api.advance(10))).tick).toBe(10);
  expect(await changed(api.advance(100))).toMatchObject({ tick: 24, turnEnded: true });
  // Planning 2: a proposal answered, a card fired and acknowledged, a bookmark.
  expect(await changed(api.propose('mali', { kind: 'agreement', id: 'ag-ml-ne' }, false))).toEqual(
    ok,
  );
  expect(await changed(api.answer('niger', 'p1', true))).toEqual(ok);
  expect(await changed(api.fireNow('1'))).toEqual(ok);
  expect(await changed(api.ack('mali', '1'))).toEqual(ok);
  expect(await changed(api.bookmark('niger', 'tera quiet'))).toEqual(ok);
  expect(await changed(api.execute(true))).toEqual(ok);
  expect(await changed(api.advance(100))).toMatchObject({ tick: 48, turnEnded: true });
  // Planning 3 at tick 48: orders, an inject and its card; then the white cell rewinds to 30
  // and a new order there starts a new branch: the record after tick 30 goes.
  expect(await changed(api.order(move('ml-qrf', [-3.5, 14.8]), 'mali'))).toEqual(ok);
  expect(await changed(api.order(back('ne-qrf'), 'niger'))).toEqual(ok);
  expect(await changed(api.fireNow('3'))).toEqual(ok);
  expect(await changed(api.ack('niger', '3'))).toEqual(ok);
  expect((await changed(api.seek(30))).tick).toBe(30);
  expect(await changed(api.order(move('ml-hombori-1', [-1.7, 15.3]), 'mali'))).toEqual(ok);
  expect(await changed(api.execute(true))).toEqual(ok);
  expect(await changed(api.advance(100))).toMatchObject({ tick: 54, turnEnded: true });
});

afterAll(async () => {
  await (journal as JournalFile | null)?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('journal of a real exercise', () => {
  it('folds back to every save, one after another', () => {
    expect(saves.length).toBeGreaterThan(30);
    saves.forEach((s, i) => expectFoldsTo(foldJournal(s.text), i));
  });

  it('the whole file deep-equals the last saved session and turn', () => {
    const text = readFileSync(path, 'utf8');
    const folded = foldJournal(text);
    const last = saves.at(-1)!;
    expect(text).toBe(last.text);
    expectFoldsTo(folded, saves.length - 1);
    const f = folded.session;
    expect(f.tick).toBe(54);
    expect(f.orders.map((o) => `${o.tick} ${o.role} ${o.order.kind}`)).toEqual(
      last.session.orders.map((o) => `${o.tick} ${o.role} ${o.order.kind}`),
    );
    // The rewind cut the tick-48 orders, inject, acknowledgement and turn 2 away.
    expect(f.orders.some((o) => o.tick === 48)).toBe(false);
    expect(f.orders.filter((o) => o.tick === 30)).toHaveLength(1);
    expect(f.fired.map((x) => x.serial)).toEqual(['1']);
    expect(f.acks).toEqual([{ serial: '1', role: 'mali', tick: 24 }]);
    expect(f.turns.map((t) => [t.n, t.from, t.to])).toEqual([
      [1, 0, 24],
      [3, 24, 54],
    ]);
    expect(f.proposals).toMatchObject([{ id: 'p1', status: 'accepted', decidedTick: 24 }]);
    expect(f.bookmarks).toEqual([{ tick: 24, role: 'niger', note: 'tera quiet' }]);
    expect(folded.turn).toMatchObject({ phase: 'planning', turn: 4, executeTo: null });
  });

  it('writes appends as `list+`, and a list cut back by the rewind whole', () => {
    const keys = keysOf(readFileSync(path, 'utf8'));
    expect(keys[0]).toEqual(['journal', 'v', 'session', 'turn', 'at']);
    const flat = keys.slice(1).flat();
    for (const k of ['orders+', 'hashes+', 'turns+', 'fired+', 'acks+', 'bookmarks+'])
      expect(flat).toContain(k);
    for (const k of ['tick', 'proposals', 'turn', 'savedAt']) expect(flat).toContain(k);
    // Only the rewind's new order cuts lists back: orders, fired, acks, hashes, turns whole.
    const cut = keys.slice(1).filter((k) => k.includes('orders'));
    expect(cut).toHaveLength(1);
    expect(cut[0]).toEqual(expect.arrayContaining(['orders', 'fired', 'acks', 'hashes', 'turns']));
  });

  it('the folded session reopens at the same tick and hash', async () => {
    const folded = foldJournal(readFileSync(path, 'utf8'));
    const again = new SessionApi(async (a) => loadAtlas(a), { scenario: bundledScenario });
    const r = await again.openSession(folded.session);
    expect(r.ok).toBe(true);
    expect(r.ok && r.tick).toBe(54);
    expect(await again.hash()).toBe(await api.hash());
  });
});

describe('damaged journals', () => {
  const text = () => readFileSync(path, 'utf8');
  /** The text without its last line (what the file held before the last append). */
  const withoutLast = () => {
    const t = text();
    return t.slice(0, t.lastIndexOf('\n', t.length - 2) + 1);
  };

  it('a last line cut short by a crash is dropped, and torn says so', () => {
    const bytes = Buffer.from(text());
    const lastLine = bytes.length - Buffer.from(withoutLast()).length;
    expect(lastLine).toBeGreaterThan(20);
    const whole = foldJournal(withoutLast());
    expect(whole.torn).toBe(false);
    for (const cut of [1, 2, 7, Math.floor(lastLine / 2), lastLine - 1]) {
      const folded = foldJournal(bytes.subarray(0, bytes.length - cut).toString('utf8'));
      expect(folded.torn, `cut ${cut} bytes`).toBe(true);
      expect(folded.lines).toBe(whole.lines);
      expect(folded.session).toEqual(whole.session);
      expect(folded.turn).toEqual(whole.turn);
    }
  });

  it('a bad line elsewhere is a JournalError naming its line number', () => {
    const all = lines(text());
    expect(all.length).toBeGreaterThan(10);
    const withLine = (n: number, line: string) =>
      `${all.map((l, i) => (i === n - 1 ? line : l)).join('\n')}\n`;
    const cases: Array<[number, string, RegExp]> = [
      [3, '{"orders+": [', /^line 3: not JSON/],
      [5, '[1, 2]', /^line 5: not a JSON object$/],
      [7, '{"bogus": 1}', /^line 7: "bogus" is not a field of the session record$/],
      [8, '{"orders+": 5}', /^line 8: "orders\+" is not a list of the session record$/],
      [9, '{"secrets+": []}', /^line 9: "secrets\+" is not a list of the session record$/],
      [1, '{"journal": "other", "v": 1}', /^line 1: not a Concord journal/],
      [1, '{"journal": "concord-journal", "v": 2}', /^line 1: journal version 2/],
    ];
    for (const [n, line, message] of cases) {
      let err: unknown = null;
      try {
        foldJournal(withLine(n, line));
      } catch (e) {
        err = e;
      }
      expect(err, `line ${n}: ${line}`).toBeInstanceOf(JournalError);
      expect((err as JournalError).line).toBe(n);
      expect((err as JournalError).message).toMatch(message);
    }
    // The same bad line last, without its newline, is a torn line instead.
    const torn = foldJournal(`${all.slice(0, -1).join('\n')}\n{"orders+": [`);
    expect(torn.torn).toBe(true);
    expect(torn.lines).toBe(all.length - 1);
  });

  it('reopening a torn journal rewrites it from one header holding the same state', async () => {
    const file = join(dir, 'torn.ndjson');
    const bytes = Buffer.from(text());
    writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    const expected = foldJournal(withoutLast());
    const { journal: j, folded } = await JournalFile.open(file);
    try {
      expect(folded.torn).toBe(true);
      expect(folded.session).toEqual(expected.session);
      const rewritten = readFileSync(file, 'utf8');
      expect(lines(rewritten)).toHaveLength(1);
      const again = foldJournal(rewritten);
      expect(again).toEqual({ ...expected, lines: 1, torn: false });
      // And it goes on from there: the last save appended is what it folds to.
      const last = saves.at(-1)!;
      await j.append(last.session, last.turn, last.at);
      const appended = foldJournal(readFileSync(file, 'utf8'));
      expect(appended.lines).toBe(2);
      expect(appended.session).toEqual(last.session);
      expect(appended.turn).toEqual(last.turn);
    } finally {
      await j.close();
    }
  });
});

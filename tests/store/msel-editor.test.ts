// The MSEL editor's commands against a real exercise in process (a SessionApi, no worker):
// save, delete and undo, fire now, acknowledgements with their ticks, fired entries kept but
// for their text, and spreadsheet import and export — a round trip gives identical entries, a
// broken file changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MselEntry } from '../../src/exercise/msel';
import { loadAtlas } from '../../src/node/load';
import { createMselEditor, type MselEditor } from '../../src/store/msel-editor';
import type { ExerciseView } from '../../workers/exercise-view';
import { SessionApi } from '../../workers/session-api';
import { scenarioJson } from './fixture';

let api: SessionApi;
let view: ExerciseView;
let editor: MselEditor;

async function start(): Promise<void> {
  api = new SessionApi(async (a) => loadAtlas(a));
  const r = await api.startExercise({
    title: 'Sahel Shield 26',
    scenario: { name: 'sahel-ct', doc: scenarioJson('sahel-ct') },
    seed: 1,
    setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
    roles: [
      { actor: 'niger', name: 'Niger' },
      { actor: 'mali', name: 'Mali' },
    ],
  });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  view = await api.exercise('white');
  editor = createMselEditor({
    api,
    run: (fn) => fn(),
    refresh: async () => {
      view = await api.exercise('white');
    },
    view: () => view,
    scenarioDoc: async (name) => scenarioJson(name),
  });
  await editor.ensureContext(r.sessionId);
}

const msel = async (): Promise<MselEntry[]> => (await api.exercise('white')).msel!;
const bySerial = (list: readonly MselEntry[]) =>
  [...list].sort((a, b) => a.serial.localeCompare(b.serial, 'en', { numeric: true }));

const triggered: MselEntry = {
  serial: '40',
  timing: { kind: 'trigger', trigger: { kind: 'event', event: 'attack', zone: 'sector-centre' } },
  from: 'Niger MoD',
  to: ['niger'],
  method: 'phone',
  subject: 'Attack in Sector Centre',
  message: 'Report, please.',
  expectedAction: 'Send a patrol',
  effect: null,
};

describe('the MSEL editor on a running exercise', () => {
  beforeEach(start);

  it('loads the scenario of the exercise and starts from its injects', () => {
    const s = editor.get();
    expect(s.context?.scenario.id).toBe('sahel-ct');
    expect(s.context?.title).toBe('Sahel Shield 26');
    expect(s.contextError).toBeNull();
    expect(
      editor
        .entries()
        .map((e) => e.serial)
        .slice(0, 3),
    ).toEqual(['1', '2', '3']);
  });

  it('adds, edits, deletes and restores entries; the engine holds each change', async () => {
    const n = editor.entries().length;
    editor.add(12);
    expect(editor.get().editing?.entry).toMatchObject({ serial: String(n + 1), from: 'EXCON' });
    expect(await editor.save(null, triggered)).toBe(true);
    expect((await msel()).at(-1)).toEqual(triggered);
    expect(editor.get().message).toBe('Entry 40 added.');

    expect(await editor.save('40', { ...triggered, serial: '41', subject: 'Renamed' })).toBe(true);
    expect((await msel()).map((e) => e.serial)).toContain('41');
    expect((await msel()).map((e) => e.serial)).not.toContain('40');

    // A list with a problem never reaches the engine.
    expect(await editor.save('41', { ...triggered, serial: '41', to: ['atlantis'] })).toBe(false);
    expect(editor.get().error).toMatch(/^Not saved: \[\d+\]\.to\[0\]: found "atlantis"/);
    expect((await msel()).find((e) => e.serial === '41')?.to).toEqual(['niger']);

    const before = await msel();
    expect(await editor.remove('3')).toBe(true);
    expect((await msel()).map((e) => e.serial)).not.toContain('3');
    expect(await editor.undoRemove()).toBe(true);
    expect(await msel()).toEqual(before);
  });

  it('duplicates under a new serial, saved only when the form is saved', async () => {
    const n = editor.entries().length;
    editor.duplicate('2');
    const copy = editor.get().editing!;
    expect(copy.serial).toBeNull();
    expect(copy.entry).toEqual({ ...editor.entries()[1]!, serial: String(n + 1) });
    expect(editor.entries()).toHaveLength(n);
    expect(await editor.save(null, copy.entry)).toBe(true);
    expect(await msel()).toHaveLength(n + 1);
  });

  it('fires an entry now, after which only its text may change and it cannot be deleted', async () => {
    await api.advance(8);
    expect(await editor.fire('2')).toBe(true);
    expect(view.fired?.find((f) => f.serial === '2')).toEqual({
      serial: '2',
      tick: 8,
      by: 'white',
    });
    const e = editor.entries().find((x) => x.serial === '2')!;
    expect(
      await editor.save('2', { ...e, subject: 'New subject', timing: { kind: 'at', hours: 99 } }),
    ).toBe(true);
    const saved = (await msel()).find((x) => x.serial === '2')!;
    expect(saved).toEqual({ ...e, subject: 'New subject' });
    expect(editor.get().message).toBe('Entry 2 saved. It has fired: only its text was changed.');
    expect(await editor.remove('2')).toBe(false);
    expect(editor.get().error).toBe('Entry 2 has fired and stays in the MSEL.');
  });

  it('fires a trigger when its event happens, and reads who acknowledged when', async () => {
    expect(await editor.save(null, triggered)).toBe(true);
    for (let i = 0; i < 8 && !view.fired?.some((f) => f.serial === '40'); i++) {
      await api.advance(24);
      view = await api.exercise('white');
    }
    const fired = view.fired!.find((f) => f.serial === '40');
    expect(fired?.by).toBe('trigger');
    await api.advance(3);
    const now = (await api.exercise('white')).tick;
    expect(await api.ack('niger', '40')).toEqual({ ok: true });
    expect(await api.ack('mali', '40')).toEqual({ ok: false, error: 'no card 40 for mali' });
    await editor.syncAcks();
    expect(editor.get().acks.filter((a) => a.serial === '40')).toEqual([
      { serial: '40', role: 'niger', tick: now },
    ]);
  });

  it('exports CSV and XLSX that import back to identical entries', async () => {
    await editor.save(null, triggered);
    await api.advance(30); // entry 1 (STARTEX, D+0 06:00) has fired: its text may still round-trip
    view = await api.exercise('white');
    const before = await msel();
    const csv = editor.exportCsv();
    expect(csv.name).toBe('Sahel-Shield-26-MSEL.csv');
    expect(csv.data.split('\r\n')[0]).toBe(
      '\ufeffNo.,Time,DTG,From,To,Method,Subject,Message,Expected Action,Trigger,Effect,Effect Details',
    );
    const xlsx = await editor.exportXlsx();
    expect(xlsx.name).toBe('Sahel-Shield-26-MSEL.xlsx');

    for (const [file, data] of [
      [csv.name, csv.data],
      [xlsx.name, xlsx.data],
    ] as const) {
      // Change the MSEL, then import the file: it adds back and replaces.
      await editor.remove('5');
      const e7 = editor.entries().find((x) => x.serial === '7')!;
      await editor.save('7', { ...e7, subject: 'Changed' });
      await editor.importFile(file, data);
      const s = editor.get().importing;
      expect(s?.phase, JSON.stringify(s)).toBe('preview');
      if (s?.phase !== 'preview') return;
      expect(s.plan.added).toEqual(['5']);
      expect(s.plan.replaced).toEqual(['7']);
      expect(s.plan.unchanged).toHaveLength(before.length - 2);
      expect(await editor.applyImport()).toBe(true);
      expect(bySerial(await msel())).toEqual(bySerial(before));
      expect(editor.get().importing).toBeNull();
    }
  });

  it('shows a broken file its problems by row and column, and imports nothing', async () => {
    const before = await msel();
    const { data } = editor.exportCsv();
    const lines = data.split('\r\n');
    lines[1] = lines[1]!.replace('D+0 06:00', 'D+0 6h');
    lines.push('99,,,EXCON,atlantis,email,x,,,attack in nowhere,,');
    await editor.importFile('broken.csv', lines.join('\r\n'));
    const s = editor.get().importing;
    expect(s?.phase).toBe('problems');
    if (s?.phase !== 'problems') return;
    expect(s.problems.map((p) => [p.row, p.column])).toEqual(
      expect.arrayContaining([
        [2, 'Time'],
        [lines.length, 'Trigger'],
      ]),
    );
    editor.cancelImport();
    expect(await msel()).toEqual(before);
  });
});

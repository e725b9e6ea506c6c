// Session files in the app: "Save session" writes the open run's record as
// `<title or scenario>-D+<d>.concord.json`; "Open…" and a file dropped anywhere on the app open
// a session file (replayed and checked in the worker: every recorded hash) or the user's own
// scenario file (validated here first, then opened as a planner's run). Whatever is refused —
// too big, not JSON, a malformed or tampered session, a scenario with problems — comes back
// as path-named problems for a dialog, and the open run stays as it was. Framework-free: the
// app session is passed in, so Node tests drive it with an in-process engine.

import { createStore } from 'zustand/vanilla';
import { SESSION_FORMAT, type SessionFile } from '../exercise/session-file';
import { DEFAULT_LIMITS, type Limits } from '../scenario/limits';
import { parseJsonText, validateScenario } from '../scenario/validate';
import type { AppSession } from './app';
import { exclusive } from './app-session';
import { getSession, setNotice } from './session';

/** The ending every saved session file gets (and how a dropped one is recognised). */
export const SESSION_SUFFIX = '.concord.json';

/** What the user picked or dropped: a browser `File` fits, and so does a test's stand-in. */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type OpenOutcome =
  | { ok: true; kind: 'session' | 'scenario'; name: string; tick: number; hash: string }
  | {
      ok: false;
      kind: 'session' | 'scenario' | 'file';
      name: string;
      problems: string[];
      /** Whether the run open before is still open (false only if a valid scenario then failed to load). */
      untouched: boolean;
    };

/** The refusal dialog's contents: which file, what it was taken for, each problem by path. */
export interface FileDialog {
  title: string;
  file: string;
  problems: string[];
  /** What stays as it was, in words. */
  note: string;
}

export interface FilesState {
  /** A refusal waiting to be read; null when no dialog is open. */
  dialog: FileDialog | null;
  /** The file being opened or saved (buttons wait), or null. */
  busy: string | null;
}

export const filesStore = createStore<FilesState>()(() => ({ dialog: null, busy: null }));
export const getFiles = (): FilesState => filesStore.getState();
export const closeFileDialog = (): void => filesStore.setState({ dialog: null });

/** A file-name-safe form of a title: letters, digits, dashes (accents dropped). */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** `<title or scenario>-D+<d>.concord.json`, d the scenario day the run stands at. */
export function sessionFileName(
  title: string,
  scenario: string,
  tick: number,
  tickMinutes: number,
): string {
  const base = fileSlug(title) || fileSlug(scenario) || 'session';
  const day = Math.floor((Math.max(0, tick) * tickMinutes) / 1440);
  return `${base}-D+${day}${SESSION_SUFFIX}`;
}

/** A session file by its content (the format tag), or by its name when it is not an object. */
export function isSessionDoc(name: string, doc: unknown): boolean {
  if (doc && typeof doc === 'object' && !Array.isArray(doc))
    return (doc as { format?: unknown }).format === SESSION_FORMAT;
  return name.toLowerCase().endsWith(SESSION_SUFFIX);
}

/** A dropped scenario's name in the app: its file name without `.json`, made safe. */
export function scenarioNameOf(fileName: string): string {
  return fileSlug(fileName.replace(/\.json$/i, '')) || 'custom';
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);

/** Reads a picked file as JSON within the size limit, or says why not (path-named). */
export async function readJsonFile(
  file: PickedFile,
  limits: Pick<Limits, 'fileMb'> = DEFAULT_LIMITS,
): Promise<{ ok: true; doc: unknown } | { ok: false; problems: string[] }> {
  if (file.size > limits.fileMb * 1e6)
    return {
      ok: false,
      problems: [
        `(file): found ${mb(file.size)} MB; allowed: at most ${limits.fileMb} MB (a session or scenario file is far smaller; is this the right file?)`,
      ],
    };
  const parsed = parseJsonText(await file.text());
  if (!parsed.ok)
    return { ok: false, problems: parsed.problems.map((p) => `${p.path}: ${p.message}`) };
  return { ok: true, doc: parsed.value };
}

/**
 * Opens a picked or dropped file: a session (any format version) replays in the worker and
 * reopens at its tick, or is refused whole; a scenario is validated in the page and opens as
 * a planner's run with the current seed, or is refused with its problems. Either way a refusal
 * leaves the open run untouched.
 */
export async function openFile(
  app: AppSession,
  file: PickedFile,
  limits: Pick<Limits, 'fileMb'> = DEFAULT_LIMITS,
): Promise<OpenOutcome> {
  const read = await readJsonFile(file, limits);
  if (!read.ok)
    return { ok: false, kind: 'file', name: file.name, problems: read.problems, untouched: true };
  // The clock stops first: nothing may run on the open exercise while the file is checked.
  await app.pause('user');
  if (isSessionDoc(file.name, read.doc)) {
    const r = await app.openSession(read.doc, { source: 'user' });
    if (!r.ok)
      return { ok: false, kind: 'session', name: file.name, problems: r.problems, untouched: true };
    // The worker saved it in this browser (as the current format) before answering: the URL
    // names it from now on, and a reload before the first order finds it.
    const s = getSession();
    return { ok: true, kind: 'session', name: file.name, tick: s.tick, hash: s.hash };
  }
  const v = validateScenario(read.doc);
  if (!v.ok)
    return {
      ok: false,
      kind: 'scenario',
      name: file.name,
      problems: v.problems.map((p) => `${p.path}: ${p.message}`),
      untouched: true,
    };
  await app.loadScenario(scenarioNameOf(file.name), getSession().seed, {
    json: read.doc,
    source: 'user',
  });
  const s = getSession();
  if (s.status.phase !== 'ready')
    return {
      ok: false,
      kind: 'scenario',
      name: file.name,
      problems: s.status.message.split('\n').slice(1),
      untouched: false,
    };
  return { ok: true, kind: 'scenario', name: file.name, tick: s.tick, hash: s.hash };
}

/** The dialog for a refusal, in words a trainer reads aloud. */
export function dialogFor(o: Extract<OpenOutcome, { ok: false }>): FileDialog {
  const title =
    o.kind === 'session'
      ? 'This session file was refused'
      : o.kind === 'scenario'
        ? 'This scenario file has problems'
        : 'This file could not be opened';
  return {
    title,
    file: o.name,
    problems: o.problems.length ? o.problems : ['(file): refused, with no reason given'],
    note: o.untouched
      ? 'The open run is unchanged: same tick, same state.'
      : 'The scenario passed its checks but the engine could not load it; choose a scenario from the list to go on.',
  };
}

/** Opens a file and reports: a notice when it opened, the dialog when it was refused. */
export async function openFileAndReport(
  app: AppSession,
  file: PickedFile,
  limits: Pick<Limits, 'fileMb'> = DEFAULT_LIMITS,
): Promise<OpenOutcome> {
  if (getFiles().busy) {
    const busy = getFiles().busy;
    return {
      ok: false,
      kind: 'file',
      name: file.name,
      problems: [`(file): still opening ${busy}; try again when it is open`],
      untouched: true,
    };
  }
  filesStore.setState({ busy: file.name, dialog: null });
  try {
    const o = await openFile(app, file, limits).catch(
      (e): OpenOutcome => ({
        ok: false,
        kind: 'file',
        name: file.name,
        problems: [`(file): ${e instanceof Error ? e.message : String(e)}`],
        untouched: getSession().status.phase === 'ready',
      }),
    );
    if (o.ok)
      setNotice(
        {
          text:
            o.kind === 'session'
              ? `Opened ${o.name} at tick ${o.tick}: every recorded state hash replayed equal.`
              : `Opened ${o.name} as a planner's run (seed ${getSession().seed}).`,
          level: 'info',
        },
        'user',
      );
    else filesStore.setState({ dialog: dialogFor(o) });
    return o;
  } finally {
    filesStore.setState({ busy: null });
  }
}

/**
 * The open run's session record as it stands, saved (IndexedDB) on the way, with the name it
 * downloads under. The clock stops first, so the file ends at the tick on screen.
 */
export async function sessionRecord(app: AppSession): Promise<{ name: string; file: SessionFile }> {
  await app.pause('user');
  const file = await exclusive(app.ctx, () => app.api.saveFile());
  const s = getSession();
  return { name: sessionFileName(file.title, s.scenario, file.tick, s.tickMinutes), file };
}

/** The text of a session file as saved: indented JSON, a final newline. */
export const sessionText = (file: SessionFile): string => `${JSON.stringify(file, null, 2)}\n`;

// "New exercise…": the trainer sets up a classroom exercise — the scenario (a bundled one, or
// their own JSON file by picker or drag-and-drop, validated here with path-named problems),
// title, seed, the actors played (nations and organisations; the main nations by default),
// per role an optional passcode and whether its national staff tasks its units, and real time
// or turns (execution span, planning countdown). Start hands the setup to the engine.
import { useEffect, useId, useState } from 'react';
import type { Problem } from '../../scenario/problems';
import type { Scenario } from '../../scenario/schema';
import { parseJsonText, validateScenario } from '../../scenario/validate';
import { startExercise } from '../../store/bridge';
import {
  createOptions,
  defaultPlayed,
  type SetupForm,
  setupProblems,
} from '../../store/exercise-commands';
import { useClassroom, useSession } from '../../store/react';
import { createRoom, openRoomLink, roomSetup } from '../../store/room-create';
import { loadScenarioJson } from '../../store/scenarios';
import { getSession } from '../../store/session';
import { Dialog } from './Dialog';

/** Larger files are refused before they are read (a scenario is a few hundred kB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Problems listed in full; the rest are counted. */
const MAX_SHOWN = 40;

type Source = { kind: 'bundled'; name: string } | { kind: 'file'; fileName: string };
type Checked =
  | { state: 'checking' }
  | { state: 'ok'; doc: unknown; scenario: Scenario }
  | { state: 'bad'; problems: Problem[] };

interface RoleChoice {
  played: boolean;
  passcode: string;
  autoTasking: boolean;
}

function check(doc: unknown): Checked {
  const v = validateScenario(doc);
  return v.ok ? { state: 'ok', doc, scenario: v.value } : { state: 'bad', problems: v.problems };
}

export function SetupDialog(props: { onClose(): void }) {
  const names = useSession((s) => s.scenarios);
  const current = useSession((s) => s.scenario);
  const [source, setSource] = useState<Source>(() => ({
    kind: 'bundled',
    name: names.includes(current) ? current : (names[0] ?? 'sahel-ct'),
  }));
  const [checked, setChecked] = useState<Checked>({ state: 'checking' });
  const [title, setTitle] = useState('');
  const [seed, setSeed] = useState(() => String(getSession().seed || 1));
  const [roles, setRoles] = useState<Record<string, RoleChoice>>({});
  const [mode, setMode] = useState<'realtime' | 'turns'>('turns');
  const [hours, setHours] = useState('6');
  const [planning, setPlanning] = useState('10');
  const [dragging, setDragging] = useState(false);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const ids = { problems: useId(), file: useId(), form: useId() };
  const server = useClassroom((c) => c.server);

  // A bundled scenario: load its document and check it like any other.
  useEffect(() => {
    if (source.kind !== 'bundled') return;
    let live = true;
    setChecked({ state: 'checking' });
    loadScenarioJson(source.name)
      .then((doc) => live && setChecked(check(doc)))
      .catch(
        (e: Error) =>
          live && setChecked({ state: 'bad', problems: [{ path: '(file)', message: e.message }] }),
      );
    return () => {
      live = false;
    };
  }, [source]);

  // A new scenario: its name as the title, its main nations played.
  const scenario = checked.state === 'ok' ? checked.scenario : null;
  useEffect(() => {
    if (!scenario) return;
    setTitle(`${scenario.name}`.slice(0, 200));
    const played = new Set(defaultPlayed(scenario.actors, scenario.units));
    setRoles(
      Object.fromEntries(
        scenario.actors.map((a) => [
          a.id,
          { played: played.has(a.id), passcode: '', autoTasking: true },
        ]),
      ),
    );
  }, [scenario]);

  const readFile = async (file: File) => {
    setSource({ kind: 'file', fileName: file.name });
    setFailure(null);
    if (file.size > MAX_FILE_BYTES) {
      setChecked({
        state: 'bad',
        problems: [
          {
            path: '(file)',
            message: `${(file.size / 1e6).toFixed(1)} MB; a scenario file may be at most ${MAX_FILE_BYTES / 1e6} MB`,
          },
        ],
      });
      return;
    }
    setChecked({ state: 'checking' });
    const parsed = parseJsonText(await file.text());
    setChecked(parsed.ok ? check(parsed.value) : { state: 'bad', problems: parsed.problems });
  };

  const form: SetupForm | null = scenario
    ? {
        title,
        name: source.kind === 'bundled' ? source.name : null,
        doc: checked.state === 'ok' ? checked.doc : null,
        seed,
        mode,
        executionHours: hours,
        planningMinutes: planning,
        roles: scenario.actors
          .filter((a) => roles[a.id]?.played)
          .map((a) => ({
            actor: a.id,
            name: a.name,
            passcode: roles[a.id]?.passcode ?? '',
            autoTasking: roles[a.id]?.autoTasking ?? true,
          })),
      }
    : null;
  const formProblems = form ? setupProblems(form) : [];

  const start = async () => {
    setTried(true);
    if (!form || formProblems.length || starting) return;
    setStarting(true);
    setFailure(null);
    try {
      const o = await createOptions(form);
      await startExercise(o);
      const s = getSession();
      if (s.status.phase === 'error') setFailure(s.status.message);
      else props.onClose();
    } catch (e) {
      setFailure(
        globalThis.crypto?.subtle
          ? String(e instanceof Error ? e.message : e)
          : 'Passcodes need a secure page (https or localhost); leave them empty or open the app securely.',
      );
    } finally {
      setStarting(false);
    }
  };

  // A classroom room on the server behind this page: each role plays from its own device.
  const openRoom = async () => {
    setTried(true);
    if (!form || formProblems.length || starting) return;
    setStarting(true);
    setFailure(null);
    try {
      const { link } = await createRoom({ setup: roomSetup(await createOptions(form)) });
      openRoomLink(link);
    } catch (e) {
      setFailure(String(e instanceof Error ? e.message : e));
      setStarting(false);
    }
  };

  const setRole = (id: string, patch: Partial<RoleChoice>) =>
    setRoles((r) => ({
      ...r,
      [id]: { ...(r[id] ?? { played: false, passcode: '', autoTasking: true }), ...patch },
    }));

  const group = (kind: 'nation' | 'organisation') =>
    scenario?.actors.filter((a) => a.kind === kind) ?? [];

  return (
    <Dialog title="New exercise" onClose={props.onClose} className="ex-setup">
      <form
        id={ids.form}
        className={`ex-setup-form${dragging ? ' dragging' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void readFile(file);
        }}
      >
        <fieldset className="ex-fs">
          <legend>Scenario</legend>
          <div className="ex-row">
            <label className="ex-field">
              <span>Bundled scenario</span>
              <select
                aria-label="Bundled scenario"
                value={source.kind === 'bundled' ? source.name : ''}
                onChange={(e) => {
                  setFailure(null);
                  setSource({ kind: 'bundled', name: e.target.value });
                }}
                data-autofocus
              >
                {source.kind === 'file' && <option value="">(your own file)</option>}
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <span className="ex-or">or</span>
            <label className="ex-field ex-file">
              <span>Your own scenario file (JSON)</span>
              <input
                id={ids.file}
                type="file"
                accept=".json,application/json"
                aria-label="Your own scenario file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void readFile(f);
                }}
              />
            </label>
          </div>
          <p className="ex-drop" aria-hidden="true">
            {dragging
              ? 'Drop the file to check it'
              : 'You can also drop a scenario file anywhere on this dialog.'}
          </p>
          <ScenarioCheck checked={checked} source={source} id={ids.problems} />
        </fieldset>

        {scenario && (
          <>
            <div className="ex-row">
              <label className="ex-field grow">
                <span>Title</span>
                <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <label className="ex-field">
                <span>Seed</span>
                <input
                  className="ex-num"
                  value={seed}
                  inputMode="numeric"
                  onChange={(e) => setSeed(e.target.value)}
                />
              </label>
            </div>

            <fieldset className="ex-fs">
              <legend>Played actors</legend>
              <p className="ex-hint">
                Actors nobody plays stay on the engine's own command logic. A passcode keeps the
                next player out of a role's view on a shared screen.
              </p>
              <table className="ex-roles-table">
                <thead>
                  <tr>
                    <th scope="col">Actor</th>
                    <th scope="col">Passcode (optional)</th>
                    <th scope="col">Staff tasks my units automatically</th>
                  </tr>
                </thead>
                {(['nation', 'organisation'] as const).map((kind) => (
                  <tbody key={kind}>
                    <tr className="ex-group">
                      <th colSpan={3} scope="rowgroup">
                        {kind === 'nation' ? 'Nations' : 'Organisations'}
                      </th>
                    </tr>
                    {group(kind).map((a) => {
                      const r = roles[a.id];
                      const on = !!r?.played;
                      return (
                        <tr key={a.id} className={on ? 'on' : ''}>
                          <td>
                            <label className="ex-check">
                              <input
                                type="checkbox"
                                checked={on}
                                onChange={(e) => setRole(a.id, { played: e.target.checked })}
                              />
                              <i className="chip" style={{ background: a.color }} />
                              {a.name}
                            </label>
                          </td>
                          <td>
                            <input
                              type="password"
                              autoComplete="new-password"
                              aria-label={`Passcode for ${a.name}`}
                              disabled={!on}
                              value={r?.passcode ?? ''}
                              maxLength={200}
                              onChange={(e) => setRole(a.id, { passcode: e.target.value })}
                            />
                          </td>
                          <td>
                            <label className="ex-check">
                              <input
                                type="checkbox"
                                aria-label={`${a.name}: staff tasks its units automatically`}
                                disabled={!on}
                                checked={r?.autoTasking ?? true}
                                onChange={(e) => setRole(a.id, { autoTasking: e.target.checked })}
                              />
                              <span aria-hidden="true">
                                {r?.autoTasking === false ? 'no' : 'yes'}
                              </span>
                            </label>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
              </table>
            </fieldset>

            <fieldset className="ex-fs">
              <legend>Clock</legend>
              <div className="ex-row">
                <label className="ex-radio">
                  <input
                    type="radio"
                    name="ex-mode"
                    checked={mode === 'turns'}
                    onChange={() => setMode('turns')}
                  />
                  Turns
                </label>
                <label className="ex-radio">
                  <input
                    type="radio"
                    name="ex-mode"
                    checked={mode === 'realtime'}
                    onChange={() => setMode('realtime')}
                  />
                  Real time
                </label>
              </div>
              {mode === 'turns' ? (
                <div className="ex-row">
                  <label className="ex-field">
                    <span>Execution span (scenario hours)</span>
                    <input
                      className="ex-num"
                      value={hours}
                      inputMode="decimal"
                      onChange={(e) => setHours(e.target.value)}
                    />
                  </label>
                  <label className="ex-field">
                    <span>Planning countdown (minutes; empty = none)</span>
                    <input
                      className="ex-num"
                      value={planning}
                      inputMode="decimal"
                      onChange={(e) => setPlanning(e.target.value)}
                    />
                  </label>
                </div>
              ) : (
                <p className="ex-hint">
                  The white cell plays and pauses the clock; players give orders at any time.
                </p>
              )}
            </fieldset>
          </>
        )}

        {tried && formProblems.length > 0 && (
          <ul className="ex-problems" role="alert">
            {formProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {failure && (
          <pre className="ex-failure" role="alert">
            {failure}
          </pre>
        )}
        <div className="ex-buttons">
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn primary"
            disabled={!scenario || starting || (tried && formProblems.length > 0)}
          >
            {starting ? 'Starting…' : server ? 'Start here (hot seat)' : 'Start exercise'}
          </button>
          {server && (
            <button
              type="button"
              className="btn primary"
              id="ex-open-room"
              onClick={() => void openRoom()}
              disabled={!scenario || starting || (tried && formProblems.length > 0)}
              title="Each role plays from its own device, through this server (passcodes are not needed: each role gets its own link)"
            >
              Open classroom room
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}

function ScenarioCheck(props: { checked: Checked; source: Source; id: string }) {
  const { checked, source } = props;
  const label = source.kind === 'bundled' ? source.name : source.fileName;
  if (checked.state === 'checking')
    return (
      <p className="ex-check-line" role="status">
        Checking {label}…
      </p>
    );
  if (checked.state === 'ok')
    return (
      <p className="ex-check-line ok" role="status" id="ex-scenario-ok">
        ✓ {checked.scenario.name} — {checked.scenario.actors.length} actors,{' '}
        {checked.scenario.durationDays} days, {checked.scenario.tickMinutes}-minute ticks
      </p>
    );
  const shown = checked.problems.slice(0, MAX_SHOWN);
  return (
    <div className="ex-scenario-bad" role="alert" id={props.id}>
      <p>
        <strong>{label}</strong> cannot be used: {checked.problems.length} problem
        {checked.problems.length === 1 ? '' : 's'}.
      </p>
      <ul>
        {shown.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems are positional
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      {checked.problems.length > shown.length && (
        <p>…and {checked.problems.length - shown.length} more.</p>
      )}
    </div>
  );
}

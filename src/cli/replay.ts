// `concord replay <session.concord.json> [--json]`: replays an exercise session headless and
// checks every state hash it recorded; exits 4 naming the first tick whose hash differs.
// Bundled scenarios are looked up by name in the package's own scenarios/ folder only.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldJournal, JournalError, looksLikeJournal } from '../exercise/journal';
import { openSessionDoc } from '../exercise/migrate';
import { ReplayError, replaySession } from '../exercise/replay';
import { CliError, loadAtlas, readJsonFile, readTextFile } from '../node/load';
import type { Limits } from '../scenario/limits';
import { formatProblems } from '../scenario/problems';

/** Exit code when a replay's hash differs from the recorded one. */
export const EXIT_REPLAY_DIFFERS = 4;

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A bundled scenario's document by its name (never a path). */
export async function bundledScenario(name: string): Promise<unknown | null> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return null;
  const file = `${SCENARIOS}${name}.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** A session file's document, or the session a classroom room's journal folds to. */
function readSessionDoc(file: string, limits: Limits): unknown {
  const text = readTextFile(file, limits);
  if (!looksLikeJournal(text)) return readJsonFile(file, limits);
  try {
    const folded = foldJournal(text);
    if (folded.torn)
      process.stderr.write(
        `${file}: its last line was cut short (a crash before it was acknowledged): left out\n`,
      );
    return folded.session;
  } catch (e) {
    if (e instanceof JournalError) throw new CliError(`${file}: ${e.message}`, 2);
    throw e;
  }
}

export async function replayFile(file: string, json: boolean, limits: Limits): Promise<number> {
  const opened = await openSessionDoc(readSessionDoc(file, limits), bundledScenario);
  if (!opened.ok) throw new CliError(formatProblems(file, opened.problems), 2);
  const f = opened.value;
  let r: Awaited<ReturnType<typeof replaySession>>;
  try {
    r = await replaySession(f, { scenario: bundledScenario, atlas: loadAtlas, limits });
  } catch (e) {
    if (e instanceof ReplayError) throw new CliError(`${file}: ${e.path}: ${e.message}`, 2);
    throw e;
  }
  const m = r.mismatch;
  const out = {
    file,
    scenario: f.scenario.id,
    seed: f.seed,
    tick: r.session.tick,
    orders: f.orders.length,
    checked: r.checked,
    hash: r.session.hash(),
    ok: !m,
    mismatch: m,
  };
  if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else if (!m)
    process.stdout.write(
      `ok: ${f.scenario.id}, seed ${f.seed}: ${f.orders.length} orders replayed to tick ${out.tick}; ${r.checked} recorded hashes equal (last ${out.hash})\n`,
    );
  if (m) {
    process.stderr.write(
      `${file}: tick ${m.tick}: the replayed state differs from the recorded one (hash ${m.replayed}, recorded ${m.recorded})\n`,
    );
    return EXIT_REPLAY_DIFFERS;
  }
  return 0;
}

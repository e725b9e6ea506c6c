// The cluster scripts' shard and merge path, without a cluster: deploy/slurm/sweep.sbatch run by
// bash as array tasks 0..2 of 3 in a fake Slurm environment, then deploy/slurm/merge.sbatch;
// and the two shell scripts of deploy/k8s/sweep-job.yaml, read from the YAML and run by sh as
// each completion index of the Indexed Job, then as the merge Job. Each merged result must
// equal an unsharded `concord sweep` of the same experiment, byte for byte.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const CONCORD = `node ${join(ROOT, 'bin/concord.mjs')}`;

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with the test's PATH and the given variables only (no inherited Slurm or k8s settings). */
function run(cmd: string, args: string[], env: Record<string, string>): Promise<Done> {
  return new Promise((done, fail) => {
    const p = spawn(cmd, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => {
      stdout += d;
    });
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const ok = (r: Done, what: string) => expect(r.code, `${what}\n${r.stderr}`).toBe(0);
const read = (f: string) => readFileSync(f, 'utf8');
const runsIn = (csv: string) =>
  read(csv)
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[2]));

let dir: string;
let experiment: string;
let whole: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-deploy-'));
  experiment = join(dir, 'mini.json');
  // 2 design points × 3 seeds of one day: 6 runs, under a second each.
  writeFileSync(
    experiment,
    JSON.stringify({
      id: 'mini',
      name: 'mini',
      scenario: join(ROOT, 'scenarios/sahel-ct.json'),
      days: 1,
      parameters: [{ name: 'sharingLatencyMin', values: [30, 240] }],
      design: { kind: 'grid' },
      seeds: { count: 3 },
    }),
  );
  whole = join(dir, 'whole.csv');
  // Two workers here, one per shard in the scripts: the rows must not depend on either.
  const r = await run(
    'node',
    ['bin/concord.mjs', 'sweep', experiment, '--workers', '2', '--out', whole],
    {},
  );
  ok(r, 'unsharded sweep');
  expect(runsIn(whole)).toEqual([0, 1, 2, 3, 4, 5]);
});

/** The merged files equal the unsharded sweep's: rows, summary and meta. */
function expectSameAsWhole(all: string) {
  expect(read(all)).toBe(read(whole));
  expect(read(all.replace(/\.csv$/, '.summary.csv'))).toBe(
    read(whole.replace(/\.csv$/, '.summary.csv')),
  );
  expect(read(all.replace(/\.csv$/, '.meta.json'))).toBe(
    read(whole.replace(/\.csv$/, '.meta.json')),
  );
}

describe('deploy/slurm', () => {
  const sbatch = (file: string, env: Record<string, string>) =>
    run('bash', [join(ROOT, 'deploy/slurm', file)], env);
  const task = (id: number, results: string, extra: Record<string, string> = {}) =>
    sbatch('sweep.sbatch', {
      SLURM_ARRAY_TASK_ID: String(id),
      SLURM_ARRAY_TASK_COUNT: '3',
      SLURM_ARRAY_TASK_MIN: '0',
      SLURM_ARRAY_TASK_MAX: '2',
      SLURM_CPUS_PER_TASK: '1',
      SLURM_SUBMIT_DIR: dir,
      CONCORD_DIR: ROOT,
      EXPERIMENT: experiment,
      RESULTS: results,
      ...extra,
    });

  it('array tasks 0..2 of 3 write disjoint shards that merge into the unsharded sweep; a rerun task changes nothing', async () => {
    const results = join(dir, 'slurm', 'mini');
    // A stand-in for apptainer that checks how the script calls it and runs the image's
    // entrypoint (node /app/bin/concord.mjs) from this checkout instead.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'apptainer'),
      `#!/bin/sh
[ "$1 $2 $3 $4" = "run --bind ${results} ${dir}/concord.sif" ] || { echo "apptainer $*" >&2; exit 97; }
shift 4
exec node ${join(ROOT, 'bin/concord.mjs')} "$@"
`,
      { mode: 0o755 },
    );
    // The three ways of running concord: the checkout, the image, an explicit command.
    const how = [
      {},
      { CONCORD_IMAGE: join(dir, 'concord.sif'), PATH: `${bin}:${process.env.PATH}` },
      { CONCORD },
    ];
    const tasks = await Promise.all([0, 1, 2].map((id) => task(id, results, how[id])));
    tasks.forEach((t, id) => {
      ok(t, `array task ${id}`);
      expect(t.stderr).toContain(`shard ${id + 1}/3, 1 workers`);
    });
    // Run r belongs to shard i when r mod 3 = i − 1.
    expect(runsIn(join(results, 'shard-1-of-3.csv'))).toEqual([0, 3]);
    expect(runsIn(join(results, 'shard-2-of-3.csv'))).toEqual([1, 4]);
    expect(runsIn(join(results, 'shard-3-of-3.csv'))).toEqual([2, 5]);

    const again = await task(1, results);
    ok(again, 'array task 1 again');
    expect(again.stderr).toMatch(/2 in shard 2\/3, 2 already done/);
    expect(runsIn(join(results, 'shard-2-of-3.csv'))).toEqual([1, 4]);

    // The dependent merge job: the shard count comes from the shards' meta files.
    const merge = await sbatch('merge.sbatch', {
      CONCORD: CONCORD,
      EXPERIMENT: experiment,
      RESULTS: results,
    });
    ok(merge, 'merge.sbatch');
    expect(merge.stdout).toMatch(/mini: 6 runs from 3 files/);
    expectSameAsWhole(join(results, 'all.csv'));
  });

  it('refuses a non-contiguous array and a task outside SHARDS before running anything', async () => {
    const results = join(dir, 'slurm-bad');
    const gappy = await task(4, results, {
      SLURM_ARRAY_TASK_COUNT: '3',
      SLURM_ARRAY_TASK_MIN: '0',
      SLURM_ARRAY_TASK_MAX: '4',
    });
    expect(gappy.code).toBe(2);
    expect(gappy.stderr).toMatch(/not a contiguous range: submit --array=0-2/);
    const outside = await task(3, results, { SHARDS: '3' });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/array task ids are shard numbers 0\.\.2/);
    expect(existsSync(results)).toBe(false);
  });

  // What real Slurm sets for `sbatch --array=2` and `--array=2-3`: without SHARDS the old
  // script ran the whole sweep as shard 1 of 1 (or a new split of 2), beside the shards of 3.
  it('refuses a rerun of chosen shards without SHARDS: "set SHARDS=N"', async () => {
    const results = join(dir, 'slurm-rerun');
    const one = {
      SLURM_ARRAY_TASK_COUNT: '1',
      SLURM_ARRAY_TASK_MIN: '2',
      SLURM_ARRAY_TASK_MAX: '2',
    };
    const single = await task(2, results, one);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/one-task array .* whole sweep as shard 1 of 1: .*set SHARDS=N/);
    const tail = {
      SLURM_ARRAY_TASK_COUNT: '2',
      SLURM_ARRAY_TASK_MIN: '2',
      SLURM_ARRAY_TASK_MAX: '3',
    };
    const offset = await task(2, results, tail);
    expect(offset.code).toBe(2);
    expect(offset.stderr).toMatch(/array 2-3 does not start at 0 or 1: .*set SHARDS=N/);
    // A Slurm job that is not an array task at all.
    const plain = await sbatch('sweep.sbatch', {
      SLURM_JOB_ID: '42',
      SLURM_SUBMIT_DIR: dir,
      CONCORD_DIR: ROOT,
      EXPERIMENT: experiment,
      RESULTS: results,
    });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/not an array task/);
    expect(existsSync(results)).toBe(false);
  });

  it('refuses a split that differs from the shards already in RESULTS, and runs with SHARDS set', async () => {
    const results = join(dir, 'slurm-split');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'shard-3-of-4.meta.json'), '{}');
    const two = {
      SLURM_ARRAY_TASK_COUNT: '2',
      SLURM_ARRAY_TASK_MIN: '0',
      SLURM_ARRAY_TASK_MAX: '1',
    };
    const other = await task(0, results, two);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds shards of a split into 4, .*shard 1 of 2: set SHARDS=4/);
    // With SHARDS=4, array task 1 (`--array=1`, one task) is shard 2 of 4.
    const rerun = await task(1, results, {
      SHARDS: '4',
      SLURM_ARRAY_TASK_COUNT: '1',
      SLURM_ARRAY_TASK_MIN: '1',
      SLURM_ARRAY_TASK_MAX: '1',
    });
    ok(rerun, 'SHARDS=4 --array=1');
    expect(runsIn(join(results, 'shard-2-of-4.csv'))).toEqual([1, 5]);
  });

  it('stops with a clear message when node is not on PATH on the node', async () => {
    // Only what the script needs before it looks for node; bash itself by its full path.
    const bare = mkdtempSync(join(tmpdir(), 'concord-nonode-'));
    symlinkSync(
      execFileSync('sh', ['-c', 'command -v hostname'], { encoding: 'utf8' }).trim(),
      join(bare, 'hostname'),
    );
    for (const file of ['sweep.sbatch', 'merge.sbatch']) {
      const r = await run('/bin/bash', [join(ROOT, 'deploy/slurm', file)], {
        PATH: bare,
        CONCORD_DIR: ROOT,
        EXPERIMENT: experiment,
        RESULTS: dir,
      });
      expect(r.code, `${file}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/no node on PATH on .*: load Node\.js/);
    }
  });

  it('the merge job is cancelled, not left pending, when a task fails', () => {
    expect(read(join(ROOT, 'deploy/slurm/merge.sbatch'))).toMatch(
      /^#SBATCH --kill-on-invalid-dep=yes$/m,
    );
  });
});

/**
 * The same scripts on a real Slurm, only when asked (CONCORD_TEST_SLURM=1 on a machine where
 * sbatch reaches a cluster with a free CPU: /work/shared/SLURM-LOCAL.md sets one up): CI has none.
 */
describe.skipIf(!process.env.CONCORD_TEST_SLURM)('deploy/slurm on a real Slurm', () => {
  const submit = (args: string[], env: Record<string, string>) =>
    run('sbatch', ['--parsable', `--chdir=${dir}`, ...args], env);
  const jobState = async (id: string) =>
    /JobState=(\S+)/.exec((await run('scontrol', ['show', 'job', id], {})).stdout)?.[1];

  it('an array of 3 and its dependent merge give the unsharded sweep; a failed task cancels the merge', async () => {
    const results = join(dir, 'real-slurm', 'mini');
    const env = { EXPERIMENT: experiment, RESULTS: results, CONCORD_DIR: ROOT };
    const out = [`--output=${dir}/real-%x-%A_%a.out`, '--cpus-per-task=1'];
    const array = await submit(
      [...out, '--array=0-2', join(ROOT, 'deploy/slurm/sweep.sbatch')],
      env,
    );
    ok(array, 'sbatch sweep');
    const jid = array.stdout.trim().split(';')[0]!;
    const merge = await submit(
      [...out, '--wait', `--dependency=afterok:${jid}`, join(ROOT, 'deploy/slurm/merge.sbatch')],
      env,
    );
    ok(merge, 'sbatch --wait merge');
    expect(await jobState(merge.stdout.trim().split(';')[0]!)).toBe('COMPLETED');
    expectSameAsWhole(join(results, 'all.csv'));

    // A task that fails (a foreign file where its shard goes): the merge is cancelled.
    const bad = join(dir, 'real-slurm', 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'shard-2-of-3.csv'), 'not a concord file\n');
    const env2 = { ...env, RESULTS: bad };
    const array2 = await submit(
      [...out, '--array=0-2', join(ROOT, 'deploy/slurm/sweep.sbatch')],
      env2,
    );
    ok(array2, 'sbatch sweep (one task fails)');
    const jid2 = array2.stdout.trim().split(';')[0]!;
    const merge2 = await submit(
      [...out, '--wait', `--dependency=afterok:${jid2}`, join(ROOT, 'deploy/slurm/merge.sbatch')],
      env2,
    );
    // `sbatch --wait` exits 0 on a cancelled job too: ask Slurm for the states.
    expect(await jobState(`${jid2}_1`)).toBe('FAILED');
    expect(await jobState(merge2.stdout.trim().split(';')[0]!)).toBe('CANCELLED');
  }, 600_000);
});

/**
 * Just enough of deploy/k8s/sweep-job.yaml to run it: the documents, each Job's completions,
 * the ConfigMap's data and each container's command and `args: - |` script. No YAML library is
 * installed; the file is written in this plain subset (block scalars, flow lists of quoted strings).
 */
function readManifest(file: string) {
  const docs = read(file)
    .split(/^---$/m)
    .map((text) => ({
      text,
      kind: /^kind: (\S+)$/m.exec(text)?.[1],
      name: /^metadata:\n(?: {2}.*\n)*? {2}name: (\S+)$/m.exec(text)?.[1],
    }));
  const find = (kind: string, name: string) => {
    const d = docs.find((x) => x.kind === kind && x.name === name);
    if (!d) throw new Error(`${file}: no ${kind} ${name}`);
    return d.text;
  };
  const container = (text: string) => {
    const command = JSON.parse(/^\s+command: (\[.*\])$/m.exec(text)![1]!) as string[];
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^\s+args:$/.test(l));
    const dash = /^(\s*)- \|$/.exec(lines[at + 1]!)!;
    const body: string[] = [];
    for (const l of lines.slice(at + 2)) {
      if (l.trim() && l.search(/\S/) <= dash[1]!.length) break;
      body.push(l);
    }
    const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.search(/\S/)));
    return {
      command,
      script: `${body
        .map((l) => l.slice(indent))
        .join('\n')
        .trimEnd()}\n`,
    };
  };
  const data: Record<string, string> = {};
  const cm = find('ConfigMap', 'concord-sweep');
  for (const m of cm.slice(cm.indexOf('\ndata:\n')).matchAll(/^ {2}([A-Z_]+): "?([^"\n]*)"?$/gm))
    data[m[1]!] = m[2]!;
  const sweep = find('Job', 'concord-sweep');
  return {
    data,
    completions: Number(/^ {2}completions: (\d+)$/m.exec(sweep)?.[1]),
    indexed: /^ {2}completionMode: Indexed$/m.test(sweep),
    sweep: container(sweep),
    merge: container(find('Job', 'concord-merge')),
  };
}

describe('deploy/k8s/sweep-job.yaml', () => {
  const k8s = readManifest(join(ROOT, 'deploy/k8s/sweep-job.yaml'));

  it('is an Indexed Job whose completions equal the ConfigMap SHARDS the pods use', () => {
    expect(k8s.indexed).toBe(true);
    expect(k8s.completions).toBeGreaterThan(1);
    expect(Number(k8s.data.SHARDS)).toBe(k8s.completions);
    expect(Object.keys(k8s.data).sort()).toEqual(['EXPERIMENT', 'RESULTS', 'SHARDS', 'WORKERS']);
    expect(k8s.sweep.script).toContain('--shard "$i/$SHARDS"');
  });

  it('its pods for indexes 0..n−1, then its merge Job, give the unsharded sweep', async () => {
    const n = k8s.completions;
    const env = {
      ...k8s.data,
      EXPERIMENT: experiment,
      RESULTS: join(dir, 'k8s', 'mini'),
      WORKERS: '1',
      CONCORD,
    };
    const [sh, ...shArgs] = k8s.sweep.command;
    const pods = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        run(sh!, [...shArgs, k8s.sweep.script], { ...env, JOB_COMPLETION_INDEX: String(i) }),
      ),
    );
    pods.forEach((p, i) => ok(p, `pod with JOB_COMPLETION_INDEX=${i}`));
    const shards = Array.from({ length: n }, (_, i) =>
      runsIn(join(env.RESULTS, `shard-${i + 1}-of-${n}.csv`)),
    );
    expect(shards.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    shards.forEach((runs, i) => expect(runs.every((r) => r % n === i)).toBe(true));

    const [msh, ...mArgs] = k8s.merge.command;
    const merge = await run(msh!, [...mArgs, k8s.merge.script], env);
    ok(merge, 'merge Job');
    expect(merge.stdout).toMatch(new RegExp(`mini: 6 runs from ${n} files`));
    expectSameAsWhole(join(env.RESULTS, 'all.csv'));
  });
});

describe('deploy/k8s/wait-job.sh', () => {
  // A stand-in kubectl: `wait --for=condition=<FAKE_ENDS>` ends after 0.3 s, the other
  // condition waits out --timeout and fails, as kubectl does. `exec` so that killing it kills
  // the sleep too.
  const fake = () => {
    const bin = mkdtempSync(join(tmpdir(), 'concord-kubectl-'));
    writeFileSync(
      join(bin, 'kubectl'),
      `#!/bin/sh
for a; do case $a in --for=condition=*) c=\${a#--for=condition=};; --timeout=*) t=\${a#--timeout=};; esac; done
[ "$c" = "$FAKE_ENDS" ] && exec sleep 0.3
exec timeout "\${t%s}" sleep 1000
`,
      { mode: 0o755 },
    );
    return bin;
  };

  it('returns 0 on a completed Job, 1 on a failed one, 2 when neither happens in time', async () => {
    const bin = fake();
    const wait = (ends: string) =>
      run('sh', [join(ROOT, 'deploy/k8s/wait-job.sh'), 'concord-sweep', '6s', '-n', 'x'], {
        PATH: `${bin}:${process.env.PATH}`,
        FAKE_ENDS: ends,
      });
    const [complete, failed, neither] = await Promise.all([
      wait('complete'),
      wait('failed'),
      wait('none'),
    ]);
    expect(complete.code, complete.stderr).toBe(0);
    expect(complete.stdout).toBe('job/concord-sweep complete\n');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/job\/concord-sweep failed: kubectl logs job\/concord-sweep/);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/neither complete nor failed within 6s/);
  });

  it('is what the manifest and the docs tell you to wait with', () => {
    for (const f of ['deploy/k8s/sweep-job.yaml', 'docs/CLUSTER.md']) {
      const text = read(join(ROOT, f));
      expect(text, f).toContain('deploy/k8s/wait-job.sh concord-sweep');
      expect(text, f).not.toMatch(/^\S*\s*kubectl wait --for=condition=complete/m);
    }
  });
});

describe('Dockerfile', () => {
  it('copies only paths that exist and runs bin/concord.mjs', () => {
    const text = read(join(ROOT, 'Dockerfile'));
    const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
      m[1]!.split(' '),
    );
    expect(sources).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'bin', 'src', 'workers']),
    );
    for (const s of sources) expect(existsSync(join(ROOT, s)), s).toBe(true);
    expect(text).toMatch(/^ENTRYPOINT \["node", "\/app\/bin\/concord\.mjs"\]$/m);
    expect(text).toMatch(/npm ci --omit=dev/);
  });
});

// `concord serve` as a child process for `npm run bench:serve`: the server under test runs in
// a process of its own, so its memory (VmRSS, VmHWM from /proc/<pid>/status) and CPU time
// (utime + stime from /proc/<pid>/stat) are measured apart from the bench's clients. Each case
// gets a fresh data folder and an empty app folder (the server only needs an index.html).
// BENCH_SERVE_NODE_FLAGS passes flags to the server's node (e.g. "--cpu-prof --cpu-prof-dir=D").
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONCORD = fileURLToPath(new URL('../../bin/concord.mjs', import.meta.url));

/** Clock ticks a second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux build). */
const USER_HZ = 100;

export interface ServerStats {
  rssMb: number;
  /** The resident peak (VmHWM). */
  peakRssMb: number;
  cpuS: number;
}

export interface ServeChild {
  pid: number;
  port: number;
  stats(): ServerStats;
  /** Server log lines (stderr), the last few hundred. */
  log: string[];
  /** Whether the server exited before it was asked to. */
  died(): boolean;
  stop(): Promise<void>;
}

/** Starts `node bin/concord.mjs serve` on a free port; resolves once its banner is printed. */
export async function startServe(): Promise<ServeChild> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>bench</title>\n');
  const args = [CONCORD, 'serve', '--port', '0', '--data', join(dir, 'data')];
  const flags = process.env.BENCH_SERVE_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...flags, ...args, '--app', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  let stopping = false;
  let exited = false;
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    log.push(...d.trimEnd().split('\n'));
    if (log.length > 400) log.splice(0, log.length - 300);
  });
  child.once('exit', () => {
    exited = true;
  });
  const port = await bannerPort(child, log);
  const pid = child.pid!;
  return {
    pid,
    port,
    log,
    stats: () => procStats(pid),
    died: () => exited && !stopping,
    async stop() {
      stopping = true;
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The port in the banner's "on this machine: http://localhost:PORT/" line. */
function bannerPort(child: ChildProcess, log: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail('no banner within 30 s'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`concord serve: ${why}\n${log.slice(-20).join('\n')}`));
    };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /on this machine:\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => fail(`exited with ${code} before listening`));
  });
}

/** Resident memory now and at its peak, and CPU seconds so far, of a running process. */
export function procStats(pid: number): ServerStats {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  // Fields after the command name (which may hold spaces): utime and stime are the 12th, 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return {
    rssMb: round1(kb('VmRSS') / 1024),
    peakRssMb: round1(kb('VmHWM') / 1024),
    cpuS: Math.round((ticks / USER_HZ) * 100) / 100,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

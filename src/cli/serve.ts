// `concord serve`: starts the classroom server (src/serve/server.ts) and says, in plain lines,
// where to open the app, what to give the students and where rooms are kept. Ctrl-C (or
// SIGTERM) closes every room's journal and exits 130 (143).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../node/load';
import { shardLetters } from '../remote/protocol';
import { startServer } from '../serve/server';
import { bundledScenario } from './replay';

export interface ServeArgs {
  port: number;
  host: string;
  data: string;
  app: string | null;
  publicUrl: string | null;
  shard: [number, number];
}

/** The built app beside the package: dist/ (two levels up from src/cli and build/cli). */
const DEFAULT_APP = fileURLToPath(new URL('../../dist/', import.meta.url));

export async function serveCommand(a: ServeArgs): Promise<number> {
  const appDir = resolve(a.app ?? DEFAULT_APP);
  if (!existsSync(`${appDir}/index.html`))
    throw new CliError(
      `concord serve: no built app in ${appDir} (run "npm run build" first, or give --app DIR)`,
      2,
    );
  if (a.publicUrl && !/^https?:\/\/[^/\s]+\/?$/.test(a.publicUrl))
    throw new CliError(
      `concord serve: --public-url: found "${a.publicUrl}"; allowed: an origin such as https://wargame.example.org`,
      2,
    );
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port: a.port,
      host: a.host,
      dataDir: resolve(a.data),
      appDir,
      publicUrl: a.publicUrl,
      shard: a.shard,
      scenario: bundledScenario,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      throw new CliError(`concord serve: port ${a.port} is in use (give another with --port)`, 2);
    if (err.code === 'EADDRNOTAVAIL')
      throw new CliError(`concord serve: --host ${a.host} is not an address of this machine`, 2);
    throw e;
  }
  const lan = server.origin !== server.url;
  const lines = [
    '',
    '  Concord classroom server',
    `  on this machine:    ${server.url}/`,
    lan
      ? `  students open:      ${server.origin}/  (or scan the room's QR codes)`
      : '  only this machine can connect: --host 0.0.0.0 serves the LAN',
    ...(lan ? [`  trainer elsewhere:  ${server.origin}/#trainer=${server.trainerKey}`] : []),
    `  rooms kept in:      ${resolve(a.data)} (${server.rooms.size} restored)`,
    ...(a.shard[1] > 1
      ? [
          `  shard ${a.shard[0]}/${a.shard[1]}: room codes start with one of ${shardLetters(...a.shard)} (route /ws/<code> here by its first letter)`,
        ]
      : []),
    '  Ctrl-C stops the server; its rooms come back when it starts again.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return await new Promise<number>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      server.close().finally(() => done(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

// Bundles the command line into build/cli/ (the npm `prepare` script), so `concord` starts in
// plain Node instead of compiling TypeScript through tsx on every call:
//   concord.mjs       src/cli/main.ts and everything it imports but tinypool
//   sweep-worker.mjs  the tinypool worker entry (workers/sweep-runner.ts)
//   inputs.json       the source files it was built from, for bin/bundle-fresh.mjs
// tinypool stays external: it starts its threads from a file beside its own module.
// build/cli/ is two levels below the root, as src/cli/ is, so the sources' own
// `new URL('../../scenarios/', import.meta.url)` lands on the same folder in the bundle.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'cli');

/**
 * zod's namespace re-exports its 40-odd message translations (400 KB, a third of the bundle's
 * start-up parse); the CLI speaks English only, zod's default, so keep just that one.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes('node_modules/zod/')
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

export async function buildCli() {
  const startedAt = Date.now();
  // Chunk names change with their content: last build's would linger.
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      concord: 'src/cli/main.ts',
      'sweep-worker': 'workers/sweep-runner.ts',
    },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    external: ['tinypool'],
    // CommonJS packages (seedrandom) call require(): give the ESM bundle one.
    banner: {
      js: "import { createRequire as __concordRequire } from 'node:module'; const require = __concordRequire(import.meta.url);",
    },
    define: { CONCORD_BUNDLED: 'true' },
    plugins: [zodEnglishOnly],
    metafile: true,
    // Smaller to parse at start-up; identifiers kept, so a CONCORD_DEBUG stack names functions.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  // Our own sources only: a change in node_modules comes with an install, which rebuilds.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules/'))
    .map((f) => relative(root, resolve(root, f)))
    .sort();
  const tmp = join(out, `inputs.json.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`);
  renameSync(tmp, join(out, 'inputs.json'));
  linkLocalBin();
  return { inputs: inputs.length };
}

/**
 * `npx concord` runs node_modules/.bin/concord when it exists. package.json has no "bin" on
 * purpose: npm 11 runs a project's own bin by installing the project into npx's cache and
 * loading the whole dependency tree first (about 0.7 s of CPU per call); this link costs none.
 */
function linkLocalBin() {
  const bin = join(root, 'node_modules', '.bin');
  const link = join(bin, 'concord');
  if (!existsSync(bin) || lstatSync(link, { throwIfNoEntry: false })) return;
  try {
    symlinkSync(relative(bin, join(root, 'bin', 'concord.mjs')), link);
  } catch (e) {
    // Without the link `npx concord` would look for a package of that name on the registry.
    process.stderr.write(
      `concord: could not link node_modules/.bin/concord (${e.message}); run node bin/concord.mjs\n`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = performance.now();
  const { inputs } = await buildCli();
  process.stderr.write(
    `concord: CLI bundled from ${inputs} files into build/cli/ in ${Math.round(performance.now() - t)} ms\n`,
  );
}

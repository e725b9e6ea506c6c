// `npx tsx scripts/bench-app-author-only.ts`: the app bench's author-mode part alone (see
// bench-app-author.ts), for working on author mode without the whole app bench.
import { type GpuMode, startApp } from '../tests/e2e/browser';
import { authorLines, benchAuthor } from './bench-app-author';

const app = await startApp((process.env.BENCH_APP_GPU ?? 'swiftshader-gpu') as GpuMode);
try {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(`${app.url}?scenario=sahel-ct&seed=7`);
  await page.waitForFunction(
    () => (window as unknown as { concord?: { map: unknown } }).concord?.map,
  );
  const a = await benchAuthor(page);
  console.log(JSON.stringify(a.drag));
  console.log(JSON.stringify(a.check));
  process.stderr.write(authorLines(a));
} finally {
  await app.close();
}

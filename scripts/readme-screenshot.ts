// The README's picture of a classroom game: the example session (scenarios/sessions/) opened
// in the app, the white cell on screen at 1600×900, written to docs/img/classroom-white-cell.png.
//
//   npx tsx scripts/readme-screenshot.ts [width height out.png]   (1600 900 and the README's file)
import { readFileSync } from 'node:fs';
import { startApp } from '../tests/e2e/browser';
import { type ConcordHooks, EXAMPLE_FILE, waitForApp } from './play-example-session';

const [width = 1600, height = 900] = process.argv.slice(2, 4).map(Number);
const OUT = process.argv[4] ?? 'docs/img/classroom-white-cell.png';
const app = await startApp();
try {
  const page = await app.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(app.url);
  await waitForApp(page);
  const text = readFileSync(EXAMPLE_FILE, 'utf8');
  const r = await page.evaluate(async (text) => {
    const c = (window as unknown as { concord: ConcordHooks }).concord;
    return c.openSession(JSON.parse(text));
  }, text);
  if (!r.ok) throw new Error(`the example session did not open: ${r.problems?.join('; ')}`);
  await waitForApp(page);
  // The event feed beside the map: what happened, in words.
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  await page.waitForTimeout(1500); // the map's first frames
  await page.screenshot({ path: OUT });
  process.stdout.write(`wrote ${OUT}\n`);
} finally {
  await app.close();
}

// The MSEL editor (the white cell's exercise control) in real Chromium under the app's CSP:
// start an exercise, open the MSEL tab, add a triggered entry through the form, run until it
// fires, the addressed role acknowledges its card, the white cell's table says so; export
// CSV and XLSX and import them back to identical entries; a broken file shows row and column
// problems and changes nothing; the keyboard and the names of controls. Screenshots of the
// editor at 1600×900 and 1280×720 go to test-results/ for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MselEntry } from '../../src/exercise/msel';
import { type App, startApp } from './browser';

type View = {
  msel: MselEntry[] | null;
  fired: Array<{ serial: string; tick: number; by: string }> | null;
  cards: Array<{ serial: string; acked: boolean; ackedBy: string[] }>;
};
type Concord = {
  ready: Promise<void>;
  map: object | null;
  store: { getState(): Record<string, unknown> };
  runTo(tick: number): Promise<unknown>;
  scenarioDoc(name: string): Promise<unknown>;
  startExercise(o: unknown): Promise<void>;
  showRole(role: string): Promise<void>;
  refreshExercise(): Promise<void>;
  exercise(): { active: boolean; role: string; view: View | null };
  api: {
    exercise(role?: string): Promise<View>;
    ack(role: string, serial: string): Promise<{ ok: boolean }>;
  };
};
/**
 * `window.concord`, typed. The page gets a global of the same name (init script below), so the
 * functions handed to page.evaluate may call `win()` too: they run in the page, not here.
 */
const win = () => (window as unknown as { concord: Concord }).concord;

const VIOLATION = /Content Security Policy|CSP violation/;
const OUT = 'test-results';

let app: App;
let page: Page;
const errors: string[] = [];
const violations: string[] = [];

beforeAll(async () => {
  app = await startApp();
  mkdirSync(OUT, { recursive: true });
  page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  page.setDefaultTimeout(20_000);
  await page.addInitScript(() => {
    (window as unknown as { win: () => unknown }).win = () =>
      (window as unknown as { concord: unknown }).concord;
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation in page: ${e.effectiveDirective} blocked ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (VIOLATION.test(m.text())) violations.push(m.text());
    else if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.waitForFunction(
    () => (window as unknown as { concord?: unknown }).concord !== undefined,
  );
  await page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);
});
afterAll(async () => {
  await app?.close();
});

/** The white cell's MSEL as the engine holds it (not the store's copy). */
const engineMsel = () =>
  page.evaluate(
    async () =>
      (await (window as unknown as { concord: Concord }).concord.api.exercise('white')).msel!,
  );
const bySerial = (list: readonly MselEntry[]) =>
  [...list].sort((a, b) => a.serial.localeCompare(b.serial, 'en', { numeric: true }));
const row = (serial: string) => page.locator(`#msel-table tbody tr[data-serial="${serial}"]`);
const openTab = async () => {
  await page.getByRole('tab', { name: 'MSEL', exact: true }).click();
  await page.locator('#msel-table').waitFor();
};
const shot = async (name: string, width: number, height: number) => {
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name}-${width}x${height}.png` });
};

describe('the MSEL editor', () => {
  let serial = '';

  it('is offered only to the white cell in an exercise', async () => {
    await page.waitForFunction(
      () => (window as unknown as { concord: Concord }).concord.map !== null,
    );
    // A planner's run: no MSEL tab.
    expect(await page.getByRole('tab', { name: 'MSEL', exact: true }).count()).toBe(0);
    await page.evaluate(async () => {
      const c = (window as unknown as { concord: Concord }).concord;
      await c.startExercise({
        title: 'Sahel Shield 26',
        scenario: { name: 'sahel-ct', doc: await c.scenarioDoc('sahel-ct') },
        seed: 1,
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
        roles: [
          { actor: 'niger', name: 'Niger' },
          { actor: 'mali', name: 'Mali' },
        ],
      });
    });
    await page.waitForFunction(() => win().exercise().view?.msel != null);
    await openTab();
    // The scenario's injects are the MSEL to begin with, in time order.
    await expect.poll(() => row('1').locator('td').first().textContent()).toBe('D+0 06:00');
    expect(await row('1').locator('td').nth(1).textContent()).toBe('050600Z JAN 26');
    expect(await page.locator('#msel-table thead th[scope="col"]').allTextContents()).toEqual([
      'No.',
      'D+ time',
      'DTG',
      'From',
      'To',
      'Method',
      'Subject',
      'Effect',
      'Trigger',
      'Status',
      'Actions',
    ]);
  });

  it('adds a triggered entry through the form; it fires on an attack in its zone', async () => {
    await page.getByRole('button', { name: '+ Add entry' }).click();
    const form = page.getByRole('dialog', { name: /^New entry/ });
    await form.waitFor();
    serial = await form.getByLabel('No. (serial)').inputValue();
    expect(serial).toBe('17'); // after the scenario's sixteen injects
    await form.getByLabel('On an event').check();
    await form.getByLabel('Event', { exact: true }).selectOption('attack');
    await form.getByLabel('Zone', { exact: true }).selectOption('sector-centre');
    await form.getByLabel('From').fill('Niger MoD');
    await form.getByRole('checkbox', { name: 'Niger', exact: true }).check();
    await form.getByLabel('Method').selectOption('phone');
    await form.getByLabel('Subject').fill('Attack reported in Sector Centre');
    await form.getByLabel('Message').fill('Villagers report an armed column. Confirm and report.');
    await form.getByLabel('Expected player action').fill('Task a patrol; inform the JOC');
    await shot('msel-form', 1280, 720);
    await shot('msel-form', 1600, 900);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const saved = (await engineMsel()).find((e) => e.serial === serial);
    expect(saved).toEqual({
      serial,
      timing: {
        kind: 'trigger',
        trigger: { kind: 'event', event: 'attack', zone: 'sector-centre' },
      },
      from: 'Niger MoD',
      to: ['niger'],
      method: 'phone',
      subject: 'Attack reported in Sector Centre',
      message: 'Villagers report an armed column. Confirm and report.',
      expectedAction: 'Task a patrol; inform the JOC',
      effect: null,
    });
    expect(await row(serial).textContent()).toContain('Attack in Joint Force Sector Centre');
    expect(await row(serial).textContent()).toContain('Pending');

    // Run the clock: the entry fires at the tick the first attack in the zone is logged.
    await page.evaluate(() => win().runTo(192));
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            win()
              .exercise()
              .view?.fired?.map((f) => f.serial),
          ),
        {
          timeout: 20_000,
        },
      )
      .toContain(serial);
    const fired = await page.evaluate(
      (s) =>
        win()
          .exercise()
          .view!.fired!.find((f) => f.serial === s)!,
      serial,
    );
    expect(fired.by).toBe('trigger');
    expect(fired.tick).toBeLessThan(192);
    await expect
      .poll(() => row(serial).locator('.msel-status').textContent())
      .toMatch(/^Fired D\+/);
    expect(await row(serial).textContent()).toContain('waiting for Niger');
  });

  it("the addressed role acknowledges its card; the white cell's table shows who and when", async () => {
    // Niger takes the screen (hot seat) and acknowledges the card in its tray.
    await page.evaluate(() => win().showRole('niger'));
    await page.waitForFunction(() => win().exercise().role === 'niger');
    expect(await page.getByRole('tab', { name: 'MSEL', exact: true }).count()).toBe(0);
    const ack = page.getByRole('button', { name: new RegExp(`^Acknowledge card ${serial}\\b`) });
    if (!(await ack.isVisible())) await page.getByRole('button', { name: /^Inject cards/ }).click();
    await ack.click();
    await page.waitForFunction(
      (s) =>
        win()
          .exercise()
          .view?.cards.find((c) => c.serial === s)?.acked === true,
      serial,
    );
    await page.evaluate(() => win().showRole('white'));
    await page.waitForFunction(() => win().exercise().role === 'white');
    await openTab();
    await expect
      .poll(() => row(serial).locator('.msel-acked').textContent())
      .toMatch(/acknowledged by Niger D\+\d+ \d\d:\d\d/);
    expect(await row(serial).locator('.msel-status').getAttribute('class')).toContain('acked');
    // The acknowledgement view: who, when, and who has not (STARTEX went to every role).
    await page.getByRole('button', { name: /^Acknowledgements/ }).click();
    const acks = page.locator('#msel-acks');
    await expect
      .poll(() => acks.locator(`tr[data-serial="${serial}"]`).textContent())
      .toMatch(/✓ Niger D\+\d+ \d\d:\d\d.*all acknowledged/);
    expect(await acks.locator('tr[data-serial="1"]').textContent()).toMatch(
      /nobody yet.*Niger.*Mali/,
    );
    await shot('msel-acks', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.getByRole('button', { name: 'Entries', exact: true }).click();
  });

  it('exports CSV and XLSX named after the exercise; importing them back gives identical entries', async () => {
    const before = await engineMsel();
    // Kept under their own names in test-results/ (the import dialog names the file).
    const download = async (button: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      const name = d.suggestedFilename();
      await d.saveAs(`${OUT}/${name}`);
      return { name, path: `${OUT}/${name}` };
    };
    const csv = await download('Export CSV');
    expect(csv.name).toBe('Sahel-Shield-26-MSEL.csv');
    expect(readFileSync(csv.path, 'utf8')).toMatch(/^\ufeffNo\.,Time,DTG,From,To,Method,Subject/);
    const xlsx = await download('Export XLSX');
    expect(xlsx.name).toBe('Sahel-Shield-26-MSEL.xlsx');
    expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');

    for (const file of [csv, xlsx]) {
      // Change the MSEL through the form: delete entry 5, reword entry 7.
      await row('5').getByRole('button', { name: 'Edit entry 5' }).click();
      await page
        .getByRole('dialog', { name: /^Entry 5/ })
        .getByRole('button', { name: 'Delete' })
        .click();
      await page.getByRole('button', { name: 'Undo delete of entry 5' }).waitFor();
      await row('7').getByRole('button', { name: 'Edit entry 7' }).click();
      const form = page.getByRole('dialog', { name: /^Entry 7/ });
      await form.getByLabel('Subject').fill('Reworded');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      expect(bySerial(await engineMsel())).not.toEqual(bySerial(before));

      await page.setInputFiles('#msel-import-file', file.path);
      const dialog = page.getByRole('dialog', { name: `Import ${file.name}` });
      await expect
        .poll(() => dialog.locator('#msel-import-summary').textContent())
        .toMatch(/1 added, 1 replaced, \d+ unchanged/);
      if (file === csv) await shot('msel-import-preview', 1280, 720);
      await page.setViewportSize({ width: 1600, height: 900 });
      await dialog.getByRole('button', { name: 'Apply import' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(async () => bySerial(await engineMsel())).toEqual(bySerial(before));
      // The store's copy (what the table shows) is the engine's.
      expect(bySerial(await page.evaluate(() => win().exercise().view!.msel!))).toEqual(
        bySerial(before),
      );
    }
  });

  it('a broken CSV dropped on the tab shows row and column problems and changes nothing', async () => {
    const before = await engineMsel();
    const text = [
      'No.,Time,From,To,Method,Subject,Message,Expected Action,Trigger,Effect,Effect Details',
      '50,D+1 07:00,EXCON,niger,email,Fine,,,,,',
      '51,D+1 25:00,EXCON,niger,email,Bad time,,,,,',
      '52,,EXCON,atlantis,email,Bad zone,,,attack in nowhere,,',
      '53,D+2 00:00,EXCON,mali,pigeon,Bad method,,,,,',
      '54,D+2 00:00,EXCON,mali,email,Half an effect,,,,agreement,agreement=ag-ml-bf',
    ].join('\r\n');
    // Drag and drop: a file dropped anywhere on the MSEL tab.
    await page.evaluate((csvText) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csvText], 'broken.csv', { type: 'text/csv' }));
      const panel = document.getElementById('msel-panel')!;
      panel.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      panel.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, text);
    const dialog = page.getByRole('dialog', { name: 'Import broken.csv' });
    const problems = dialog.locator('#msel-import-problems tbody tr');
    await problems.first().waitFor();
    const cells = await problems.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const where = cells.map(([r, c]) => `${r} ${c}`);
    expect(where).toEqual(
      expect.arrayContaining(['3 Time', '4 To', '4 Trigger', '5 Method', '6 Effect Details']),
    );
    expect(cells.find(([r, c]) => r === '3' && c === 'Time')?.[2]).toMatch(
      /found "D\+1 25:00"; allowed: a time like D\+2 06:30/,
    );
    expect(await dialog.getByRole('alert').textContent()).toMatch(/problems: nothing was imported/);
    await shot('msel-import-problems', 1280, 720);
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await engineMsel()).toEqual(before);
  });

  it('links problems to their fields, blocks Save, and closes on Escape', async () => {
    await row('2').getByRole('button', { name: 'Edit entry 2' }).click();
    const form = page.getByRole('dialog', { name: /^Entry 2/ });
    const serialInput = form.getByLabel('No. (serial)');
    await serialInput.fill('3');
    expect(await serialInput.getAttribute('aria-invalid')).toBe('true');
    const described = (await serialInput.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(
      /found "3"; serials must be unique/,
    );
    expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    // Every control in the form has a name.
    const unnamed = await form.evaluate((root) =>
      [...root.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const named =
            (el as HTMLInputElement).labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby') ||
            (el.tagName === 'BUTTON' && el.textContent?.trim());
          return !named;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect((await engineMsel()).find((e) => e.serial === '2')).toBeDefined();
  });

  it("keeps the app's Space and arrow shortcuts quiet while typing or on a button", async () => {
    const tick = () => page.evaluate(() => win().store.getState().tick as number);
    const playing = () => page.evaluate(() => win().store.getState().playing as boolean);
    const t0 = await tick();
    const all = await page.locator('#msel-table tbody tr').count();
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('');
    await search.type('niger ');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Entries', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    expect(await playing()).toBe(false);
    expect(await tick()).toBe(t0);
    expect(await search.inputValue()).toBe('niger ');
    // The search filters the table.
    const shown = await page.locator('#msel-table tbody tr').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    await search.fill('');
    // Every control of the tab has a name.
    const unnamed = await page
      .locator('#msel-panel')
      .evaluate((root) =>
        [...root.querySelectorAll('input, select, textarea, button')]
          .filter(
            (el) =>
              !(
                (el as HTMLInputElement).labels?.length ||
                el.getAttribute('aria-label') ||
                (el.tagName === 'BUTTON' && el.textContent?.trim())
              ),
          )
          .map((el) => el.outerHTML.slice(0, 80)),
      );
    expect(unnamed).toEqual([]);
  });

  it('reads at 1280×720 and 1600×900 (screenshots), with no CSP violation or error', async () => {
    await shot('msel-editor', 1280, 720);
    // Nothing in the table is squeezed below the projector minimum or clipped sideways.
    const layout = await page.evaluate(() => {
      const wrap = document.querySelector('.msel-table-wrap')!;
      const sizes = [...document.querySelectorAll('#msel-table td, #msel-table th')].map((el) =>
        Number.parseFloat(getComputedStyle(el).fontSize),
      );
      return { overflow: wrap.scrollWidth - wrap.clientWidth, minFont: Math.min(...sizes) };
    });
    expect(layout.minFont).toBeGreaterThanOrEqual(14);
    expect(layout.overflow).toBeLessThanOrEqual(0);
    await shot('msel-editor', 1600, 900);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});

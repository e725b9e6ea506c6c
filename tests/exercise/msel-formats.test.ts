// MSEL spreadsheets: CSV and XLSX round trips on every bundled scenario's MSEL and on awkward
// hand-written entries, and bad files whose problems name the row and column a planner sees
// (header = row 1) and import nothing. No header or cell reaches Object.prototype.

import { afterEach, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { type MselEntry, mselFromScenario } from '../../src/exercise/msel';
import { csvDecode, csvEncode, exportMselCsv, importMselCsv } from '../../src/exercise/msel-csv';
import { entriesToTable, MSEL_COLUMNS, type MselImport } from '../../src/exercise/msel-table';
import { exportMselXlsx, importMselXlsx } from '../../src/exercise/msel-xlsx';
import { handEntries, lines, scenario, scenarioNames } from './msel-fixture';

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
  );
});

const sahel = () => scenario('sahel-ct');
const START = () => sahel().start;

/** The problems of an import that must fail, as the planner reads them; and it gave nothing. */
function failed(r: MselImport): string[] {
  expect(r.ok).toBe(false);
  expect('entries' in r).toBe(false);
  return r.ok ? [] : lines(r.problems);
}

function entriesOf(r: MselImport): MselEntry[] {
  expect(r.ok ? [] : lines(r.problems)).toEqual([]);
  return r.ok ? r.entries : [];
}

/** The hand entries as a table (row 1 header, row 2 = serial 1, row 4 = serial 12a). */
const table = () => entriesToTable(handEntries(), START());
const col = (name: (typeof MSEL_COLUMNS)[number]) => MSEL_COLUMNS.indexOf(name);
function edited(row: number, column: (typeof MSEL_COLUMNS)[number], value: string): string[][] {
  const t = table();
  t[row - 1]![col(column)] = value;
  return t;
}

const agreementList = () => {
  const ids = sahel().agreements.map((a) => a.id);
  return `${ids.slice(0, 12).join(', ')}, … (${ids.length})`;
};

describe('CSV round trip', () => {
  it.each(scenarioNames)("%s: the scenario's MSEL comes back identical", (name) => {
    const sc = scenario(name);
    const msel = mselFromScenario(sc);
    expect(entriesOf(importMselCsv(exportMselCsv(msel, sc), sc))).toStrictEqual(msel);
  });

  it('hand-written entries: triggers, commas, quotes, line breaks, formulas, unicode', () => {
    const msel = handEntries();
    const csv = exportMselCsv(msel, sahel());
    expect(
      csv.startsWith(
        '\ufeffNo.,Time,DTG,From,To,Method,Subject,Message,Expected Action,Trigger,Effect,Effect Details\r\n',
      ),
    ).toBe(true);
    expect(entriesOf(importMselCsv(csv, sahel()))).toStrictEqual(msel);
    // Without the byte-order mark, with LF line ends: the same.
    const lf = exportMselCsv(msel, sahel(), { bom: false }).replace(/\r\n/g, '\n');
    expect(entriesOf(importMselCsv(lf, sahel()))).toStrictEqual(msel);
  });

  it('writes the usual layout, one row per entry, formulas defused', () => {
    const csv = exportMselCsv(handEntries(), sahel(), { bom: false });
    const rows = csvDecode(csv).rows;
    expect(rows[2]).toEqual([
      '2',
      'D+2 06:30',
      '070630Z JAN 26',
      'Niger MoD',
      'niger, g5-sahel',
      'phone',
      'Tillabéri: attaque à Inates',
      'Les habitants signalent une colonne armée — ✓ confirmé 🚩; السلام',
      'Task a QRF; inform the JOC',
      '',
      'attack',
      'threat=grp-b; place=inates',
    ]);
    expect(rows[4]!.slice(9)).toEqual([
      'incidents >= 5',
      'spawn',
      'threat=grp-b; strength=30; position=1.5 14.2',
    ]);
    expect(rows[3]![9]).toBe('attack in sector-centre');
    // In the file itself, a cell that a spreadsheet would run as a formula starts with '.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv.split('\r\n')[1]).toMatch(
      /^1,D\+0 00:00,050000Z JAN 26,EXCON,,email,"STARTEX, all stations","Exercise ""SAHEL SHIELD"" begins\.\n/,
    );
  });

  it('reads headers in any case and order, a semicolon delimiter, and a plain MSEL', () => {
    const t = table();
    const order = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const defused = (c: string) => (/^[=+\-@\t\r']/.test(c) ? `'${c}` : c);
    const shuffled = t.map((r) => order.map((i) => defused(r[i]!)));
    shuffled[0] = shuffled[0]!.map((h) => h.toUpperCase().replace('.', ''));
    const semi = csvEncode(shuffled, ';');
    expect(entriesOf(importMselCsv(semi, sahel()))).toStrictEqual(handEntries());
    // A planner's own sheet: the usual columns only, a DTG instead of a time, blank rows.
    const plain = [
      'Serial,DTG,From,To,Method,Subject,Message,Expected Player Action,Trigger,Effect,Effect Details',
      '',
      '7,070630Z JAN 26,Niger MoD,Niger; mali,E-mail,Convoy,"Convoy, late",Reply',
      '8,,EXCON,,Face to face,Trigger,,,Attack in Sector-Centre,Agreement,AGREEMENT=AG-ML-BF; Active=No',
    ].join('\n');
    expect(entriesOf(importMselCsv(plain, sahel()))).toStrictEqual([
      {
        serial: '7',
        timing: { kind: 'at', hours: 54.5 },
        from: 'Niger MoD',
        to: ['niger', 'mali'],
        method: 'email',
        subject: 'Convoy',
        message: 'Convoy, late',
        expectedAction: 'Reply',
        effect: null,
      },
      {
        serial: '8',
        timing: {
          kind: 'trigger',
          trigger: { kind: 'event', event: 'attack', zone: 'sector-centre' },
        },
        from: 'EXCON',
        to: [],
        method: 'face-to-face',
        subject: 'Trigger',
        message: '',
        expectedAction: '',
        effect: { kind: 'agreement', agreement: 'ag-ml-bf', active: false },
      },
    ]);
  });
});

describe('a bad CSV names the row and column and imports nothing', () => {
  const bad = (rows: string[][]) => failed(importMselCsv(csvEncode(rows), sahel()));

  it('a missing column', () => {
    const t = table().map((r) => r.filter((_, i) => i !== col('Expected Action')));
    expect(bad(t)).toEqual([
      'row 1: missing column Expected Action; required: No., Time (or DTG, or Trigger), From, To, Method, Subject, Message, Expected Action',
    ]);
  });

  it('an unknown effect kind', () => {
    expect(bad(edited(3, 'Effect', 'Explode'))).toEqual([
      'row 3, column Effect: found "Explode"; allowed: spawn, attack, agreement, right, mechanism, weather, funding, withdraw, narrative, or empty for narrative only',
    ]);
  });

  it('a bad time, a time past the end, a DTG that disagrees, a time beside a trigger', () => {
    expect(bad(edited(2, 'Time', 'D+2 25:00'))).toEqual([
      'row 2, column Time: found "D+2 25:00"; allowed: a time like D+2 06:30 (days after the start, then HH:MM)',
    ]);
    const late = edited(2, 'Time', 'D+30 00:00');
    late[1]![col('DTG')] = '';
    expect(bad(late)).toEqual([
      'row 2, column Time: found D+30 00:00 (720 h); allowed: before the end of the exercise at D+30 00:00 (720 h)',
    ]);
    expect(bad(edited(3, 'DTG', '070631Z JAN 26'))).toEqual([
      'row 3, column DTG: found "070631Z JAN 26" (D+2 06:31); it disagrees with Time D+2 06:30: correct one, or clear the DTG (it is recomputed on export)',
    ]);
    expect(bad(edited(4, 'Time', 'D+1 00:00'))).toEqual([
      'row 4, column Trigger: found "attack in sector-centre" beside a time; a row has a Time (or DTG) or a Trigger, not both',
    ]);
  });

  it('a reference to an agreement that does not exist', () => {
    expect(bad(edited(4, 'Effect Details', 'agreement=nowhere; active=false'))).toEqual([
      `row 4, column Effect Details: found "agreement=nowhere"; allowed: an agreement id (${agreementList()})`,
    ]);
  });

  it('a duplicate serial', () => {
    expect(bad(edited(5, 'No.', '1'))).toEqual([
      'row 5, column No.: found "1"; serials must be unique (also row 2)',
    ]);
  });

  it('a value that is not a number, or out of range', () => {
    expect(
      bad(edited(5, 'Effect Details', 'threat=grp-b; strength=thirty; position=1.5 14.2')),
    ).toEqual(['row 5, column Effect Details: found "strength=thirty"; allowed: a number']);
    expect(bad(edited(5, 'Effect Details', 'threat=grp-b; Strength = 0'))).toEqual([
      'row 5, column Effect Details: found "strength=0"; allowed: at least 1',
    ]);
    expect(bad(edited(5, 'Trigger', 'incidents >= lots'))).toEqual([
      'row 5, column Trigger: found "lots"; allowed: a number to compare with',
    ]);
    expect(bad(edited(3, 'Effect Details', 'threat=grp-b'))).toEqual([
      'row 3, column Effect Details: missing "place=…" (an id); attack needs threat, place',
    ]);
  });

  it('errors in several rows are all reported, in row order', () => {
    const t = edited(6, 'Method', 'pigeon');
    t[2]![col('To')] = 'niger, atlantis';
    t[3]![col('Trigger')] = 'agreement in sector-centre';
    const out = bad(t);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^row 3, column To: found "atlantis"; allowed: an actor id \(mali, /);
    expect(out[1]).toMatch(
      /^row 4, column Trigger: found "sector-centre"; a "agreement" event has no position, so no zone/,
    );
    expect(out[2]).toMatch(/^row 6, column Method: found "pigeon"; allowed: "email" \| /);
  });

  it('unknown and doubled columns; a quoted cell left open', () => {
    const t = table().map((r, i) => [...r, i ? 'x' : 'Colour', i ? 'y' : 'message']);
    expect(bad(t)).toEqual([
      `row 1, column Colour: unknown column; allowed: ${MSEL_COLUMNS.join(', ')}`,
      'row 1, column message: a second Message column (also column H)',
    ]);
    const open = `${csvEncode(table().slice(0, 3))}\r\n9,D+1 00:00,,"EXCON,,email`;
    expect(failed(importMselCsv(open, sahel()))).toEqual([
      'row 4: a quoted cell is not closed (a " is missing)',
    ]);
    expect(failed(importMselCsv('', sahel()))[0]).toMatch(/^row 1: empty; expected a header row/);
  });

  it('limits: columns, rows and cell size', () => {
    const wide = [Array.from({ length: 70 }, (_, i) => `c${i}`).join(',')].join('\n');
    expect(failed(importMselCsv(wide, sahel()))).toEqual([
      'row 1: more than 64 columns; allowed: at most 64',
    ]);
    expect(failed(importMselCsv('\n'.repeat(20_001), sahel()))).toEqual([
      'file: more than 20000 rows; allowed: at most 20000',
    ]);
    const big = edited(2, 'Message', 'x'.repeat(40_000));
    expect(bad(big)).toEqual([
      'row 2, column H: found 40000 characters; allowed: at most 32767 in a cell',
    ]);
  });

  it('a __proto__ header or cell pollutes nothing and is reported', () => {
    const t = table().map((r, i) => [...r, i ? '{"polluted":1}' : '__proto__']);
    expect(bad(t)).toEqual([
      `row 1, column __proto__: unknown column; allowed: ${MSEL_COLUMNS.join(', ')}`,
    ]);
    const cells = edited(2, 'To', '__proto__');
    cells[2]![col('Effect Details')] = '__proto__=1; constructor=2';
    cells[3]![col('Trigger')] = 'attack in constructor';
    cells[4]![col('No.')] = 'constructor';
    const keys = 'allowed: key=value pairs separated by ";" with keys for attack: threat, place';
    expect(bad(cells)).toEqual([
      'row 2, column To: found "__proto__"; an id of lower-case letters, digits and dashes',
      'row 2, column To: found "__proto__"; a reserved word (constructor, prototype), not an id',
      `row 3, column Effect Details: found "__proto__=1"; ${keys}`,
      `row 3, column Effect Details: found "constructor=2"; ${keys}`,
      'row 3, column Effect Details: missing "threat=…" (an id); attack needs threat, place',
      'row 3, column Effect Details: missing "place=…" (an id); attack needs threat, place',
      'row 4, column Trigger: found "constructor"; a reserved word (constructor, prototype), not an id',
      'row 5, column No.: found "constructor"; a reserved word (constructor, prototype), not a serial',
    ]);
  });
});

describe('XLSX round trip', () => {
  it.each(scenarioNames)("%s: the scenario's MSEL comes back identical", async (name) => {
    const sc = scenario(name);
    const msel = mselFromScenario(sc);
    const bytes = await exportMselXlsx(msel, sc);
    expect(entriesOf(await importMselXlsx(bytes, sc))).toStrictEqual(msel);
  });

  it('hand-written entries: triggers, commas, quotes, line breaks, formulas, unicode', async () => {
    const msel = handEntries();
    const bytes = await exportMselXlsx(msel, sahel());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
    expect(entriesOf(await importMselXlsx(bytes.buffer as ArrayBuffer, sahel()))).toStrictEqual(
      msel,
    );
  });
});

describe('a bad XLSX names the row and column and imports nothing', () => {
  type Cell = string | number | boolean | Date | null;
  /** A workbook of the hand table with cells replaced (row, column, value). */
  async function workbook(edits: Array<[number, string, Cell]> = [], rows = table() as Cell[][]) {
    // As exportMselXlsx does, an apostrophe before "toString" (the library cannot write it bare).
    const proto = new Set(Object.getOwnPropertyNames(Object.prototype));
    const data = rows.map((r) =>
      r.map((c) => (typeof c === 'string' && proto.has(c) ? `'${c}` : c)),
    );
    for (const [row, column, value] of edits) {
      let c = (data[0] as string[]).indexOf(column);
      if (c < 0) c = data[0]!.push(column) - 1;
      data[row - 1]![c] = value;
    }
    const blob = await writeXlsxFile(data, { dateFormat: 'yyyy-mm-dd hh:mm' }).toBlob();
    return new Uint8Array(await blob.arrayBuffer());
  }
  const bad = async (bytes: Uint8Array) => failed(await importMselXlsx(bytes, sahel()));

  it('the same problems as CSV: missing column, effect kind, reference, duplicate, number', async () => {
    const noAction = table().map((r) => r.filter((_, i) => i !== col('Expected Action')));
    expect(await bad(await workbook([], noAction))).toEqual([
      'row 1: missing column Expected Action; required: No., Time (or DTG, or Trigger), From, To, Method, Subject, Message, Expected Action',
    ]);
    expect(await bad(await workbook([[3, 'Effect', 'explode']]))).toEqual([
      'row 3, column Effect: found "explode"; allowed: spawn, attack, agreement, right, mechanism, weather, funding, withdraw, narrative, or empty for narrative only',
    ]);
    expect(
      await bad(await workbook([[4, 'Effect Details', 'agreement=nowhere; active=false']])),
    ).toEqual([
      `row 4, column Effect Details: found "agreement=nowhere"; allowed: an agreement id (${agreementList()})`,
    ]);
    expect(await bad(await workbook([[5, 'No.', 1]]))).toEqual([
      'row 5, column No.: found "1"; serials must be unique (also row 2)',
    ]);
    expect(
      await bad(await workbook([[5, 'Effect Details', 'threat=grp-b; strength=thirty']])),
    ).toEqual(['row 5, column Effect Details: found "strength=thirty"; allowed: a number']);
    expect(await bad(await workbook([[2, 'Time', 'D+2 25:00']]))).toEqual([
      'row 2, column Time: found "D+2 25:00"; allowed: a time like D+2 06:30 (days after the start, then HH:MM)',
    ]);
  });

  it('cells of unexpected types: a number time, a date, a logical value', async () => {
    expect(await bad(await workbook([[2, 'Time', 0.25]]))).toEqual([
      'row 2, column Time: found the number 0.25; allowed: text like D+2 06:30 (format the cells as Text)',
    ]);
    const date = new Date(Date.UTC(2026, 0, 7, 6, 30, 30));
    const out = await bad(
      await workbook([
        [3, 'DTG', date],
        [4, 'Subject', true],
      ]),
    );
    expect(out).toEqual([
      'row 3, column DTG: found a date cell (2026-01-07T06:30:30.000Z); allowed: text like D+2 06:30 or 021230Z MAR 26 (format the cells as Text)',
      'row 4, column Subject: found the logical value TRUE; allowed: text (format the cells as Text)',
    ]);
  });

  it('a __proto__ header pollutes nothing and is reported', async () => {
    // Padded with spaces: write-excel-file cannot write the bare text (see msel-xlsx.ts).
    expect(
      await bad(
        await workbook([
          [1, ' __proto__', ' __proto__'],
          [2, ' __proto__', '{}'],
        ]),
      ),
    ).toEqual([`row 1, column __proto__: unknown column; allowed: ${MSEL_COLUMNS.join(', ')}`]);
  });

  it('not a workbook, and a zip that declares more XML than the limit', async () => {
    expect(await bad(new TextEncoder().encode('No.,Time\n1,D+0'))).toEqual([
      'file: not an XLSX file (no zip directory found)',
    ]);
    const bytes = await exportMselXlsx(handEntries(), sahel());
    // Declare 1 GB for the first XML entry in the zip's central directory.
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let p = bytes.length - 22;
    while (v.getUint32(p, true) !== 0x06054b50) p--;
    p = v.getUint32(p + 16, true);
    v.setUint32(p + 24, 1_000_000_000, true);
    const out = await bad(bytes);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^file: found \d+ zip entries declaring 10\d{8} bytes of XML; allowed: at most 52428800 bytes/,
    );
    // A zip whose contents are broken is a problem, not a crash.
    const broken = await exportMselXlsx(handEntries(), sahel());
    broken.fill(0, 40, 400);
    expect((await bad(broken))[0]).toMatch(/^file: not a readable XLSX workbook/);
  });
});

describe('the XLSX library stays out of the main bundle', () => {
  it('msel-xlsx.ts imports it only on first use', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync('src/exercise/msel-xlsx.ts', 'utf8');
    expect(src).not.toMatch(/^import [^;]*from '(read|write)-excel-file/m);
    expect(src).toContain("await import('read-excel-file/universal')");
    expect(src).toContain("await import('write-excel-file/universal')");
  });
});

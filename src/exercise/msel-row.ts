// One spreadsheet row → one MSEL entry: reads each cell (serial, Time or DTG or Trigger, To,
// Method, Effect and its details), then runs the entry schema. Time is the source of an
// entry's time; a DTG beside it must agree (a check against editing one and not the other);
// a DTG alone stands in for an empty Time. Free text (From, Subject, Message, Expected
// Action) is kept as written, with line breaks stored as \n.
import { problemsFromZod } from '../scenario/problems';
import { MselEntry } from './msel';
import { parseEffect, parseTrigger } from './msel-cells';
import { pathSegments } from './msel-locate';
import type { MselColumn } from './msel-table';
import { formatDPlus, hoursOf, parseDPlus, parseDtg } from './msel-time';

export interface RowParse {
  /** Problems reading cells. */
  problems: Array<{ column: MselColumn; message: string }>;
  /** Problems the entry schema found, by entry path (only when the cells read cleanly). */
  schemaProblems: Array<{ path: string[]; message: string }>;
  /** The entry, when there is no problem of either kind. */
  entry: MselEntry | null;
  timeColumn: 'Time' | 'DTG';
  raw: ReadonlyMap<string, string>;
}

const text = (s: string) => s.replace(/\r\n?/g, '\n');

type Problems = RowParse['problems'];

/** "Face to face" → face-to-face, "E-mail" → email: the listed spelling of a method. */
function methodOf(cell: string): string {
  const m = cell.trim().toLowerCase().replace(/\s+/g, '-');
  return m === 'e-mail' ? 'email' : m;
}

/** Minutes after the start from the Time and DTG cells, or null (with problems if wrong). */
function readTime(time: string, dtg: string, startIso: string, out: Problems): number | null {
  let fromTime: number | null = null;
  if (time) {
    fromTime = parseDPlus(time);
    if (fromTime === null)
      out.push({
        column: 'Time',
        message: `found ${JSON.stringify(time)}; allowed: a time like D+2 06:30 (days after the start, then HH:MM)`,
      });
  }
  if (!dtg) return fromTime;
  const fromDtg = parseDtg(startIso, dtg);
  if (fromDtg === null) {
    out.push({
      column: 'DTG',
      message: `found ${JSON.stringify(dtg)}; allowed: a date-time group like 021230Z MAR 26, or empty`,
    });
    return null;
  }
  if (fromDtg < 0) {
    out.push({
      column: 'DTG',
      message: `found ${JSON.stringify(dtg)}; allowed: a DTG at or after the exercise start (${startIso})`,
    });
    return null;
  }
  if (time && fromTime !== null && fromTime !== fromDtg) {
    out.push({
      column: 'DTG',
      message: `found ${JSON.stringify(dtg)} (${formatDPlus(hoursOf(fromDtg))}); it disagrees with Time ${formatDPlus(hoursOf(fromTime))}: correct one, or clear the DTG (it is recomputed on export)`,
    });
    return null;
  }
  return time ? fromTime : fromDtg;
}

export function parseRow(cell: (c: MselColumn) => string, startIso: string): RowParse {
  const problems: Problems = [];
  const time = cell('Time').trim();
  const dtg = cell('DTG').trim();
  const triggerText = cell('Trigger').trim();
  const timeColumn = !time && dtg ? 'DTG' : 'Time';
  const minutes = readTime(time, dtg, startIso, problems);
  let timing: unknown = null;
  if (triggerText) {
    const t = parseTrigger(triggerText);
    if (!t.ok) problems.push({ column: 'Trigger', message: t.message });
    else if (time || dtg)
      problems.push({
        column: 'Trigger',
        message: `found ${JSON.stringify(triggerText)} beside a time; a row has a Time (or DTG) or a Trigger, not both`,
      });
    else timing = { kind: 'trigger', trigger: t.value };
  } else if (minutes !== null) timing = { kind: 'at', hours: hoursOf(minutes) };
  else if (!time && !dtg)
    problems.push({
      column: 'Time',
      message: 'missing; a row needs a Time (D+2 06:30), a DTG or a Trigger',
    });
  const serial = cell('No.').trim();
  if (!serial) problems.push({ column: 'No.', message: 'missing; every row needs a serial' });
  const fx = parseEffect(cell('Effect'), cell('Effect Details'));
  problems.push(...fx.problems);
  const base: RowParse = { problems, schemaProblems: [], entry: null, timeColumn, raw: fx.raw };
  if (problems.length) return base;
  const candidate = {
    serial,
    timing,
    from: text(cell('From')),
    // Ids are lower case: "Niger" is the actor niger.
    to: cell('To')
      .toLowerCase()
      .split(/[\s,;]+/)
      .filter(Boolean),
    method: methodOf(cell('Method')),
    subject: text(cell('Subject')),
    message: text(cell('Message')),
    expectedAction: text(cell('Expected Action')),
    effect: fx.effect,
  };
  const parsed = MselEntry.safeParse(candidate, { reportInput: true });
  if (parsed.success) return { ...base, entry: parsed.data };
  const schemaProblems = problemsFromZod(MselEntry, candidate, parsed.error).map((p) => ({
    path: pathSegments(p.path),
    message: p.message,
  }));
  return { ...base, schemaProblems };
}

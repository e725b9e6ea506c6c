// The entry form as data: a draft of text fields (what the inputs hold), the entry it reads
// as, and the problems of each field — the form's own (a time that is not D+d HH:MM), then
// the schema's messages, then the scenario's (an id that is not in its tables) — keyed by the
// field that shows them. Pure, so that form → entry is tested without a browser.
import {
  MSEL_EFFECT_KINDS,
  type MselEffectKind,
  type MselEntry,
  type MselMethod,
  mselEntryProblems,
  TRIGGER_EVENTS,
  type TRIGGER_OPS,
  type TriggerEvent,
} from '../../exercise/msel';
import { EFFECT_KEYS, parseNumber } from '../../exercise/msel-cells';
import { findingText, mselFindings } from '../../exercise/msel-check';
import { pathSegments } from '../../exercise/msel-locate';
import { formatDPlus, hoursOf, parseDPlus, parseDtg } from '../../exercise/msel-time';
import { MECHANISM_COLLECTIONS } from '../../scenario/references';
import type { Scenario } from '../../scenario/schema';
import type { MetricName } from '../../sim/metrics';
import { shortName } from './words';

export type TimingChoice = 'at' | 'event' | 'metric';

export interface FormDraft {
  serial: string;
  timing: TimingChoice;
  /** "D+2 06:30" (a DTG is read too). */
  time: string;
  event: TriggerEvent;
  /** '' = anywhere. */
  zone: string;
  metric: MetricName;
  op: (typeof TRIGGER_OPS)[number];
  value: string;
  from: string;
  to: string[];
  method: MselMethod;
  subject: string;
  message: string;
  expectedAction: string;
  /** '' = narrative only (no effect). */
  effect: MselEffectKind | '';
  /** Effect fields as text by key (`position` as `lon` and `lat`; `closes` comma-separated). */
  fx: Record<string, string>;
}

export interface FieldProblem {
  /** A field key (`serial`, `timing.hours`, `effect.zone`…), or `form` for the entry as a whole. */
  field: string;
  message: string;
}

// ——— entry ⇄ draft ———

function fxOf(entry: MselEntry): Record<string, string> {
  const fx: Record<string, string> = {};
  const e = entry.effect as Record<string, unknown> | null;
  if (!e) return fx;
  for (const [k, v] of Object.entries(e)) {
    if (k === 'kind' || v === undefined) continue;
    if (k === 'position' && Array.isArray(v)) {
      fx.lon = String(v[0]);
      fx.lat = String(v[1]);
    } else if (Array.isArray(v)) fx[k] = v.join(',');
    else fx[k] = String(v);
  }
  return fx;
}

export function entryToDraft(entry: MselEntry): FormDraft {
  const t = entry.timing.kind === 'trigger' ? entry.timing.trigger : null;
  return {
    serial: entry.serial,
    timing: t === null ? 'at' : t.kind,
    time: entry.timing.kind === 'at' ? formatDPlus(entry.timing.hours) : formatDPlus(0),
    event: t?.kind === 'event' ? t.event : 'attack',
    zone: t?.kind === 'event' ? (t.zone ?? '') : '',
    metric: t?.kind === 'metric' ? t.metric : 'incidents',
    op: t?.kind === 'metric' ? t.op : '>=',
    value: t?.kind === 'metric' ? String(t.value) : '1',
    from: entry.from,
    to: [...entry.to],
    method: entry.method,
    subject: entry.subject,
    message: entry.message,
    expectedAction: entry.expectedAction,
    effect: entry.effect?.kind ?? '',
    fx: fxOf(entry),
  };
}

/** Minutes after the start for "D+2 06:30" or a DTG at or after the start; null if neither. */
export function readTime(text: string, startIso: string): number | null {
  const t = text.trim();
  const m = parseDPlus(t);
  if (m !== null || !startIso) return m;
  const d = parseDtg(startIso, t);
  return d !== null && d >= 0 ? d : null;
}

/** Whether an event kind has a position (so a trigger on it may name a zone). */
export const eventHasPosition = (e: TriggerEvent): boolean => TRIGGER_EVENTS[e].where !== null;

/**
 * The entry a draft reads as (not yet checked: the schema may still refuse it), with the
 * problems of fields whose text cannot be read at all.
 */
export function draftToEntry(
  d: FormDraft,
  startIso = '',
): { candidate: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const push = (field: string, message: string) => problems.push({ field, message });
  let timing: unknown;
  if (d.timing === 'at') {
    const text = d.time.trim();
    const minutes = readTime(text, startIso);
    if (minutes === null)
      push(
        'timing.hours',
        `found ${JSON.stringify(text)}; allowed: a time like D+2 06:30 (days after the start, then HH:MM) or a DTG like 021230Z MAR 26`,
      );
    timing = { kind: 'at', hours: minutes === null ? 0 : hoursOf(minutes) };
  } else if (d.timing === 'event') {
    const zone = d.zone && eventHasPosition(d.event) ? { zone: d.zone } : {};
    timing = { kind: 'trigger', trigger: { kind: 'event', event: d.event, ...zone } };
  } else {
    const value = parseNumber(d.value);
    if (value === null)
      push(
        'timing.trigger.value',
        `found ${JSON.stringify(d.value.trim())}; allowed: a number to compare with`,
      );
    timing = {
      kind: 'trigger',
      trigger: { kind: 'metric', metric: d.metric, op: d.op, value: value ?? 0 },
    };
  }
  const text = (s: string) => s.replace(/\r\n?/g, '\n');
  return {
    candidate: {
      serial: d.serial.trim(),
      timing,
      from: text(d.from.trim()),
      to: [...d.to],
      method: d.method,
      subject: text(d.subject),
      message: text(d.message),
      expectedAction: text(d.expectedAction),
      effect: d.effect === '' ? null : effectOf(d.effect, d.fx, push),
    },
    problems,
  };
}

function effectOf(
  kind: MselEffectKind,
  fx: Record<string, string>,
  push: (field: string, message: string) => void,
): Record<string, unknown> {
  const out: Record<string, unknown> = { kind };
  for (const spec of EFFECT_KEYS[kind]) {
    const field = `effect.${spec.key}`;
    if (spec.type === 'position') {
      const [lon, lat] = [(fx.lon ?? '').trim(), (fx.lat ?? '').trim()];
      if (!lon && !lat) continue;
      const p = [parseNumber(lon), parseNumber(lat)];
      if (p[0] === null || p[1] === null)
        push(
          field,
          `found "${lon} ${lat}"; allowed: longitude and latitude in degrees, or both empty`,
        );
      else out.position = p;
      continue;
    }
    const v = (fx[spec.key] ?? '').trim();
    if (!v) {
      if (!spec.optional)
        push(
          field,
          spec.type === 'boolean'
            ? 'missing; choose switch on or switch off'
            : spec.type === 'domains'
              ? 'missing; tick at least one of ground, sea, air'
              : `missing; ${spec.type === 'number' ? 'a number' : 'choose one'}`,
        );
      continue;
    }
    if (spec.type === 'number') {
      const n = parseNumber(v);
      if (n === null) push(field, `found ${JSON.stringify(v)}; allowed: a number`);
      else out[spec.key] = n;
    } else if (spec.type === 'boolean') out[spec.key] = v === 'true';
    else if (spec.type === 'domains') out[spec.key] = v.split(',').filter(Boolean);
    else out[spec.key] = v;
  }
  return out;
}

// ——— problems by field ———

const TOP_FIELDS = new Set([
  'serial',
  'from',
  'to',
  'method',
  'subject',
  'message',
  'expectedAction',
]);
const TRIGGER_FIELDS = new Set(['event', 'zone', 'metric', 'op', 'value']);

/** The field that shows a problem at an entry path (`effect.position[1]` → `effect.position`). */
export function fieldOfPath(path: string): string {
  const seg = pathSegments(path).filter((s) => !/^\d+$/.test(s));
  const [a, b, c] = seg;
  if (a === 'timing') {
    if (b === 'hours') return 'timing.hours';
    if (b === 'trigger') return c && TRIGGER_FIELDS.has(c) ? `timing.trigger.${c}` : 'form';
    return 'form';
  }
  if (a === 'effect') return !b || b === 'kind' ? 'effect.kind' : `effect.${b}`;
  return a && TOP_FIELDS.has(a) ? a : 'form';
}

/**
 * Every problem of a draft, by field: its unreadable text, the schema's messages, then the
 * scenario's (ids, addressees, a unique serial, a time before the end). `others` are the
 * other entries of the MSEL (without the one being edited).
 */
export function formProblems(
  d: FormDraft,
  others: readonly MselEntry[],
  sc: Scenario | null,
): { entry: MselEntry | null; problems: FieldProblem[] } {
  const { candidate, problems } = draftToEntry(d, sc?.start ?? '');
  const schema = mselEntryProblems(candidate).map((p) => ({
    field: fieldOfPath(p.path),
    message: p.message,
  }));
  // A field whose text could not be read has said so; the schema would only repeat it.
  const said = new Set(problems.map((p) => p.field));
  const out = [...problems, ...schema.filter((p) => !said.has(p.field))];
  if (schema.length) return { entry: null, problems: out };
  const entry = candidate as unknown as MselEntry;
  if (sc) {
    // The entry goes last, so that a serial it shares is reported on it, not on the other.
    for (const f of mselFindings([...others, entry], sc)) {
      if (f.path[0] !== others.length) continue;
      const field = fieldOfPath(
        f.path
          .slice(1)
          .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
          .join('')
          .replace(/^\./, ''),
      );
      const message =
        f.other !== undefined ? `${findingText(f)}: another entry has it` : findingText(f);
      if (!said.has(field)) out.push({ field, message });
    }
  }
  return { entry: out.length ? null : entry, problems: out };
}

// ——— what the inputs offer ———

export interface Choice {
  id: string;
  name: string;
}

const named = (items: ReadonlyArray<{ id: string; name?: string | undefined }>): Choice[] =>
  items.map((x) => ({ id: x.id, name: x.name ? shortName(x.name) : x.id }));

const RIGHT_WORDS: Record<string, string> = {
  transit: 'transit',
  'hot-pursuit': 'hot pursuit',
  'base-access': 'base access',
};

/** The choices of an id field of an effect, names shown (ids stored). */
export function choicesFor(
  kind: MselEffectKind,
  key: string,
  fx: Record<string, string>,
  sc: Scenario | null,
): Choice[] {
  if (!sc) return [];
  const actor = (id: string) => named(sc.actors).find((a) => a.id === id)?.name ?? id;
  const org = sc.actors.find((a) => a.id === fx.organisation && a.kind === 'organisation');
  switch (key) {
    case 'threat':
      return named(sc.threats);
    case 'place':
      return named(sc.places);
    case 'agreement':
      return named(sc.agreements);
    case 'right':
      return sc.rights.map((r) => ({
        id: r.id,
        name: `${RIGHT_WORDS[r.kind] ?? r.kind}: ${actor(r.grantor)} → ${actor(r.grantee)}`,
      }));
    case 'mechanism':
      return MECHANISM_COLLECTIONS.flatMap((k) => named(sc[k]));
    case 'zone':
      return named(sc.zones);
    case 'organisation':
      return named(sc.actors.filter((a) => a.kind === 'organisation'));
    case 'actor':
      // withdraw: a member of the organisation chosen; funding: any actor.
      return kind === 'withdraw' && org
        ? named(sc.actors.filter((a) => (org.members ?? []).includes(a.id)))
        : named(sc.actors);
    case 'sectorsTo':
      return org
        ? named(sc.actors.filter((a) => (org.members ?? []).includes(a.id) && a.id !== fx.actor))
        : [];
    default:
      return [];
  }
}

export const EFFECT_LABELS: Record<MselEffectKind, string> = {
  spawn: 'Spawn or reinforce a threat',
  attack: 'Threat attacks a place',
  agreement: 'Switch an agreement',
  right: 'Grant or suspend a right',
  mechanism: 'Open or close a mechanism',
  weather: 'Weather closes a zone',
  funding: 'Funding for an actor',
  withdraw: 'Member leaves an organisation',
  narrative: 'Narrative (logged message)',
};

export const FIELD_LABELS: Record<string, string> = {
  threat: 'Threat group',
  place: 'Place',
  strength: 'Strength',
  position: 'Position (optional)',
  agreement: 'Agreement',
  right: 'Right',
  mechanism: 'Mechanism',
  active: 'Switch',
  zone: 'Zone',
  closes: 'Closes',
  hours: 'Hours',
  actor: 'Actor',
  amount: 'Amount',
  organisation: 'Organisation',
  sectorsTo: 'Sectors go to (optional)',
};

export { MSEL_EFFECT_KINDS };

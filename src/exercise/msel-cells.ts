// The two MSEL spreadsheet cells that hold structure, as a planner can type them:
// Trigger ("attack", "attack in sector-2", "incidents >= 5") and Effect Details
// ("threat=grp-b; strength=30; position=1.5 14.2"). Text in, typed values or a message out;
// ids are checked later (schema, then scenario), so a message here is about the form only.
import { CORE_METRICS } from '../sim/metrics';
import {
  MSEL_EFFECT_KINDS,
  type MselEffect,
  type MselEffectKind,
  TRIGGER_EVENT_KINDS,
  type TRIGGER_OPS,
  type Trigger,
} from './msel';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

type ValueType = 'id' | 'number' | 'boolean' | 'position' | 'domains';
interface KeySpec {
  key: string;
  type: ValueType;
  optional?: boolean;
}

/** Effect Details keys by effect kind, in the order export writes them. */
export const EFFECT_KEYS: Record<MselEffectKind, readonly KeySpec[]> = {
  spawn: [
    { key: 'threat', type: 'id' },
    { key: 'strength', type: 'number' },
    { key: 'position', type: 'position', optional: true },
  ],
  attack: [
    { key: 'threat', type: 'id' },
    { key: 'place', type: 'id' },
  ],
  agreement: [
    { key: 'agreement', type: 'id' },
    { key: 'active', type: 'boolean' },
  ],
  right: [
    { key: 'right', type: 'id' },
    { key: 'active', type: 'boolean' },
  ],
  mechanism: [
    { key: 'mechanism', type: 'id' },
    { key: 'active', type: 'boolean' },
  ],
  weather: [
    { key: 'zone', type: 'id' },
    { key: 'closes', type: 'domains' },
    { key: 'hours', type: 'number' },
  ],
  funding: [
    { key: 'actor', type: 'id' },
    { key: 'amount', type: 'number' },
  ],
  withdraw: [
    { key: 'actor', type: 'id' },
    { key: 'organisation', type: 'id' },
    { key: 'sectorsTo', type: 'id', optional: true },
  ],
  narrative: [],
};

const HINT: Record<ValueType, string> = {
  id: 'an id',
  number: 'a number',
  boolean: 'true or false',
  position: 'a position "lon lat", e.g. 1.5 14.2',
  domains: 'a list of ground, sea, air',
};

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A number written plainly (no "12abc", no empty text, no hex); null if not one. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

// ——— Trigger ———

export function triggerToText(t: Trigger): string {
  if (t.kind === 'metric') return `${t.metric} ${t.op} ${t.value}`;
  return t.zone ? `${t.event} in ${t.zone}` : t.event;
}

const TRIGGER_FORMS =
  'an event kind, optionally "in" a zone id (attack in sector-2), or a metric comparison (incidents >= 5)';

export function parseTrigger(text: string): Parsed<Trigger> {
  const t = text.trim();
  const metric = /^([A-Za-z][A-Za-z0-9]*)\s*(>=|<=|>|<|≥|≤)\s*(\S+)$/.exec(t);
  if (metric) {
    const name = CORE_METRICS.find((m) => m.toLowerCase() === metric[1]!.toLowerCase());
    if (!name)
      return {
        ok: false,
        message: `found "${metric[1]}"; allowed: a core metric (${CORE_METRICS.join(', ')})`,
      };
    const value = parseNumber(metric[3]!);
    if (value === null)
      return { ok: false, message: `found "${metric[3]}"; allowed: a number to compare with` };
    const op = metric[2] === '≥' ? '>=' : metric[2] === '≤' ? '<=' : metric[2]!;
    return {
      ok: true,
      value: { kind: 'metric', metric: name, op: op as (typeof TRIGGER_OPS)[number], value },
    };
  }
  const event = /^([A-Za-z-]+)(?:\s+in\s+(\S+))?$/i.exec(t);
  const kind = event && TRIGGER_EVENT_KINDS.find((k) => k === event[1]!.toLowerCase());
  if (!event || !kind)
    return {
      ok: false,
      message: `found "${t}"; allowed: ${TRIGGER_FORMS}; event kinds: ${TRIGGER_EVENT_KINDS.join(', ')}`,
    };
  return {
    ok: true,
    value:
      event[2] === undefined
        ? { kind: 'event', event: kind }
        : { kind: 'event', event: kind, zone: event[2].toLowerCase() },
  };
}

// ——— Effect and Effect Details ———

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.every((x) => typeof x === 'number') ? v.join(' ') : v.join(', ');
  return String(v);
}

export function effectDetailsToText(e: MselEffect): string {
  const rec = e as unknown as Record<string, unknown>;
  return EFFECT_KEYS[e.kind]
    .filter((s) => rec[s.key] !== undefined)
    .map((s) => `${s.key}=${valueText(rec[s.key])}`)
    .join('; ');
}

function parseValue(type: ValueType, v: string): unknown {
  switch (type) {
    case 'id':
      return v.toLowerCase(); // ids are lower case: AG-ML-BF is ag-ml-bf
    case 'number':
      return parseNumber(v);
    case 'boolean': {
      const b = v.toLowerCase();
      return b === 'true' || b === 'yes' ? true : b === 'false' || b === 'no' ? false : null;
    }
    case 'position': {
      const parts = v.split(/[\s,]+/).filter(Boolean);
      const nums = parts.map(parseNumber);
      return nums.length === 2 && nums.every((n) => n !== null) ? nums : null;
    }
    case 'domains':
      return v.split(/[\s,]+/).filter(Boolean);
  }
}

export interface EffectParse {
  /** The effect as typed in (not yet schema-checked), null for narrative only. */
  effect: Record<string, unknown> | null;
  problems: Array<{ column: 'Effect' | 'Effect Details'; message: string }>;
  /** Each Effect Details key as written ("strength=0"), by canonical key, for messages. */
  raw: Map<string, string>;
}

/** Reads the Effect (kind) and Effect Details cells. */
export function parseEffect(kindText: string, details: string): EffectParse {
  const raw = new Map<string, string>();
  const problems: EffectParse['problems'] = [];
  const kindIn = kindText.trim().toLowerCase();
  const hasDetails = details.trim() !== '';
  if (!kindIn) {
    if (hasDetails)
      problems.push({
        column: 'Effect Details',
        message: `found "${details.trim()}"; details need an effect kind in the Effect column`,
      });
    return { effect: null, problems, raw };
  }
  const kind = MSEL_EFFECT_KINDS.find((k) => k === kindIn);
  if (!kind) {
    problems.push({
      column: 'Effect',
      message: `found "${kindText.trim()}"; allowed: ${MSEL_EFFECT_KINDS.join(', ')}, or empty for narrative only`,
    });
    return { effect: null, problems, raw };
  }
  const specs = EFFECT_KEYS[kind];
  const keyList = specs.map((s) => s.key).join(', ') || 'none';
  const effect: Record<string, unknown> = { kind };
  for (const part of details.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    const keyIn = eq < 0 ? '' : p.slice(0, eq).trim();
    const spec = specs.find((s) => s.key.toLowerCase() === keyIn.toLowerCase());
    if (eq < 0 || !spec) {
      problems.push({
        column: 'Effect Details',
        message: `found "${p}"; allowed: key=value pairs separated by ";" with keys for ${kind}: ${keyList}`,
      });
      continue;
    }
    const v = p.slice(eq + 1).trim();
    if (raw.has(spec.key)) {
      problems.push({ column: 'Effect Details', message: `found "${spec.key}=" twice` });
      continue;
    }
    raw.set(spec.key, `${spec.key}=${v}`);
    const value = parseValue(spec.type, v);
    if (value === null || v === '')
      problems.push({
        column: 'Effect Details',
        message: `found "${spec.key}=${v}"; allowed: ${HINT[spec.type]}`,
      });
    else effect[spec.key] = value;
  }
  for (const s of specs)
    if (!s.optional && !raw.has(s.key))
      problems.push({
        column: 'Effect Details',
        message: `missing "${s.key}=…" (${HINT[s.type]}); ${kind} needs ${specs
          .filter((x) => !x.optional)
          .map((x) => x.key)
          .join(', ')}`,
      });
  return { effect, problems, raw };
}

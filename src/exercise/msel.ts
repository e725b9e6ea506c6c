// The MSEL (master scenario events list) as data: the entries exercise control writes, each a
// message in the fiction (serial, time or trigger, from, to, method, subject, message, expected
// player action) and, optionally, the engine inject it fires as. A zod schema validates a list
// of entries as a document; `msel-check.ts` checks one against a scenario; `msel-csv.ts` and
// `msel-xlsx.ts` exchange it with spreadsheets.
import { z } from 'zod';
import { type Problem, problemsFromZod } from '../scenario/problems';
import { isReservedKey, reservedKeyProblems } from '../scenario/safe-keys';
import { Actor, Inject, type Scenario } from '../scenario/schema';
import type { Validated } from '../scenario/validate';
import type { EventKind } from '../sim/events';
import { CORE_METRICS } from '../sim/metrics';
import { scenarioHours } from '../sim/time';
import { effectSubject } from './msel-subject';
import { canonicalHours, isWholeMinutes } from './msel-time';

/** The scenario's id rule (lower-case letters, digits, dashes; no reserved words). */
const id = Actor.shape.id;

/**
 * How a message reaches its addressees in the fiction. A closed list, so that a typo ("emial")
 * is caught and the editor can show one icon per method: `message` is a formal military
 * message (signal), `document` a letter or report handed over, `media` press or social media,
 * `sim` something that happens in the simulation and is seen on the map.
 */
export const MSEL_METHODS = [
  'email',
  'phone',
  'radio',
  'message',
  'chat',
  'video',
  'face-to-face',
  'document',
  'media',
  'sim',
] as const;
export type MselMethod = (typeof MSEL_METHODS)[number];

/**
 * Engine event kinds a trigger may wait for, and where each happens, for a trigger's zone
 * (`triggers.ts` takes the first of these the event has):
 * - `event`: the event record's own x, y (km, the engine's planar frame);
 * - `unit`: the named unit's position (State.ux/uy) at the end of the tick it is logged
 *   (an event without a unit, such as a detection by report, falls back on its threat cell);
 * - `threat`: the named threat cell's true position (State.cx/cy) at the end of that tick;
 * - `null`: the event has no position, so a zone is not allowed with it.
 * A position is inside a zone when its grid cell is one of the zone's rasterised cells
 * (ZoneDef.cells), the same test the engine uses for havens and patrol areas.
 */
export const TRIGGER_EVENTS = {
  attack: { where: 'event', what: 'a threat attacks a place, convoy, ship or base' },
  'raid-start': { where: 'event', what: 'a threat cell sets out on a raid' },
  'threat-spawn': { where: 'event', what: 'a new threat cell appears' },
  detect: { where: 'unit', what: 'a unit detects a threat cell (a report: at the cell)' },
  contact: { where: 'unit', what: 'a unit makes contact with a threat cell' },
  prevented: { where: 'unit', what: 'a unit prevents a raid' },
  'engage-end': { where: 'unit', what: 'an engagement ends' },
  'task-blocked': { where: 'threat', what: 'a caveat or sovereignty bars every free unit' },
  'cross-border': { where: 'unit', what: "a unit enters another state's territory" },
  'border-stop': { where: 'unit', what: 'a unit stops at a border it may not cross' },
  'sovereignty-incident': { where: 'unit', what: 'a partner protests a unit on its soil' },
  'out-of-fuel': { where: 'unit', what: 'a unit runs out of fuel' },
  shortfall: { where: null, what: 'a base cannot resupply a unit' },
  'convoy-lost': { where: null, what: 'a supply convoy is lost' },
  'msg-lost': { where: null, what: 'a shared track is lost on the way' },
  'msg-withheld': { where: null, what: 'an actor withholds a track from a partner' },
  'withheld-found': { where: null, what: 'a partner finds out a track was withheld' },
  agreement: { where: null, what: 'an agreement is switched on or off' },
  right: { where: null, what: 'a right is granted or suspended' },
  mechanism: { where: null, what: 'a coordination mechanism opens or closes' },
  withdrawal: { where: null, what: 'a member leaves an organisation' },
  // Keys must be engine event kinds (src/sim/events.ts): a misspelt one does not compile.
} as const satisfies Partial<
  Record<EventKind, { where: 'event' | 'unit' | 'threat' | null; what: string }>
>;
export type TriggerEvent = keyof typeof TRIGGER_EVENTS;
export const TRIGGER_EVENT_KINDS = Object.keys(TRIGGER_EVENTS) as [TriggerEvent, ...TriggerEvent[]];
/** Event kinds that carry a position, so a trigger on them may name a zone. */
export const ZONED_TRIGGER_EVENTS = TRIGGER_EVENT_KINDS.filter(
  (k) => TRIGGER_EVENTS[k].where !== null,
);

export const TRIGGER_OPS = ['>=', '<=', '>', '<'] as const;

export const Trigger = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('event'),
    event: z.enum(TRIGGER_EVENT_KINDS),
    zone: id.optional().describe("The event's position must be inside this zone"),
  }),
  z.strictObject({
    kind: z.literal('metric'),
    metric: z.enum(CORE_METRICS),
    op: z.enum(TRIGGER_OPS),
    value: z.number().min(-1e9).max(1e9),
  }),
]);
export type Trigger = z.infer<typeof Trigger>;

export const MselTiming = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('at'),
    hours: z
      .number()
      .min(0)
      .max(8760)
      .refine(isWholeMinutes, 'a whole number of minutes (the MSEL shows D+d HH:MM)')
      .describe('Hours after the exercise start'),
  }),
  z.strictObject({ kind: z.literal('trigger'), trigger: Trigger }),
]);
export type MselTiming = z.infer<typeof MselTiming>;

// The entry's Message is the inject's message, and a narrative's addressees are the entry's
// To: an effect carries neither, so the two can never disagree.
const OMIT = { id: true, at: true, message: true } as const;
const [spawn, attack, agreement, right, mechanism, weather, funding, withdraw, narrative] =
  Inject.options;
/** What an entry does in the simulation: an engine inject without id, time and message. */
export const MselEffect = z.discriminatedUnion('kind', [
  spawn.omit(OMIT),
  attack.omit(OMIT),
  agreement.omit(OMIT),
  right.omit(OMIT),
  mechanism.omit(OMIT),
  weather.omit(OMIT),
  funding.omit(OMIT),
  withdraw.omit(OMIT),
  narrative.omit({ ...OMIT, to: true }),
]);
export type MselEffect = z.infer<typeof MselEffect>;
export type MselEffectKind = MselEffect['kind'];
export const MSEL_EFFECT_KINDS = MselEffect.options.map((o) => o.shape.kind.value);
/**
 * Inject kinds an MSEL entry cannot carry: an entry fires as a live inject, and a force flow's
 * units must exist from load (the scenario's `injects` schedules it).
 */
export const SCENARIO_ONLY_INJECT_KINDS: readonly string[] = ['force-flow'];

/** Text a person wrote: no control characters but line breaks and tabs (XML cannot hold them). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), {
      message: 'no control characters (line breaks and tabs are fine; \\r\\n is stored as \\n)',
    });

export const MselEntry = z
  .strictObject({
    serial: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9./-]{0,19}$/,
        'a serial like 1, 12a or 3.1 (up to 20 characters)',
      )
      .refine((s) => !isReservedKey(s), 'a reserved word (constructor, prototype), not a serial'),
    timing: MselTiming,
    from: text(100).min(1).describe('Who sends it in the fiction: "EXCON", "Niger MoD"'),
    to: z.array(id).max(64).default([]).describe('Actor ids of the roles addressed; empty = all'),
    method: z.enum(MSEL_METHODS),
    subject: text(200).default(''),
    message: text(4000).default(''),
    expectedAction: text(2000).default(''),
    effect: MselEffect.nullable()
      .default(null)
      .describe('The engine inject it fires as; null = narrative only, nothing in the simulation'),
  })
  .superRefine((e, ctx) => {
    const t = e.timing.kind === 'trigger' ? e.timing.trigger : null;
    if (t?.kind === 'event' && t.zone !== undefined && TRIGGER_EVENTS[t.event].where === null)
      ctx.addIssue({
        code: 'custom',
        path: ['timing', 'trigger', 'zone'],
        message: `a "${t.event}" event has no position, so no zone; a zone is allowed with ${ZONED_TRIGGER_EVENTS.join(', ')}`,
      });
  });
export type MselEntry = z.infer<typeof MselEntry>;
export type MselEntryInput = z.input<typeof MselEntry>;

/** Most entries an MSEL may hold (exercises run to a few hundred). */
export const MAX_MSEL_ENTRIES = 2000;
export const MselEntries = z.array(MselEntry).max(MAX_MSEL_ENTRIES);

/** Validates a parsed MSEL document (JSON): reserved keys, then the schema. Never throws. */
export function validateMsel(data: unknown): Validated<MselEntry[]> {
  const reserved = reservedKeyProblems(data);
  const parsed = MselEntries.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      problems: [...reserved, ...problemsFromZod(MselEntries, data, parsed.error)],
    };
  return reserved.length ? { ok: false, problems: reserved } : { ok: true, value: parsed.data };
}

/** Schema problems of one entry, paths relative to the entry. */
export function mselEntryProblems(data: unknown): Problem[] {
  const parsed = MselEntry.safeParse(data, { reportInput: true });
  return parsed.success ? [] : problemsFromZod(MselEntry, data, parsed.error);
}

/**
 * The scenario's own injects as MSEL entries: serials 1..n, sent by EXCON through the
 * simulation, addressed to all (a narrative to its own addressees), at their time rounded to
 * the minute, with a subject written from the effect.
 */
export function mselFromScenario(scenario: Scenario): MselEntry[] {
  const live = scenario.injects.filter((i) => !SCENARIO_ONLY_INJECT_KINDS.includes(i.kind));
  return live.map((inj, i): MselEntry => {
    const { id: _id, at, message, ...rest } = inj;
    const effect = (rest.kind === 'narrative' ? { kind: 'narrative' } : rest) as MselEffect;
    return {
      serial: String(i + 1),
      timing: { kind: 'at', hours: canonicalHours(scenarioHours(at)) },
      from: 'EXCON',
      to: inj.kind === 'narrative' ? [...inj.to] : [],
      method: 'sim',
      subject: effectSubject(effect, scenario, message),
      message: message ?? '',
      expectedAction: '',
      effect,
    };
  });
}

/** Effects that are the opposing force's own moves: ground truth, for the white cell only. */
const WHITE_ONLY_EFFECTS: ReadonlySet<string> = new Set(['spawn', 'attack']);

/**
 * Whether a fired entry is a card for the role playing `actor` (null: the white cell, who sees
 * every card). An entry names its addressees; one that names none goes to every player, except
 * an opposing-force effect (a threat cell appearing, an attack), which no player is told of.
 */
export function addressedTo(entry: MselEntry, actor: string | null): boolean {
  if (actor === null) return true;
  if (entry.to.length) return entry.to.includes(actor);
  return !entry.effect || !WHITE_ONLY_EFFECTS.has(entry.effect.kind);
}

/** The actors of `players` a fired entry is a card for. */
export function addressees(entry: MselEntry, players: readonly string[]): string[] {
  return players.filter((p) => addressedTo(entry, p));
}

/**
 * The id of the engine inject an entry fires as, its `firing`-th time (0 the first): from the
 * serial ("L1" → `msel-l1`, again → `msel-l1-2`), so the log reads back to the MSEL.
 */
export function mselInjectId(serial: string, firing: number): string {
  return `msel-${serial.toLowerCase().replace(/[^a-z0-9-]/g, '-')}${firing ? `-${firing + 1}` : ''}`;
}

/**
 * The engine inject an entry fires as, with the given id and time (hours after the start; a
 * triggered entry's time is when its trigger fired). An entry without an effect fires as a
 * narrative to its addressees: the narrative changes nothing in the simulation, but the event
 * log, and so replay and the after-action timeline, shows that it was delivered.
 */
export function injectOf(entry: MselEntry, injectId: string, atHours: number): Inject {
  const e = entry.effect;
  if (!e || e.kind === 'narrative') {
    // An engine narrative needs text: fall back on the subject, then the serial.
    const message = entry.message || entry.subject || `MSEL serial ${entry.serial}`;
    return { id: injectId, at: atHours, kind: 'narrative', to: [...entry.to], message };
  }
  return { ...e, id: injectId, at: atHours, ...(entry.message ? { message: entry.message } : {}) };
}

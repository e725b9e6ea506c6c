// MSEL entries in words for the editor's table and search: addressees, trigger, effect,
// timing, status. Pure: a scenario (for names; ids stand in without one) and the entry.
import type { MselEffect, MselEntry, Trigger, TriggerEvent } from '../../exercise/msel';
import { effectSubject } from '../../exercise/msel-subject';
import { formatDPlus, formatDtg } from '../../exercise/msel-time';
import type { Scenario } from '../../scenario/schema';
import type { MetricName } from '../../sim/metrics';

type Named = { id: string; name?: string | undefined };

/** A name without its parenthetical gloss: "G5 Sahel (Permanent Secretariat …)" → "G5 Sahel". */
export function shortName(name: string): string {
  const cut = name.indexOf(' (');
  return cut > 0 ? name.slice(0, cut) : name;
}

export function nameOf(items: readonly Named[] | undefined, id: string, short = true): string {
  const n = items?.find((x) => x.id === id)?.name;
  return n ? (short ? shortName(n) : n) : id;
}

export const actorName = (sc: Scenario | null, id: string): string => nameOf(sc?.actors, id);
export const zoneName = (sc: Scenario | null, id: string): string => nameOf(sc?.zones, id);

/** "All roles", or the addressed actors' names. */
export function toInWords(to: readonly string[], sc: Scenario | null): string {
  return to.length ? to.map((a) => actorName(sc, a)).join(', ') : 'All roles';
}

/** What each trigger event is, as a short noun phrase for a table cell. */
export const EVENT_WORDS: Record<TriggerEvent, string> = {
  attack: 'Attack',
  'raid-start': 'Raid sets out',
  'threat-spawn': 'New threat cell',
  detect: 'Detection',
  contact: 'Contact',
  prevented: 'Raid prevented',
  'engage-end': 'Engagement ends',
  'task-blocked': 'Tasking blocked',
  'cross-border': 'Border crossing',
  'border-stop': 'Stop at a border',
  'sovereignty-incident': 'Sovereignty incident',
  'out-of-fuel': 'Unit out of fuel',
  shortfall: 'Supply shortfall',
  'convoy-lost': 'Convoy lost',
  'msg-lost': 'Shared track lost',
  'msg-withheld': 'Track withheld',
  'withheld-found': 'Withheld track found out',
  agreement: 'Agreement switched',
  right: 'Right switched',
  mechanism: 'Mechanism opens or closes',
  withdrawal: 'Member withdraws',
};

/** "incidentsPrevented" → "Incidents prevented", "meanTimeToDetectH" → "Mean time to detect (h)". */
export function metricWords(m: MetricName | string): string {
  const hours = /H$/.test(m);
  const words = (hours ? m.slice(0, -1) : m)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bcop\b/, 'COP');
  return `${words[0]!.toUpperCase()}${words.slice(1)}${hours ? ' (h)' : ''}`;
}

const OP_SIGN = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' } as const;

/** "Attack in Joint Force Sector Centre", "Incidents ≥ 1". */
export function triggerInWords(t: Trigger, sc: Scenario | null): string {
  if (t.kind === 'metric') return `${metricWords(t.metric)} ${OP_SIGN[t.op]} ${t.value}`;
  return t.zone ? `${EVENT_WORDS[t.event]} in ${zoneName(sc, t.zone)}` : EVENT_WORDS[t.event];
}

/** What the entry does in the simulation: "Group B attacks Inates", or "Narrative only". */
export function effectInWords(e: MselEffect | null, sc: Scenario | null): string {
  if (!e) return 'Narrative only';
  if (e.kind === 'narrative') return 'Narrative';
  if (!sc) return e.kind;
  return effectSubject(e, sc);
}

export interface TimeWords {
  dplus: string;
  dtg: string;
}

/** "D+2 06:30" and the DTG, or empty strings for a triggered entry. */
export function timeInWords(e: MselEntry, startIso: string): TimeWords {
  if (e.timing.kind !== 'at') return { dplus: '', dtg: '' };
  return { dplus: formatDPlus(e.timing.hours), dtg: formatDtg(startIso, e.timing.hours) };
}

/** D+ for a tick. */
export const tickDPlus = (tick: number, tickMinutes: number): string =>
  formatDPlus((tick * tickMinutes) / 60);

// What "Save map as PNG" writes beside the map picture, and the file's name: the scenario's
// name, the clock as the top bar shows it (DTG · D+ time), whose view it is ("Ground truth
// (white cell)", "What Mali knows"), and which actors' colours are on the map (for its key).
// Pure functions of the session's description, view and clock (drawn by map-png.ts).
import type { WorldDescription } from '../../sim/describe';
import { dPlus, dtg } from '../../store/time';

/** Whose picture the map shows, as the export names it. */
export function viewWords(d: WorldDescription, view: number): string {
  const actor = view >= 0 ? d.actors[view] : undefined;
  return actor ? `What ${actor.name} knows` : 'Ground truth (white cell)';
}

/** "Liptako-Gourma: …" and the assignments applied, as the view banner names the scenario. */
export function titleWords(d: WorldDescription, set: readonly string[] = []): string {
  return set.length ? `${d.scenario.name} · ${set.join(', ')}` : d.scenario.name;
}

/** "050630Z JAN 26 · D+2 04:30": the top bar's clock on one line. */
export function clockWords(d: WorldDescription, minutes: number): string {
  return `${dtg(d.scenario.start, minutes)} · ${dPlus(minutes)}`;
}

/** Letters, digits, '+', '_' and '-' only; runs of anything else become one '-'. */
function slug(s: string): string {
  return s
    .replace(/[^A-Za-z0-9+_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** `<scenario>-D+<day>-<HHMM>-<view>.png`: "sahel-ct-D+2-0430-mali.png", "…-ground-truth.png". */
export function pngFileName(d: WorldDescription, view: number, minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const hhmm = `${p2(Math.floor((m % 1440) / 60))}${p2(m % 60)}`;
  const actor = view >= 0 ? d.actors[view] : undefined;
  const who = actor ? slug(actor.id) || `actor-${view}` : 'ground-truth';
  const scenario = slug(d.scenario.id) || 'map';
  return `${scenario}-D+${Math.floor(m / 1440)}-${hhmm}-${who}.png`;
}

/**
 * The actors whose colour the map can show in this view, in the description's order: owners of
 * units, bases, zones and supply runs, HQs on a sharing channel, and the viewer itself.
 */
export function ownersPresent(d: WorldDescription, view: number): number[] {
  const present = new Set<number>();
  for (const x of [...d.units, ...d.bases, ...d.zones, ...d.supplyRuns]) present.add(x.owner);
  for (const g of d.agreements) present.add(g.from).add(g.to);
  if (view >= 0) present.add(view);
  return d.actors.map((_, i) => i).filter((i) => present.has(i));
}

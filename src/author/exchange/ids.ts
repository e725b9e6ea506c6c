// Scenario ids for imported features: a name or a foreign id turned into the scenario's id
// form (lower-case letters, digits and dashes, as src/scenario/schema.ts requires), then made
// unique within its collection and against the ids the scenario already has.
import { isReservedKey } from '../../scenario/safe-keys';

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** The schema's limit is 100; room is left for a "-12" suffix. */
const MAX_BASE = 90;

export const isScenarioId = (s: string): boolean =>
  s.length <= 100 && ID.test(s) && !isReservedKey(s);

/**
 * "Ménaka – Town" → "menaka-town": accents dropped, every run of other characters one dash.
 * Empty when nothing is left (a name in a script without Latin letters or digits).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, '');
}

/** Hands out ids unique among those taken before (the scenario's) and those it gave. */
export class IdPool {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  /** `base` if free, else `base-2`, `base-3`, …; reserved words are never handed out. */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id) || isReservedKey(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, 100 - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    this.taken.add(id);
    return id;
  }
}

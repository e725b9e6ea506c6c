// The side panel's tabs in author mode, and which tab edits which table of the scenario.
import { TREATY_TABLES } from '../../author/items';
export const AUTHOR_TABS = [
  { id: 'scenario', label: 'Scenario' },
  { id: 'actors', label: 'Actors' },
  { id: 'forces', label: 'Forces' },
  { id: 'map', label: 'Map' },
  { id: 'agreements', label: 'Agreements' },
  { id: 'threats', label: 'Threat' },
  { id: 'injects', label: 'Injects' },
  { id: 'problems', label: 'Problems' },
] as const;
export type AuthorTabId = (typeof AUTHOR_TABS)[number]['id'];

/** Tables each tab lists, in order. */
export const TAB_TABLES: Record<AuthorTabId, readonly string[]> = {
  scenario: [],
  actors: ['actors'],
  forces: ['unitTypes', 'units', 'bases', 'supplyRuns'],
  map: ['zones', 'routes', 'places'],
  agreements: TREATY_TABLES,
  threats: ['threats', 'traffic'],
  injects: ['injects'],
  problems: [],
};

export function tabOfTable(table: string): AuthorTabId {
  for (const t of AUTHOR_TABS) if (TAB_TABLES[t.id].includes(table)) return t.id;
  return 'scenario';
}

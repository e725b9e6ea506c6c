// How each zone kind is drawn (pure, no Pixi): the zones layer strokes and fills with it, and
// the shell's key draws its samples from it, so the two cannot drift apart.
import { PALETTE } from './colors';

export interface ZoneStyle {
  fill: number | null;
  fillAlpha: number;
  line: number | null;
  width: number;
  alpha: number;
  dash: [number, number] | null;
  label: boolean;
}

/** Zone kinds in the order the key lists them: kind, short name, name in full. */
export const ZONE_KIND_NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ['sector', 'Sector', "sector (a nation's or the force's)"],
  ['aor', 'AOR', 'area of responsibility'],
  ['patrol-area', 'Patrol area', 'patrol area'],
  ['territorial-sea', 'Territorial sea', 'territorial sea (12 nautical miles)'],
  ['safe-haven', 'Safe haven', 'safe haven of an armed group'],
  ['border-strip', 'Border strip', 'border strip (cross-border pursuit zone)'],
  ['closed', 'Closed', 'closed zone'],
];

/** Style of a zone kind; `owner` is the owner's colour (grey when none). */
export function zoneStyle(kind: string, owner: number): ZoneStyle {
  switch (kind) {
    case 'sector':
      return {
        fill: owner,
        fillAlpha: 0.05,
        line: owner,
        width: 1.6,
        alpha: 0.9,
        dash: null,
        label: true,
      };
    case 'aor':
      return {
        fill: null,
        fillAlpha: 0,
        line: owner,
        width: 1.6,
        alpha: 0.8,
        dash: [10, 5],
        label: true,
      };
    case 'territorial-sea':
      return {
        fill: owner,
        fillAlpha: 0.1,
        line: owner,
        width: 1,
        alpha: 0.6,
        dash: null,
        label: false,
      };
    case 'safe-haven':
      return {
        fill: PALETTE.red,
        fillAlpha: 0.16,
        line: PALETTE.red,
        width: 1.4,
        alpha: 0.8,
        dash: [5, 4],
        label: true,
      };
    case 'patrol-area':
      return {
        fill: null,
        fillAlpha: 0,
        line: owner,
        width: 1.3,
        alpha: 0.75,
        dash: [2, 4],
        label: false,
      };
    case 'border-strip':
      return {
        fill: 0xf5e26b,
        fillAlpha: 0.13,
        line: null,
        width: 0,
        alpha: 0,
        dash: null,
        label: false,
      };
    case 'closed':
      return {
        fill: 0x555555,
        fillAlpha: 0.25,
        line: 0x333333,
        width: 1.4,
        alpha: 0.8,
        dash: [6, 4],
        label: true,
      };
    default:
      return {
        fill: null,
        fillAlpha: 0,
        line: owner,
        width: 1,
        alpha: 0.6,
        dash: null,
        label: false,
      };
  }
}

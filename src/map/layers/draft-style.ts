// How author mode draws a zone and a route, shared by the static part (draft.ts, Pixi) and the
// live part (draft-live.ts, a 2D canvas) so the shape being dragged looks like the one at rest.
import { PALETTE, parseColor } from '../colors';
import type { DraftZone } from '../types';
import { type ZoneStyle, zoneStyle } from '../zone-style';

/** A zone without an owner. */
const GREY = 0x6b7280;

/** A zone's kind style in its owner's colour, and the colour its outline is drawn in. */
export function draftZoneLook(z: DraftZone): { st: ZoneStyle; line: number; fillAlpha: number } {
  const owner = z.color ? parseColor(z.color) : GREY;
  const st = zoneStyle(z.kind, owner);
  // Every zone is tinted a little, so one being built shows its extent whatever its kind.
  return { st, line: st.line ?? owner, fillAlpha: Math.max(0.08, st.fillAlpha) };
}

/** A route's colour, width (CSS px) and whether it is dashed, by kind. */
export const DRAFT_ROUTE_STYLE: Record<string, { color: number; width: number; dash: boolean }> = {
  road: { color: PALETTE.road, width: 2.6, dash: false },
  track: { color: PALETTE.road, width: 2, dash: true },
  lane: { color: PALETTE.lane, width: 2.2, dash: true },
};

export const draftRouteStyle = (kind: string) => DRAFT_ROUTE_STYLE[kind] ?? DRAFT_ROUTE_STYLE.road!;

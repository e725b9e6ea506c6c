// Tells the map which parts of it the shell's overlays cover, so that Fit frames the scenario
// in the rest: the view banner, the key (or its button), the zoom and layer buttons and the
// units dock's header. Pop-ups that open for a moment (the layer list, the unit list, the hover
// card, menus) do not count: the map would jump every time one opens.
import { type RefObject, useEffect } from 'react';
import { currentMap } from '../store/bridge';
import { sessionStore } from '../store/session';

/** What covers the map for good, as opposed to pop-ups. `data-map-overlay` adds others. */
export const MAP_OVERLAYS =
  '.view-banner, .legend, .map-controls .zoom, .layers-toggle, .od-toggle, [data-map-overlay]';
/** Buttons placed over the map from outside its area (children of the workspace). */
const FROM_OUTSIDE = '.mode-launch';

type Box = [number, number, number, number];

function overlayElements(area: HTMLElement): Element[] {
  const outside = area.parentElement?.querySelectorAll(`:scope > ${FROM_OUTSIDE}`) ?? [];
  return [...area.querySelectorAll(MAP_OVERLAYS), ...outside];
}

/** The overlays' boxes in CSS px relative to the map area (only what lies over it). */
export function overlayBoxes(area: HTMLElement): Box[] {
  const a = area.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const el of overlayElements(area)) {
    const b = el.getBoundingClientRect();
    const box: Box = [
      Math.max(b.left, a.left) - a.left,
      Math.max(b.top, a.top) - a.top,
      Math.min(b.right, a.right) - a.left,
      Math.min(b.bottom, a.bottom) - a.top,
    ];
    if (box[2] > box[0] && box[3] > box[1]) boxes.push(box);
  }
  return boxes;
}

/**
 * Keeps the current map told of the overlays in the map area around `inside`: on any size
 * change of the area or an overlay, overlays appearing or folding, and a new map (another
 * scenario or role).
 */
export function useMapOverlays(inside: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const area = inside.current?.closest<HTMLElement>('.map-area');
    if (!area) return;
    let frame = 0;
    let sentTo: unknown = null;
    const send = () => {
      frame = 0;
      const map = currentMap();
      sentTo = map;
      map?.setOverlays(overlayBoxes(area));
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(send);
    };
    const sizes = new ResizeObserver(soon);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(area);
      for (const el of overlayElements(area)) sizes.observe(el);
      soon();
    };
    const changes = new MutationObserver(watch);
    changes.observe(area, { childList: true, subtree: true });
    if (area.parentElement) changes.observe(area.parentElement, { childList: true });
    watch();
    // A map is created after its description loads: tell each new one (the store usually
    // changes around then; the timer catches a map that starts after the last change).
    const fresh = () => {
      if (currentMap() !== sentTo) soon();
    };
    const unsubscribe = sessionStore.subscribe(fresh);
    const timer = setInterval(fresh, 250);
    return () => {
      clearInterval(timer);
      cancelAnimationFrame(frame);
      sizes.disconnect();
      changes.disconnect();
      unsubscribe();
    };
  }, [inside]);
}

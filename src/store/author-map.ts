// The author map on screen (null when author mode is closed): kept here, outside author mode's
// lazily loaded chunk, so the browser tests and the app bench reach it through window.concord.
import type { MapView } from '../map/types';

let current: MapView | null = null;

export const authorMapView = (): MapView | null => current;

export function setAuthorMapView(view: MapView | null): void {
  current = view;
}

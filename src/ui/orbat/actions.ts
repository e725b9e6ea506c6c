// What choosing a unit in the ORBAT does: selects it (the same `select` the map's click uses,
// so the map rings it and the Inspector follows it) and pans the map, zoom unchanged, until
// the unit is at the view's centre — when the view knows where it is.
import { currentMap } from '../../store/bridge';
import { select } from '../../store/session';
import { unitNow } from '../orders/actions';

export function chooseUnit(u: number): void {
  select({ kind: 'unit', index: u }, 'user');
  const { lon, lat } = unitNow(u);
  if (Number.isFinite(lon) && Number.isFinite(lat)) currentMap()?.panTo(lon, lat);
}

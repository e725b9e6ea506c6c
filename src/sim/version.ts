// The engine's version, written into every experiment row: results from different engine
// versions are not comparable run for run. Bump it when a change alters any run's events.
// 0.5.0 (issue 11, item 8, model defects): a unit divides its aimed fire among the cells it
// engages (Lanchester aggregation); a raid stopped by any friendly contact counts as responded
// to; a cell's first-raid delay is 0–24 h whatever the tick; force-flow injects (units arriving
// in theatre); destroyed units stay destroyed (a unit lost as its cell dies is destroyed too).
export const ENGINE_VERSION = '0.5.0';

// The engine's version, written into every experiment row: results from different engine
// versions are not comparable run for run. Bump it when a change alters any run's events.
export const ENGINE_VERSION = '0.4.0';

// The browser tests' global setup: one vite build for the whole run (each file used to build
// its own, about 25 s apiece). The files' startApp sees CONCORD_E2E_BUILT and serves it.
import { buildApp } from './browser';

export default function setup(): void {
  const out = process.env.CONCORD_E2E_OUT ?? 'dist';
  buildApp(out);
  process.env.CONCORD_E2E_BUILT = out;
}

// A worker thread of the CLI fuzz test: registers tsx (Node 20 does not apply `--import tsx`
// to a worker's entry) and runs each case it is sent through the CLI's own entry.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runCase } = await import('./fuzz-case.ts');
parentPort.on('message', async (m) => {
  parentPort.postMessage({ id: m.id, ...(await runCase(m.args)) });
});
parentPort.postMessage({ ready: true });

// A Node worker_threads entry that hosts SessionApi over comlink, reading the atlas from
// node_modules: the same API as the browser worker, for tests and headless tools.
// Node 20 ignores `execArgv: ['--import', 'tsx']` for a Worker's entry module, so start it
// from an eval'd bootstrap that calls tsx's register() and then imports this file (see
// tests/worker/session-api.test.ts, startWorker).
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { loadAtlas } from '../src/node/load';
import { SessionApi } from './session-api';

type Adapter = typeof import('comlink/dist/esm/node-adapter');
/** comlink's Node adapter ships .mjs without a .d.mts: import it by a non-literal name, typed. */
const NODE_ADAPTER = 'comlink/dist/esm/node-adapter.mjs';
const { default: nodeEndpoint } = (await import(NODE_ADAPTER)) as Adapter;

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
const api = new SessionApi(async (atlas) => loadAtlas(atlas), Comlink.transfer);
Comlink.expose(api, nodeEndpoint(parentPort));

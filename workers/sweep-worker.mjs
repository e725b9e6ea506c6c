// Tinypool entry for experiment runs in Node worker threads. Node 20 does not apply
// `--import tsx` to a worker's entry module, so this plain module registers tsx first and then
// hands each task to the TypeScript runner.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./sweep-runner.ts');
export default runTask;

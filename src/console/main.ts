// The exercise console: picks a scenario and seed, loads it into the simulation worker and
// steps it, showing the scenario clock, the run's hash and the core metrics. The map and
// panels of the planner's app build on this page (issue 3). `window.concord` lets browser
// tests drive the same worker.
import * as Comlink from 'comlink';
import type { SimWorkerApi } from '../../workers/sim.worker';
import { loadScenarioJson, scenarioNames } from './scenarios';

const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
  type: 'module',
});
const api = Comlink.wrap<SimWorkerApi>(worker);

const params = new URLSearchParams(location.search);
const state = {
  scenario: params.get('scenario') ?? 'sahel-ct',
  seed: Number(params.get('seed') ?? 1),
  start: '',
  tickMinutes: 15,
  total: 0,
};

const app = document.getElementById('app')!;
app.innerHTML = `
  <header>
    <h1>Concord</h1>
    <label>Scenario <select id="scenario"></select></label>
    <label>Seed <input id="seed" type="number" min="0" step="1"></label>
    <button id="load">Load</button>
    <span class="sep"></span>
    <button id="step" title="One tick">Step</button>
    <button id="day" title="One day">+1 day</button>
    <button id="end" title="To the end of the scenario">Run to end</button>
    <span id="clock" class="clock"></span>
  </header>
  <main>
    <section><h2 id="title"></h2><p id="status" class="status"></p><p class="hash">hash <code id="hash"></code></p></section>
    <section><h2>Core metrics</h2><table id="metrics"></table></section>
  </main>`;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const select = $<HTMLSelectElement>('scenario');
for (const name of scenarioNames)
  select.add(new Option(name, name, false, name === state.scenario));
$<HTMLInputElement>('seed').value = String(state.seed);

function dtg(tick: number): string {
  const t = new Date(Date.parse(state.start) + tick * state.tickMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const months = [
    'JAN',
    'FEB',
    'MAR',
    'APR',
    'MAY',
    'JUN',
    'JUL',
    'AUG',
    'SEP',
    'OCT',
    'NOV',
    'DEC',
  ];
  const day = Math.floor((tick * state.tickMinutes) / 1440);
  return `${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}Z ${months[t.getUTCMonth()]} ${String(t.getUTCFullYear()).slice(2)} · D+${day}`;
}

async function show(tick: number, hash: string): Promise<void> {
  $('clock').textContent = dtg(tick);
  $('hash').textContent = hash;
  $('status').textContent = `tick ${tick} of ${state.total}`;
  const m = await api.metrics();
  $('metrics').innerHTML = Object.entries(m)
    .map(([k, v]) => `<tr><th>${k}</th><td>${Number.isInteger(v) ? v : v.toFixed(2)}</td></tr>`)
    .join('');
}

async function load(name: string, seed: number): Promise<void> {
  $('status').textContent = `loading ${name}…`;
  const result = await api.load(await loadScenarioJson(name), { seed });
  if (!result.ok) {
    $('status').textContent = `cannot load ${name}: ${result.problems.join('; ')}`;
    return;
  }
  const d = result.description.scenario;
  Object.assign(state, {
    scenario: name,
    seed,
    start: d.start,
    tickMinutes: d.tickMinutes,
    total: d.totalTicks,
  });
  $('title').textContent = d.name;
  history.replaceState(null, '', `?scenario=${name}&seed=${seed}`);
  await show(0, await api.hash());
}

async function runTo(tick: number): Promise<string> {
  const r = await api.runTo(tick);
  await show(r.tick, r.hash);
  return r.hash;
}

$('load').onclick = () => load(select.value, Number($<HTMLInputElement>('seed').value));
$('step').onclick = async () => {
  const r = await api.step(1);
  await show(r.tick, r.hash);
};
$('day').onclick = async () =>
  runTo((await api.info()).tick + Math.round(1440 / state.tickMinutes));
$('end').onclick = () => runTo(state.total);

const ready = load(state.scenario, state.seed);
(window as unknown as { concord: unknown }).concord = { api, ready, load, runTo };

// The browser's MSEL editor: the one app session's engine (through `exclusive`, so its calls
// queue behind the play loop's), the exercise store's view, and the bundled scenario files.
// Downloads leave through a blob: URL on an <a download>, as the experiment CSV does.

import { exclusive } from '../../store/app-session';
import { app, refreshExercise } from '../../store/bridge';
import { getExercise } from '../../store/exercise';
import { createMselEditor } from '../../store/msel-editor';
import { loadScenarioJson } from '../../store/scenarios';

export const mselEditor = createMselEditor({
  api: app.api,
  run: (fn) => exclusive(app.ctx, fn),
  refresh: () => refreshExercise(),
  view: () => getExercise().view,
  scenarioDoc: loadScenarioJson,
});

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

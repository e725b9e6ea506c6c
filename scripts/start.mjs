// `npm start`: the app's development server on the default scenario, with a plain line saying
// where to open it — and opening it, where there is a desktop to open a browser on.
import { createServer } from 'vite';

const server = await createServer({ server: { open: false } });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
const desktop =
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
process.stdout.write(
  `\n  Concord is running (default scenario: sahel-ct).\n  Open ${url} in a browser${desktop ? ' (opening it now)' : ''}. Ctrl-C stops the server.\n\n`,
);
if (desktop) server.openBrowser();

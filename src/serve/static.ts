// The built app (dist/) over HTTP, as `vite preview` serves it: GET and HEAD only, paths kept
// inside the folder, the Content-Security-Policy as a header (workers take their policy from
// their own response), and the page marked (<meta name="concord-serve">) so that the app
// offers classroom rooms.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { ENGINE_VERSION } from '../sim/version';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function serveStatic(appDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/api/serve') {
    const body = JSON.stringify({ serve: true, engine: ENGINE_VERSION });
    res.writeHead(200, {
      ...HEADERS,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const file = resolveInside(appDir, path === '/' ? '/index.html' : path);
  if (!file) {
    res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  if (file.endsWith(`${sep}index.html`)) {
    servePage(file, req, res);
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...HEADERS,
    'Content-Type': type,
    'Content-Length': statSync(file).size,
    // Hashed asset names never change; the page itself is checked each time.
    'Cache-Control': file.includes(`${sep}assets${sep}`)
      ? 'max-age=31536000, immutable'
      : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function resolveInside(root: string, urlPath: string): string | null {
  const file = normalize(join(root, urlPath));
  if (!file.startsWith(normalize(root + sep))) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** The app's page, marked so that the app knows a classroom server is behind it. */
function servePage(file: string, req: IncomingMessage, res: ServerResponse): void {
  const html = readFileSync(file, 'utf8').replace(
    '</head>',
    '<meta name="concord-serve" content="1" />\n</head>',
  );
  res.writeHead(200, {
    ...HEADERS,
    'Content-Type': TYPES['.html']!,
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

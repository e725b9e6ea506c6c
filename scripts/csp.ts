// The built app's Content-Security-Policy, as a vite plugin: a <meta> in dist/index.html (so any
// static server hosting dist/ enforces it) and the same text as a header from `vite preview`.
// Build only: the dev server injects inline scripts for React refresh, which this would block.
import type { Plugin } from 'vite';

const DIRECTIVES: Array<[string, string]> = [
  ['default-src', "'self'"],
  // Module scripts and lazy chunks come from dist/; no inline script, no eval (zod runs jitless,
  // Pixi through 'pixi.js/unsafe-eval').
  ['script-src', "'self'"],
  // The simulation and experiment workers are built files, not blob: URLs.
  ['worker-src', "'self'"],
  // Only the built stylesheet: React's and uPlot's style props and Pixi's element styles go
  // through CSSOM, which style-src does not govern.
  ['style-src', "'self'"],
  // data: for milsymbol's SVG symbols (<img src="data:image/svg+xml…">) and the blank favicon.
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** An inline <script> (one without src) would be blocked by script-src 'self': fail the build. */
function assertNoInlineScript(html: string): void {
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1] ?? ''))
      throw new Error(`csp: inline <script> in index.html, blocked by the CSP: ${m[0]}`);
  }
}

/** dist/index.html with the policy's <meta> right after <meta charset>, ahead of every script and link. */
export function withCspMeta(html: string): string {
  assertNoInlineScript(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  const at = /<meta charset=[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
  if (!at) throw new Error('csp: index.html has no <head>');
  const end = at.index + at[0].length;
  return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
}

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'concord:csp',
    apply: 'build',
    // After vite has added the entry script and stylesheet, so the check sees the final page.
    transformIndexHtml: { order: 'post', handler: withCspMeta },
  };
}

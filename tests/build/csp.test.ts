// The CSP vite plugin's page edit: the meta lands before every script and stylesheet, and an
// inline script (which the policy would block at run time) fails the build instead.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withCspMeta } from '../../scripts/csp';

const PAGE = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>t</title>
    <script type="module" crossorigin src="./assets/index.js"></script>
  </head>
</html>`;

describe('withCspMeta', () => {
  it('puts the policy right after <meta charset>, ahead of the scripts', () => {
    const html = withCspMeta(PAGE);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
    expect(html).toContain(`<meta charset="utf-8" />\n    ${meta}`);
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'));
  });

  it('refuses a page with an inline script', () => {
    const inline = PAGE.replace('</head>', '<script>window.x = 1</script></head>');
    expect(() => withCspMeta(inline)).toThrow(/inline <script>/);
  });

  it('has no unsafe-inline or unsafe-eval anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
  });
});

// "Download report (HTML)": the report as rendered, in one self-contained file — its own
// stylesheet inlined, each chart's canvas turned into a PNG data URL, map images already data
// URLs, the page's buttons left out. No script, no external reference: it opens offline,
// anywhere (the app's Content-Security-Policy governs the app; the file carries its own, which
// forbids scripts and every outside load).
import reportCss from './report.css?inline';

/** Inline styles and data: images only: no script, no fetch, no outside resource. */
export const FILE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report element `root` as a whole HTML document. */
export function reportHtml(root: HTMLElement, title: string): string {
  const clone = root.cloneNode(true) as HTMLElement;
  // Charts: uPlot draws on canvases, which a clone does not carry: each becomes an image.
  const canvases = [...root.querySelectorAll('canvas')];
  const plots = [...clone.querySelectorAll('.uplot')];
  const copies = [...clone.querySelectorAll('canvas')];
  canvases.forEach((c, i) => {
    const img = document.createElement('img');
    img.src = c.toDataURL('image/png');
    img.alt = 'chart';
    img.width = Number.parseFloat(c.style.width) || c.width;
    img.height = Number.parseFloat(c.style.height) || c.height;
    const plot = plots.find((p) => p.contains(copies[i]!));
    (plot ?? copies[i]!).replaceWith(img);
  });
  for (const el of clone.querySelectorAll('.no-export, button, script, link, iframe, object'))
    el.remove();
  // Nothing outside the file: only data: URLs stay.
  for (const el of clone.querySelectorAll('[src], [href]')) {
    for (const attr of ['src', 'href']) {
      const v = el.getAttribute(attr);
      if (v !== null && !v.startsWith('data:')) el.removeAttribute(attr);
    }
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The file's own policy: it needs nothing from outside and runs nothing, so it allows neither.
    `<meta http-equiv="Content-Security-Policy" content="${FILE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${reportCss}\nbody{margin:0;background:#dfe5eb}</style>`,
    '</head>',
    '<body>',
    clone.outerHTML,
    '</body>',
    '</html>',
  ].join('\n');
}

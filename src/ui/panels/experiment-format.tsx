// Number and name formatting shared by the experiment results' tables and plot.
import type { Level } from '../../experiment/design';

/** Three significant digits: numbers of very different sizes read alike on a projector. */
export function sig(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  const text = Number.isInteger(v)
    ? Math.abs(v).toLocaleString('en-GB')
    : Math.abs(v).toLocaleString('en-GB', { maximumSignificantDigits: 3 });
  return v < 0 ? `−${text}` : text; // a true minus: a hyphen reads as a dash beside ranges
}

/** A camelCase name that may wrap between its words (narrow table headers). */
export function camel(name: string) {
  return name
    .split(/(?=[A-Z])/)
    .flatMap((part, i) => (i ? [<wbr key={part + String(i)} />, part] : [part]));
}

export const level = (v: Level | undefined) => (typeof v === 'number' ? sig(v) : String(v ?? '—'));

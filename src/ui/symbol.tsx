// APP-6 symbols drawn by milsymbol as SVG images (cached by code and size).
import ms from 'milsymbol';

const cache = new Map<string, string>();

export function symbolUrl(sidc: string, size: number): string {
  const key = `${sidc}|${size}`;
  let url = cache.get(key);
  if (!url) {
    const svg = new ms.Symbol(sidc, { size }).asSVG();
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    cache.set(key, url);
  }
  return url;
}

export function MilSymbol(props: {
  sidc: string;
  size?: number;
  title?: string;
  opacity?: number;
}) {
  const { sidc, size = 24, title, opacity } = props;
  if (!sidc) return null;
  return (
    <img
      className="milsym"
      src={symbolUrl(sidc, size)}
      // Without a title the symbol sits beside words that say what it is: decorative, so a
      // screen reader does not read out the symbol code.
      alt={title ?? ''}
      title={title}
      style={opacity === undefined ? undefined : { opacity }}
    />
  );
}

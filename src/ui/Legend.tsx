// The map key: the forces by colour, then what the map's marks mean — units filled in their
// nation's colour, bases, convoys and civilian traffic, threats, information flow, incidents,
// zone outlines and routes (only the kinds this scenario has). Colours and zone styles come
// from the map's own modules (src/map/colors.ts, zone-style.ts) and symbols from milsymbol
// with the map's options, so the key shows what the map draws. Every image is named in words.
// It folds to a "Key" button (remembered); it sits along the bottom of the map for a wide
// scenario and up the left side for a tall one, so Fit loses the least room around it.
import ms from 'milsymbol';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import {
  cssHex as css,
  ownerSymbolOptions,
  PALETTE,
  parseColor,
  STOCK_COLORS,
  STOCK_CRITICAL,
  STOCK_LEVELS,
  STOCK_LOW,
} from '../map/colors';
import { ZONE_KIND_NAMES, zoneStyle } from '../map/zone-style';
import type { WorldDescription } from '../sim/describe';
import { shortName } from '../store/feed';
import { useSession } from '../store/react';
import { useMapOverlays } from './map-overlays';
import { useStoredToggle } from './stored-toggle';

const FRIENDLY = 'SFGPUCI----E---';
const HOSTILE = 'SHGPUCI----';
const DEPOT = 'SFGPIB-----';
const CONVOY = 'SFGPUSS----E---';
const KEY = 'concord.legend';
const TRAFFIC_WORDS: Record<string, string> = {
  merchant: 'merchant ship',
  fishing: 'fishing boat',
  'civilian-convoy': 'civilian vehicles',
};
const ROUTE_WORDS: Record<string, string> = { road: 'Road', track: 'Track', lane: 'Shipping lane' };
const percent = (f: number) => Math.round(f * 100);
/**
 * The gauge's levels in words, in STOCK_LEVELS' order, as the swatches before them. Each
 * level's words hold together (no-break spaces): the key's narrow column breaks between levels.
 */
const STOCK_WORDS = [
  'ok',
  `low < ${percent(STOCK_LOW)} %`,
  `critical < ${percent(STOCK_CRITICAL)} %`,
]
  .map((words) => words.replaceAll(' ', '\u00a0'))
  .join(' · ');

const urls = new Map<string, string>();
/** A milsymbol as an SVG data URL; with `fill`, drawn the way the map draws an owner's unit. */
function symbolSrc(sidc: string, size: number, fill?: string): string {
  const key = `${sidc}|${size}|${fill ?? ''}`;
  let url = urls.get(key);
  if (!url) {
    const opts = fill ? { size, ...ownerSymbolOptions(fill) } : { size };
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new ms.Symbol(sidc, opts).asSVG())}`;
    urls.set(key, url);
  }
  return url;
}

/** A symbol image with its name in words (never the symbol code). */
function Sym(props: { sidc: string; alt: string; size?: number; fill?: string; opacity?: number }) {
  const { sidc, alt, size = 15, fill, opacity } = props;
  return (
    <img
      className="milsym"
      src={symbolSrc(sidc, size, fill)}
      alt={alt}
      style={opacity === undefined ? undefined : { opacity }}
    />
  );
}

/** One mark of the key; `wrap` lets a long one take two lines in the narrow column. */
function Item(props: { sample: ReactNode; children: ReactNode; wrap?: boolean }) {
  return (
    <li className={props.wrap ? 'wrap' : undefined}>
      <span className="sample">{props.sample}</span>
      <span>{props.children}</span>
    </li>
  );
}

/** Width / height of the scenario box in Web Mercator (what Fit has to frame). */
function boxAspect(bbox: readonly number[]): number {
  const [w, s, e, n] = bbox as [number, number, number, number];
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return ((e - w) * Math.PI) / 180 / Math.max(1e-6, y(n) - y(s));
}

/** 'side' when the scenario is taller than the map area is wide: the key takes a column. */
function usePlacement(ref: React.RefObject<HTMLElement | null>, bbox: readonly number[] | null) {
  const [areaAspect, setAreaAspect] = useState(1.5);
  useEffect(() => {
    const area = ref.current?.parentElement;
    if (!area) return;
    const measure = () => setAreaAspect(area.clientWidth / Math.max(1, area.clientHeight));
    const ro = new ResizeObserver(measure);
    ro.observe(area);
    measure();
    return () => ro.disconnect();
  }, [ref]);
  return bbox && boxAspect(bbox) < areaAspect ? 'side' : 'strip';
}

/** A zone sample drawn with the map's own style for that kind. */
function ZoneSample(props: { kind: string; owner: string }) {
  const st = zoneStyle(props.kind, parseColor(props.owner));
  const fill = st.fill === null ? 'none' : css(st.fill);
  const stroke = st.line === null ? 'none' : css(st.line);
  return (
    <svg width="26" height="16" aria-hidden="true">
      <rect
        x="2"
        y="2"
        width="22"
        height="12"
        fill={fill}
        fillOpacity={st.fill === null ? 0 : Math.max(0.25, st.fillAlpha * 3)}
        stroke={stroke}
        strokeOpacity={st.alpha}
        strokeWidth={st.width + 0.6}
        strokeDasharray={st.dash ? st.dash.map((v) => v * 0.6).join(' ') : undefined}
      />
    </svg>
  );
}

function RouteSample(props: { kind: string }) {
  const lane = props.kind === 'lane';
  return (
    <svg width="26" height="16" aria-hidden="true">
      <path
        d="M2 8 H24"
        stroke={css(lane ? PALETTE.lane : PALETTE.road)}
        strokeWidth={props.kind === 'road' ? 3 : 2}
        strokeDasharray={lane ? '6 3' : props.kind === 'track' ? '3 2' : undefined}
      />
    </svg>
  );
}

/** The marks on the map that this scenario has, in words. */
function Marks(props: { d: WorldDescription; view: number }) {
  const { d, view } = props;
  const a0 = d.actors[0]?.color ?? '#888888';
  const red = css(PALETTE.red);
  const trafficCodes = [...new Map(d.traffic.map((t) => [t.sidc, t.kind])).entries()].slice(0, 3);
  const trafficKinds = [...new Set(d.traffic.map((t) => TRAFFIC_WORDS[t.kind] ?? t.kind))];
  return (
    <ul className="legend-marks">
      <Item sample={<Sym sidc={FRIENDLY} fill={a0} alt="unit symbol" size={16} />}>
        Unit: fill = nation
      </Item>
      <Item
        sample={
          <svg width="26" height="12" aria-hidden="true">
            <rect x="0" y="0" width="26" height="12" fill="#111" />
            <rect x="2" y="2" width="22" height="3" fill="#fff" />
            <rect x="2" y="7" width="15" height="3" fill={css(STOCK_COLORS.ok)} />
          </svg>
        }
      >
        Bars: strength, fuel, stock
      </Item>
      <Item
        wrap
        sample={STOCK_LEVELS.map((level) => (
          <i
            key={level}
            className="stock"
            title={level}
            style={{ background: css(STOCK_COLORS[level]) }}
          />
        ))}
      >
        {STOCK_WORDS}
      </Item>
      <Item sample={<Sym sidc={DEPOT} alt="base symbol" />}>Base (installation)</Item>
      {d.supplyRuns.length > 0 && (
        <Item sample={<Sym sidc={d.supplyRuns[0]?.sidc ?? CONVOY} alt="convoy symbol" />}>
          Supply convoy
        </Item>
      )}
      {d.traffic.length > 0 && (
        <Item
          sample={trafficCodes.map(([c, kind]) => (
            <Sym key={c} sidc={c} alt={TRAFFIC_WORDS[kind] ?? 'civilian traffic'} size={13} />
          ))}
        >
          <span title={trafficKinds.join(', ')}>Civilian traffic</span>
        </Item>
      )}
      <Item sample={<Sym sidc={HOSTILE} alt="hostile symbol" />}>
        {view < 0 ? 'Threat cell (true)' : 'Threat track (believed)'}
      </Item>
      {view >= 0 && (
        <Item
          sample={[1, 0.55, 0.25].map((o) => (
            <Sym key={o} sidc={HOSTILE} alt="threat track, fading" size={11} opacity={o} />
          ))}
        >
          Track age 0 → 12 h · ring: uncertainty
        </Item>
      )}
      <Item
        sample={
          <svg width="34" height="16" aria-hidden="true">
            <path d="M2 14 Q17 -2 32 14" stroke="#666" strokeWidth="3" fill="none" />
            <circle cx="12" cy="6.5" r="4.5" fill={a0} stroke="#fff" />
          </svg>
        }
      >
        Sharing link · message
      </Item>
      <Item
        sample={
          <svg width="30" height="16" aria-hidden="true">
            <circle cx="7" cy="8" r="5" fill="none" stroke={css(PALETTE.lost)} strokeWidth="2.5" />
            <text x="17" y="13" fill={red} fontSize="14" fontWeight="700">
              ✕
            </text>
          </svg>
        }
      >
        Lost · withheld message
      </Item>
      <Item
        sample={
          <svg width="20" height="20" aria-hidden="true">
            <circle cx="10" cy="10" r="7.5" fill="none" stroke={red} strokeWidth="2.5" />
            <circle cx="10" cy="10" r="3" fill={red} />
          </svg>
        }
      >
        Incident
      </Item>
      <Item
        sample={
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="5.5" fill={a0} stroke="#fff" strokeWidth="2" />
          </svg>
        }
      >
        HQ / fusion centre
      </Item>
    </ul>
  );
}

/** Zone outlines and routes of this scenario, in one flowing row. */
function Areas(props: { d: WorldDescription }) {
  const { d } = props;
  const a0 = d.actors[0]?.color ?? '#888888';
  const zoneKinds = ZONE_KIND_NAMES.filter(([k]) => d.zones.some((z) => z.kind === k));
  const routeKinds = Object.keys(ROUTE_WORDS).filter((k) => d.routes.some((r) => r.kind === k));
  if (!zoneKinds.length && !routeKinds.length) return null;
  return (
    <ul className="legend-areas" aria-label="Zone outlines and routes">
      <li className="legend-sub">Zone outlines</li>
      {zoneKinds.map(([k, name, full]) => (
        <Item key={k} sample={<ZoneSample kind={k} owner={a0} />}>
          <span title={full}>{name}</span>
        </Item>
      ))}
      {routeKinds.map((k) => (
        <Item key={k} sample={<RouteSample kind={k} />}>
          {ROUTE_WORDS[k]}
        </Item>
      ))}
    </ul>
  );
}

export function Legend() {
  const d = useSession((s) => s.description);
  const view = useSession((s) => s.view);
  const [open, setOpen] = useStoredToggle(KEY);
  const ref = useRef<HTMLElement>(null);
  const bodyId = useId();
  useMapOverlays(ref);
  const placement = usePlacement(ref, d?.bbox ?? null);
  return (
    <aside
      className={`legend ${placement}${open ? ' open' : ''}`}
      aria-label="Map key"
      ref={ref}
      hidden={!d}
    >
      <button
        type="button"
        className="legend-head"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
        title={open ? 'Fold the key away' : 'Show the key'}
      >
        Key <span aria-hidden="true">{open ? '▾' : '▴'}</span>
      </button>
      <div className="legend-body" id={bodyId} hidden={!open}>
        {d && (
          <>
            <ul className="legend-forces" aria-label="Forces by colour">
              {d.actors.map((a, i) => (
                <li key={a.id} className={view === i ? 'viewed' : ''} title={a.name}>
                  <i className="chip" style={{ background: a.color }} />
                  {shortName(a)}
                </li>
              ))}
            </ul>
            <Marks d={d} view={view} />
            <Areas d={d} />
          </>
        )}
      </div>
    </aside>
  );
}

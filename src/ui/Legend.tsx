// The map legend: actor colours and what the map's marks mean — units and bases with their
// owner chip and bars, threats and tracks fading with age, information-flow arcs and dots,
// stock colours, incidents, zones and routes. Colours come from the map's own palette
// (src/map/colors.ts) and symbols from milsymbol, so the legend shows what the map draws.
import { type ReactNode, useState } from 'react';
import { PALETTE } from '../map/colors';
import { shortName } from '../store/feed';
import { useSession } from '../store/react';
import { MilSymbol } from './symbol';

const css = (c: number) => `#${c.toString(16).padStart(6, '0')}`;
const FRIENDLY = 'SFGPUCI----';
const HOSTILE = 'SHGPUCI----';
const DEPOT = 'SFGPIB-----';
const KEY = 'concord.legend';

function Item(props: { sample: ReactNode; label: string }) {
  return (
    <li>
      <span className="sample">{props.sample}</span>
      {props.label}
    </li>
  );
}

/** A key strip along the bottom of the map: actors first, then the marks. */
export function Legend() {
  const actors = useSession((s) => s.description?.actors);
  const view = useSession((s) => s.view);
  const [open, setOpen] = useState(() => localStorage.getItem(KEY) !== 'closed');
  const toggle = (v: boolean) => {
    setOpen(v);
    localStorage.setItem(KEY, v ? 'open' : 'closed');
  };
  if (!actors) return null;
  if (!open)
    return (
      <button type="button" className="legend-toggle" onClick={() => toggle(true)}>
        Legend ▴
      </button>
    );
  const [a0, a1] = [actors[0]?.color ?? '#888', actors[1]?.color ?? '#888'];
  const red = css(PALETTE.red);
  return (
    <aside className="legend" aria-label="Legend">
      <ul className="legend-row">
        <li className="legend-title">Key</li>
        {actors.map((a, i) => (
          <li key={a.id} className={view === i ? 'viewed' : ''} title={a.name}>
            <i className="chip" style={{ background: a.color }} />
            {shortName(a)}
          </li>
        ))}
      </ul>
      <ul className="legend-row">
        <Item
          sample={
            <>
              <i className="chip" style={{ background: a0 }} />
              <MilSymbol sidc={FRIENDLY} size={15} />
            </>
          }
          label="Unit · bars: strength, fuel"
        />
        <Item sample={<MilSymbol sidc={DEPOT} size={15} />} label="Base · stock bars" />
        <Item
          sample={
            <>
              <i className="stock" style={{ background: css(PALETTE.ok) }} />
              <i className="stock" style={{ background: css(PALETTE.amber) }} />
              <i className="stock" style={{ background: red }} />
            </>
          }
          label="Stock ok · < 40 % · < 20 %"
        />
        <Item
          sample={<MilSymbol sidc={HOSTILE} size={15} />}
          label={view < 0 ? 'Threat cell (true)' : 'Threat track (believed)'}
        />
        <Item
          sample={
            <>
              <MilSymbol sidc={HOSTILE} size={12} />
              <MilSymbol sidc={HOSTILE} size={12} opacity={0.55} />
              <MilSymbol sidc={HOSTILE} size={12} opacity={0.25} />
            </>
          }
          label="Track age 0 → 12 h, ring = uncertainty"
        />
        <Item
          sample={
            <svg width="44" height="16" aria-hidden="true">
              <path d="M2 14 Q22 -2 42 14" stroke="#777" strokeWidth="3" fill="none" />
              <circle cx="15" cy="6.5" r="4.5" fill={a0} stroke="#fff" />
            </svg>
          }
          label="Sharing link · message in flight"
        />
        <Item
          sample={
            <svg width="34" height="16" aria-hidden="true">
              <circle
                cx="8"
                cy="8"
                r="5"
                fill="none"
                stroke={css(PALETTE.lost)}
                strokeWidth="2.5"
              />
              <text x="20" y="13" fill={red} fontSize="14" fontWeight="700">
                ✕
              </text>
            </svg>
          }
          label="Message lost · withheld"
        />
        <Item
          sample={
            <svg width="22" height="22" aria-hidden="true">
              <circle cx="11" cy="11" r="8.5" fill="none" stroke={red} strokeWidth="2.5" />
              <circle cx="11" cy="11" r="3.5" fill={red} />
            </svg>
          }
          label="Incident"
        />
        <Item
          sample={
            <svg width="42" height="16" aria-hidden="true">
              <rect x="1" y="2" width="16" height="12" fill="#e0302a55" stroke="#e0302a" />
              <path d="M22 8 H41" stroke={css(PALETTE.road)} strokeWidth="3" />
            </svg>
          }
          label="Safe haven · road"
        />
        <Item
          sample={
            <svg width="16" height="16" aria-hidden="true">
              <circle cx="8" cy="8" r="5.5" fill={a1} stroke="#fff" strokeWidth="2" />
            </svg>
          }
          label="HQ / fusion centre"
        />
      </ul>
      <button
        type="button"
        className="legend-close"
        onClick={() => toggle(false)}
        aria-label="Hide the key"
        title="Hide the key"
      >
        ✕
      </button>
    </aside>
  );
}

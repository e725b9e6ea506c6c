// What the engine answered, at the unit: a refusal in its words (stays until dismissed;
// announced as an alert) or a brief "ordered" mark (announced politely). The callout follows the
// unit as the map pans, zooms and plays; off screen it waits at the top of the map. Also the
// dry-run verdict beside the pointer while picking a point ("M, then click").
import { type RefObject, useEffect, useRef } from 'react';
import type { WorldDescription } from '../../sim/describe';
import { currentMap } from '../../store/bridge';
import { dismissCallout, type OrderCallout as OrderCalloutState } from '../../store/orders';
import { useSession } from '../../store/react';
import { useOrders } from './use-orders';

/** Follows a unit's screen position every frame while mounted (style only, no re-render). */
function useFollowUnit(unit: number, el: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    let raf = 0;
    let last = '';
    const place = () => {
      raf = requestAnimationFrame(place);
      const box = el.current;
      if (!box) return;
      const at = currentMap()?.screenPosition({ kind: 'unit', index: unit }) ?? null;
      const key = at ? `${Math.round(at.x)},${Math.round(at.y)}` : 'off';
      if (key === last) return;
      last = key;
      box.classList.toggle('off-screen', !at);
      box.style.left = at ? `${Math.round(at.x)}px` : '';
      box.style.top = at ? `${Math.round(at.y)}px` : '';
    };
    place();
    return () => cancelAnimationFrame(raf);
  }, [unit, el]);
}

function CalloutBody({ callout, d }: { callout: OrderCalloutState; d: WorldDescription }) {
  const ref = useRef<HTMLDivElement>(null);
  useFollowUnit(callout.unit, ref);
  const unit = d.units[callout.unit];
  const refused = callout.kind === 'refused';
  return (
    <div
      ref={ref}
      className={`order-callout ${callout.kind}`}
      role={refused ? 'alert' : 'status'}
      data-unit={callout.unit}
    >
      <div className="oc-box">
        <div className="oc-head">
          <span className="oc-mark" aria-hidden="true">
            {refused ? '✕' : '✓'}
          </span>
          <span className="oc-title">{refused ? 'Order refused' : 'Ordered'}</span>
          <span className="oc-unit">{unit?.name ?? ''}</span>
        </div>
        <p className="oc-text">{callout.text}</p>
        {refused && (
          <button
            type="button"
            className="oc-close"
            aria-label="Dismiss the refusal"
            onClick={() => dismissCallout(callout.seq)}
          >
            ✕
          </button>
        )}
      </div>
    </div>
  );
}

export function OrderCallout() {
  const callout = useOrders((s) => s.callout);
  const d = useSession((s) => s.description);
  if (!callout || !d) return null;
  // A new callout mounts afresh, so an alert is announced each time.
  return <CalloutBody key={callout.seq} callout={callout} d={d} />;
}

/** While picking a point: the dry-run verdict beside the pointer (the dock says what to do). */
export function PickHint() {
  const picking = useOrders((s) => s.picking);
  const at = useOrders((s) => s.pickAt);
  if (picking < 0 || !at) return null;
  return (
    <div
      className={`pick-verdict${at.verdict ? ' refusable' : ''}`}
      style={{ left: at.x + 18, top: at.y + 18 }}
      aria-hidden="true"
    >
      {at.verdict === undefined
        ? 'checking…'
        : at.verdict === null
          ? '✓ it can go there'
          : `⚠ would be refused: ${at.verdict}`}
    </div>
  );
}

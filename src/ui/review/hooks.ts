// `window.concord.review`: the review's commands and state for browser tests and scripts.
import { namesOf, orderText } from '../../exercise/aar-orders';
import type { Order } from '../../sim/world';
import { getReview } from '../../store/review';
import { exportGeoJson } from './exports';
import { reportHtml } from './report-html';
import { review } from './review-bridge';

export const reviewHooks = {
  open: () => review.open(),
  close: () => review.close(),
  state: () => getReview(),
  seek: (tick: number) => review.seek(tick),
  /** The actor (id) whose picture shows beside the truth. */
  showActor: (id: string) =>
    review.setActor(getReview().description?.actors.findIndex((a) => a.id === id) ?? -1),
  report: () => review.showReport(),
  replay: () => review.showReplay(),
  branch: () => review.branchHere(),
  /** An order in the branch as `role`, listed in words as the form lists it. */
  order: (order: Order, role = 'white') => {
    const d = getReview().description;
    return review.branchOrder(order, role, d ? orderText(order, namesOf(d)) : order.kind);
  },
  compare: (tick: number) => review.compare(tick),
  /** The report as "Download report (HTML)" writes it (the page must show the report). */
  html: () => {
    const el = document.querySelector<HTMLElement>('[data-testid="report"]');
    return el ? reportHtml(el, `After-action report — ${getReview().title}`) : null;
  },
  geojson: () => review.eventsGeoJson(),
  exportGeoJson: () => exportGeoJson(),
  /** Each review map's drawing stats and the counts of the snapshot it shows (null: no map). */
  maps: () => {
    const of = (slot: 'truth' | 'actor') => {
      const map = review.map(slot);
      return map ? { ...map.stats(), shown: review.shown(slot) } : null;
    };
    return { truth: of('truth'), actor: of('actor') };
  },
};

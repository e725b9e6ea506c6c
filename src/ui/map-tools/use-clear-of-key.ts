// Keeps a box pinned to the bottom of the map area clear of the key: while the key lies under
// the box's columns (open as a strip along the bottom), the box sits just above it; otherwise
// (folded to its button, or a column on the left) it sits at the bottom. Style only.
import { type RefObject, useEffect } from 'react';

/** Room between the box and the key or the map's edge, CSS px. */
const GAP = 8;

export function useClearOfKey(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = ref.current;
    const area = box?.closest<HTMLElement>('.map-area');
    if (!box || !area) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const a = area.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      let bottom = GAP;
      for (const key of area.querySelectorAll('.legend')) {
        const k = key.getBoundingClientRect();
        const under = k.width > 0 && k.left < b.right && k.right > b.left;
        if (under) bottom = Math.max(bottom, a.bottom - k.top + GAP);
      }
      const px = `${Math.round(bottom)}px`;
      if (box.style.bottom !== px) box.style.bottom = px;
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    const sizes = new ResizeObserver(soon);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(area);
      sizes.observe(box);
      for (const key of area.querySelectorAll('.legend')) sizes.observe(key);
      soon();
    };
    // The key mounts with the scenario and changes class as it folds.
    const changes = new MutationObserver(watch);
    changes.observe(area, { childList: true, subtree: true, attributeFilter: ['class', 'hidden'] });
    watch();
    return () => {
      cancelAnimationFrame(frame);
      sizes.disconnect();
      changes.disconnect();
    };
  }, [ref]);
}

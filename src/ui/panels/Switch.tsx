// An on/off switch for agreements and rights: shows the requested state at once, outlined as
// pending (with a PendingBadge beside it) until the tick that applies the order has run.
export function Switch(props: {
  on: boolean;
  pending?: boolean;
  label: string;
  disabled?: boolean;
  onChange(on: boolean): void;
}) {
  const { on, pending, label, disabled } = props;
  return (
    <span className="switch-wrap">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={label}
        disabled={disabled}
        className={`switch${on ? ' on' : ''}${pending ? ' pending' : ''}`}
        onClick={() => props.onChange(!on)}
      >
        <span className="knob" />
      </button>
      <span className={`switch-text${on ? ' on' : ''}`}>{on ? 'On' : 'Off'}</span>
    </span>
  );
}

export function PendingBadge(props: { show: boolean }) {
  return props.show ? (
    <span className="badge-pending" title="The order takes effect when the next tick runs">
      applies next tick
    </span>
  ) : null;
}

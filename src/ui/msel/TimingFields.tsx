// When an entry fires: at a D+ time (its DTG shown beside it), or on a trigger — an event kind
// (inside a zone, where the kind has a position) or a metric crossing a value.
import {
  TRIGGER_EVENT_KINDS,
  TRIGGER_EVENTS,
  TRIGGER_OPS,
  type TriggerEvent,
} from '../../exercise/msel';
import { formatDPlus, formatDtg } from '../../exercise/msel-time';
import type { Scenario } from '../../scenario/schema';
import { CORE_METRICS, type MetricName } from '../../sim/metrics';
import { fieldId, inputProps, Problems } from './FormBits';
import {
  eventHasPosition,
  type FieldProblem,
  type FormDraft,
  readTime,
  type TimingChoice,
} from './form';
import { EVENT_WORDS, metricWords, shortName } from './words';

const OP_WORDS: Record<(typeof TRIGGER_OPS)[number], string> = {
  '>=': '≥ at least',
  '<=': '≤ at most',
  '>': '> more than',
  '<': '< less than',
};

export function TimingFields(props: {
  draft: FormDraft;
  set(patch: Partial<FormDraft>): void;
  problems: readonly FieldProblem[];
  sc: Scenario | null;
  /** Minutes since the start now (a time already past fires at the next tick). */
  nowMinutes: number;
}) {
  const { draft: d, set, problems, sc } = props;
  const minutes = d.timing === 'at' ? readTime(d.time, sc?.start ?? '') : null;
  const dtg = minutes !== null && sc ? formatDtg(sc.start, minutes / 60) : '';
  // A DTG typed in reads as its D+ time: say which.
  const dplus = minutes !== null && !/^\s*D/i.test(d.time) ? `${formatDPlus(minutes / 60)} · ` : '';
  const choice = (value: TimingChoice, label: string) => (
    <label className="msel-radio">
      <input
        type="radio"
        name="msel-timing"
        value={value}
        checked={d.timing === value}
        onChange={() => set({ timing: value })}
      />
      {label}
    </label>
  );
  const zoned = eventHasPosition(d.event);
  return (
    <fieldset className="msel-group">
      <legend>When it fires</legend>
      <div className="msel-radios">
        {choice('at', 'At a time')}
        {choice('event', 'On an event')}
        {choice('metric', 'On a metric')}
      </div>
      {d.timing === 'at' && (
        <div className="msel-field">
          <label htmlFor={fieldId('timing.hours')}>Time (D+d HH:MM)</label>
          <div className="msel-inline">
            <input
              {...inputProps(problems, 'timing.hours', 'msel-time-hint')}
              className="mono msel-time"
              value={d.time}
              onChange={(e) => set({ time: e.target.value })}
              spellCheck={false}
              autoComplete="off"
            />
            <span className="msel-hint" id="msel-time-hint">
              {dtg ? `${dplus}DTG ${dtg}` : 'e.g. D+2 06:30, or a DTG'}
              {minutes !== null && minutes < props.nowMinutes
                ? ' · already past: it fires at the next tick'
                : ''}
            </span>
          </div>
          <Problems problems={problems} field="timing.hours" />
        </div>
      )}
      {d.timing === 'event' && (
        <>
          <div className="msel-field">
            <label htmlFor={fieldId('timing.trigger.event')}>Event</label>
            <select
              {...inputProps(problems, 'timing.trigger.event', 'msel-event-hint')}
              value={d.event}
              onChange={(e) => set({ event: e.target.value as TriggerEvent })}
            >
              {TRIGGER_EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EVENT_WORDS[k]}
                </option>
              ))}
            </select>
            <span className="msel-hint" id="msel-event-hint">
              Fires when {TRIGGER_EVENTS[d.event].what}
              {zoned && d.zone ? ' inside the zone' : ''}.
            </span>
            <Problems problems={problems} field="timing.trigger.event" />
          </div>
          <div className="msel-field">
            <label htmlFor={fieldId('timing.trigger.zone')}>Zone</label>
            <select
              {...inputProps(problems, 'timing.trigger.zone', zoned ? undefined : 'msel-zone-hint')}
              value={zoned ? d.zone : ''}
              disabled={!zoned}
              onChange={(e) => set({ zone: e.target.value })}
            >
              <option value="">Anywhere</option>
              {(sc?.zones ?? []).map((z) => (
                <option key={z.id} value={z.id}>
                  {shortName(z.name)}
                </option>
              ))}
            </select>
            {!zoned && (
              <span className="msel-hint" id="msel-zone-hint">
                This event has no position, so no zone.
              </span>
            )}
            <Problems problems={problems} field="timing.trigger.zone" />
          </div>
        </>
      )}
      {d.timing === 'metric' && (
        <div className="msel-field">
          <span className="msel-label" id="msel-metric-label">
            Metric crossing a value
          </span>
          <div className="msel-inline">
            <select
              {...inputProps(problems, 'timing.trigger.metric')}
              aria-label="Metric"
              value={d.metric}
              onChange={(e) => set({ metric: e.target.value as MetricName })}
            >
              {CORE_METRICS.map((m) => (
                <option key={m} value={m}>
                  {metricWords(m)}
                </option>
              ))}
            </select>
            <select
              {...inputProps(problems, 'timing.trigger.op')}
              aria-label="Comparison"
              value={d.op}
              onChange={(e) => set({ op: e.target.value as FormDraft['op'] })}
            >
              {TRIGGER_OPS.map((o) => (
                <option key={o} value={o}>
                  {OP_WORDS[o]}
                </option>
              ))}
            </select>
            <input
              {...inputProps(problems, 'timing.trigger.value')}
              aria-label="Value"
              className="msel-number"
              inputMode="decimal"
              value={d.value}
              onChange={(e) => set({ value: e.target.value })}
            />
          </div>
          <span className="msel-hint">Checked every hour of scenario time.</span>
          <Problems problems={problems} field="timing.trigger.metric" />
          <Problems problems={problems} field="timing.trigger.op" />
          <Problems problems={problems} field="timing.trigger.value" />
        </div>
      )}
    </fieldset>
  );
}

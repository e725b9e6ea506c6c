// What an entry does in the simulation: narrative only, or one of the engine's inject kinds
// with its fields — ids picked from the scenario's tables (names shown, ids stored), numbers,
// on/off, domains, an optional position.
import { MSEL_EFFECT_KINDS, type MselEffectKind } from '../../exercise/msel';
import { EFFECT_KEYS } from '../../exercise/msel-cells';
import type { Scenario } from '../../scenario/schema';
import { domains } from '../../scenario/schema';
import { fieldId, inputProps, Problems } from './FormBits';
import { choicesFor, EFFECT_LABELS, FIELD_LABELS, type FieldProblem, type FormDraft } from './form';

export function EffectFields(props: {
  draft: FormDraft;
  set(patch: Partial<FormDraft>): void;
  problems: readonly FieldProblem[];
  sc: Scenario | null;
}) {
  const { draft: d, set, problems, sc } = props;
  const setFx = (key: string, value: string) => set({ fx: { ...d.fx, [key]: value } });
  const kind = d.effect;
  return (
    <fieldset className="msel-group">
      <legend>Effect on the simulation</legend>
      <div className="msel-field">
        <label htmlFor={fieldId('effect.kind')}>Effect</label>
        <select
          {...inputProps(problems, 'effect.kind')}
          value={kind}
          onChange={(e) => set({ effect: e.target.value as MselEffectKind | '' })}
        >
          <option value="">None: narrative only</option>
          {MSEL_EFFECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EFFECT_LABELS[k]}
            </option>
          ))}
        </select>
        <Problems problems={problems} field="effect.kind" />
      </div>
      {kind !== '' &&
        EFFECT_KEYS[kind].map((spec) => {
          const key = `effect.${spec.key}`;
          const label = FIELD_LABELS[spec.key] ?? spec.key;
          const value = d.fx[spec.key] ?? '';
          if (spec.type === 'id') {
            const choices = choicesFor(kind, spec.key, d.fx, sc);
            return (
              <div className="msel-field" key={key}>
                <label htmlFor={fieldId(key)}>{label}</label>
                <select
                  {...inputProps(problems, key)}
                  value={value}
                  onChange={(e) => setFx(spec.key, e.target.value)}
                >
                  <option value="">{spec.optional ? '— none —' : '— choose —'}</option>
                  {/* An id the tables do not hold (an imported typo) stays visible. */}
                  {value && !choices.some((c) => c.id === value) && (
                    <option value={value}>{value} (not in this scenario)</option>
                  )}
                  {choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <Problems problems={problems} field={key} />
              </div>
            );
          }
          if (spec.type === 'number')
            return (
              <div className="msel-field" key={key}>
                <label htmlFor={fieldId(key)}>{label}</label>
                <input
                  {...inputProps(problems, key)}
                  className="msel-number"
                  inputMode="decimal"
                  value={value}
                  onChange={(e) => setFx(spec.key, e.target.value)}
                />
                <Problems problems={problems} field={key} />
              </div>
            );
          if (spec.type === 'boolean')
            return (
              <fieldset className="msel-field msel-sub" key={key} {...describe(problems, key)}>
                <legend>{label}</legend>
                <div className="msel-radios">
                  {(['true', 'false'] as const).map((v) => (
                    <label className="msel-radio" key={v}>
                      <input
                        type="radio"
                        name="msel-effect-active"
                        value={v}
                        checked={value === v}
                        onChange={() => setFx(spec.key, v)}
                      />
                      {v === 'true' ? onWord(kind) : offWord(kind)}
                    </label>
                  ))}
                </div>
                <Problems problems={problems} field={key} />
              </fieldset>
            );
          if (spec.type === 'domains') {
            const on = new Set(value.split(',').filter(Boolean));
            return (
              <fieldset className="msel-field msel-sub" key={key} {...describe(problems, key)}>
                <legend>{label}</legend>
                <div className="msel-radios">
                  {domains.map((dm) => (
                    <label className="msel-radio" key={dm}>
                      <input
                        type="checkbox"
                        checked={on.has(dm)}
                        onChange={(e) => {
                          const next = new Set(on);
                          if (e.target.checked) next.add(dm);
                          else next.delete(dm);
                          setFx(spec.key, domains.filter((x) => next.has(x)).join(','));
                        }}
                      />
                      {dm}
                    </label>
                  ))}
                </div>
                <Problems problems={problems} field={key} />
              </fieldset>
            );
          }
          // position: longitude and latitude, both or neither
          return (
            <fieldset className="msel-field msel-sub" key={key} {...describe(problems, key)}>
              <legend>{label}</legend>
              <div className="msel-inline">
                <label className="msel-radio">
                  Lon
                  <input
                    className="msel-number"
                    inputMode="decimal"
                    value={d.fx.lon ?? ''}
                    onChange={(e) => setFx('lon', e.target.value)}
                  />
                </label>
                <label className="msel-radio">
                  Lat
                  <input
                    className="msel-number"
                    inputMode="decimal"
                    value={d.fx.lat ?? ''}
                    onChange={(e) => setFx('lat', e.target.value)}
                  />
                </label>
                <span className="msel-hint">degrees; empty: the group's haven</span>
              </div>
              <Problems problems={problems} field={key} />
            </fieldset>
          );
        })}
    </fieldset>
  );
}

/** A group of inputs (radios, checkboxes, two numbers) described by its problems. */
function describe(problems: readonly FieldProblem[], key: string) {
  const p = inputProps(problems, key);
  return {
    id: p.id,
    ...(p['aria-describedby'] ? { 'aria-describedby': p['aria-describedby'] } : {}),
  };
}

const onWord = (k: MselEffectKind) =>
  k === 'right' ? 'Grant' : k === 'mechanism' ? 'Open' : 'Switch on';
const offWord = (k: MselEffectKind) =>
  k === 'right' ? 'Suspend' : k === 'mechanism' ? 'Close' : 'Switch off (suspend)';

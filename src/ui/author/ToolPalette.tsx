// The tools over author mode's map: select and drag, place a unit, a base or a place, draw a
// zone (by its corners, a rectangle, a circle by its radius) or a route; the unit types to
// place (each with its APP-6 symbol; more from the palette of bundled types); whose things
// the tools place. The hint line says what the tool expects next.
import { presetTypeId } from '../../author/items';
import { UNIT_PRESETS } from '../../author/unit-presets';
import { type AuthorTool, getAuthor, setAuthor } from '../../store/author';
import { authorEdit } from '../../store/author-session';
import { keyLabel, type ShortcutId } from '../shortcuts';
import { MilSymbol } from '../symbol';
import { useAuthor } from './use-author';

export const TOOLS: ReadonlyArray<{
  id: AuthorTool;
  label: string;
  key: ShortcutId;
  icon: string;
}> = [
  { id: 'select', label: 'Select', key: 'au-select', icon: '↖' },
  { id: 'unit', label: 'Unit', key: 'au-unit', icon: '▣' },
  { id: 'base', label: 'Base', key: 'au-base', icon: '■' },
  { id: 'place', label: 'Place', key: 'au-place', icon: '●' },
  { id: 'zone-polygon', label: 'Zone', key: 'au-polygon', icon: '⬠' },
  { id: 'zone-rectangle', label: 'Rectangle', key: 'au-rectangle', icon: '▭' },
  { id: 'zone-circle', label: 'Circle', key: 'au-circle', icon: '◯' },
  { id: 'route', label: 'Route', key: 'au-route', icon: '⤳' },
];

function addPreset(id: string): void {
  const preset = UNIT_PRESETS.find((p) => p.id === id);
  const doc = getAuthor().doc;
  if (!preset || !doc) return;
  const key = presetTypeId(doc, preset);
  const types = (doc.unitTypes ?? {}) as Record<string, unknown>;
  if (!(key in types))
    authorEdit(`add unit type ${key}`, (d) => {
      d.unitTypes = { ...((d.unitTypes ?? {}) as object) };
      (d.unitTypes as Record<string, unknown>)[key] = structuredClone(preset.type);
    });
  setAuthor({ unitType: key, tool: 'unit' });
}

function UnitTypes() {
  const types = useAuthor(
    (s) => (s.doc?.unitTypes ?? {}) as Record<string, { name?: string; sidc?: string }>,
  );
  const chosen = useAuthor((s) => s.unitType);
  return (
    <fieldset className="au-types">
      <legend>Unit type to place</legend>
      {Object.entries(types).map(([id, t]) => (
        <button
          key={id}
          type="button"
          aria-pressed={chosen === id}
          className={`au-type${chosen === id ? ' on' : ''}`}
          onClick={() => setAuthor({ unitType: id, tool: 'unit' })}
          title={t.name ?? id}
        >
          {t.sidc && <MilSymbol sidc={t.sidc} size={22} />}
          <span>{t.name ?? id}</span>
        </button>
      ))}
      <label className="au-preset">
        <span>Add a type</span>
        <select
          value=""
          onChange={(e) => addPreset(e.target.value)}
          aria-label="Add a unit type from the palette"
        >
          <option value="">from the palette…</option>
          {UNIT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.type.name} ({p.type.domain})
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function OwnerChoice() {
  const actors = useAuthor(
    (s) => (s.doc?.actors ?? []) as Array<{ id: string; name?: string; color?: string }>,
  );
  const owner = useAuthor((s) => s.owner);
  return (
    <label className="au-owner">
      <span>Owner</span>
      <select value={owner ?? ''} onChange={(e) => setAuthor({ owner: e.target.value || null })}>
        <option value="">nearest nation</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name ?? a.id}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ToolPalette() {
  const tool = useAuthor((s) => s.tool);
  const hint = useAuthor((s) => s.hint);
  return (
    <div className="au-palette" data-map-overlay>
      <div className="au-tools" role="toolbar" aria-label="Author tools">
        {TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`au-tool${tool === t.id ? ' on' : ''}`}
            aria-pressed={tool === t.id}
            data-tool={t.id}
            title={`${t.label} (${keyLabel(t.key)})`}
            onClick={() => setAuthor({ tool: t.id, hint: null })}
          >
            <span aria-hidden="true">{t.icon}</span> {t.label}
          </button>
        ))}
      </div>
      <OwnerChoice />
      {tool === 'unit' && <UnitTypes />}
      {hint && (
        <div className="au-hint" role="status">
          {hint}
        </div>
      )}
    </div>
  );
}

// A new scenario's first settings: its name, the countries it covers (searched by name in the
// atlas: each becomes a nation and the map frames them), tick length, duration and start.
import { useMemo, useState } from 'react';
import type { AtlasCountry } from '../../author/atlas-countries';
import type { NewScenarioChoice } from '../../author/new-scenario';

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function NewScenarioForm(props: {
  countries: readonly AtlasCountry[];
  onCreate(c: NewScenarioChoice): void;
}) {
  const [name, setName] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [tick, setTick] = useState(15);
  const [days, setDays] = useState(7);
  const [start, setStart] = useState('2027-03-01');
  const shown = useMemo(() => {
    const q = fold(search.trim());
    return q ? props.countries.filter((c) => fold(c.name).includes(q)).slice(0, 12) : [];
  }, [search, props.countries]);
  const picked = chosen.map((iso) => props.countries.find((c) => c.iso === iso)!).filter(Boolean);
  const ready = name.trim() !== '' && picked.length > 0 && tick > 0 && days > 0;
  const add = (iso: string) => {
    if (!chosen.includes(iso)) setChosen([...chosen, iso]);
    setSearch('');
  };
  return (
    <form
      className="au-new"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready)
          props.onCreate({
            name: name.trim(),
            countries: picked,
            tickMinutes: tick,
            durationDays: days,
            start: `${start}T00:00:00Z`,
          });
      }}
    >
      <label>
        Name{' '}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Lake Chad joint patrol"
        />
      </label>
      <div className="au-countries">
        <label>
          Countries{' '}
          <input
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault();
                add(shown[0].iso);
              }
            }}
            placeholder="type a name, Enter adds"
            aria-label="Search countries"
          />
        </label>
        {shown.length > 0 && (
          <ul className="au-found">
            {shown.map((c) => (
              <li key={c.iso}>
                <button type="button" className="au-link" onClick={() => add(c.iso)}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ul className="au-chosen" aria-label="Chosen countries">
          {picked.map((c) => (
            <li key={c.iso}>
              {c.name}{' '}
              <button
                type="button"
                className="au-link"
                aria-label={`Remove ${c.name}`}
                onClick={() => setChosen(chosen.filter((x) => x !== c.iso))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="au-new-row">
        <label>
          Tick (minutes){' '}
          <input
            type="number"
            min={1}
            max={1440}
            value={tick}
            onChange={(e) => setTick(Number(e.target.value))}
          />
        </label>
        <label>
          Duration (days){' '}
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>
        <label>
          Start (UTC) <input type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="au-btn primary" disabled={!ready}>
        Create and frame the map
      </button>
    </form>
  );
}

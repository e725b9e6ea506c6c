// Actors: the trust matrix as a heat map (row = who trusts, column = whom; 0 light → 1 dark),
// the viewed actor's row highlighted; in an actor's view only its own row is known.

import { shortName } from '../../store/feed';
import { useSession, useSessionThrottled } from '../../store/react';
import { select } from '../../store/session';
import { trustColor } from '../format';

/**
 * A column head that fits a projector-width panel: the initials of a name of several words
 * ("Burkina Faso" BF, "G5 Sahel" G5S), else its first three letters ("Mali" MAL).
 */
export function abbreviation(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const words = bare
    .split(/[\s–-]+/)
    .filter((w) => /^[\p{L}\d]/u.test(w) && !/^(of|the|and|de|del|la)$/i.test(w));
  if (words.length >= 2)
    return words
      .slice(0, 3)
      .map((w) => (/^\d/.test(w) ? w : w[0]!))
      .join('')
      .toUpperCase();
  return bare.slice(0, 3).toUpperCase();
}

export function Actors() {
  const d = useSession((s) => s.description);
  const trust = useSessionThrottled((s) => s.trust);
  const view = useSession((s) => s.view);
  const sel = useSession((s) => (s.selection?.kind === 'actor' ? s.selection.index : -1));
  if (!d) return null;
  const actors = d.actors;
  return (
    <div>
      <h3 className="panel-title">Trust between actors</h3>
      <p className="hint">
        Row: how much that actor trusts each column actor (0 = none, 1 = full). Trust moves with
        shared successes, withheld tracks and sovereignty incidents.
        {view >= 0 ? ' In this view only the viewed actor’s own row is known.' : ''}
      </p>
      <div className="matrix-wrap">
        <table className="matrix">
          <thead>
            <tr>
              <th className="corner">trusts →</th>
              {actors.map((a) => (
                <th key={a.id} className="col-head" scope="col" title={a.name}>
                  <abbr title={a.name}>{abbreviation(a.name)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actors.map((a, i) => (
              <tr
                key={a.id}
                className={`${i === view ? 'viewed' : ''}${i === sel ? ' selected' : ''}`}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => select({ kind: 'actor', index: i }, 'user')}
                    title={a.name}
                  >
                    <i className="chip" style={{ background: a.color }} />
                    {shortName(a)}
                  </button>
                </th>
                {actors.map((b, j) => {
                  const v = trust[i]?.[j];
                  if (i === j) return <td key={b.id} className="diag" />;
                  if (v == null)
                    return (
                      <td key={b.id} className="unknown" title="Not known in this view">
                        ·
                      </td>
                    );
                  return (
                    <td
                      key={b.id}
                      style={{ background: trustColor(v), color: v > 0.55 ? '#fff' : '#0b1118' }}
                      title={`${a.name} trusts ${b.name}: ${v.toFixed(2)}`}
                    >
                      {v.toFixed(2).replace(/^0/, '')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="scale">
        <span>0</span>
        <span className="scale-bar" />
        <span>1</span>
      </div>
      <h3 className="panel-title">Actors</h3>
      <ul className="actor-list">
        {actors.map((a, i) => (
          <li key={a.id}>
            <button
              type="button"
              className="link"
              onClick={() => select({ kind: 'actor', index: i }, 'user')}
            >
              <i className="chip" style={{ background: a.color }} />
              <strong>{a.name}</strong>
            </button>
            <span className="muted">
              {' '}
              {a.kind}
              {a.members.length ? ` · ${a.members.length} members` : ''} ·{' '}
              {d.units.filter((u) => u.owner === i).length} units
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

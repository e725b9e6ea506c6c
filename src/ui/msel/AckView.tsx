// Who has acknowledged what: each fired entry addressed to played roles, newest first, with
// the roles that acknowledged it and when (D+), and the roles that have not yet.
import type { MselRow } from './rows';
import { tickDPlus } from './words';

export function AckView(props: { rows: readonly MselRow[]; tickMinutes: number }) {
  const at = (t: number) => tickDPlus(t, props.tickMinutes);
  const fired = props.rows
    .filter((r) => r.status.kind === 'fired' && r.status.roles.length > 0)
    .sort(
      (a, b) =>
        (b.status.kind === 'fired' ? b.status.tick : 0) -
        (a.status.kind === 'fired' ? a.status.tick : 0),
    );
  if (!fired.length)
    return (
      <p className="empty" id="msel-acks">
        No entry addressed to a played role has fired yet.
      </p>
    );
  return (
    <div className="msel-table-wrap">
      <table className="msel-table msel-ack-table" id="msel-acks">
        <caption className="sr-only">Acknowledgements of fired entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Subject</th>
            <th scope="col">Fired</th>
            <th scope="col">Acknowledged by</th>
            <th scope="col">Not yet</th>
          </tr>
        </thead>
        <tbody>
          {fired.map((r) => {
            if (r.status.kind !== 'fired') return null;
            const acked = r.status.roles.filter((x) => x.tick !== null);
            const waiting = r.status.roles.filter((x) => x.tick === null);
            return (
              <tr key={r.entry.serial} data-serial={r.entry.serial}>
                <th scope="row">{r.entry.serial}</th>
                <td className="msel-subject">{r.entry.subject || r.effect}</td>
                <td className="nowrap mono">{at(r.status.tick)}</td>
                <td>
                  {acked.length ? (
                    <ul className="msel-roles">
                      {acked.map((x) => (
                        <li key={x.role} className="msel-acked">
                          ✓ {x.name} <span className="mono">{at(x.tick!)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">nobody yet</span>
                  )}
                </td>
                <td>
                  {waiting.length ? (
                    <ul className="msel-roles">
                      {waiting.map((x) => (
                        <li key={x.role} className="msel-waiting">
                          {x.name}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="msel-acked">all acknowledged</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// The MSEL as a table: one row per entry in time order (triggered entries last), its serial a
// button that opens the form, and a Fire button for entries still pending.
import type { MselRow, RoleAck } from './rows';
import { statusClass } from './rows';
import { tickDPlus } from './words';

function Status({ row, tickMinutes }: { row: MselRow; tickMinutes: number }) {
  const s = row.status;
  if (s.kind === 'pending') return <span className="msel-status pending">Pending</span>;
  const at = (t: number) => tickDPlus(t, tickMinutes);
  const acked = s.roles.filter((r): r is RoleAck & { tick: number } => r.tick !== null);
  const waiting = s.roles.filter((r) => r.tick === null);
  return (
    <>
      <span className={`msel-status ${statusClass(s)}`}>
        Fired {at(s.tick)}
        {s.times > 1 ? ` (${s.times}×)` : ''}
      </span>
      {acked.length > 0 && (
        <span className="msel-acked">
          {' '}
          ✓ acknowledged by {acked.map((r) => `${r.name} ${at(r.tick)}`).join(', ')}
        </span>
      )}
      {waiting.length > 0 && (
        <span className="msel-waiting"> waiting for {waiting.map((r) => r.name).join(', ')}</span>
      )}
    </>
  );
}

export function MselTable(props: {
  rows: readonly MselRow[];
  total: number;
  tickMinutes: number;
  busy: boolean;
  onEdit(serial: string): void;
  onFire(serial: string): void;
}) {
  const { rows, tickMinutes } = props;
  return (
    <div className="msel-table-wrap">
      <table className="msel-table" id="msel-table">
        <caption className="sr-only">
          MSEL entries in time order, triggered entries last: {rows.length} of {props.total} shown
        </caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">D+ time</th>
            <th scope="col">DTG</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Method</th>
            <th scope="col">Subject</th>
            <th scope="col">Effect</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const e = r.entry;
            const cls = statusClass(r.status);
            return (
              <tr key={e.serial} className={`st-${cls}`} data-serial={e.serial}>
                <th scope="row">
                  <button
                    type="button"
                    className="msel-serial"
                    onClick={() => props.onEdit(e.serial)}
                    aria-label={`Edit entry ${e.serial}`}
                    title={`Edit entry ${e.serial}`}
                  >
                    {e.serial}
                  </button>
                </th>
                <td className="nowrap mono">{r.time.dplus}</td>
                <td className="nowrap mono msel-dtg">{r.time.dtg}</td>
                <td>{e.from}</td>
                <td>{r.to}</td>
                <td>{e.method}</td>
                <td className="msel-subject">{e.subject || <span className="muted">—</span>}</td>
                <td>{r.effect}</td>
                <td>{r.trigger}</td>
                <td className="msel-status-cell">
                  <Status row={r} tickMinutes={tickMinutes} />
                </td>
                <td className="msel-actions">
                  {r.status.kind === 'pending' && (
                    <button
                      type="button"
                      className="btn small"
                      disabled={props.busy}
                      onClick={() => props.onFire(e.serial)}
                      aria-label={`Fire entry ${e.serial} now`}
                    >
                      Fire…
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && (
        <p className="empty">
          {props.total
            ? 'No entry matches the filter and search.'
            : 'The MSEL is empty: add an entry or import a spreadsheet.'}
        </p>
      )}
    </div>
  );
}

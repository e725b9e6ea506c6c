// The after-action report page: the session's key events and injects, each role's orders and
// what came of them, the core metrics over time, the per-actor measures, each actor's picture
// quality over time, the map at every bookmark (ground truth beside the chosen actor's
// picture), and how each measure is computed. Printable (report.css: A4, a page per section)
// and downloadable as one self-contained HTML file (report-html.ts).
import { useMemo, useRef } from 'react';
import type { AfterActionReport } from '../../exercise/aar';
import type { MetricName } from '../../sim/metrics';
import type { MapImage, ReviewBookmark } from '../../store/review';
import { dPlus, dtg } from '../../store/time';
import { download } from '../download';
import { fileStem } from './download';
import { exportGeoJson } from './exports';
import { type ChartSeries, ReportChart } from './ReportChart';
import { EVENT_COLORS } from './ReviewTimeline';
import { reportHtml } from './report-html';
import { review } from './review-bridge';
import { useReview } from './use-review';
import './report.css';

const KIND_WORDS: Record<string, string> = {
  attack: 'attack',
  prevented: 'raid broken up',
  interdiction: 'interdiction',
  inject: 'inject',
  agreement: 'agreement',
  right: 'right',
  mechanism: 'mechanism',
  proposal: 'proposal',
  withdrawal: 'withdrawal',
  'sovereignty-incident': 'sovereignty',
};

const f = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : Number.isInteger(v)
      ? String(v)
      : v.toFixed(digits);
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`;

interface ChartSpec {
  title: string;
  unit?: string;
  max?: number;
  /** Running totals: whole-number ticks. */
  counts?: boolean;
  series: ChartSeries[];
  hours: number[];
}

function chartSpecs(a: AfterActionReport): {
  core: ChartSpec[];
  actors: ChartSpec[];
  picture: ChartSpec[];
} {
  const m = a.metrics;
  const line = (
    metric: MetricName,
    label: string,
    color: string,
    dash?: number[],
  ): ChartSeries => ({
    label,
    color,
    values: m.values[metric],
    ...(dash ? { dash } : {}),
  });
  const core: ChartSpec[] = [
    {
      title: 'Incidents and what stopped them (running totals)',
      counts: true,
      hours: m.hours,
      series: [
        line('incidents', 'Incidents', '#d62728'),
        line('incidentsPrevented', 'Raids prevented', '#2ca02c'),
        line('interdictions', 'Interdictions', '#1f77b4'),
        line('sovereigntyIncidents', 'Sovereignty incidents', '#8c564b', [6, 4]),
      ],
    },
    {
      title: 'Response and information times (hours, 48 h cap)',
      unit: 'h',
      hours: m.hours,
      series: [
        line('meanTimeToDetectH', 'Time to detect', '#9467bd'),
        line('meanTimeToRespondH', 'Time to respond', '#2ca02c'),
        line('meanInfoLatencyH', 'Information latency', '#1f77b4', [6, 4]),
        line('meanTimeToShareH', 'Time to share', '#17becf', [2, 3]),
      ],
    },
    {
      title: 'Shared picture, trust and readiness (0–1)',
      max: 1,
      hours: m.hours,
      series: [
        line('copCompleteness', 'COP completeness', '#17becf'),
        line('pictureDivergence', 'Picture divergence', '#e377c2', [6, 4]),
        line('trustMean', 'Mean trust', '#111a22'),
        line('meanReadiness', 'Mean readiness', '#e08a00', [2, 3]),
      ],
    },
  ];
  const color = (id: string) => a.actors.find((x) => x.id === id)?.color ?? '#888888';
  const name = (id: string) => a.actors.find((x) => x.id === id)?.name ?? id;
  const per = (title: string, data: Record<string, number[]>, only?: string[]): ChartSpec => ({
    title,
    counts: true,
    hours: a.perActor.hours,
    series: Object.entries(data)
      .filter(([id, v]) => (only ? only.includes(id) : true) && v.some((x) => x !== 0))
      .map(([id, v]) => ({ label: name(id), color: color(id), values: v })),
  });
  const actors = [
    per('Attacks in each actor’s territory (running totals)', a.perActor.incidents),
    per(
      'Tracks each actor withheld from partners for low trust (running totals)',
      a.perActor.withheld,
    ),
    per('Supply shortfalls of each actor’s units (running totals)', a.perActor.shortfalls),
  ].filter((c) => c.series.length > 0);
  const p = a.picture;
  const pic = (
    title: string,
    key: 'completeness' | 'divergence' | 'errorKm',
    unit?: string,
    max?: number,
  ): ChartSpec => ({
    title,
    hours: p.hours,
    ...(unit ? { unit } : {}),
    ...(max !== undefined ? { max } : {}),
    series: p.actors.map((id) => ({
      label: name(id),
      color: color(id),
      values: p.byActor[id]![key],
    })),
  });
  const picture = [
    pic(
      'Picture completeness: share of live threats each actor holds a fresh track of',
      'completeness',
      undefined,
      1,
    ),
    pic(
      'Picture divergence: mean Jaccard distance from each partner’s picture',
      'divergence',
      undefined,
      1,
    ),
    pic('Position error: how far each actor’s tracks were from the true threats', 'errorKm', 'km'),
  ];
  return { core, actors, picture };
}

function Header({ a }: { a: AfterActionReport }) {
  const played = a.roles.filter((r) => r.actor !== null).map((r) => r.name);
  return (
    <header>
      <h1>After-action report</h1>
      <p className="sub">{a.title}</p>
      <dl className="rp-meta">
        <dt>Scenario</dt>
        <dd>
          {a.scenario.name} (<code>{a.scenario.id}</code>), seed {a.seed}
          {a.set.length ? `, ${a.set.join(', ')}` : ''}
        </dd>
        <dt>Played</dt>
        <dd>
          {a.start.dtg} to {a.end.dtg} ({a.end.dplus}, {f(a.end.hours, 1)} h),{' '}
          {a.setup.mode === 'turns' ? `in turns of ${a.setup.executionHours} h` : 'in real time'}
        </dd>
        <dt>Roles</dt>
        <dd>White cell{played.length ? `; players: ${played.join(', ')}` : ''}</dd>
        <dt>Replay</dt>
        <dd>
          {a.hash.verified ? (
            <span className="rp-ok">verified</span>
          ) : (
            <span className="rp-bad">differs from the record</span>
          )}{' '}
          — hash <code>{a.hash.replayed}</code>
        </dd>
      </dl>
    </header>
  );
}

function Summary({ a }: { a: AfterActionReport }) {
  const m = a.metrics.final;
  const kpi: Array<[string, string]> = [
    ['Incidents', f(m.incidents)],
    ['Raids prevented', f(m.incidentsPrevented)],
    ['Interdictions', f(m.interdictions)],
    ['Civilian harm', f(m.civilianHarm, 0)],
    ['Time to detect', `${f(m.meanTimeToDetectH, 1)} h`],
    ['Time to respond', `${f(m.meanTimeToRespondH, 1)} h`],
    ['Information latency', `${f(m.meanInfoLatencyH, 1)} h`],
    ['COP completeness', pct(m.copCompleteness)],
    ['Picture divergence', f(m.pictureDivergence)],
    ['Mean trust', f(m.trustMean)],
    ['Sovereignty incidents', f(m.sovereigntyIncidents)],
    ['Tracks withheld', f(m.messagesWithheld)],
  ];
  return (
    <section className="first" data-section="summary">
      <h2>Summary at {a.end.dplus}</h2>
      <div className="rp-kpis">
        {kpi.map(([label, value]) => (
          <div className="rp-kpi" key={label}>
            <b>{value}</b>
            <span>{label}</span>
          </div>
        ))}
      </div>
      <p className="muted">
        {a.timeline.length} key events, {a.injects.length} MSEL injects fired,{' '}
        {a.orders.reduce((n, r) => n + r.orders.length, 0)} orders, {a.bookmarks.length} bookmarks.
      </p>
    </section>
  );
}

function Timeline({ a }: { a: AfterActionReport }) {
  return (
    <section data-section="timeline">
      <h2>Timeline of key events and injects</h2>
      {a.timeline.length === 0 ? (
        <p className="muted">Nothing of note happened.</p>
      ) : (
        <table className="rp-table">
          <thead>
            <tr>
              <th>D+</th>
              <th>DTG</th>
              <th>Kind</th>
              <th>Event</th>
            </tr>
          </thead>
          <tbody>
            {a.timeline.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
              <tr key={i}>
                <td className="when">{e.dplus}</td>
                <td className="when">{e.dtg}</td>
                <td>
                  <span className="rp-kind" style={{ background: kindColor(e.kind) }}>
                    {KIND_WORDS[e.kind] ?? e.kind}
                  </span>
                </td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a.injects.length > 0 && (
        <>
          <h3>MSEL injects fired</h3>
          <table className="rp-table">
            <thead>
              <tr>
                <th>Serial</th>
                <th>D+</th>
                <th>Subject</th>
                <th>How</th>
                <th>Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {a.injects.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                <tr key={i}>
                  <td>{x.serial}</td>
                  <td className="when">{x.dplus}</td>
                  <td>{x.subject}</td>
                  <td>
                    {x.by === 'white' ? 'by hand' : x.by === 'trigger' ? 'trigger' : 'on time'}
                  </td>
                  <td>
                    {x.acked.length}/{x.to.length}
                    {x.acked.length ? ` (${x.acked.map((r) => roleName(a, r)).join(', ')})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const kindColor = (k: string) =>
  k === 'sovereignty-incident'
    ? '#b08800'
    : k === 'inject'
      ? '#c27400'
      : ((EVENT_COLORS as Record<string, string>)[k] ?? '#667');

const roleName = (a: AfterActionReport, id: string) => a.roles.find((r) => r.id === id)?.name ?? id;

function Orders({ a }: { a: AfterActionReport }) {
  return (
    <section data-section="orders">
      <h2>Orders and what came of them</h2>
      {a.orders.map((r) =>
        r.orders.length === 0 ? (
          <p key={r.role} className="muted">
            <b>{r.name}</b>: no orders.
          </p>
        ) : (
          <div key={r.role}>
            <h3>
              {r.name} — {r.orders.length} order{r.orders.length === 1 ? '' : 's'}
            </h3>
            <table className="rp-table">
              <thead>
                <tr>
                  <th>D+</th>
                  <th>Order</th>
                  <th>Result</th>
                  <th>What came of it</th>
                </tr>
              </thead>
              <tbody>
                {r.orders.map((o) => (
                  <tr key={o.index}>
                    <td className="when">{o.dplus}</td>
                    <td>{o.text}</td>
                    <td>
                      <span className={`rp-status ${o.status}`}>{o.status}</span>
                    </td>
                    <td>{o.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </section>
  );
}

function Charts({ specs }: { specs: ChartSpec[] }) {
  return (
    <div className="rp-charts">
      {specs.map((c) => (
        <ReportChart
          key={c.title}
          title={c.title}
          hours={c.hours}
          series={c.series}
          {...(c.unit ? { unit: c.unit } : {})}
          {...(c.max !== undefined ? { max: c.max } : {})}
          {...(c.counts ? { counts: true } : {})}
        />
      ))}
    </div>
  );
}

function PerActor({ a, specs }: { a: AfterActionReport; specs: ChartSpec[] }) {
  const b = a.perActor.breakdown;
  const last = (xs: number[] | undefined) => xs?.at(-1) ?? 0;
  return (
    <section data-section="actors">
      <h2>By actor</h2>
      <table className="rp-table">
        <thead>
          <tr>
            <th>Actor</th>
            <th className="num">Attacks in territory</th>
            <th className="num">Time to respond (h)</th>
            <th className="num">Tracks withheld</th>
            <th className="num">Shortfalls</th>
            <th className="num">Out of fuel</th>
            <th className="num">Cost</th>
          </tr>
        </thead>
        <tbody>
          {a.actors
            .filter((x) => x.participant)
            .map((x) => (
              <tr key={x.id}>
                <td>{x.name}</td>
                <td className="num">{last(a.perActor.incidents[x.id])}</td>
                <td className="num">{f(b.timeToRespondHByCountry[x.id] ?? null, 1)}</td>
                <td className="num">{last(a.perActor.withheld[x.id])}</td>
                <td className="num">{last(a.perActor.shortfalls[x.id])}</td>
                <td className="num">{b.outOfFuelByNation[x.id] ?? 0}</td>
                <td className="num">{f(b.costByActor[x.id] ?? 0, 1)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <Charts specs={specs} />
    </section>
  );
}

function Picture({ a, specs }: { a: AfterActionReport; specs: ChartSpec[] }) {
  const name = (id: string) => a.actors.find((x) => x.id === id)?.name ?? id;
  return (
    <section data-section="picture">
      <h2>Each actor’s picture against the truth</h2>
      <table className="rp-table">
        <thead>
          <tr>
            <th>Actor (means over the session)</th>
            <th className="num">Completeness</th>
            <th className="num">Divergence</th>
            <th className="num">Position error (km)</th>
            <th className="num">Track age (h)</th>
            <th className="num">Phantoms</th>
          </tr>
        </thead>
        <tbody>
          {a.picture.actors.map((id) => {
            const s = a.picture.summary[id]!;
            return (
              <tr key={id}>
                <td>{name(id)}</td>
                <td className="num">{pct(s.completeness)}</td>
                <td className="num">{f(s.divergence)}</td>
                <td className="num">{f(s.errorKm, 1)}</td>
                <td className="num">{f(s.ageH, 1)}</td>
                <td className="num">{f(s.phantoms)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Charts specs={specs} />
    </section>
  );
}

function Maps({ a, images, status }: { a: AfterActionReport; images: MapImage[]; status: string }) {
  const ticks = [...new Set(images.map((i) => i.tick))];
  const notes = (t: number): ReviewBookmark[] =>
    a.bookmarks
      .filter((b) => b.tick === t)
      .map((b) => ({ tick: b.tick, role: b.role, roleName: b.roleName, note: b.note }));
  // Any tick (the session's end need not hold an event or a bookmark) as D+ and DTG.
  const when = (t: number) => {
    const minutes = t * a.scenario.tickMinutes;
    return { dplus: dPlus(minutes), dtg: dtg(a.scenario.start, minutes) };
  };
  return (
    <section data-section="maps">
      <h2>The map at the bookmarks</h2>
      {status === 'making' && <p className="muted no-export">Drawing the maps…</p>}
      {status === 'error' && <p className="rp-bad">The map images could not be made.</p>}
      {ticks.map((t) => {
        const ns = notes(t);
        const w = when(t);
        return (
          <div className="rp-bookmark" key={t}>
            <h3>
              {t === a.end.tick && ns.length === 0 ? `End of the session, ${w.dplus}` : w.dplus}{' '}
              <span className="muted">{w.dtg}</span>
            </h3>
            {ns.map((b, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a few notes
              <p key={i}>
                <b>{b.roleName}:</b> {b.note}
              </p>
            ))}
            <div className="rp-images">
              {images
                .filter((im) => im.tick === t)
                .map((im) => (
                  <figure key={im.view}>
                    <img src={im.src} alt={`${im.view} at ${w.dplus}`} />
                    <figcaption>
                      {im.view === 'Ground truth' ? 'Ground truth' : `${im.view}’s picture`}
                    </figcaption>
                  </figure>
                ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}

function Methods({ a }: { a: AfterActionReport }) {
  return (
    <section data-section="methods">
      <h2>How the measures are computed</h2>
      <dl className="rp-methods">
        {a.methods.map((m) => (
          <div key={m.measure}>
            <dt>{m.measure}</dt>
            <dd>{m.how}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Report() {
  const a = useReview((s) => s.aar);
  const status = useReview((s) => s.aarStatus);
  const images = useReview((s) => s.images);
  const imagesStatus = useReview((s) => s.imagesStatus);
  const notice = useReview((s) => s.notice);
  const root = useRef<HTMLElement>(null);
  const specs = useMemo(() => (a ? chartSpecs(a) : null), [a]);
  const downloadHtml = () => {
    if (!root.current || !a) return;
    const html = reportHtml(root.current, `After-action report — ${a.title}`);
    download(`${fileStem(a.title)}.aar.html`, html, 'text/html');
  };
  return (
    <div className="report-page" data-testid="report-page">
      <div className="rp-bar no-print">
        <button type="button" className="rv-btn" onClick={() => review.showReplay()}>
          ← Back to the replay
        </button>
        <button
          type="button"
          className="rv-btn primary"
          disabled={!a}
          onClick={() => window.print()}
        >
          Print / PDF
        </button>
        <button
          type="button"
          className="rv-btn"
          disabled={!a || imagesStatus === 'making'}
          onClick={downloadHtml}
        >
          Download report (HTML)
        </button>
        <button type="button" className="rv-btn" disabled={!a} onClick={() => void exportGeoJson()}>
          Export events (GeoJSON)
        </button>
        <span className="rv-status">
          {notice ??
            (status === 'computing'
              ? 'Replaying the session for the report…'
              : imagesStatus === 'making'
                ? 'Drawing the maps at the bookmarks…'
                : '')}
        </span>
      </div>
      {!a || !specs ? (
        <article className="report">
          <p>
            {status === 'error' ? 'The report could not be computed.' : 'Preparing the report…'}
          </p>
        </article>
      ) : (
        <article className="report" ref={root} data-testid="report" data-images={imagesStatus}>
          <Header a={a} />
          <Summary a={a} />
          <Timeline a={a} />
          <Orders a={a} />
          <section data-section="metrics">
            <h2>Core metrics over time</h2>
            <p className="muted">
              Exercise-wide, from the event log as it stood at each sample (every{' '}
              {a.metrics.hours.length > 1 ? f(a.metrics.hours[1]! - a.metrics.hours[0]!, 0) : 1} h).
            </p>
            <Charts specs={specs.core} />
          </section>
          <PerActor a={a} specs={specs.actors} />
          <Picture a={a} specs={specs.picture} />
          <Maps a={a} images={images} status={imagesStatus} />
          <Methods a={a} />
        </article>
      )}
    </div>
  );
}

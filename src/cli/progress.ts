// A progress line on stderr: done/total, runs per second and time left. Redrawn in place on a
// terminal; on a pipe or a log file a plain line at most every few seconds.
export class Progress {
  private readonly t0 = performance.now();
  private last = 0;

  /** `before`: runs already done when this session started (a resumed sweep), not in the rate. */
  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly before = 0,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, final = false): void {
    const now = performance.now();
    const tty = this.out.isTTY === true;
    if (!final && now - this.last < (tty ? 100 : 5000)) return;
    this.last = now;
    const s = (now - this.t0) / 1000;
    const rate = s > 0 ? (done - this.before) / s : 0;
    const left = rate > 0 ? (this.total - done) / rate : Number.NaN;
    const width = 24;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const eta = Number.isFinite(left) ? `${fmt(left)} left` : '';
    const text = `${this.label} ${bar} ${done}/${this.total} runs · ${rate.toFixed(2)} runs/s · ${eta}`;
    this.out.write(tty ? `\r${text}\x1b[K${final ? '\n' : ''}` : `${text}\n`);
  }
}

function fmt(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60
    ? `${m} min ${Math.round(seconds % 60)} s`
    : `${Math.floor(m / 60)} h ${m % 60} min`;
}

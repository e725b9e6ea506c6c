// Partner withdrawal as an inject: Mali leaves the G5 Sahel at D+2 (as it did in May 2022).
// Its channels to the organisation close, rights with the remaining members lapse, its joint
// force units return to national command, and nobody stays abroad on a lapsed right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { validateScenario } from '../../src/scenario/validate';
import { Session } from '../../src/sim/session';
import { territoryAt } from '../../src/sim/sovereignty';
import { loaded } from './driver';

function sahelWith(inject: Record<string, unknown>) {
  const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
  doc.injects.push(inject);
  return validateScenario(doc);
}

describe('partner withdrawal', () => {
  it('Mali leaving the G5 Sahel closes its channels, lapses its rights and takes back its units', () => {
    const v = sahelWith({
      id: 'mali-leaves',
      at: 'D+2',
      kind: 'withdraw',
      actor: 'mali',
      organisation: 'g5-sahel',
    });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const s = new Session(v.value, loadAtlas('50m'), 5);
    const { def } = s;
    const mali = def.actorIds.indexOf('mali');
    const g5 = def.actorIds.indexOf('g5-sahel');
    const jfLatency = s.world.s.tfDecisionTicks[0]!;
    const malianJf = Array.from({ length: def.nUnits }, (_, u) => u).filter(
      (u) => def.uOwner[u] === mali && s.world.s.uCommand[u]! >= 0,
    );
    expect(malianJf.length).toBeGreaterThan(0);
    s.runTo(Math.round((6 * 1440) / def.tickMinutes));
    const w = s.world.log.events.find((e) => e.k === 'withdrawal');
    expect(w).toBeDefined();
    if (w?.k !== 'withdrawal') return;
    expect(w.agreements).toBeGreaterThan(0);
    expect(w.rights).toBeGreaterThan(0);
    expect(w.units).toBe(malianJf.length);
    // No message between Mali and the organisation is sent after the withdrawal.
    const after = s.world.log.events.filter((e) => e.t > w.t && e.k === 'msg-send');
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) {
      if (e.k !== 'msg-send') continue;
      expect((e.from === mali && e.to === g5) || (e.from === g5 && e.to === mali)).toBe(false);
    }
    // Four members decide by consensus faster than five.
    expect(s.world.s.tfDecisionTicks[0]!).toBeLessThan(jfLatency);
    expect(s.world.s.member[g5 * def.nActors + mali]).toBe(0);
    // Its joint force units are back under national command.
    for (const u of malianJf) expect(s.world.s.uCommand[u]).toBe(-1);
    // Rights between Mali and the remaining members have lapsed.
    const members = new Set(def.members[g5]);
    def.rights.forEach((r, i) => {
      const between =
        (r.grantor === mali && members.has(r.grantee)) ||
        (r.grantee === mali && members.has(r.grantor));
      if (between) expect(s.world.s.rightActive[i]).toBe(0);
    });
    // Four days on, no other member's unit stands in Mali on a lapsed right.
    for (let u = 0; u < def.nUnits; u++) {
      const owner = def.uOwner[u]!;
      if (owner === mali || !members.has(owner)) continue;
      expect(territoryAt(def, s.world.s.ux[u]!, s.world.s.uy[u]!)).not.toBe(mali);
    }
  });

  it('names a withdrawing actor that is not a member', () => {
    const v = sahelWith({
      id: 'x',
      at: 'D+1',
      kind: 'withdraw',
      actor: 'partner',
      organisation: 'g5-sahel',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const at = loaded('sahel-ct').scenario.injects.length;
    expect(v.problems.map((p) => `${p.path}: ${p.message}`)).toContain(
      `injects[${at}].actor: found "partner"; allowed: a member of g5-sahel (mali, burkina, niger, mauritania, chad)`,
    );
  });

  it("hands a leaver's sector to the member named in sectorsTo, or leaves it to nobody", () => {
    const sc = loaded('au-somalia').scenario;
    const atlas = loadAtlas(sc.geography.atlas);
    const run = (sectorsTo: string | undefined) => {
      const doc = structuredClone(sc);
      doc.injects = doc.injects.map((i) =>
        i.kind === 'withdraw' ? { ...i, at: 'D+1', sectorsTo } : i,
      );
      const s = new Session(doc, atlas, 4);
      s.runTo(Math.round((2 * 1440) / doc.tickMinutes));
      return s;
    };
    const handed = run('uganda');
    const { def } = handed;
    const sector = def.zones.findIndex((z) => z.id === 'sector-5');
    const reserve = def.unitIds.indexOf('ug-reserve');
    expect(handed.world.s.zoneOwner[sector]).toBe(def.actorIds.indexOf('uganda'));
    expect(handed.world.s.uStandingRef[reserve]).toBe(sector);
    const lost = run(undefined);
    expect(lost.world.s.zoneOwner[sector]).toBe(-1);
    expect(lost.world.s.uStandingRef[reserve]).toBe(-1);
    const w = lost.world.log.events.find((e) => e.k === 'withdrawal');
    expect(w?.k === 'withdrawal' && w.sectors).toBe(1);
  });

  it('names a sectorsTo that is not a remaining member', () => {
    const v = sahelWith({
      id: 'x',
      at: 'D+1',
      kind: 'withdraw',
      actor: 'mali',
      organisation: 'g5-sahel',
      sectorsTo: 'partner',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const at = loaded('sahel-ct').scenario.injects.length;
    expect(v.problems.map((p) => `${p.path}: ${p.message}`)).toContain(
      `injects[${at}].sectorsTo: found "partner"; allowed: a remaining member of g5-sahel (burkina, niger, mauritania, chad)`,
    );
  });
});

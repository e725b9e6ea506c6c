// Author mode's editing state: 50 mixed edits of a real scenario undone return the document
// to identical JSON, redone to identical JSON again; a bad value is named at its path and stops
// "Try it" until fixed; autosave hears every change.
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { addItem, moveVertex, removeItem, setAt, updateItem } from '../../src/author/edit-ops';
import { type Doc, EditSession } from '../../src/author/edit-session';

const sahel = () => JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8')) as Doc;
const canonical = (d: unknown) => JSON.stringify(d);

type Zone = { id: string; polygon: number[][][] };
type Unit = { id: string; count?: number };

/** One random edit of the kinds author mode makes (seeded: the same 50 every run). */
function randomEdit(s: EditSession, rnd: () => number, n: number): void {
  const doc = s.doc as { zones: Zone[]; units: Unit[]; places: Array<{ id: string }> };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  switch (n % 6) {
    case 0: {
      const z = pick(doc.zones);
      const ring = z.polygon[0]!;
      const i = Math.floor(rnd() * ring.length);
      const [lon, lat] = ring[i]!;
      s.edit('move a vertex', moveVertex(z.id, 0, i, [lon! + rnd() - 0.5, lat! + rnd() - 0.5]));
      return;
    }
    case 1:
      s.edit(
        'add a place',
        addItem('places', {
          id: `place-${n}`,
          name: `Village ${n}`,
          kind: 'town',
          position: [-2 + rnd() * 4, 13 + rnd() * 2],
          population: 1000 + Math.floor(rnd() * 9000),
        }),
      );
      return;
    case 2: {
      const u = pick(doc.units);
      s.edit('change a count', updateItem('units', u.id, { count: 1 + Math.floor(rnd() * 4) }));
      return;
    }
    case 3:
      s.edit('rename', setAt(['name'], `Exercise ${n}`));
      return;
    case 4: {
      const added = doc.places.filter((p) => p.id.startsWith('place-'));
      if (added.length) s.edit('remove a place', removeItem('places', pick(added).id));
      else s.edit('tick length', setAt(['tickMinutes'], 30));
      return;
    }
    default:
      s.edit('duration', setAt(['durationDays'], 10 + Math.floor(rnd() * 20)));
  }
}

describe('EditSession', () => {
  it('50 mixed edits undone give identical JSON, redone give it again', () => {
    const original = sahel();
    const saved: Doc[] = [];
    const s = new EditSession(original, { save: (d) => saved.push(d) });
    const rnd = seedrandom('author-50');
    let steps = 0;
    for (let n = 0; steps < 50; n++) {
      const before = s.doc;
      randomEdit(s, rnd, n);
      if (s.doc !== before) steps++;
    }
    const edited = canonical(s.doc);
    expect(edited).not.toBe(canonical(original));
    expect(saved).toHaveLength(50);
    for (let i = 0; i < 50; i++) expect(s.undo()).toBe(true);
    expect(s.canUndo).toBe(false);
    expect(canonical(s.doc)).toBe(canonical(original));
    for (let i = 0; i < 50; i++) expect(s.redo()).toBe(true);
    expect(s.canRedo).toBe(false);
    expect(canonical(s.doc)).toBe(edited);
    // The document handed in was never touched.
    expect(canonical(original)).toBe(canonical(sahel()));
  });

  it('a new edit after undo drops the redo branch; an edit that changes nothing is no step', () => {
    const s = new EditSession(sahel());
    s.edit('rename', setAt(['name'], 'A'));
    s.edit('rename', setAt(['name'], 'B'));
    s.undo();
    expect(s.redoLabel).toBe('rename');
    s.edit('duration', setAt(['durationDays'], 12));
    expect(s.canRedo).toBe(false);
    const doc = s.doc;
    s.edit('same name', setAt(['name'], 'A'));
    expect(s.doc).toBe(doc);
    expect(s.undoLabel).toBe('duration');
  });

  it('a bad value is a problem at its path and blocks Try it until fixed', () => {
    const s = new EditSession(sahel());
    expect(s.problems()).toEqual([]);
    expect(s.mayTry).toBe(true);
    const unit = (s.doc.units as Unit[])[0]!.id;
    s.edit('count', updateItem('units', unit, { count: -3 }));
    const problems = s.problems();
    expect(problems.map((p) => p.path)).toContain('units[0].count');
    expect(problems.find((p) => p.path === 'units[0].count')!.message).toMatch(/-3/);
    expect(s.mayTry).toBe(false);
    s.edit('count', updateItem('units', unit, { count: 2 }));
    expect(s.problems()).toEqual([]);
    expect(s.mayTry).toBe(true);
  });

  it('a zone vertex drag keeps its ring closed', () => {
    const s = new EditSession(sahel());
    const z = (s.doc.zones as Zone[])[0]!;
    s.edit('drag', moveVertex(z.id, 0, 0, [-11.5, 14.25]));
    const ring = (s.doc.zones as Zone[])[0]!.polygon[0]!;
    expect(ring[0]).toEqual([-11.5, 14.25]);
    expect(ring.at(-1)).toEqual([-11.5, 14.25]);
    expect(s.mayTry).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { meterSeries } from '../../src/engine/debrief.ts';
import { continueWhatIf, decide, majority, previewMode, startWorkshop, whatIf, workshopOver, type Workshop } from '../../src/engine/workshop.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({ turns: 3, cards: [card('c1'), card('c2'), card('c3'), card('c4')] });

function decideAll(w: Workshop, choices: number[]): Workshop {
  for (const c of choices) {
    const r = decide(scenario, w, c, { counts: c === 0 ? [5, 2] : [1, 6], guess: 'a' });
    if (!r.ok) throw new Error(r.error.message);
    w = r.workshop;
  }
  return w;
}

describe('a workshop', () => {
  it('gives every team its own game of the same scenario and seed, and passes the turn round', () => {
    const w = startWorkshop(scenario, { teams: ['Rood', 'Blauw'], mode: 'turns', preview: 'scenario', timer: 60 }, 'room');
    expect(w.teams.map((t) => t.name)).toEqual(['Rood', 'Blauw']);
    expect(w.teams[0]!.state).toEqual(w.teams[1]!.state);
    const after = decideAll(w, [0]);
    expect(after.active).toBe(1);
    expect(after.teams[0]!.state.turn).toBe(2);
    expect(after.teams[1]!.state.turn).toBe(1);
    expect(after.teams[0]!.decisions[0]).toMatchObject({ turn: 1, choice: 0, vote: { counts: [5, 2], guess: 'a' }, deltas: { a: 5, b: -5 } });
  });

  it('plays one game when the whole room decides together', () => {
    const w = startWorkshop(scenario, { teams: ['Iedereen', 'ignored'], mode: 'together', preview: 'off', timer: 0 }, 'room');
    expect(w.teams).toHaveLength(1);
    expect(decideAll(w, [0, 1, 0]).teams[0]!.state.end).not.toBeNull();
  });

  it('skips teams whose game has ended and knows when all have', () => {
    let w = startWorkshop(scenario, { teams: ['A', 'B'], mode: 'turns', preview: 'scenario', timer: 0 }, 'x');
    w = decideAll(w, [0, 1, 0, 1, 0, 1]);
    expect(workshopOver(w)).toBe(true);
    expect(decide(scenario, w, 0)).toMatchObject({ ok: false, error: { code: 'game-over' } });
  });

  it('refuses vote counts that do not match the card', () => {
    const w = startWorkshop(scenario, { teams: ['A'], mode: 'together', preview: 'on', timer: 30 }, 'x');
    expect(decide(scenario, w, 0, { counts: [1, 2, 3] })).toMatchObject({ ok: false, error: { code: 'vote-mismatch' } });
  });

  it('finds the majority, or none on a tie', () => {
    expect(majority([3, 9, 2])).toBe(1);
    expect(majority([4, 4])).toBeNull();
    expect(majority([0, 0])).toBeNull();
    expect(majority(undefined)).toBeNull();
  });

  it('lets the trainer switch effect previews on and off over the scenario setting', () => {
    expect(previewMode({ ...scenario, preview: 'amount' }, 'scenario')).toBe('amount');
    expect(previewMode({ ...scenario, preview: 'amount' }, 'off')).toBe('none');
    expect(previewMode({ ...scenario, preview: 'none' }, 'on')).toBe('direction');
    expect(previewMode({ ...scenario, preview: 'which' }, 'on')).toBe('which');
  });
});

describe('what if', () => {
  it('replays the same cards up to the turn, takes the other choice there, and leaves the real game alone', () => {
    const w = decideAll(startWorkshop(scenario, { teams: ['A'], mode: 'together', preview: 'scenario', timer: 0 }, 'wi'), [0, 0]);
    const team = w.teams[0]!;
    const before = structuredClone(team);
    const r = whatIf(scenario, team, 2, 1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.whatIf).toMatchObject({ turn: 2, real: 0, other: 1 });
    expect(r.whatIf.state.history.map((h) => h.card)).toEqual(team.state.history.map((h) => h.card));
    expect(r.whatIf.state.history.map((h) => h.choice)).toEqual([0, 1]);
    const real = meterSeries(scenario, team.state).a!;
    const other = meterSeries(scenario, r.whatIf.state).a!;
    expect(other.slice(0, 2)).toEqual(real.slice(0, 2));
    expect(other[2]).not.toBe(real[2]);
    expect(team).toEqual(before);
    const more = continueWhatIf(scenario, r.whatIf, 0);
    expect(more.ok && more.whatIf.state.history).toHaveLength(3);
  });

  it('refuses a turn that has not been played', () => {
    const w = startWorkshop(scenario, { teams: ['A'], mode: 'together', preview: 'scenario', timer: 0 }, 'wi');
    expect(whatIf(scenario, w.teams[0]!, 5, 1)).toMatchObject({ ok: false, error: { code: 'no-such-turn' } });
  });
});

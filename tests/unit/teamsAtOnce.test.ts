import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closeRound, countTeamVotes, decideTeam, nextRound, revealAfter, roundOver, roundProgress, roundReveal, setTeamGuess, teamCounts, teamTable,
} from '../../src/engine/teamsAtOnce.ts';
import { setCount } from '../../src/engine/votes.ts';
import { decide, startWorkshop, stopSession, workshopOver, type Workshop, type WorkshopSettings } from '../../src/engine/workshop.ts';
import { loadWorkshop, saveWorkshop } from '../../src/engine/workshopSave.ts';
import { card, makeScenario } from './scenarios.ts';

// Choice 2 of c1 leads to the follow-up c9 next turn: the games of teams that chose differently diverge.
const three = (id: string, next?: string) => card(id, { choices: [{ label: 'up', effects: { a: 5, b: -5 } }, { label: 'down', effects: { a: -5, b: 5 } }, { label: 'other', ...(next ? { next } : {}) }] });
const scenario = makeScenario({
  turns: 6,
  cards: [three('c1', 'c9'), three('c2'), three('c3'), three('c4'), three('c5'), three('c6'), three('c7'), { ...three('c9'), weight: 0 }],
});
const settings = (parts: Partial<WorkshopSettings> = {}): WorkshopSettings => ({ teams: ['Balie', 'Wijk', 'Raad'], mode: 'same-time', preview: 'off', timer: 60, ...parts });

function counted(w: Workshop, team: number, counts: number[]): Workshop {
  return countTeamVotes(w, team, (tally) => counts.reduce((t, n, i) => setCount(t, i, n), tally));
}

function decided(result: ReturnType<typeof decideTeam>): Workshop {
  if (!result.ok) throw new Error(result.reason);
  return result.workshop;
}

describe('teams deciding at the same time', () => {
  it('gives every team its own table with the same first card, and each team decides by its own votes', () => {
    let w = startWorkshop(scenario, settings(), 'seed');
    expect(w.tables!.map((t) => t.status)).toEqual(['deciding', 'deciding', 'deciding']);
    const first = teamTable(scenario, w, 0)!.card.id;
    expect([1, 2].map((i) => teamTable(scenario, w, i)!.card.id)).toEqual([first, first]);
    w = counted(w, 0, [4, 1]);
    w = counted(w, 1, [0, 3]);
    w = setTeamGuess(scenario, w, 1, 'b');
    // One team's votes and guess are its own.
    expect(teamCounts(w, 0).slice(0, 2)).toEqual([4, 1]);
    expect(teamCounts(w, 1).slice(0, 2)).toEqual([0, 3]);
    expect(w.tables![2]!.guess).toBeNull();
    w = decided(decideTeam(scenario, w, 1));
    expect(w.teams[1]!.decisions[0]).toMatchObject({ choice: 1, vote: { counts: [0, 3, 0], guess: 'b' }, how: { by: 'majority', votes: 3, total: 3 } });
    expect(w.teams[0]!.decisions).toHaveLength(0);
    expect(roundProgress(w)).toEqual({ decided: 1, playing: 3 });
    // Nothing to reveal while any team still decides, and a decided team cannot decide again.
    expect(roundOver(w)).toBe(false);
    expect(roundReveal(scenario, w)).toEqual([]);
    expect(decideTeam(scenario, w, 1, 0)).toMatchObject({ ok: false, reason: 'error', error: { code: 'not-deciding' } });
    expect(counted(w, 1, [9, 9])).toBe(w);
    w = decided(decideTeam(scenario, w, 0));
    w = decided(decideTeam(scenario, w, 2, 0));
    expect(roundOver(w)).toBe(true);
    const reveal = roundReveal(scenario, w);
    expect(reveal.map((r) => [r.team, r.decision.choice, r.decision.how.by])).toEqual([[0, 0, 'majority'], [1, 1, 'majority'], [2, 0, 'trainer']]);
    expect(reveal[0]!.before).toEqual({ a: 50, b: 50 });
    // The next round: fresh tables with the next card of each team's own game.
    const next = nextRound(scenario, w);
    expect(next.tables!.map((t) => [t.status, t.tally.hands.every((n) => n === 0), t.guess])).toEqual([0, 1, 2].map(() => ['deciding', true, null]));
    expect([0, 1, 2].map((i) => next.teams[i]!.state.turn)).toEqual([2, 2, 2]);
  });

  it('asks for the trainer\'s pick per team when voting closes on a tie or no votes, and decides the rest by their majority', () => {
    let w = startWorkshop(scenario, settings(), 'seed');
    w = counted(w, 0, [2, 5]);
    w = counted(w, 1, [3, 3]);
    const closed = closeRound(scenario, w);
    expect(closed.workshop.tables!.map((t) => t.status)).toEqual(['decided', 'deciding', 'deciding']);
    expect(closed.workshop.teams[0]!.decisions[0]!.choice).toBe(1);
    expect(closed.asking).toEqual([{ team: 1, reason: 'tie', among: [0, 1] }, { team: 2, reason: 'no-votes', among: expect.arrayContaining([0, 1, 2]) as number[] }]);
    // A pick outside the tie does not count; picks inside it do.
    const again = closeRound(scenario, closed.workshop, new Map([[1, 2], [2, 1]]));
    expect(again.asking).toEqual([{ team: 1, reason: 'tie', among: [0, 1] }]);
    const done = closeRound(scenario, again.workshop, new Map([[1, 0]]));
    expect(done.asking).toEqual([]);
    expect(roundOver(done.workshop)).toBe(true);
    expect(roundReveal(scenario, done.workshop).map((r) => [r.decision.choice, r.decision.how.by])).toEqual([[1, 'majority'], [0, 'tie'], [1, 'trainer']]);
  });

  it('keeps each team\'s own game: where the games diverge, each team gets its own card at the same moment', () => {
    let w = startWorkshop(scenario, settings(), 'seed');
    // Play until c1 is on the tables (the deck order depends on the seed).
    for (let round = 0; teamTable(scenario, w, 0)!.card.id !== 'c1'; round++) {
      if (round > 6) throw new Error('c1 never came');
      w = closeRound(scenario, w, new Map([[0, 0], [1, 0], [2, 0]])).workshop;
      w = nextRound(scenario, w);
    }
    w = closeRound(scenario, w, new Map([[0, 2], [1, 0], [2, 2]])).workshop;
    w = nextRound(scenario, w);
    const cards = [0, 1, 2].map((i) => teamTable(scenario, w, i)!.card.id);
    expect(cards[0]).toBe('c9');
    expect(cards[2]).toBe('c9');
    expect(cards[1]).not.toBe('c9');
    expect(w.teams[0]!.state.meters).not.toEqual(w.teams[1]!.state.meters);
  });

  it('leaves a team out of the next rounds once its game is over, and ends when every team is done', () => {
    let w = startWorkshop(scenario, settings({ length: 2 }), 'seed');
    for (let round = 0; round < 2; round++) {
      expect(workshopOver(w)).toBe(false);
      w = nextRound(scenario, closeRound(scenario, w, new Map([[0, 0], [1, 1], [2, 0]])).workshop);
    }
    expect(workshopOver(w)).toBe(true);
    expect(w.teams.map((t) => t.decisions.length)).toEqual([2, 2, 2]);
    // Meters a team drove to the end: 'b' down 5 a card from 50 ends at 0 after ten cards.
    const ends = makeScenario({ turns: 20, cards: Array.from({ length: 12 }, (_, i) => card(`k${i}`, { choices: [{ label: 'x', effects: { b: -25 } }, { label: 'y', effects: { a: 1 } }] })) });
    let e = startWorkshop(ends, settings({ teams: ['A', 'B'] }), 'seed');
    for (let round = 0; round < 2; round++) e = nextRound(ends, closeRound(ends, e, new Map([[0, 0], [1, 1]])).workshop);
    expect(e.teams[0]!.state.end).not.toBeNull();
    expect(e.tables!.map((t) => t.status)).toEqual(['out', 'deciding']);
    expect(roundProgress(e)).toEqual({ decided: 0, playing: 1 });
    e = decided(decideTeam(ends, e, 1, 1));
    expect(roundReveal(ends, e).map((r) => r.team)).toEqual([1]);
  });

  it('is not decided team by team in turn, and a stopped session decides nothing more', () => {
    const w = startWorkshop(scenario, settings(), 'seed');
    expect(decide(scenario, w, 0)).toMatchObject({ ok: false, reason: 'error', error: { code: 'other-form' } });
    expect(decideTeam(scenario, stopSession(w), 0, 0)).toMatchObject({ ok: false, reason: 'error', error: { code: 'session-over' } });
  });

  it('decides every team by its own majority, whatever the other teams voted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)), { minLength: 2, maxLength: 6 }), (votes) => {
        let w = startWorkshop(scenario, settings({ teams: votes.map((_, i) => `T${i}`) }), 'prop');
        votes.forEach((v, i) => (w = counted(w, i, v)));
        const closed = closeRound(scenario, w);
        for (const [i, v] of votes.entries()) {
          const top = Math.max(...v);
          const winners = v.flatMap((n, c) => (n === top ? [c] : []));
          const decision = closed.workshop.teams[i]!.decisions[0];
          if (top > 0 && winners.length === 1) expect(decision?.choice).toBe(winners[0]);
          else expect(closed.asking.map((a) => a.team)).toContain(i);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('saves and loads a round in progress; the phones\' votes come back from the server, the hand counts stay', () => {
    let w = startWorkshop(scenario, settings(), 'seed');
    w = counted(w, 0, [1, 4]);
    w = countTeamVotes(w, 1, (t) => ({ ...t, phones: [2, 0, 0] }));
    w = decided(decideTeam(scenario, w, 0));
    const room = { phase: 'deciding' as const, revealTeam: null, slide: 0, timer: { left: 30_000, running: true } };
    const loaded = loadWorkshop(() => scenario, saveWorkshop({ workshop: w, room }));
    if (!loaded.ok) throw new Error(loaded.reason);
    const back = loaded.saved.workshop;
    expect(back.settings.mode).toBe('same-time');
    expect(back.tables!.map((t) => t.status)).toEqual(['decided', 'deciding', 'deciding']);
    expect(back.tables![0]!.tally.hands).toEqual([1, 4, 0]);
    expect(back.tables![1]!.tally.phones).toEqual([0, 0, 0]);
    // A save whose tables do not match its teams is refused, not half-loaded.
    const broken = loadWorkshop(() => scenario, saveWorkshop({ workshop: { ...w, tables: w.tables!.slice(0, 2) }, room }));
    expect(broken).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('still loads a save of the other forms made before teams decided at the same time', () => {
    const w = startWorkshop(scenario, settings({ mode: 'turns' }), 'seed');
    expect(w.tables).toBeUndefined();
    const text = saveWorkshop({ workshop: w, room: { phase: 'deciding', revealTeam: null, slide: 0, timer: { left: 60_000, running: false } } });
    expect(JSON.parse(text).workshop.version).toBe(2);
    const loaded = loadWorkshop(() => scenario, text);
    expect(loaded.ok).toBe(true);
  });
});

describe('teams taking turns on the same card with effects hidden', () => {
  const deck = makeScenario({ turns: 10, cards: ['c1', 'c2', 'c3', 'c4'].map((id) => card(id)) });

  function play(preview: WorkshopSettings['preview']): { seen: number[][]; w: Workshop } {
    let w = startWorkshop(deck, { teams: ['A', 'B', 'C'], mode: 'same-card', preview, timer: 0 }, 'same');
    const seen: number[][] = [];
    for (const pick of [0, 1, 0]) {
      const team = w.active;
      const r = decide(deck, w, pick);
      if (!r.ok) throw new Error(r.reason);
      w = r.workshop;
      seen.push(revealAfter(deck, w, team).map((reveal) => reveal.team));
    }
    return { seen, w };
  }

  it('reveals nothing before the last team decided, then every team\'s decision at once', () => {
    const { seen, w } = play('off');
    expect(seen).toEqual([[], [], [0, 1, 2]]);
    const reveal = revealAfter(deck, w, 2);
    expect(reveal.map((r) => r.decision.choice)).toEqual([0, 1, 0]);
    expect(new Set(reveal.map((r) => r.decision.card)).size).toBe(1);
  });

  it('reveals each decision at once when the effects are shown anyway', () => {
    expect(play('on').seen).toEqual([[0], [1], [2]]);
  });
});

describe('the room when teams decide at the same time', () => {
  it('counts per team, asks for a pick per team, shows one reveal, survives a reload in the reveal, then deals the next week', async () => {
    const { resumeRoom, savedRoom, startRoom } = await import('../../src/session/room.ts');
    const rooms = await import('../../src/session/teamsRoom.ts');
    const r = startRoom(scenario, settings(), 'seed');
    rooms.countTableVote(r, 0, 0, 1);
    rooms.countTableVote(r, 0, 0, 1);
    rooms.setTableCount(r, 1, 1, 3);
    rooms.setTablePhoneVotes(r, 2, [0, 0, 0]);
    expect(rooms.tableHands(r, 0)).toEqual([2, 0, 0]);
    expect(rooms.closeTables(r)).toBe(false);
    expect(rooms.teamAsking(r)).toMatchObject([{ team: 2, reason: 'no-votes' }]);
    expect(r.phase).toBe('deciding');
    expect(rooms.tablesReveal(r)).toEqual([]);
    expect(rooms.closeTables(r, new Map([[2, 2]]))).toBe(true);
    expect(r.phase).toBe('reveal');
    expect(rooms.tablesReveal(r).map((x) => x.decision.choice)).toEqual([0, 1, 2]);
    const back = resumeRoom(scenario, JSON.parse(JSON.stringify(savedRoom(r))) as ReturnType<typeof savedRoom>);
    expect(back.phase).toBe('reveal');
    expect(rooms.tablesReveal(back)).toHaveLength(3);
    expect(rooms.nextTables(back)).toBe('deciding');
    expect(back.workshop.tables!.map((t) => t.status)).toEqual(['deciding', 'deciding', 'deciding']);
    expect(rooms.tableHands(back, 0)).toEqual([0, 0, 0]);
  });
});

describe('the room with teams taking turns on the same card, effects hidden', () => {
  it('goes from team to team without a reveal, then shows the round\'s reveal for every team and the scoreboard', async () => {
    const { afterReveal, decideRoom, startRoom } = await import('../../src/session/room.ts');
    const { revealsRound, roundReveals } = await import('../../src/session/teamsRoom.ts');
    const deck = makeScenario({ turns: 10, cards: ['c1', 'c2', 'c3', 'c4'].map((id) => card(id)) });
    const r = startRoom(deck, { teams: ['A', 'B', 'C'], mode: 'same-card', preview: 'off', timer: 0 }, 'same');
    const phases: string[] = [];
    for (const pick of [0, 1, 0]) {
      decideRoom(r, undefined);
      expect(decideRoom(r, pick)).toBe(true);
      phases.push(r.phase);
      expect(r.reveal === null).toBe(r.phase === 'deciding');
    }
    expect(phases).toEqual(['deciding', 'deciding', 'reveal']);
    expect(revealsRound(r)).toBe(true);
    expect(roundReveals(r).map((x) => [x.team, x.decision.choice])).toEqual([[0, 0], [1, 1], [2, 0]]);
    expect(afterReveal(r)).toBe('scoreboard');
    // With effects shown, every decision has its own reveal as before.
    const shown = startRoom(deck, { teams: ['A', 'B'], mode: 'same-card', preview: 'on', timer: 0 }, 'same');
    decideRoom(shown, undefined);
    decideRoom(shown, 0);
    expect(shown.phase).toBe('reveal');
    expect(revealsRound(shown)).toBe(false);
  });
});

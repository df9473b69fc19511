/**
 * "To the debrief" can be taken back: the engine undoes the stop, and the room returns to the same
 * card with its votes, guess and timer.
 */
import { describe, expect, it } from 'vitest';
import { setCount } from '../../src/engine/votes.ts';
import { canUndoStop, countVotes, decide, sessionStop, setGuess, startWorkshop, stopSession, undoStop, workshopOver, workshopTable } from '../../src/engine/workshop.ts';
import { loadWorkshop, saveWorkshop } from '../../src/engine/workshopSave.ts';
import { canResumeRoom, countVote, decideRoom, handCounts, resumeRoom, resumeStoppedRoom, savedRoom, startRoom, stopRoom } from '../../src/session/room.ts';
import { standing } from '../../src/engine/standing.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({ turns: 5, cards: [card('c1'), card('c2'), card('c3'), card('c4')] });
const settings = { teams: ['Balie', 'Team 2', 'Wijk'], mode: 'turns' as const, preview: 'off' as const, timer: 60 as const };

describe('taking back a stop in the engine', () => {
  it('runs the session again from the same card, with the votes and guess counted on it', () => {
    let w = startWorkshop(scenario, settings, 'undo');
    const first = decide(scenario, countVotes(w, (t) => setCount(t, 0, 4)));
    if (!first.ok) throw new Error(first.reason);
    w = setGuess(scenario, countVotes(first.workshop, (t) => setCount(setCount(t, 0, 2), 1, 3)), 'b');
    const table = workshopTable(scenario, w);
    const stopped = stopSession(w);
    expect(workshopOver(stopped)).toBe(true);
    expect(canUndoStop(stopped)).toBe(true);
    const back = undoStop(stopped);
    expect(back.stoppedAt).toBeNull();
    expect(workshopOver(back)).toBe(false);
    expect(sessionStop(back)).toBeNull();
    expect(back.active).toBe(1);
    expect(workshopTable(scenario, back)).toEqual(table);
    expect(back.tally.hands).toEqual([2, 3]);
    expect(back.guess).toBe('b');
  });

  it('has nothing to take back in a session that runs, or whose games all ended', () => {
    const w = startWorkshop(scenario, { ...settings, teams: ['A'], mode: 'together', length: 1 }, 'x');
    expect(canUndoStop(w)).toBe(false);
    expect(undoStop(w)).toBe(w);
    const played = decide(scenario, countVotes(w, (t) => setCount(t, 1, 2)));
    if (!played.ok) throw new Error(played.reason);
    const over = stopSession(played.workshop);
    expect(workshopOver(over)).toBe(true);
    // The set-up's length was reached: the stop changes nothing, and undoing it does not reopen the session.
    expect(canUndoStop(over)).toBe(false);
    expect(workshopOver(undoStop(over))).toBe(true);
  });
});

describe('taking back a stop in the room', () => {
  it('returns to the same card with its counts and a timer that runs on from where it was', () => {
    const r = startRoom(scenario, settings, 'room-undo');
    r.timer.begin();
    countVote(r, 0, 3);
    countVote(r, 1, 1);
    stopRoom(r);
    expect(r.phase).toBe('over');
    expect(r.timer.paused).toBe(true);
    const left = r.timer.left();
    expect(canResumeRoom(r)).toBe(true);
    expect(resumeStoppedRoom(r)).toBe(true);
    expect(r.phase).toBe('deciding');
    expect(handCounts(r)).toEqual([3, 1]);
    expect(r.timer.paused).toBe(false);
    expect(r.timer.left()).toBeLessThanOrEqual(left);
    expect(r.timer.left()).toBeGreaterThan(left - 5_000);
    expect(canResumeRoom(r)).toBe(false);
  });

  it('keeps a paused timer paused, and returns to the reveal it was stopped at', () => {
    const r = startRoom(scenario, settings, 'room-reveal');
    countVote(r, 1, 2);
    expect(decideRoom(r)).toBe(true);
    expect(r.phase).toBe('reveal');
    stopRoom(r);
    expect(resumeStoppedRoom(r)).toBe(true);
    expect(r.phase).toBe('reveal');
    expect(r.reveal?.choice).toBe(1);
    expect(r.timer.paused || !r.timer.snapshot().running).toBe(true);
  });

  it('can be taken back after a reload of the projector', () => {
    const r = startRoom(scenario, settings, 'room-reload');
    r.timer.begin();
    countVote(r, 1, 4);
    stopRoom(r);
    const loaded = loadWorkshop(() => scenario, saveWorkshop(savedRoom(r)));
    if (!loaded.ok) throw new Error(loaded.reason);
    const again = resumeRoom(scenario, loaded.saved);
    expect(again.phase).toBe('over');
    expect(resumeStoppedRoom(again)).toBe(true);
    expect(again.phase).toBe('deciding');
    expect(handCounts(again)).toEqual([0, 4]);
    expect(again.timer.snapshot().running).toBe(true);
  });
});

describe('where a stopped game was heading', () => {
  const tagged = makeScenario({
    turns: 10,
    meters: [
      { id: 'a', label: 'A', start: 50 },
      { id: 'b', label: 'B', start: 50 },
    ],
    cards: ['c1', 'c2', 'c3', 'c4'].map((id) =>
      card(id, {
        choices: [
          { label: 'faster', effects: { a: 10, b: -5 }, tags: ['more', 'friendly'] },
          { label: 'together', effects: { a: -5, b: 10 }, tags: ['different', 'driven'] },
        ],
      }),
    ),
    endings: [
      { id: 'a-first', title: 'A first', text: 'A got everything.', when: { meter: 'a', atLeast: 60 } },
      { id: 'b-first', title: 'B first', text: 'B got everything.', when: { meter: 'b', atLeast: 60 } },
      { id: 'done', title: 'Done', text: 'The year is over.' },
    ],
    debrief: { tags: { more: { label: 'More' }, different: { label: 'Different' }, friendly: { label: 'Friendly' }, driven: { label: 'Driven' } } },
  });

  const played = (choices: number[]) => {
    let w = startWorkshop(tagged, { teams: ['Solo'], mode: 'together', preview: 'off', timer: 0 }, 'heading');
    for (const c of choices) {
      const r = decide(tagged, w, c);
      if (!r.ok) throw new Error(r.reason);
      w = r.workshop;
    }
    return stopSession(w).teams[0]!.state;
  };

  it('names the ending that would be chosen now, the meters and the tags chosen most', () => {
    expect(standing(tagged, played([0, 0, 1]))).toEqual({ ended: false, ending: 'a-first', turns: 3, meters: [{ meter: 'a', value: 65 }, { meter: 'b', value: 50 }], mostly: ['friendly', 'more'] });
    expect(standing(tagged, played([1, 1, 0]))).toMatchObject({ ended: false, ending: 'b-first', mostly: ['driven', 'different'] });
  });

  it('leaves out a group whose tags are tied, and names the fallback when no other ending holds', () => {
    expect(standing(tagged, played([0, 1]))).toMatchObject({ ending: 'done', mostly: [] });
  });

  it('gives a game that ended its own ending', () => {
    const state = played([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(state.end).not.toBeNull();
    expect(standing(tagged, state)).toMatchObject({ ended: true, ending: state.end!.ending, turns: 10 });
  });
});

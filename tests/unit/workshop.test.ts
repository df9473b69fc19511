import { describe, expect, it } from 'vitest';
import { meterSeries } from '../../src/engine/debrief.ts';
import { continueWhatIf, countVotes, decide, majority, previewMode, sessionStop, setGuess, startWorkshop, stopSession, whatIf, workshopOver, type Workshop } from '../../src/engine/workshop.ts';
import { setCount } from '../../src/engine/votes.ts';
import { loadWorkshop, saveWorkshop } from '../../src/engine/workshopSave.ts';
import { Countdown } from '../../src/session/countdown.ts';
import { resumeRoom, roomCounts, savedRoom, setPhoneVotes, startRoom, toggleVoting } from '../../src/session/room.ts';
import { askQuestion, closeQuestion, hideAnswer, holdAnswers, holdingAnswers, questionsAsked, receiveAnswer } from '../../src/session/openQuestions.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({ turns: 3, cards: [card('c1'), card('c2'), card('c3'), card('c4')] });

/** Counts votes so that choice `c` has the majority, guesses meter a, and decides. */
function vote(w: Workshop, counts: number[], guess: string | null = 'a'): Workshop {
  let next = countVotes(w, (tally) => counts.reduce((t, n, i) => setCount(t, i, n), tally));
  next = setGuess(scenario, next, guess);
  return next;
}

function decideAll(w: Workshop, choices: number[]): Workshop {
  for (const c of choices) {
    const r = decide(scenario, vote(w, c === 0 ? [5, 2] : [1, 6]));
    if (!r.ok) throw new Error(r.reason);
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
    expect(after.teams[0]!.decisions[0]).toMatchObject({ turn: 1, choice: 0, vote: { counts: [5, 2], guess: 'a' }, how: { by: 'majority', votes: 5, total: 7 }, deltas: { a: 5, b: -5 } });
    // The next card starts with no votes and no guess.
    expect(after.tally.hands).toEqual([0, 0]);
    expect(after.guess).toBeNull();
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
    expect(decide(scenario, w, 0)).toMatchObject({ ok: false, reason: 'error', error: { code: 'session-over' } });
  });

  it('takes the majority over an explicit pick of another choice', () => {
    const w = startWorkshop(scenario, { teams: ['A'], mode: 'together', preview: 'on', timer: 30 }, 'x');
    const r = decide(scenario, vote(w, [1, 8]), 0);
    expect(r).toMatchObject({ ok: true, decision: { choice: 1, how: { by: 'majority', votes: 8, total: 9 } } });
  });

  it('asks the trainer to pick when nothing was counted, and records the pick as the trainer\'s', () => {
    const w = startWorkshop(scenario, { teams: ['A'], mode: 'together', preview: 'on', timer: 30 }, 'x');
    expect(decide(scenario, w)).toEqual({ ok: false, reason: 'no-votes' });
    expect(w.teams[0]!.decisions).toHaveLength(0);
    expect(decide(scenario, w, 1)).toMatchObject({ ok: true, decision: { choice: 1, how: { by: 'trainer' } } });
  });

  it('says "no clear majority" on a tie and takes the trainer\'s pick only among the tied choices', () => {
    const three = makeScenario({ cards: [card('t', { choices: [{ label: 'x' }, { label: 'y' }, { label: 'z' }] })] });
    const w = countVotes(startWorkshop(three, { teams: ['A'], mode: 'together', preview: 'on', timer: 0 }, 'x'), (t) => setCount(setCount(setCount(t, 0, 2), 1, 0), 2, 2));
    expect(decide(three, w)).toEqual({ ok: false, reason: 'tie', tied: [0, 2] });
    expect(decide(three, w, 1)).toEqual({ ok: false, reason: 'tie', tied: [0, 2] });
    expect(decide(three, w, 2)).toMatchObject({ ok: true, decision: { choice: 2, how: { by: 'tie', tied: [0, 2], votes: 2, total: 4 } } });
  });

  it('stops whenever the trainer says, and knows the turn it stopped at', () => {
    let w = startWorkshop(scenario, { teams: ['A', 'B'], mode: 'turns', preview: 'scenario', timer: 0 }, 'x');
    w = decideAll(w, [0, 1, 0]);
    expect(workshopOver(w)).toBe(false);
    expect(sessionStop(w)).toBeNull();
    w = stopSession(w);
    expect(workshopOver(w)).toBe(true);
    expect(sessionStop(w)).toBe(2);
    expect(decide(scenario, vote(w, [3, 0]))).toMatchObject({ ok: false, reason: 'error' });
  });

  it('ends the session after the set-up\'s number of turns per team', () => {
    let w = startWorkshop(makeScenario({ turns: 10, cards: [card('c1'), card('c2'), card('c3'), card('c4')] }), { teams: ['A', 'B'], mode: 'turns', preview: 'scenario', timer: 0, length: 2 }, 'x');
    w = decideAll(w, [0, 1, 0]);
    expect(workshopOver(w)).toBe(false);
    w = decideAll(w, [1]);
    expect(workshopOver(w)).toBe(true);
    expect(sessionStop(w)).toBe(2);
    expect(w.teams.map((t) => t.decisions.length)).toEqual([2, 2]);
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

describe('a saved workshop', () => {
  const settings = { teams: ['Rood', 'Blauw'], mode: 'turns' as const, preview: 'scenario' as const, timer: 60 as const, length: 5 };
  const room = { phase: 'deciding' as const, revealTeam: null, slide: 0, timer: { left: 41_000, running: true } };
  const find = (id: string) => (id === scenario.id ? scenario : undefined);

  it('comes back exactly: teams, decisions, the votes being counted, the guess, where the room was', () => {
    let w = decideAll(startWorkshop(scenario, settings, 'save'), [0, 1]);
    w = vote(w, [2, 3], 'b');
    const loaded = loadWorkshop(find, saveWorkshop({ workshop: w, room }));
    expect(loaded).toEqual({ ok: true, saved: { workshop: w, room }, scenario });
  });

  it('keeps the phones\' room secret, so a reload, a new tab or a restarted browser opens the same room', () => {
    const w = startWorkshop(scenario, settings, 'save');
    const withSecret = { ...room, phoneSecret: 'AbC_d-0123456789abcdefXYZ' };
    expect(loadWorkshop(find, saveWorkshop({ workshop: w, room: withSecret }))).toMatchObject({ ok: true, saved: { room: withSecret } });
    expect(loadWorkshop(find, saveWorkshop({ workshop: w, room: { ...room, phoneSecret: '<script>' } }))).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('keeps phone voting closed (V) with the phone votes it was closed with; open voting leaves them to the server', () => {
    const w = startWorkshop(scenario, settings, 'save');
    const withPhones = { ...w, tally: { ...w.tally, phones: [2, 1] } };
    const closed = loadWorkshop(find, saveWorkshop({ workshop: withPhones, room: { ...room, votingClosed: true } }));
    expect(closed).toMatchObject({ ok: true, saved: { room: { votingClosed: true }, workshop: { tally: { phones: [2, 1] } } } });
    const open = loadWorkshop(find, saveWorkshop({ workshop: withPhones, room: { ...room, votingClosed: false } }));
    expect(open).toMatchObject({ ok: true, saved: { room: { votingClosed: false }, workshop: { tally: { phones: [0, 0] } } } });
    expect(loadWorkshop(find, saveWorkshop({ workshop: withPhones, room: { ...room, votingClosed: 'yes' as unknown as boolean } }))).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('comes back after a projector reload with voting still closed and the phone votes it was closed with', () => {
    const r = startRoom(scenario, { teams: ['Iedereen'], mode: 'together', preview: 'off', timer: 0 }, 'reload');
    setPhoneVotes(r, [1, 2]);
    toggleVoting(r);
    const loaded = loadWorkshop(find, saveWorkshop(savedRoom(r)));
    if (!loaded.ok) throw new Error(loaded.reason);
    const back = resumeRoom(loaded.scenario, loaded.saved);
    expect(back.votingClosed).toBe(true);
    expect(roomCounts(back)).toEqual([1, 2]);
    // The server knows none of it after its own restart: the closed counts stand.
    setPhoneVotes(back, [0, 0]);
    expect(roomCounts(back)).toEqual([1, 2]);
    toggleVoting(back);
    const reopened = loadWorkshop(find, saveWorkshop(savedRoom(back)));
    expect(reopened.ok && resumeRoom(reopened.scenario, reopened.saved).votingClosed).toBe(false);
  });

  it('keeps the open questions and their answers, hidden ones marked, through a projector reload', () => {
    const r = startRoom(scenario, { teams: ['Iedereen'], mode: 'together', preview: 'off', timer: 0 }, 'asked');
    const opening = askQuestion('asked', 'opening', { nl: 'Wie is jouw klant?', en: 'Who is your customer?' });
    receiveAnswer(opening.id, 'a1', 'De burger', 1000);
    receiveAnswer(opening.id, 'a2', '<script>alert(1)</script>', 2000);
    hideAnswer('a2', true);
    closeQuestion('asked');
    const typed = askQuestion('asked', 'typed', { nl: 'Wat viel op?', en: 'Wat viel op?' });
    receiveAnswer(typed.id, 'a3', 'de ouders', 3000);
    const before = structuredClone(questionsAsked('asked'));
    expect(before.map((q) => q.answers.length)).toEqual([2, 1]);
    const text = saveWorkshop(savedRoom(r));
    // The reload: this tab's questions are gone (another workshop took their place).
    startRoom(scenario, { teams: ['Iedereen'], mode: 'together', preview: 'off', timer: 0 }, 'other');
    askQuestion('other', 'opening', { nl: 'Wie is jouw klant?', en: 'Who is your customer?' });
    expect(questionsAsked('asked')).toEqual([]);
    const loaded = loadWorkshop(find, text);
    if (!loaded.ok) throw new Error(loaded.reason);
    const back = resumeRoom(loaded.scenario, loaded.saved);
    expect(questionsAsked('asked')).toEqual(before);
    // An answer that arrives after the reload is saved with the others.
    receiveAnswer(typed.id, 'a4', 'de leerling', 4000);
    const again = loadWorkshop(find, saveWorkshop(savedRoom(back)));
    expect(again.ok && again.saved.room.questions?.map((q) => q.answers.map((a) => a.text))).toEqual([['De burger', '<script>alert(1)</script>'], ['de ouders', 'de leerling']]);
    // A save whose answers are damaged is refused, never half-loaded.
    expect(loadWorkshop(find, text.replace('"hidden":true', '"hidden":"yes"'))).toMatchObject({ ok: false, problem: 'damaged' });
    expect(loadWorkshop(find, text.replace('"id":"a1"', '"id":"<img src=x>"'))).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('holds new answers back while the trainer wants it: they arrive hidden until shown', () => {
    startRoom(scenario, { teams: ['Iedereen'], mode: 'together', preview: 'off', timer: 0 }, 'held');
    const q = askQuestion('held', 'opening', { nl: 'Wie is jouw klant?', en: 'Who is your customer?' });
    receiveAnswer(q.id, 'b1', 'straight to the wall');
    holdAnswers('held', true);
    expect(holdingAnswers('held')).toBe(true);
    receiveAnswer(q.id, 'b2', 'waits');
    hideAnswer('b2', false);
    receiveAnswer(q.id, 'b3', 'still waits');
    holdAnswers('held', false);
    receiveAnswer(q.id, 'b4', 'straight again');
    expect(questionsAsked('held')[0]!.answers.map((a) => [a.text, a.hidden])).toEqual([['straight to the wall', false], ['waits', false], ['still waits', true], ['straight again', false]]);
  });

  it('is refused with the reason when it is not JSON, damaged, from another version or for a scenario not here', () => {
    const w = startWorkshop(scenario, settings, 'save');
    const text = saveWorkshop({ workshop: w, room });
    expect(loadWorkshop(find, text.slice(0, 40))).toMatchObject({ ok: false, problem: 'notReadable' });
    expect(loadWorkshop(find, text.replace('"version":2', '"version":1'))).toMatchObject({ ok: false, problem: 'otherVersion' });
    expect(loadWorkshop(find, text.replace('"active":0', '"active":"x"'))).toMatchObject({ ok: false, problem: 'damaged' });
    expect(loadWorkshop(find, text.replace('"active":0', '"active":7'))).toMatchObject({ ok: false, problem: 'damaged' });
    expect(loadWorkshop(() => undefined, text)).toMatchObject({ ok: false, problem: 'otherScenario' });
    const changed = { ...scenario, cards: scenario.cards.slice(1) };
    const first = w.teams[0]!.state.current!.card;
    const result = loadWorkshop(() => (first === scenario.cards[0]!.id ? changed : { ...scenario, cards: scenario.cards.filter((c) => c.id !== first) }), text);
    expect(result).toMatchObject({ ok: false, problem: 'scenarioChanged' });
  });
});

describe('the discussion timer after a reload', () => {
  it('keeps the time left and whether it ran, and does not count the time away', () => {
    let now = 0;
    const timer = new Countdown(60, () => now);
    timer.begin();
    now = 15_000;
    const saved = timer.snapshot();
    expect(saved).toEqual({ left: 45_000, running: true });
    now = 500_000;
    const back = Countdown.restore(60, saved, () => now);
    expect(back.left()).toBe(45_000);
    now += 5_000;
    expect(back.left()).toBe(40_000);
    const paused = Countdown.restore(60, { left: 20_000, running: false }, () => now);
    now += 5_000;
    expect(paused.left()).toBe(20_000);
    expect(paused.paused).toBe(true);
    expect(Countdown.restore(60, { left: 0, running: false }).done).toBe(true);
  });

  it('stands still while the help or the menu covers it, and goes on after, unless the trainer had paused it', () => {
    let now = 0;
    const timer = new Countdown(60, () => now);
    timer.begin();
    now = 10_000;
    timer.hold(true);
    expect(timer.paused).toBe(true);
    now = 40_000;
    expect(timer.left()).toBe(50_000);
    // A reload while covered counts on, as the trainer left it.
    expect(timer.snapshot()).toEqual({ left: 50_000, running: true });
    timer.hold(false);
    now = 45_000;
    expect(timer.left()).toBe(45_000);
    expect(timer.paused).toBe(false);
    // Paused by the trainer (P) before the help: closing the help does not start it.
    timer.togglePause();
    timer.hold(true);
    now = 60_000;
    timer.hold(false);
    now = 70_000;
    expect(timer.left()).toBe(45_000);
    expect(timer.paused).toBe(true);
  });
});

describe('teams deciding the same card in turn', () => {
  const deck = makeScenario({ turns: 10, cards: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => card(id, { choices: [{ label: 'up', effects: { a: 5, b: -5 } }, { label: 'down', effects: { a: -5, b: 5 } }, { label: 'other', next: 'c6' }] })) });

  it('gives every team the first team\'s card of the round, in the same order, each in its own game', () => {
    let w = startWorkshop(deck, { teams: ['A', 'B', 'C'], mode: 'same-card', preview: 'scenario', timer: 0 }, 'same');
    for (let round = 0; round < 4; round++) {
      const lead = w.teams[0]!.state.current!;
      const choices = [0, 1, 2];
      for (const [i, c] of choices.entries()) {
        expect(w.active).toBe(i);
        expect(w.teams[i]!.state.current).toEqual(lead);
        const r = decide(deck, w, c);
        if (!r.ok) throw new Error(r.reason);
        w = r.workshop;
      }
      expect(w.round).toBeNull();
    }
    // Each team its own game: different choices, different meters.
    expect(new Set(w.teams.map((t) => JSON.stringify(t.state.meters))).size).toBeGreaterThan(1);
    expect(w.teams.map((t) => t.decisions.map((d) => d.card))).toEqual([0, 1, 2].map(() => w.teams[0]!.decisions.map((d) => d.card)));
  });
});

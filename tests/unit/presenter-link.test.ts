/**
 * The line between the projector window and the presenter window: over BroadcastChannel, and over
 * `storage` events where a browser has no BroadcastChannel; only messages of the right form arrive,
 * and only the commands the keys make are passed on to the projector.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedCommand, checkedMessage, openLink, type PresenterMessage } from '../../src/presenter/link.ts';

/** Windows of one browser without BroadcastChannel: a write to localStorage fires `storage` in the others. */
function browserWithoutChannel() {
  const store = new Map<string, string>();
  const windows: { listeners: ((event: { key: string; newValue: string }) => void)[] }[] = [];
  const open = () => {
    const own = { listeners: [] as ((event: { key: string; newValue: string }) => void)[] };
    windows.push(own);
    return {
      addEventListener: (_: string, listener: (event: { key: string; newValue: string }) => void) => own.listeners.push(listener),
      removeEventListener: (_: string, listener: (event: { key: string; newValue: string }) => void) => own.listeners.splice(own.listeners.indexOf(listener), 1),
      localStorage: {
        setItem: (key: string, value: string) => {
          store.set(key, value);
          for (const other of windows) if (other !== own) for (const listener of other.listeners) listener({ key, newValue: value });
        },
      },
    } as unknown as Window;
  };
  return { open, store };
}

const view = { lang: 'nl', title: 'Presentatorweergave', screen: 'workshop', cardId: 'town-question', phase: 'deciding', sections: [{ id: 'votes', heading: 'Stemmen', items: [{ label: '1. Ja', value: '3 stemmen' }] }], keys: '', place: '', placeFailed: '' };

describe('the presenter link', () => {
  it('carries hello, keys and the view between two windows over BroadcastChannel', async () => {
    const projectorHeard: PresenterMessage[] = [];
    const presenterHeard: PresenterMessage[] = [];
    const projector = openLink((m) => projectorHeard.push(m), globalThis as unknown as Window);
    const presenter = openLink((m) => presenterHeard.push(m), globalThis as unknown as Window);
    presenter.send({ kind: 'hello' });
    presenter.send({ kind: 'command', command: { kind: 'forward' } });
    projector.send({ kind: 'view', view } as PresenterMessage);
    await new Promise((done) => setTimeout(done, 50));
    projector.close();
    presenter.close();
    expect(projectorHeard).toEqual([{ kind: 'hello' }, { kind: 'command', command: { kind: 'forward' } }]);
    expect(presenterHeard).toEqual([{ kind: 'view', view }]);
  });

  it('falls back to storage events, and hears each message once, never its own', () => {
    const browser = browserWithoutChannel();
    const projectorHeard: PresenterMessage[] = [];
    const presenterHeard: PresenterMessage[] = [];
    openLink((m) => projectorHeard.push(m), browser.open());
    const presenter = openLink((m) => presenterHeard.push(m), browser.open());
    presenter.send({ kind: 'hello' });
    presenter.send({ kind: 'command', command: { kind: 'letter', key: 'p' } });
    presenter.send({ kind: 'command', command: { kind: 'letter', key: 'p' } });
    expect(projectorHeard).toEqual([{ kind: 'hello' }, { kind: 'command', command: { kind: 'letter', key: 'p' } }, { kind: 'command', command: { kind: 'letter', key: 'p' } }]);
    expect(presenterHeard).toEqual([]);
  });

  it('ignores what another page writes under its key', () => {
    const browser = browserWithoutChannel();
    const heard: PresenterMessage[] = [];
    openLink((m) => heard.push(m), browser.open());
    const stranger = browser.open();
    for (const value of ['not json', '{"message": {"kind": "command", "command": {"kind": "eval", "code": "alert(1)"}}}', JSON.stringify({ message: { kind: 'hello', pad: 'x'.repeat(300_000) } })]) stranger.localStorage.setItem('many-masters-presenter-message', value);
    expect(heard).toEqual([]);
  });

  it('passes on only the commands the keys make', () => {
    expect(checkedCommand({ kind: 'choice', index: 2 })).toEqual({ kind: 'choice', index: 2 });
    expect(checkedCommand({ kind: 'digit', value: -1 })).toEqual({ kind: 'digit', value: -1 });
    expect(checkedCommand({ kind: 'letter', key: 'v' })).toEqual({ kind: 'letter', key: 'v' });
    // Extra fields are dropped: the projector gets a command as its own keys make it.
    expect(checkedCommand({ kind: 'confirm', then: 'x' })).toEqual({ kind: 'confirm' });
    for (const bad of [null, 'confirm', { kind: 'choice', index: 9 }, { kind: 'choice', index: '1' }, { kind: 'letter', key: 'z' }, { kind: 'digit', value: 1.5 }, { kind: '__proto__' }, { kind: 'toString' }]) expect(checkedCommand(bad)).toBeNull();
    fc.assert(fc.property(fc.anything(), (value) => {
      const command = checkedCommand(value);
      if (command === null) return true;
      // Whatever comes through is one of the keys' commands, with nothing else in it.
      return ['choice', 'digit', 'letter', 'next', 'previous', 'forward', 'back', 'confirm', 'menu', 'help', 'blank', 'mute', 'numbers', 'language', 'more', 'less'].includes(command.kind) && Object.keys(command).length <= 2;
    }), { numRuns: 500 });
    expect(checkedMessage({ kind: 'view', view: { title: 'x' } })).toBeNull();
    expect(checkedMessage({ kind: 'bye', extra: 1 })).toEqual({ kind: 'bye' });
  });

  it('carries a request to hide or show an answer, and refuses one of any other form', () => {
    expect(checkedMessage({ kind: 'hide', answer: 'a1.x7k', hidden: true })).toEqual({ kind: 'hide', answer: 'a1.x7k', hidden: true });
    // Extra fields are dropped.
    expect(checkedMessage({ kind: 'hide', answer: 'a1', hidden: false, eval: 'alert(1)' })).toEqual({ kind: 'hide', answer: 'a1', hidden: false });
    for (const bad of [
      { kind: 'hide', answer: 'a1' },
      { kind: 'hide', answer: 'a1', hidden: 'true' },
      { kind: 'hide', answer: 'a1', hidden: 1 },
      { kind: 'hide', answer: '', hidden: true },
      { kind: 'hide', answer: 'x'.repeat(65), hidden: true },
      { kind: 'hide', answer: '<img src=x onerror=alert(1)>', hidden: true },
      { kind: 'hide', answer: ['a1'], hidden: true },
      { kind: 'hide', answer: { toString: () => 'a1' }, hidden: true },
    ]) expect(checkedMessage(bad)).toBeNull();
    fc.assert(fc.property(fc.anything(), fc.anything(), (answer, hidden) => {
      const message = checkedMessage({ kind: 'hide', answer, hidden });
      return message === null || (message.kind === 'hide' && typeof message.answer === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(message.answer) && typeof message.hidden === 'boolean' && Object.keys(message).length === 3);
    }), { numRuns: 500 });
    // Over storage events too: a stranger's hostile write never arrives, the presenter's own request does.
    const browser = browserWithoutChannel();
    const heard: PresenterMessage[] = [];
    openLink((m) => heard.push(m), browser.open());
    const stranger = browser.open();
    stranger.localStorage.setItem('many-masters-presenter-message', JSON.stringify({ message: { kind: 'hide', answer: '../../etc', hidden: true } }));
    const presenter = openLink(() => undefined, browser.open());
    presenter.send({ kind: 'hide', answer: 'a2', hidden: false });
    expect(heard).toEqual([{ kind: 'hide', answer: 'a2', hidden: false }]);
  });
});

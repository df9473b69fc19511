/**
 * The line between the projector window and the presenter window: two windows of one browser on the
 * trainer's laptop, so no server and no network (it works from file:// and offline). BroadcastChannel
 * where the browser has it; otherwise `storage` events, which every browser fires in the other windows
 * of a page when one of them writes to localStorage.
 *
 * The projector owns the workshop: the presenter only asks for the view (`hello`), sends the keys
 * pressed in it (`command`), asks to hide or show an answer to the open question (`hide`) and says
 * when it goes (`bye`); the projector sends what to show (`view`).
 * A message is checked before it is used: another page of the same origin could write anything here.
 */
import type { Command, WorkshopLetter } from '../platform/keys.ts';
import type { PresenterView } from './view.ts';

export const PRESENTER_CHANNEL = 'many-masters-presenter';
/** The localStorage key the fallback writes each message to. */
const STORAGE_KEY = 'many-masters-presenter-message';
/** The most a view may hold; a projector's view is a few kilobytes. */
export const MAX_MESSAGE_CHARS = 200_000;

export type PresenterMessage =
  | { kind: 'hello' }
  | { kind: 'bye' }
  | { kind: 'command'; command: Command }
  | { kind: 'hide'; answer: string; hidden: boolean }
  | { kind: 'view'; view: PresenterView };

export interface Link {
  send(message: PresenterMessage): void;
  close(): void;
}

const SIMPLE_COMMANDS: ReadonlySet<string> = new Set(['next', 'previous', 'forward', 'back', 'confirm', 'menu', 'help', 'blank', 'mute', 'numbers', 'language', 'more', 'less']);
const LETTERS: ReadonlySet<string> = new Set(['p', 'e', 's', 'g', 'w', 'd', 'j', 'c', 'v', 'a', 'x', 'q', 'r', 'i']);
/** An answer's id as the room server makes it (its protocol's round ids): nothing longer or stranger is looked up. */
const ANSWER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A command as the keys make it, or null: nothing else is passed on to the projector's keys. */
export function checkedCommand(value: unknown): Command | null {
  if (!isRecord(value) || typeof value.kind !== 'string') return null;
  const kind = value.kind;
  if (SIMPLE_COMMANDS.has(kind)) return { kind } as Command;
  if (kind === 'choice' && Number.isInteger(value.index) && (value.index as number) >= 0 && (value.index as number) <= 3) return { kind, index: value.index as number };
  if (kind === 'digit' && Number.isInteger(value.value) && (value.value as number) >= -1 && (value.value as number) <= 9) return { kind, value: value.value as number };
  if (kind === 'letter' && typeof value.key === 'string' && LETTERS.has(value.key)) return { kind, key: value.key as WorkshopLetter };
  return null;
}

/** A message of the right form, or null. A view is only checked for its form here; the page shows its texts with textContent. */
export function checkedMessage(value: unknown): PresenterMessage | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'hello' || value.kind === 'bye') return { kind: value.kind };
  if (value.kind === 'command') {
    const command = checkedCommand(value.command);
    return command ? { kind: 'command', command } : null;
  }
  if (value.kind === 'hide') return typeof value.answer === 'string' && ANSWER_ID.test(value.answer) && typeof value.hidden === 'boolean' ? { kind: 'hide', answer: value.answer, hidden: value.hidden } : null;
  if (value.kind === 'view' && isRecord(value.view) && Array.isArray(value.view.sections) && typeof value.view.title === 'string') return { kind: 'view', view: value.view as unknown as PresenterView };
  return null;
}

/** Opens the line; `receive` hears the other window's messages (never this window's own). */
export function openLink(receive: (message: PresenterMessage) => void, win: Window = window): Link {
  const hear = (data: unknown) => {
    const message = checkedMessage(data);
    if (message) receive(message);
  };
  const Channel = (win as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (typeof Channel === 'function') {
    const channel = new Channel(PRESENTER_CHANNEL);
    channel.onmessage = (event: MessageEvent) => hear(event.data);
    return { send: (message) => channel.postMessage(message), close: () => channel.close() };
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY || typeof event.newValue !== 'string' || event.newValue.length > MAX_MESSAGE_CHARS) return;
    try {
      hear((JSON.parse(event.newValue) as { message?: unknown }).message);
    } catch {
      // Not ours: another page wrote something else under this key.
    }
  };
  win.addEventListener('storage', onStorage);
  let sent = 0;
  return {
    send: (message) => {
      try {
        // A count makes every message a new value: writing the same value twice fires no event.
        win.localStorage.setItem(STORAGE_KEY, JSON.stringify({ n: ++sent, at: Date.now(), message }));
      } catch {
        // Storage full or off: the presenter waits for the next change.
      }
    },
    close: () => win.removeEventListener('storage', onStorage),
  };
}

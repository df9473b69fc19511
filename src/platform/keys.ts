/**
 * Keyboard and presenter-remote input, turned into commands. A held or auto-repeated key never
 * repeats a command, and right after a key changes the screen, choosing and confirming wait a moment,
 * so a bouncing remote button cannot take a choice and skip its feedback in one press. Between a key that
 * changes the screen and the new screen's first frame they wait too: the old screen's buttons would
 * otherwise act on the new state (a vote counted for a card nobody has seen yet).
 */
import { sceneChangePending } from './redraw.ts';

export type Command =
  | { kind: 'choice'; index: number }
  | { kind: 'next' | 'previous' | 'forward' | 'back' | 'confirm' }
  | { kind: 'menu' | 'help' | 'blank' | 'mute' | 'numbers' | 'language' }
  // Workshop: + and − count votes; letters drive the timer (P, E, S), the guess (G) and "what if" (W).
  | { kind: 'more' | 'less' }
  | { kind: 'letter'; key: WorkshopLetter };

export type WorkshopLetter = 'p' | 'e' | 's' | 'g' | 'w' | 'd' | 'c';
const WORKSHOP_LETTERS: readonly string[] = ['p', 'e', 's', 'g', 'w', 'd', 'c'];

type CommandHandler = (command: Command) => boolean;

const SETTLE_MS = 250;

function commandFor(event: KeyboardEvent): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.code) {
    case 'Digit1': case 'Numpad1': return { kind: 'choice', index: 0 };
    case 'Digit2': case 'Numpad2': return { kind: 'choice', index: 1 };
    case 'Digit3': case 'Numpad3': return { kind: 'choice', index: 2 };
    case 'Digit4': case 'Numpad4': return { kind: 'choice', index: 3 };
    case 'ArrowDown': return { kind: 'next' };
    case 'ArrowUp': return { kind: 'previous' };
    case 'Tab': return { kind: event.shiftKey ? 'previous' : 'next' };
    case 'ArrowRight': case 'PageDown': return { kind: 'forward' };
    case 'ArrowLeft': case 'PageUp': return { kind: 'back' };
    // F5 is the "start slideshow" button many presenter remotes send: the remote's only way to confirm.
    case 'Enter': case 'NumpadEnter': case 'Space': case 'F5': return { kind: 'confirm' };
    case 'Escape': return { kind: 'menu' };
    case 'Period': case 'NumpadDecimal': return { kind: 'blank' };
    case 'Equal': case 'NumpadAdd': return { kind: 'more' };
    case 'Minus': case 'NumpadSubtract': return { kind: 'less' };
    default: break;
  }
  switch (event.key.toLowerCase()) {
    case '?': case 'h': case 'f1': return { kind: 'help' };
    case 'b': return { kind: 'blank' };
    case 'm': return { kind: 'mute' };
    case 'n': return { kind: 'numbers' };
    case 'l': return { kind: 'language' };
    default: return WORKSHOP_LETTERS.includes(event.key.toLowerCase()) ? { kind: 'letter', key: event.key.toLowerCase() as WorkshopLetter } : null;
  }
}

const handlers: CommandHandler[] = [];
let settledAt = 0;
let lastKeyAt = -Infinity;

/** Handlers are asked newest first (an overlay before the scene under it). */
export function pushHandler(handler: CommandHandler): () => void {
  handlers.push(handler);
  return () => {
    const at = handlers.lastIndexOf(handler);
    if (at >= 0) handlers.splice(at, 1);
  };
}

/** Call when what a key would act on changes. */
export function settle(): void {
  // The bounce comes within SETTLE_MS of the press that changed the screen; a screen that changed by
  // itself (the first one after loading, a timer) takes keys at once.
  settledAt = Math.max(settledAt, lastKeyAt + SETTLE_MS);
}

export function settled(): boolean {
  return performance.now() >= settledAt && !sceneChangePending();
}

function acts(command: Command): boolean {
  return command.kind === 'choice' || command.kind === 'confirm' || command.kind === 'forward';
}

function dispatch(command: Command): boolean {
  if (acts(command) && !settled()) return true;
  lastKeyAt = performance.now();
  for (let i = handlers.length - 1; i >= 0; i--) if (handlers[i]!(command)) return true;
  return false;
}

function typing(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return false;
  if (event.code === 'Escape' || event.code === 'Tab') return false;
  return !(target instanceof HTMLInputElement && (event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'ArrowUp' || event.code === 'ArrowDown'));
}

export function listenToKeys(target: Window = window): void {
  target.addEventListener('keydown', (event) => {
    // In a text box (team names, reflection answers) the keys type; only leaving keys reach the game.
    if (typing(event)) return;
    const command = commandFor(event);
    if (!command) return;
    event.preventDefault();
    if (event.repeat) return;
    dispatch(command);
  });
}

/**
 * The projector's end of the presenter view: opens the presenter window, answers its `hello` with the
 * view, sends the view again whenever it changes, and runs the keys pressed in the presenter as if
 * pressed here. The projector stays the one owner of the workshop; the presenter decides nothing.
 */
import { sendCommand } from '../platform/keys.ts';
import { onScreenChange } from '../platform/screen.ts';
import { hideAnswer } from '../session/openQuestions.ts';
import { openLink, type Link } from './link.ts';
import { presenterView } from './view.ts';

/** The presenter's window name: opening it again focuses the window already open. */
const WINDOW_NAME = 'many-masters-presenter';
export const PRESENTER_MARK = '#presenter';
/** How often a changed view is looked for while a presenter listens: the timer counts in seconds. */
const WATCH_MS = 250;

let link: Link | null = null;
let listening = false;
let watcher = 0;
let lastSent = '';

function sendView(force = false): void {
  if (!link || !listening) return;
  const view = presenterView();
  const text = JSON.stringify(view);
  if (!force && text === lastSent) return;
  lastSent = text;
  link.send({ kind: 'view', view });
}

/** Started once in the projector window: from then on a presenter window opened later finds it. */
export function installPresenterLink(): void {
  if (link) return;
  link = openLink((message) => {
    if (message.kind === 'hello') {
      listening = true;
      sendView(true);
      window.clearInterval(watcher);
      // The votes, the timer and the phones change without a new screen: a cheap comparison finds them.
      watcher = window.setInterval(() => sendView(), WATCH_MS);
    } else if (message.kind === 'bye') {
      listening = false;
      window.clearInterval(watcher);
    } else if (message.kind === 'command') {
      sendCommand(message.command);
      sendView();
    } else if (message.kind === 'hide') {
      // Only an answer this tab holds is found; any other id changes nothing.
      hideAnswer(message.answer, message.hidden);
      sendView();
    }
  });
  onScreenChange(() => sendView());
  // A presenter already open (this window was reloaded) hears that the projector is back and says hello.
  link.send({ kind: 'hello' });
  window.addEventListener('pagehide', () => link?.send({ kind: 'bye' }));
}

/** The presenter page's address: this page with the presenter mark, so it works from file:// as well. */
export function presenterUrl(href: string = location.href): string {
  const url = new URL(href);
  url.hash = PRESENTER_MARK;
  return url.href;
}

/**
 * Opens the presenter window (or brings it forward). Where the browser can say how big the screen is,
 * the window takes most of it; placing it on the other screen is offered in the window itself, which
 * asks the browser (the Window Management API) only when the trainer wants it.
 */
let opened: Window | null = null;

export function openPresenter(): Window | null {
  installPresenterLink();
  if (opened && !opened.closed) {
    opened.focus();
    return opened;
  }
  const width = Math.max(800, Math.round((screen.availWidth || 1280) * 0.8));
  const height = Math.max(600, Math.round((screen.availHeight || 800) * 0.8));
  opened = window.open(presenterUrl(), WINDOW_NAME, `popup,width=${width},height=${height}`);
  return opened;
}

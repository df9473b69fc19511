/**
 * The presenter window: a plain DOM page (no game, no canvas) that shows what the projector window
 * sends and sends back every key pressed in it. Loaded only in that window. Every text is set with
 * textContent: scenario text and notes are never read as HTML.
 */
import './presenter.css';
import { commandFor, type Command } from '../platform/keys.ts';
import { t } from '../locales/index.ts';
import { openLink } from './link.ts';
import type { PresenterView, ViewSection } from './view.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Asks the projector to hide an answer from the wall or show it again; the projector decides and sends the new view. */
type HideAsk = (answer: string, hidden: boolean) => void;
/** Presses a key on the projector, as a key pressed in this window does. */
type Press = (command: Command) => void;

function sectionOf(section: ViewSection, hide: HideAsk, press: Press): HTMLElement {
  const node = el('section', section.secret ? 'mmp-secret' : undefined);
  node.dataset.section = section.id;
  const heading = el('h2', undefined, section.heading);
  heading.id = `mmp-${section.id}`;
  node.setAttribute('aria-labelledby', heading.id);
  node.append(heading);
  if (section.hold) {
    const button = el('button', 'mmp-hold', section.hold.button);
    button.type = 'button';
    button.dataset.hold = '';
    button.setAttribute('aria-pressed', String(section.hold.on));
    button.addEventListener('click', () => press({ kind: 'letter', key: 'v' }));
    node.append(button);
  }
  if (section.text) node.append(el('p', undefined, section.text));
  if (section.items?.length) {
    const list = el('ul');
    for (const item of section.items) {
      const row = el('li');
      row.append(el('span', 'mmp-label', item.label));
      if (item.value !== undefined) row.append(el('span', 'mmp-value', item.value));
      if (item.detail !== undefined) row.append(el('span', 'mmp-detail', item.detail));
      if (item.answer) {
        const { id, hidden, button: text, buttonLabel } = item.answer;
        const button = el('button', 'mmp-hide', text);
        button.type = 'button';
        button.dataset.answer = id;
        button.setAttribute('aria-label', buttonLabel);
        button.addEventListener('click', () => hide(id, !hidden));
        row.append(button);
      }
      list.append(row);
    }
    node.append(list);
  }
  return node;
}

interface ScreenDetails {
  screens: { availLeft: number; availTop: number; availWidth: number; availHeight: number; isPrimary?: boolean }[];
  currentScreen: { availLeft: number; availTop: number };
}

/** Moves this window to a screen other than the one it is on (the Window Management API asks the trainer first). */
async function placeOnOtherScreen(status: HTMLElement, failed: string): Promise<void> {
  try {
    const details = await (window as unknown as { getScreenDetails: () => Promise<ScreenDetails> }).getScreenDetails();
    const other = details.screens.find((s) => s.availLeft !== details.currentScreen.availLeft || s.availTop !== details.currentScreen.availTop);
    if (!other) throw new Error('one screen');
    window.moveTo(other.availLeft, other.availTop);
    window.resizeTo(other.availWidth, other.availHeight);
  } catch {
    status.textContent = failed;
  }
}

export function startPresenter(): void {
  const root = document.documentElement;
  root.classList.add('mm-presenter');
  document.getElementById('game')?.remove();
  document.getElementById('boot')?.remove();
  const main = el('main', 'mmp');
  const header = el('header');
  const title = el('h1', undefined, t('presenterTitle'));
  const keys = el('p', 'mmp-keys', '');
  header.append(title, keys);
  const status = el('p', 'mmp-status', t('presenterWaiting'));
  status.setAttribute('role', 'status');
  const placed = el('p', 'mmp-status');
  placed.setAttribute('role', 'status');
  const sections = el('div', 'mmp-sections');
  main.append(header, status, placed, sections);
  document.body.append(main);
  document.title = t('presenterTitle');

  // Offered only where the browser can place windows and there is a second screen to place it on.
  const extended = (screen as Screen & { isExtended?: boolean }).isExtended === true;
  let place: HTMLButtonElement | null = null;
  if ('getScreenDetails' in window && extended) {
    place = el('button', undefined, '');
    place.type = 'button';
    header.append(place);
  }

  let failedText = '';
  place?.addEventListener('click', () => void placeOnOtherScreen(placed, failedText));

  const link = openLink((message) => {
    // The projector window was reloaded (hello) or closed (bye): wait for it, then ask again.
    if (message.kind === 'bye') status.textContent = t('presenterWaiting');
    if (message.kind === 'hello') link.send({ kind: 'hello' });
    if (message.kind !== 'view') return;
    const view: PresenterView = message.view;
    root.lang = view.lang;
    document.title = view.title;
    title.textContent = view.title;
    keys.textContent = view.keys;
    failedText = view.placeFailed;
    if (place) place.textContent = view.place;
    status.textContent = '';
    // The view is drawn anew on every change: the answer button that had the focus gets it back.
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focused = active?.dataset.answer;
    const holdFocused = active?.dataset.hold !== undefined;
    sections.replaceChildren(...view.sections.map((section) => sectionOf(section, (answer, hidden) => link.send({ kind: 'hide', answer, hidden }), (command) => link.send({ kind: 'command', command }))));
    if (focused !== undefined) [...sections.querySelectorAll<HTMLButtonElement>('button[data-answer]')].find((b) => b.dataset.answer === focused)?.focus();
    if (holdFocused) sections.querySelector<HTMLButtonElement>('button[data-hold]')?.focus();
    root.dataset.presenterScreen = view.screen;
    root.dataset.presenterCard = view.cardId ?? '';
    root.dataset.presenterPhase = view.phase ?? '';
  });
  // Ask for the view: the projector answers at once, so a reloaded or reopened window picks up the state.
  link.send({ kind: 'hello' });
  window.addEventListener('pagehide', () => link.send({ kind: 'bye' }));
  window.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLButtonElement && (event.code === 'Enter' || event.code === 'Space' || event.code === 'Tab')) return;
    const command = commandFor(event);
    if (!command) return;
    event.preventDefault();
    // I opens this window; pressed here it has nothing to do.
    if (event.repeat || (command.kind === 'letter' && command.key === 'i')) return;
    link.send({ kind: 'command', command });
  });
}

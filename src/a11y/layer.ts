/**
 * The accessible DOM layer: every screen's description (platform/screenModel.ts) as headings, text,
 * lists and real buttons, a polite live region that announces each new card and outcome, and a bar of
 * touch controls for what the keyboard does everywhere (menu, help, language, sound, numbers, black
 * screen, larger text). Beside the canvas it is read by screen readers only; on narrow or zoomed-in
 * windows, and with larger text on, it is the visible, styled game and the canvas hides (see
 * layer.css). Built with textContent only: scenario text is never parsed as HTML.
 */
import { language, t } from '../locales/index.ts';
import { asKey, layerKeyActs, sendCommand, type Command } from '../platform/keys.ts';
import { requestFrames, sceneChangePending } from '../platform/redraw.ts';
import { currentScreen, currentScreenName, onScreenChange, overlayModel, screenModel } from '../platform/screen.ts';
import type { ScreenItem, ScreenModel, ScreenRegion } from '../platform/screenModel.ts';
import { settings } from '../platform/settings.ts';
import { zoomedIn } from '../platform/zoom.ts';
import { chartNode } from './chart.ts';
import './layer.css';

/** Below this CSS width or height the drawn 16:9 stage would make text too small: phones, tablets in portrait, zoomed-in windows. */
const NARROW_WIDTH = 1000;
const LOW_HEIGHT = 600;

interface Built {
  signature: string;
  byId: Map<string, HTMLElement>;
  /** The value of each value row, changed in place: a running timer must not rebuild the screen under a screen reader every second. */
  values: Map<string, HTMLElement>;
}

let root: HTMLElement;
let main: HTMLElement;
let dialog: HTMLElement;
let live: HTMLElement;
let bar: HTMLElement;
let builtMain: Built = { signature: '', byId: new Map(), values: new Map() };
let builtDialog: Built = { signature: '', byId: new Map(), values: new Map() };
let lastFocus: string | null = null;
let lastDialogFocus: string | null = null;
let lastAnnounce = '';
let lastBar = '';
/** The player moved through the game with keys or the layer: keep the DOM focus on the focused control. */
let followFocus = false;
let scheduled = 0;
let uid = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Same shape, same texts: the DOM is kept (and the focus with it) when only the focus or values moved; values are written in place. */
function signatureOf(model: ScreenModel | null): string {
  if (!model) return '';
  return JSON.stringify([language(), model.title, model.regions.map((r) => [r.role, r.id, r.label, r.text, r.image, r.chart, (r.items ?? []).map((i) => [i.id, i.label, i.detail, i.activate ? i.value : i.value !== undefined, i.fraction, i.pressed, i.disabled, i.lang, !!i.activate, !!i.field])])]);
}

function writeValues(built: Built, model: ScreenModel | null): void {
  for (const region of model?.regions ?? []) {
    for (const item of region.items ?? []) {
      const node = built.values.get(item.id);
      if (node && item.value !== undefined && node.textContent !== item.value) node.textContent = item.value;
    }
  }
}

function activate(item: ScreenItem, event: MouseEvent): void {
  // Between a press that changes the screen and the new screen, the old buttons must not act on the new state.
  if (sceneChangePending() || !item.activate || item.disabled) return;
  // detail 0: pressed with a key (or a screen reader's action), not a pointer; it waits like a key.
  if (event.detail === 0 && !layerKeyActs()) return;
  followFocus = true;
  const run = item.activate;
  if (event.detail === 0) asKey(run);
  else run();
  requestFrames();
  schedule();
}

function itemNode(item: ScreenItem, byId: Map<string, HTMLElement>, visible: boolean, values?: Map<string, HTMLElement>): HTMLElement | null {
  if (item.field) {
    // Canvas screens place their own text boxes over the stage (ui/fields.ts); the layer's copy is for the visible layer only.
    if (!visible) return null;
    const wrap = el('label', 'mm-field');
    wrap.append(el('span', 'mm-field-label', item.label));
    const box = item.field.multiline ? el('textarea') : el('input');
    box.value = item.field.value;
    if (item.field.placeholder) box.placeholder = item.field.placeholder;
    if (item.field.maxLength) box.maxLength = item.field.maxLength;
    const onInput = item.field.onInput;
    box.addEventListener('input', () => onInput(box.value));
    if (item.onFocus) box.addEventListener('focus', item.onFocus);
    wrap.append(box);
    byId.set(item.id, box);
    return wrap;
  }
  if (!item.activate) {
    const row = el('li', 'mm-value');
    row.append(el('span', 'mm-value-label', item.label));
    if (item.value !== undefined) {
      const value = el('span', 'mm-value-value', item.value);
      values?.set(item.id, value);
      row.append(value);
    }
    if (item.fraction !== undefined && visible) {
      const track = el('span', 'mm-track');
      track.setAttribute('aria-hidden', 'true');
      const fill = el('span', 'mm-fill');
      fill.style.width = `${Math.round(Math.min(1, Math.max(0, item.fraction)) * 100)}%`;
      track.append(fill);
      row.append(track);
    }
    if (item.detail) row.append(el('span', 'mm-detail', item.detail));
    return row;
  }
  const button = el('button', 'mm-button');
  button.type = 'button';
  button.dataset.id = item.id;
  if (item.lang) button.lang = item.lang;
  button.append(el('span', 'mm-label', item.label));
  if (item.detail) {
    // The label names the button; the detail (a preview, a description) is read after it.
    const detail = el('span', 'mm-detail', item.detail);
    detail.id = `mm-d-${++uid}`;
    detail.setAttribute('aria-hidden', 'true');
    button.setAttribute('aria-describedby', detail.id);
    button.append(detail);
  }
  if (item.pressed !== undefined) button.setAttribute('aria-pressed', String(item.pressed));
  if (item.disabled) button.disabled = true;
  button.addEventListener('click', (event) => activate(item, event));
  if (item.onFocus) {
    const onFocus = item.onFocus;
    button.dataset.mmGame = '';
    button.addEventListener('focus', () => {
      onFocus();
      requestFrames();
    });
  }
  byId.set(item.id, button);
  return button;
}

function regionNode(region: ScreenRegion, byId: Map<string, HTMLElement>, visible: boolean, headingLevel: 'h2' | 'h3', valueNodes: Map<string, HTMLElement>): HTMLElement | null {
  if (region.role === 'toolbar') return null;
  const section = el('section', `mm-region mm-r-${region.role}${region.name ? ` mm-name-${region.name}` : ''}`);
  if (region.id) {
    // A region the focus can be put on (the outcome after a reveal), read from its heading on.
    section.tabIndex = -1;
    byId.set(region.id, section);
  }
  if (region.image && visible) {
    const picture = el('img', 'mm-portrait');
    picture.src = region.image;
    picture.alt = '';
    section.append(picture);
  }
  if (region.label) {
    const heading = el(headingLevel, 'mm-region-title', region.label);
    heading.id = `mm-h-${++uid}`;
    section.setAttribute('aria-labelledby', heading.id);
    section.append(heading);
  }
  if (region.text) section.append(el('p', 'mm-text', region.text));
  if (region.chart && visible) {
    // The drawn chart is described by its course in words, the paragraph above it.
    const words = section.querySelector<HTMLElement>('.mm-text');
    if (words) words.id = `mm-c-${++uid}`;
    section.append(chartNode(region.chart, words?.id));
  }
  const items = region.items ?? [];
  // A canvas frame around a text box has no label of its own; the text box is there already.
  const buttons = items.filter((i) => i.activate && !i.field && i.label.trim() !== '');
  const values = items.filter((i) => !i.activate && !i.field);
  const fields = items.filter((i) => i.field);
  if (values.length > 0) {
    const list = el('ul', 'mm-values');
    values.forEach((item) => list.append(itemNode(item, byId, visible, valueNodes)!));
    section.append(list);
  }
  for (const item of fields) {
    const node = itemNode(item, byId, visible);
    if (node) section.append(node);
  }
  if (buttons.length > 0) {
    const list = el('ul', 'mm-buttons');
    for (const item of buttons) {
      const li = el('li');
      li.append(itemNode(item, byId, visible)!);
      list.append(li);
    }
    section.append(list);
  }
  return section.childElementCount > 0 ? section : null;
}

function build(target: HTMLElement, model: ScreenModel, visible: boolean, dialogLike: boolean): Built {
  const byId = new Map<string, HTMLElement>();
  const values = new Map<string, HTMLElement>();
  const heading = el(dialogLike ? 'h2' : 'h1', 'mm-title', model.title);
  heading.tabIndex = -1;
  heading.id = dialogLike ? 'mm-dialog-title' : 'mm-screen-title';
  const nodes: HTMLElement[] = model.title ? [heading] : [];
  for (const region of model.regions) {
    const node = regionNode(region, byId, visible, dialogLike ? 'h3' : 'h2', values);
    if (node) nodes.push(node);
  }
  target.replaceChildren(...nodes);
  return { signature: signatureOf(model), byId, values };
}

function inLayer(node: Element | null): boolean {
  return !!node && (main.contains(node) || dialog.contains(node));
}

function syncFocus(built: Built, focus: string | null | undefined, previous: string | null, container: HTMLElement, rebuilt: boolean): void {
  const active = document.activeElement;
  const lost = !active || active === document.body;
  const here = container.contains(active);
  if (!(followFocus && (lost || here || rebuilt))) return;
  if (focus === previous && !rebuilt && !lost) return;
  const target = (focus ? built.byId.get(focus) : undefined) ?? (rebuilt ? container.querySelector<HTMLElement>('.mm-title') : null);
  // The game's focus is on something the layer has no button for (a frame around a text box): the keys
  // must reach the game, not press the button the DOM focus was left on.
  if (!target && here && active instanceof HTMLButtonElement) active.blur();
  if (target && target !== active && !(active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement)) target.focus({ preventScroll: !isVisibleLayer() });
}

export function isVisibleLayer(): boolean {
  return document.documentElement.classList.contains('mm-dom');
}

function updateMode(): void {
  // Zoomed in from 110%: the stage would only be fitted to fewer CSS pixels, its text no larger (platform/zoom.ts).
  const narrow = window.innerWidth < NARROW_WIDTH || window.innerHeight < LOW_HEIGHT || zoomedIn();
  const touch = navigator.maxTouchPoints > 0 || matchMedia('(any-pointer: coarse)').matches;
  const html = document.documentElement;
  const visible = narrow || settings.get().largerText;
  const changed = html.classList.contains('mm-dom') !== visible;
  html.classList.toggle('mm-dom', visible);
  html.classList.toggle('mm-larger', settings.get().largerText);
  html.classList.toggle('mm-touch', touch);
  if (changed) {
    // Rebuilt for the other mode (text boxes and pictures exist only in the visible layer).
    builtMain = { signature: '', byId: new Map(), values: new Map() };
    builtDialog = { signature: '', byId: new Map(), values: new Map() };
    // The stage follows its parent's new size (the touch bar takes room under it).
    window.dispatchEvent(new Event('resize'));
  }
}

function barItems(): ScreenItem[] {
  const s = settings.get();
  const command = (c: Command) => () => {
    sendCommand(c);
  };
  const items: ScreenItem[] = [];
  const title = currentScreenName() === 'title';
  if (!title) items.push({ id: 'bar-menu', label: t('barMenu'), activate: command({ kind: 'menu' }) });
  items.push({ id: 'bar-help', label: t('barHelp'), activate: command({ kind: 'help' }) });
  // On a phone one short row: language, sound, numbers and larger text are in the menu (the title has them on screen).
  if (isVisibleLayer() && !title) {
    items.push({ id: 'bar-blank', label: t('barBlank'), activate: command({ kind: 'blank' }) });
    return items;
  }
  items.push(
    { id: 'bar-language', label: t('languageSwitch'), activate: command({ kind: 'language' }) },
    { id: 'bar-sound', label: s.muted ? t('soundOff') : t('soundOn'), activate: command({ kind: 'mute' }) },
    { id: 'bar-numbers', label: s.showNumbers ? t('numbersOn') : t('numbersOff'), activate: command({ kind: 'numbers' }) },
    { id: 'bar-larger', label: s.largerText ? t('largerTextOn') : t('largerTextOff'), activate: () => settings.update({ largerText: !settings.get().largerText }) },
    { id: 'bar-blank', label: t('barBlank'), activate: command({ kind: 'blank' }) },
  );
  return items;
}

function renderBar(model: ScreenModel): void {
  const extra = model.regions.filter((r) => r.role === 'toolbar').flatMap((r) => r.items ?? []);
  const items = [...extra, ...barItems()];
  const signature = JSON.stringify([language(), isVisibleLayer(), items.map((i) => [i.id, i.label, i.disabled])]);
  if (signature === lastBar) return;
  lastBar = signature;
  const hadFocus = bar.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
  const list = el('ul', 'mm-bar-list');
  const byId = new Map<string, HTMLElement>();
  for (const item of items) {
    const li = el('li');
    const node = itemNode(item, byId, true)!;
    if (item.id === 'bar-language') node.lang = language() === 'nl' ? 'en' : 'nl';
    li.append(node);
    list.append(li);
  }
  bar.replaceChildren(list);
  if (hadFocus) byId.get(hadFocus)?.focus({ preventScroll: true });
}

/** The stage makes room for the touch bar's rows (it wraps where one row would not fit). */
function fitBar(): void {
  const html = document.documentElement;
  if (!html.classList.contains('mm-touch') || isVisibleLayer()) return;
  const height = `${Math.max(64, Math.ceil(bar.getBoundingClientRect().height))}px`;
  if (html.style.getPropertyValue('--mm-bar-height') === height) return;
  html.style.setProperty('--mm-bar-height', height);
  window.dispatchEvent(new Event('resize'));
}

function render(): void {
  scheduled = 0;
  updateMode();
  const visible = isVisibleLayer();
  const model = screenModel();
  const over = overlayModel();
  let rebuilt = false;
  const signature = signatureOf(model);
  if (signature !== builtMain.signature) {
    const hadFocus = inLayer(document.activeElement) && main.contains(document.activeElement);
    builtMain = build(main, model, visible, false);
    rebuilt = hadFocus || followFocus;
  } else writeValues(builtMain, model);
  let dialogRebuilt = false;
  const overSignature = signatureOf(over);
  if (overSignature !== builtDialog.signature) {
    if (over) builtDialog = build(dialog, over, visible, true);
    else {
      dialog.replaceChildren();
      builtDialog = { signature: '', byId: new Map(), values: new Map() };
    }
    dialogRebuilt = !!over;
  } else writeValues(builtDialog, over);
  dialog.hidden = !over;
  // The black screen is black on the visible layer too.
  dialog.classList.toggle('mm-blank', currentScreen().overlay === 'blank');
  main.inert = !!over;
  bar.inert = !!over && !visible;
  if (over) {
    syncFocus(builtDialog, over.focus, lastDialogFocus, dialog, dialogRebuilt);
    lastDialogFocus = over.focus ?? null;
  } else {
    syncFocus(builtMain, model.focus, lastFocus, main, rebuilt);
  }
  lastFocus = model.focus ?? null;
  const announce = (over ? over.announce : undefined) ?? model.announce ?? '';
  // A screen that says nothing empties the region, so an old screen's words (a solo ending) are not read on a new one.
  if (announce !== lastAnnounce) live.textContent = announce;
  lastAnnounce = announce;
  renderBar(model);
  fitBar();
}

/** Redraws on the next animation frame; several changes in one frame draw once. */
export function schedule(): void {
  if (!scheduled) scheduled = requestAnimationFrame(render);
}

/** Called after each canvas frame: what the canvas shows may have moved on (focus, a timer, a value). */
export function refreshLayer(): void {
  schedule();
}

export function installLayer(): void {
  root = el('div', 'mm-layer');
  root.dataset.mmLayer = '';
  main = el('main', 'mm-screen');
  main.setAttribute('aria-labelledby', 'mm-screen-title');
  dialog = el('div', 'mm-dialog');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'mm-dialog-title');
  dialog.hidden = true;
  live = el('div', 'mm-live');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  bar = el('nav', 'mm-bar');
  bar.setAttribute('aria-label', t('a11yControls'));
  root.append(main, dialog, live, bar);
  document.body.append(root);
  // The canvas is a picture of what the layer says; assistive technology reads the layer.
  document.getElementById('game')?.setAttribute('aria-hidden', 'true');
  // Keys move the canvas focus; from then on the DOM focus follows it, so both are one focus.
  window.addEventListener('keydown', () => {
    followFocus = true;
    schedule();
  }, true);
  window.addEventListener('pointerdown', (event) => {
    if (!(event.target instanceof Element) || !root.contains(event.target)) followFocus = false;
  }, true);
  window.addEventListener('resize', schedule);
  // After the scene's create() has finished describing it, before its first frame: the layer never shows an old screen's buttons for a frame.
  onScreenChange(() => queueMicrotask(() => {
    cancelAnimationFrame(scheduled);
    render();
  }));
  settings.subscribe(() => {
    bar.setAttribute('aria-label', t('a11yControls'));
    schedule();
  });
  render();
}

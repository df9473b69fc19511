/**
 * The editor as the game opens it (loaded only then, by ./open.ts): the file being edited, its undo
 * history, and the actions of the editor's buttons and keys. Playing from a card leaves the editor in
 * memory; coming back shows it as it was.
 */
import type * as Phaser from 'phaser';
import { nanoid } from 'nanoid';
import { startAt } from '../../engine/sandbox.ts';
import { language as uiLanguageNow, t } from '../../locales/index.ts';
import { downloadFile } from '../../platform/download.ts';
import { goAuthor } from '../../authoring/flow.ts';
import { playFrom } from '../../session/session.ts';
import { switchTo } from '../../platform/sceneSwitch.ts';
import { openDocument } from '../document.ts';
import { newScenarioText } from '../template.ts';
import { type EditorActions } from './actions.ts';
import { isOpen, mount, show, unmount } from './app.ts';
import { cards, scenario } from './lists.ts';
import { devServer, saveScenario, type WritableFile } from '../saving.ts';
import { canRedo, canUndo, emptyHistory, record, redo, undo, type History } from '../history.ts';
import { browserStorage, draftKeeper, dropDraft, restoreDraft, type DraftOrigin } from '../draftStore.ts';
import { keepSteps, takeSteps } from '../reopen.ts';
import * as v from 'valibot';
import { editorChecker } from '../checksOffThread.ts';
import { validateScenarioText } from '../../engine/validate.ts';
import { balance, cardIndex, checked, doc, draftKept, notice, onChange, restored, savedText } from './state.ts';

let game: Phaser.Game | null = null;
let history: History = emptyHistory;
let awaitingReturn = false;
let origin: DraftOrigin = 'new';
/** The file the browser let the editor write to (File System Access), once it has one. */
let handle: WritableFile | undefined;
const storage = browserStorage();
const keeper = draftKeeper(storage, (result) => {
  notice.value = result.ok ? '' : t(result.reason === 'full' ? 'edDraftFull' : 'edDraftUnavailable');
});

function keep(): void {
  const current = doc.value;
  if (!current) return;
  draftKept.value = false;
  keeper.keep({ name: current.name, origin, text: current.text, savedText: savedText.value, updatedAt: Date.now() });
  void keeper.settled().then(() => {
    draftKept.value = true;
  });
}

/** The validator and the balance check, in a worker a moment after the last edit. */
let checks: ReturnType<typeof editorChecker> | null = null;

function check(): void {
  checks ??= editorChecker({
    onProblems: (result, text) => {
      checked.value = { text, problems: result.problems };
    },
    onBalance: (result, text) => {
      balance.value = { text, result };
    },
  });
  if (doc.value) checks.schedule(doc.value.text);
}

onChange((before, _after, group) => {
  history = record(history, before.text, group);
  keep();
  check();
});

/** The file's name; a new scenario is named after its id, as the files in levels/ are. */
function fileName(): string {
  return origin === 'new' ? `${String(scenario().id ?? 'scenario')}.json` : doc.value!.name;
}

/** After a save: the name the file now has, and where the next save goes. */
function named(name: string, where: 'levels' | 'file' | 'download'): void {
  const current = doc.value!;
  if (current.name !== name) doc.value = openDocument(name, current.text, current.layout);
  if (where !== 'download') origin = where === 'levels' ? 'levels' : 'file';
}

function restore(moved: { history: History; text: string } | undefined): void {
  if (!moved || !doc.value) return;
  history = moved.history;
  doc.value = openDocument(doc.value.name, moved.text, doc.value.layout);
  keep();
  check();
}

const act: EditorActions = {
  undo: () => restore(undo(history, doc.value!.text)),
  redo: () => restore(redo(history, doc.value!.text)),
  canUndo: () => canUndo(history),
  canRedo: () => canRedo(history),
  async save() {
    const current = doc.value;
    if (!current) return;
    const text = current.text;
    const saved = await saveScenario(text, { name: fileName(), origin, handle });
    if (saved.ok) {
      if (saved.handle) handle = saved.handle;
      named(saved.name, saved.where);
      savedText.value = text;
      notice.value = t(saved.where === 'levels' ? 'edSavedLevels' : saved.where === 'file' ? 'edSavedFile' : 'edDownloaded', { file: saved.name });
      keep();
    } else notice.value = saved.why === 'cancelled' ? t('edSaveCancelled') : t('edSaveFailed');
  },
  saveLabel: () => t(devServer() && origin !== 'file' ? 'edSaveLevels' : 'edSave'),
  download() {
    const current = doc.value!;
    const name = fileName();
    downloadFile(name, current.text, 'application/json;charset=utf-8');
    named(name, 'download');
    savedText.value = current.text;
    notice.value = t('edDownloaded', { file: name });
    keep();
  },
  // Known from the last check; the click itself checks the text as it is now.
  canPlay: () => doc.value?.parsed !== undefined && cards().length > 0 && !(checked.value?.problems ?? []).some((p) => p.severity === 'error'),
  play() {
    const current = doc.value;
    const card = cards()[cardIndex.value] ?? cards()[0];
    if (!game || !current || !card) return;
    const result = validateScenarioText(current.text);
    if (!result.ok) {
      checked.value = { text: current.text, problems: result.problems };
      notice.value = t('edCannotPlay');
      return;
    }
    const scenario = result.scenario;
    const start = startAt(scenario, card.id, {}, nanoid());
    if (!start.ok) return;
    unmount();
    awaitingReturn = true;
    playFrom(scenario, start.state);
    switchTo(game, 'play');
  },
  discard() {
    void dropDraft(storage);
    const from = opened;
    if (from) begin(from.file, from.origin, null);
  },
  close() {
    // Everything is in the file: the draft has nothing more to keep.
    if (savedText.value === doc.value?.text) void dropDraft(storage);
    checks?.stop();
    checks = null;
    unmount();
    if (game) goAuthor(game);
  },
  key(event) {
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && !event.altKey && (event.key === 'z' || event.key === 'Z') && !event.shiftKey) {
      event.preventDefault();
      act.undo();
    } else if (ctrl && !event.altKey && (event.key === 'y' || event.key === 'Y' || ((event.key === 'z' || event.key === 'Z') && event.shiftKey))) {
      event.preventDefault();
      act.redo();
    } else if (ctrl && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      void act.save();
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      act.close();
    }
  },
};

let opened: { file: { name: string; text: string } | null; origin: DraftOrigin } | null = null;

function begin(file: { name: string; text: string } | null, from: DraftOrigin, draft: { text: string; savedText: string | null; updatedAt: number } | null): void {
  history = emptyHistory;
  cardIndex.value = 0;
  origin = from;
  handle = undefined;
  const name = file?.name ?? t('edNewFileName');
  const original = file?.text ?? newScenarioText();
  checked.value = null;
  balance.value = null;
  if (draft) {
    mount(name, draft.text, draft.savedText, act);
    restored.value = new Date(draft.updatedAt).toLocaleString(uiLanguageNow(), { dateStyle: 'medium', timeStyle: 'short' });
  } else {
    mount(name, original, file ? file.text : null, act);
    restored.value = null;
  }
  check();
}

/**
 * Opens the editor on a file's text, or on a new scenario from the template (`file` null). A draft
 * kept in this browser for the same file (or for a new scenario never saved) comes back instead, as it
 * was left: after a reload, a closed tab or a crash.
 */
export async function start(on: Phaser.Game, file: { name: string; text: string } | null, from: DraftOrigin): Promise<void> {
  game = on;
  opened = { file, origin: from };
  const kept = await restoreDraft(storage);
  const draft = kept.ok ? kept.draft : undefined;
  const same = draft && (file ? draft.name === file.name && draft.origin === from : draft.origin === 'new');
  begin(file, from, same && draft.text !== (file?.text ?? '') ? draft : null);
  if (!kept.ok) notice.value = t('edDraftUnavailable');
}

/** Back from "Play from here": the editor as it was left. */
export function comeBack(on: Phaser.Game): boolean {
  if (!awaitingReturn || !doc.value) return false;
  awaitingReturn = false;
  game = on;
  goAuthor(on);
  show(act);
  return true;
}

/** The undo steps as ../reopen.ts kept them: storage is the browser's, and anything may be in it. */
const stepsShape = v.object({ past: v.array(v.string()), future: v.array(v.string()), group: v.optional(v.string()), at: v.number() });

// A reload keeps the undo steps along with the draft: written once, as the page goes away.
addEventListener('pagehide', () => {
  if (isOpen() && doc.value) keepSteps(doc.value.text, history);
});

/**
 * After a reload with the editor open: the draft kept in this browser, as it was left, with its undo
 * steps. False when there is no draft to come back to.
 */
export async function resume(on: Phaser.Game): Promise<boolean> {
  const kept = await restoreDraft(storage);
  const draft = kept.ok ? kept.draft : undefined;
  if (!draft) return false;
  game = on;
  // What "throw the draft away" goes back to: the file as last saved, or the template.
  const file = draft.savedText === null ? null : { name: draft.name, text: draft.savedText };
  opened = { file, origin: draft.origin };
  begin(file, draft.origin, draft);
  const steps = v.safeParse(stepsShape, takeSteps(draft.text));
  if (steps.success) history = { ...steps.output, group: steps.output.group };
  return true;
}

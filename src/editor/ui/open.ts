/**
 * The way into the scenario editor. Small on purpose: the editor itself (Preact, its forms, its
 * preview) is a script of its own, loaded only when a trainer opens it (scripts/vite-editor-plugin.ts),
 * so nothing of it is read or run before the first card. Its stylesheet is the game's: a few rules,
 * there before the editor's first frame.
 */
import type * as Phaser from 'phaser';
import { loadEditor } from 'virtual:many-masters-editor';
import { markEditorOpen } from '../reopen.ts';
import './editor.css';

type Editor = typeof import('./session.ts');
let loading: Promise<Editor> | null = null;
let loaded: Editor | null = null;

function load(): Promise<Editor> {
  loading ??= loadEditor().then((editor) => (loaded = editor));
  return loading;
}

/**
 * Opens the editor on a file's text, or on a new scenario from the template (`file` null). `from`:
 * a file of levels/ (saved back there with `npm start`) or a file opened or dropped in the browser.
 */
export function openEditor(game: Phaser.Game, file: { name: string; text: string } | null, from: 'levels' | 'file' = 'file'): void {
  void load().then((editor) => editor.start(game, file, file ? from : 'new'));
}

/** After "Play from here": true when the editor took the way back (the title is not shown). */
export function backToEditor(game: Phaser.Game): boolean {
  return loaded?.comeBack(game) ?? false;
}

/** At the start, after a reload with the editor open: back into it with its draft, over the scenario-writing screen. */
export function reopenEditor(game: Phaser.Game): void {
  void load().then((editor) => editor.resume(game)).then((back) => {
    if (!back) markEditorOpen(false);
  });
}

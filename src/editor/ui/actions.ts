/** What the editor's buttons and keys do; made by ./session.ts, which knows the game and the file. */
export interface EditorActions {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  save(): Promise<void>;
  /** "Save to levels/", "Save" or "Save as…", as this browser and server allow. */
  saveLabel(): string;
  download(): void;
  play(): void;
  canPlay(): boolean;
  /** Throws the restored draft away and shows the file (or the template) again. */
  discard(): void;
  close(): void;
  /** A key pressed anywhere in the editor (after the field it was typed into had it). */
  key(event: KeyboardEvent): void;
}

export const actions: { current: EditorActions | null } = { current: null };

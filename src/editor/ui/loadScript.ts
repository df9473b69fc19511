/**
 * Loads the editor's own script (built by scripts/vite-editor-plugin.ts) the first time it is opened:
 * a classic `<script>`, which loads from file://, a sub-folder and offline where a dynamic import
 * cannot. The script defines one function; called with the game's modules it shares, it returns the
 * editor. The one-file game carries the script inline, so there the function is already defined.
 */

/** The game's script: the editor's script is beside it. Known only while the game's script runs. */
const gameScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

type Factory<T> = (shared: Record<string, unknown>) => T;

export function loadEditorScript<T>(file: string, shared: Record<string, unknown>): Promise<T> {
  const holder = globalThis as { __manyMastersEditor?: Factory<T> };
  const made = () => {
    if (!holder.__manyMastersEditor) throw new Error(`${file} did not define the editor`);
    return holder.__manyMastersEditor(shared);
  };
  if (holder.__manyMastersEditor) return Promise.resolve(made());
  return new Promise<T>((resolve, reject) => {
    const script = document.createElement('script');
    // `file` is the build's path (assets/…); the game's script is in the same folder.
    script.src = gameScript ? new URL(file.slice(file.lastIndexOf('/') + 1), gameScript).href : new URL(file, document.baseURI).href;
    script.onload = () => {
      try {
        resolve(made());
      } catch (error) {
        reject(error as Error);
      }
    };
    script.onerror = () => reject(new Error(`the editor's script did not load: ${script.src}`));
    document.head.append(script);
  });
}

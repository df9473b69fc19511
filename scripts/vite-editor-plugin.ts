/**
 * The scenario editor as a script of its own, loaded only when a trainer opens it, so that its code
 * (Preact, the forms, the checks) costs nothing before the first card.
 *
 * The game's build is one classic script (scripts/vite-portable-plugin.ts): from file:// Chromium
 * refuses module scripts and dynamic import, so the bundler cannot split it. Instead this builds the
 * editor (src/editor/ui/session.ts) a second time, on its own, as a classic script that defines one
 * function, `globalThis.__manyMastersEditor(shared)`; the game adds a `<script>` for it when the editor
 * is first opened (src/editor/ui/loadScript.ts) and calls that function. A classic script added so
 * loads from file://, a sub-folder, under `script-src 'self'`, and offline (it is in the build's
 * folder, so the service worker precaches it with the rest).
 *
 * What the editor shares with the running game must be the game's very modules, not copies: the
 * language and settings, the session it plays from, the scenes it goes back to, the card drawing and
 * Phaser itself. So every module of src/ outside the editor and the engine, and `phaser`, is left out
 * of the editor's script; the game hands their namespaces to the function (the virtual module
 * below imports them). The engine is pure (no state), so the editor carries its own copy of what it
 * uses, as it does its own Preact.
 *
 * The dev server serves modules, so there the editor is an ordinary dynamic import.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { build, type BuildEnvironmentOptions, type Plugin, type Rolldown } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const ENTRY = resolve(ROOT, 'src/editor/ui/session.ts');
const SRC = resolve(ROOT, 'src') + sep;
const OWN = [resolve(ROOT, 'src/editor') + sep, resolve(ROOT, 'src/engine') + sep];
const VIRTUAL = 'virtual:many-masters-editor';
/** The name the editor's script defines; src/editor/ui/loadScript.ts calls it. */
export const EDITOR_GLOBAL = '__manyMastersEditor';
/** The parameter of that function through which the editor reaches the game's modules. */
const SHARED = '__manyMastersShared';

/** A module of the game the editor must share rather than copy: src/ outside the editor and the engine, and Phaser. */
export function sharedWithGame(id: string): boolean {
  if (id === 'phaser') return true;
  if (id.includes('?') || id.startsWith('\0')) return false;
  return id.startsWith(SRC) && !OWN.some((own) => id.startsWith(own));
}

/** The key a shared module goes by: its path from the project's root, or the package's name. */
function keyOf(id: string): string {
  return id === 'phaser' ? 'phaser' : relative(ROOT, id).split(sep).join('/');
}

interface EditorScript {
  /** The script's file, and any file it loads itself (the checks' worker), by their names in the build. */
  files: { fileName: string; source: string | Uint8Array }[];
  script: string;
  /** The game's modules the script takes from the game, by key. */
  shared: string[];
}

async function buildEditor(target: BuildEnvironmentOptions['target']): Promise<EditorScript> {
  const shared = new Set<string>();
  const global = (id: string) => `${SHARED}[${JSON.stringify(keyOf(id))}]`;
  const output = await build({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'warn',
    plugins: [{
      name: 'many-masters-editor-shared',
      enforce: 'pre',
      // Relative imports are resolved first, so the test sees the file each one names.
      async resolveId(source, importer, options) {
        if (source === 'phaser') {
          shared.add('phaser');
          return { id: 'phaser', external: true };
        }
        if (!importer || source.startsWith('\0')) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved && !resolved.external && sharedWithGame(resolved.id)) {
          shared.add(resolved.id);
          return { id: resolved.id, external: true };
        }
        return null;
      },
    }],
    build: {
      write: false,
      target,
      emptyOutDir: false,
      copyPublicDir: false,
      // Art the editor shows (the meter icons) comes inside the script, as the game's own does.
      assetsInlineLimit: () => true,
      modulePreload: false,
      lib: { entry: ENTRY, formats: ['iife'], name: '__manyMastersEditorModule', fileName: () => 'editor.js' },
      rolldownOptions: {
        output: {
          // The shared modules are the function's argument, read when used (so a language switched
          // in the game is the editor's language at once).
          globals: global,
          banner: `globalThis.${EDITOR_GLOBAL} = function (${SHARED}) {`,
          footer: 'return __manyMastersEditorModule;\n};',
          charset: 'ascii',
        },
      },
    },
  });
  const bundles = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const files: EditorScript['files'] = [];
  let script = '';
  for (const item of bundles.flatMap((b) => b.output)) {
    if (item.type === 'chunk' && item.isEntry) {
      const hash = createHash('sha256').update(item.code).digest('base64url').slice(0, 8);
      script = `assets/editor-${hash}.js`;
      files.push({ fileName: script, source: item.code });
    } else files.push({ fileName: item.fileName, source: item.type === 'chunk' ? item.code : item.source });
  }
  if (!script) throw new Error('the editor build made no script');
  return { files, script, shared: [...shared] };
}

export function editorPlugin(): Plugin {
  let building = false;
  let target: BuildEnvironmentOptions['target'];
  let editor: EditorScript | null = null;
  return {
    name: 'many-masters-editor',
    configResolved(config) {
      building = config.command === 'build' && !config.build.ssr;
      target = config.build.target;
    },
    async buildStart() {
      if (building) editor = await buildEditor(target);
    },
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : null;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      if (!editor) return `export const loadEditor = () => import(${JSON.stringify('/' + keyOf(ENTRY))});`;
      const imports = editor.shared.map((id, i) => `import * as m${i} from ${JSON.stringify(id)};`).join('\n');
      const table = editor.shared.map((id, i) => `${JSON.stringify(keyOf(id))}: m${i}`).join(', ');
      return `${imports}\nimport { loadEditorScript } from ${JSON.stringify(resolve(ROOT, 'src/editor/ui/loadScript.ts'))};\n`
        + `export const loadEditor = () => loadEditorScript(${JSON.stringify(editor.script)}, { ${table} });\n`;
    },
    generateBundle() {
      for (const file of editor?.files ?? []) this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
    },
  };
}

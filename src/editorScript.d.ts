/** Made by scripts/vite-editor-plugin.ts: the editor, loaded when first asked for. */
declare module 'virtual:many-masters-editor' {
  export function loadEditor(): Promise<typeof import('./editor/ui/session.ts')>;
}

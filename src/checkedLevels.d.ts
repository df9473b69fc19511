/** Built by scripts/vite-checked-levels-plugin.ts: the build's validation of each file in levels/, by file name. */
declare module 'virtual:checked-levels' {
  import type { StoredCheck } from './engine/storedCheck.ts';
  const checks: Record<string, StoredCheck>;
  export default checks;
}

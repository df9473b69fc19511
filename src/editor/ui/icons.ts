/** The meter icons' files, for the icon picker (the game's own art module knows only their texture keys). */
const files = import.meta.glob<string>('../../../assets/icons/*.svg', { query: '?url', import: 'default', eager: true });
const byName = new Map(Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), url]));

export function iconUrl(name: string): string {
  return byName.get(name) ?? byName.get('neutral') ?? '';
}

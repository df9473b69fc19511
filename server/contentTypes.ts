/** The content type of each file the built game holds, by extension: for the room server and the test server alike. */
export const CONTENT_TYPES: ReadonlyMap<string, string> = new Map(Object.entries({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
}));

/** What to send as a file's content type; a file of another kind is plain bytes. */
export function contentType(extension: string): string {
  return CONTENT_TYPES.get(extension) ?? 'application/octet-stream';
}

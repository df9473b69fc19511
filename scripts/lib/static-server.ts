/** A small static file server for a built folder, on a free loopback port (tests and the benchmark). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { contentType } from '../../server/contentTypes.ts';

/** `headers` are sent with every file (a test's Content-Security-Policy, say). */
export function serveDirectory(root: string, headers: Record<string, string> = {}): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: build first`);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': contentType(extname(file)) });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

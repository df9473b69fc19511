/**
 * The room server alone, in its own process, for `npm run bench -- room`: prints its port, then on
 * each line "stats" on stdin its memory and CPU time, so the figures are the server's and not the
 * simulated phones'. Loopback only.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { attachRoom } from '../../server/server.ts';

const server = createServer((_request, response) => response.writeHead(404).end());
// The server's own limits: the simulated phones each say their own address, as a proxy on this machine would.
attachRoom(server, { port: () => (server.address() as AddressInfo).port });
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stats') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ rss: memory.rss, heapUsed: memory.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 }));
  } else if (line.trim() === 'quit') process.exit(0);
});

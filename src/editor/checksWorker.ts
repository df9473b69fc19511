/**
 * The editor's checks off the page's thread: validating a 130 kB scenario takes 100 ms and more, and
 * the balance check plays thousands of games; the page must keep answering the keys meanwhile.
 */
import { runChecks, type CheckMessage } from './checks.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ id: number; text: string; runs: number; seed: string }>) => void) | null; postMessage(message: CheckMessage): void };
scope.onmessage = (event) => {
  const { id, text, runs, seed } = event.data;
  runChecks(id, text, (message) => scope.postMessage(message), { runs, seed });
};

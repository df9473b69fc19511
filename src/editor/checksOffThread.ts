/**
 * The checks' worker, found as the validator's is (src/authoring/offThread.ts): its address is worked
 * out while the script loads, since the build is a classic script that knows where it was loaded from
 * only then. Apart from checks.ts so that Node (tests, tools) can use the checks without the bundler.
 *
 * A build opened from file:// may not start a worker from a file (the page's origin is 'null'), but
 * it may from a blob: Vite's inline worker carries the same code in the bundle and starts it so, and
 * the balance check's thousands of games stay off the page there too.
 */
import { checker, type CheckerOptions } from './checks.ts';
import InlineChecksWorker from './checksWorker.ts?worker&inline';
import workerUrl from './checksWorker.ts?worker&url';

export function editorChecker(options: Omit<CheckerOptions, 'startWorker'>) {
  return checker({ ...options, startWorker: () => (location.protocol === 'file:' ? new InlineChecksWorker() : new Worker(workerUrl, { type: 'module' })) });
}

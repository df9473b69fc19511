/**
 * The checks' worker, found as the validator's is (src/authoring/offThread.ts): its address is worked
 * out while the script loads, since the build is a classic script that knows where it was loaded from
 * only then. Apart from checks.ts so that Node (tests, tools) can use the checks without the bundler.
 */
import { checker, type CheckerOptions } from './checks.ts';
import workerUrl from './checksWorker.ts?worker&url';

export function editorChecker(options: Omit<CheckerOptions, 'startWorker'>) {
  return checker({ ...options, startWorker: () => new Worker(workerUrl, { type: 'module' }) });
}

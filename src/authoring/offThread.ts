/**
 * The validator in a Web Worker, with the page's own thread as the fallback where workers cannot
 * start (a build opened from file://, where browsers refuse module workers). The result is the same
 * either way: the worker runs the same engine code.
 */
import { validateScenarioText, type ValidationResult } from '../engine/validate.ts';
// The worker's address, worked out while the script loads: the build is a classic script, and the
// place it was loaded from (document.currentScript) is known only then, not when a file is dropped.
import workerUrl from './validateWorker.ts?worker&url';

export function validateOffThread(source: string): Promise<ValidationResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { type: 'module' });
    } catch {
      resolve(validateScenarioText(source));
      return;
    }
    worker.onmessage = (event: MessageEvent<ValidationResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(validateScenarioText(source));
    };
    worker.postMessage(source);
  });
}

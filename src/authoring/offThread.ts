/**
 * The validator in a Web Worker, with the page's own thread as the fallback where workers cannot
 * start (a build opened from file://, where browsers refuse module workers). The result is the same
 * either way: the worker runs the same engine code.
 */
import { validateScenarioText, type ValidationResult } from '../engine/validate.ts';

export function validateOffThread(source: string): Promise<ValidationResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./validateWorker.ts', import.meta.url), { type: 'module' });
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

/**
 * Validates a scenario text off the page's thread: a 5 MB file at the limits takes up to a second or
 * two to check, and the page (the projector's picture, the keys) must not freeze meanwhile.
 */
import { validateScenarioText } from '../engine/validate.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<string>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(validateScenarioText(event.data));

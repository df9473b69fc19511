import type { Problem } from '../../src/engine/validate.ts';
import { word } from '../../src/locales/authoring.ts';

/** A problem's message in English (without the "did you mean" suggestion), as the validator prints it. */
export const en = (p: Pick<Problem, 'code' | 'params'>): string => word(p.code, p.params, 'en');

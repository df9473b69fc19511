/**
 * Getting a scenario file into the page without a build: a hidden file input behind the "Open a
 * scenario file" button, and a drop of a .json file anywhere on the page. The size is checked before
 * the file is read; only its text leaves this module.
 */
import { readScenarioBytes, withReading } from '../engine/scenarioFile.ts';
import { fileTooLarge, rememberCheck } from './draft.ts';
import { validateOffThread } from './offThread.ts';

export interface FileHandlers {
  text: (file: string, source: string) => void;
  tooLarge: (file: string, bytes: number) => void;
}

let input: HTMLInputElement | null = null;

async function take(file: File, handlers: FileHandlers): Promise<void> {
  if (fileTooLarge(file.size)) {
    handlers.tooLarge(file.name, file.size);
    return;
  }
  // From the bytes, not file.text(): that reads every file as UTF-8 and turns the letters of a file
  // saved as ANSI into "�" without a word (src/engine/scenarioFile.ts says how each file is read).
  const reading = readScenarioBytes(new Uint8Array(await file.arrayBuffer()));
  const { text } = reading;
  // Checked in a worker first, so the page keeps drawing and taking keys while a large file is read.
  const result = withReading(await validateOffThread(text), reading);
  // Taking in the worker's answer (a whole scenario) is a task of its own; the next step waits for a frame.
  await afterNextFrame();
  rememberCheck(text, result);
  handlers.text(file.name, text);
}

/**
 * Resolves once the next frame has been drawn, so that work on a large file comes in steps with the
 * picture and the keys served in between (a requestAnimationFrame callback alone runs before the paint).
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

export function installFileOpening(handlers: FileHandlers): void {
  input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.id = 'scenario-file';
  input.addEventListener('change', () => {
    const file = input!.files?.[0];
    // Cleared so that choosing the same file again (after editing it) still fires a change.
    if (file) void take(file, handlers).finally(() => (input!.value = ''));
  });
  document.body.append(input);

  // Without preventing dragover the browser would open the dropped file itself, leaving the game.
  window.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void take(file, handlers);
  });
}

/** Opens the browser's file picker (must run during a key press or click). */
export function pickFile(): void {
  input?.click();
}

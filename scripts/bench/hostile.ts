/** Validator figures on heavy files at the limits, each in a fresh Node process (time and peak memory, as a trainer's CLI run). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hostileFiles } from './hostileFiles.ts';

const ONE = fileURLToPath(new URL('./hostileOne.ts', import.meta.url));

export function hostileFigures(): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(hostileFiles)) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', ONE, name], { encoding: 'utf8', maxBuffer: 1e7 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { bytes: number; ms: number; cpuMs: number; peakMB: number; baselineMB: number; ok: boolean; listed: number; last: string };
    const verdict = r.ok ? 'valid' : `refused, ${r.listed} problems listed`;
    lines.push(`validate ${name}: ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms), peak ${r.peakMB.toFixed(0)} MB (process with the file read: ${r.baselineMB.toFixed(0)} MB); ${verdict}   (aim: < 2000 ms, < 300 MB)`);
  }
  return lines;
}

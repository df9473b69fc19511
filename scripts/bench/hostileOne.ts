/** One heavy file validated in a fresh process, as `npm run validate` would: prints its time and peak memory as JSON. */
import { hostileFiles } from './hostileFiles.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';

const name = process.argv[2] ?? '';
const make = hostileFiles[name];
if (!make) throw new Error(`no heavy file named ${name}`);
const text = make(1);
const baseline = process.resourceUsage().maxRSS / 1024;
const start = performance.now();
const cpuStart = process.cpuUsage();
const result = validateScenarioText(text);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({
  bytes: new TextEncoder().encode(text).length,
  ms,
  // CPU time of the process, garbage collection included: on a shared machine the wall time also counts waiting.
  cpuMs: (cpu.user + cpu.system) / 1000,
  peakMB: process.resourceUsage().maxRSS / 1024,
  baselineMB: baseline,
  ok: result.ok,
  listed: result.problems.length,
  last: result.problems.at(-1)?.code ?? '',
}));

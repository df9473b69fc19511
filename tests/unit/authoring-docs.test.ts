/**
 * The authoring guide for trainers (docs/authoring.md) and its files stay true: the tutorial's step
 * files and the template validate, the template uses every field and condition kind of the format,
 * the tutorial's final scenario plays to an ending and meets the balance targets, and every scenario,
 * file excerpt and tool output shown in the guide is what the files and the tools really give.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, type Scenario } from '../../src/engine/format.ts';
import { choose, newGame } from '../../src/engine/game.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenarioText, type Problem } from '../../src/engine/validate.ts';
import { formatProblem as formatIn, toolLanguage, validateSummary, word } from '../../src/locales/authoring.ts';

const formatProblem = (file: string, p: Problem) => formatIn(file, p, 'en');

const root = resolve(new URL('../..', import.meta.url).pathname);
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const GUIDE = 'docs/authoring.md';
const TUTORIAL = 'docs/tutorial';
const guide = read(GUIDE);

function problemsOf(file: string): Problem[] {
  return validateScenarioText(read(file)).problems;
}

function count(problems: Problem[], severity: Problem['severity']): number {
  return problems.filter((p) => p.severity === severity).length;
}

function load(file: string): Scenario {
  const result = validateScenarioText(read(file));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => formatProblem(file, p)).join('\n')}`);
  return result.scenario;
}

/** Fenced code blocks with their language and the HTML comment (if any) right above them. */
function codeBlocks(markdown: string): { lang: string; text: string; marker?: string; line: number }[] {
  const blocks: { lang: string; text: string; marker?: string; line: number }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    let j = start - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const marker = j >= 0 ? /^<!--\s*(.*?)\s*-->$/.exec(lines[j]!.trim())?.[1] : undefined;
    blocks.push({ lang: open[1]!, text: body.join('\n'), line: start + 1, ...(marker ? { marker } : {}) });
  }
  return blocks;
}

const blocks = codeBlocks(guide);

describe('the tutorial files', () => {
  const steps = readdirSync(join(root, TUTORIAL)).filter((f) => /^step-\d+\.json$/.test(f)).sort((a, b) => parseInt(a.slice(5)) - parseInt(b.slice(5)));

  it('has numbered steps and a final file', () => {
    expect(steps.length).toBeGreaterThanOrEqual(5);
    steps.forEach((f, i) => expect(f).toBe(`step-${i + 1}.json`));
    expect(existsSync(join(root, TUTORIAL, 'final.json'))).toBe(true);
  });

  // A claim in the guide: "`docs/tutorial/step-3.json` (0 errors, 0 warnings)" or "(0 fouten, 0 waarschuwingen)".
  const claims = [...guide.matchAll(/`docs\/tutorial\/((?:step-\d+|final)\.json)`[^\n]*?\((\d+) (?:errors?|fouten?), (\d+) (?:warnings?|waarschuwingen?)\)/g)].map((m) => ({
    file: m[1]!,
    errors: Number(m[2]),
    warnings: Number(m[3]),
  }));

  it('are each named in the guide, in Dutch and in English, with what the validator says', () => {
    for (const file of [...steps, 'final.json']) {
      expect(claims.filter((c) => c.file === file).length, `${file} needs a claim in both languages`).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(steps)('%s validates as the guide says', (file) => {
    const problems = problemsOf(`${TUTORIAL}/${file}`);
    for (const claim of claims.filter((c) => c.file === file)) {
      expect(count(problems, 'error')).toBe(claim.errors);
      expect(count(problems, 'warning')).toBe(claim.warnings);
    }
    expect(claims.some((c) => c.file === file && c.errors === 0)).toBe(true);
  });

  it('final.json and template.json validate with no errors and no warnings', () => {
    for (const file of [`${TUTORIAL}/final.json`, 'docs/template.json']) {
      expect(problemsOf(file).map((p) => formatProblem(file, p))).toEqual([]);
    }
  });

  it('point at the JSON Schema from where they are', () => {
    const schemaOf = (file: string) => (JSON.parse(read(file)) as { $schema?: string }).$schema;
    expect(schemaOf(`${TUTORIAL}/final.json`)).toBe('../../levels/scenario.schema.json');
    expect(schemaOf('docs/template.json')).toBe('../levels/scenario.schema.json');
    for (const file of [...steps.map((s) => `${TUTORIAL}/${s}`), `${TUTORIAL}/final.json`, 'docs/template.json']) {
      expect(existsSync(resolve(root, dirname(file), schemaOf(file)!)), file).toBe(true);
    }
  });
});

describe('the tutorial scenario', () => {
  const scenario = load(`${TUTORIAL}/final.json`);

  it('has five cards', () => {
    expect(scenario.cards).toHaveLength(5);
  });

  it('plays to an ending with the engine, whatever the player picks', () => {
    const policies: ((turn: number, choices: number) => number)[] = [() => 0, (_, n) => n - 1, (turn, n) => turn % n, (turn, n) => (turn * 7 + 3) % n];
    const endings = new Set((scenario.endings ?? []).map((e) => e.id));
    for (const [p, policy] of policies.entries()) {
      for (let seed = 0; seed < 25; seed++) {
        let state = newGame(scenario, `docs-${p}-${seed}`);
        for (let moves = 0; !state.end; moves++) {
          expect(moves).toBeLessThan((scenario.turns ?? 100) + 1);
          const card = scenario.cards.find((c) => c.id === state.current?.card)!;
          const result = choose(scenario, state, policy(state.turn, card.choices.length));
          if (!result.ok) throw new Error(result.error.message);
          state = result.state;
        }
        expect(state.end.ending, `seed ${seed}, policy ${p}`).not.toBeNull();
        expect(endings.has(state.end.ending!)).toBe(true);
      }
    }
  });

  it('has the balance the guide asks of a workshop scenario', () => {
    const runs = 2000;
    const share = (strategy: Parameters<typeof simulate>[1]['strategy']) => simulate(scenario, { runs, seed: 'docs', strategy }).completed / runs;
    const random = share({ kind: 'random' });
    expect(random).toBeGreaterThanOrEqual(0.2);
    expect(random).toBeLessThanOrEqual(0.6);
    expect(share({ kind: 'balanced' })).toBeGreaterThanOrEqual(0.6);
    for (const meter of scenario.meters) expect(share({ kind: 'favour', meter: meter.id }), meter.id).toBeLessThan(0.1);
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks the published JSON Schema next to a scenario: which fields of the format exist (`cards[].choices[].next`,
 * `Condition<meter>.below`…) and which the scenario uses. Conditions are named by their kind.
 */
class FieldWalker {
  readonly all = new Set<string>();
  readonly used = new Set<string>();
  private readonly defs: Record<string, SchemaNode>;

  constructor(private readonly schema: SchemaNode) {
    this.defs = (schema.$defs ?? {}) as Record<string, SchemaNode>;
    this.collect(schema, '', new Set());
  }

  private variantName(node: SchemaNode, i: number): string {
    const required = node.required as string[] | undefined;
    return required?.[0] ?? String(node.type ?? i);
  }

  private collect(node: SchemaNode, id: string, seen: Set<string>) {
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '');
      if (!seen.has(name)) {
        seen.add(name);
        this.collect(this.defs[name]!, name, seen);
      }
      return;
    }
    (node.anyOf as SchemaNode[] | undefined)?.forEach((variant, i) => {
      const name = `${id}<${this.variantName(variant, i)}>`;
      if (id === 'Condition') this.all.add(name);
      this.collect(variant, name, seen);
    });
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
      this.all.add(id ? `${id}.${key}` : key);
      this.collect(child, id ? `${id}.${key}` : key, seen);
    }
    if (isObject(node.items)) this.collect(node.items, `${id}[]`, seen);
    if (isObject(node.additionalProperties)) this.collect(node.additionalProperties, `${id}{}`, seen);
  }

  private fits(value: Json, node: SchemaNode): boolean {
    if (typeof node.$ref === 'string') return this.fits(value, this.defs[node.$ref.replace('#/$defs/', '')]!);
    if (Array.isArray(node.anyOf)) return (node.anyOf as SchemaNode[]).some((v) => this.fits(value, v));
    switch (node.type) {
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'array':
        return Array.isArray(value);
      case 'object': {
        if (!isObject(value)) return false;
        const required = (node.required ?? []) as string[];
        const props = node.properties as Record<string, unknown> | undefined;
        return required.every((k) => k in value) && (!props || node.additionalProperties !== false || Object.keys(value).every((k) => k in props));
      }
      default:
        return true;
    }
  }

  walk(value: Json, node: SchemaNode = this.schema, id = '') {
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '');
      this.walk(value, this.defs[name]!, name);
      return;
    }
    if (Array.isArray(node.anyOf)) {
      const variants = node.anyOf as SchemaNode[];
      const i = variants.findIndex((v) => this.fits(value, v));
      if (i >= 0) {
        const name = `${id}<${this.variantName(variants[i]!, i)}>`;
        if (id === 'Condition') this.used.add(name);
        this.walk(value, variants[i]!, name);
      }
      return;
    }
    if (isObject(value)) {
      const props = (node.properties ?? {}) as Record<string, SchemaNode>;
      for (const [key, child] of Object.entries(value)) {
        if (props[key]) {
          this.used.add(id ? `${id}.${key}` : key);
          this.walk(child, props[key], id ? `${id}.${key}` : key);
        } else if (isObject(node.additionalProperties)) this.walk(child, node.additionalProperties, `${id}{}`);
      }
    } else if (Array.isArray(value) && isObject(node.items)) {
      for (const item of value) this.walk(item, node.items, `${id}[]`);
    }
  }
}

describe('docs/template.json', () => {
  const template = JSON.parse(read('docs/template.json')) as Json;

  it('uses every field of the format and every condition kind', () => {
    const walker = new FieldWalker(scenarioJsonSchema());
    walker.walk(template);
    // Sanity: the walker knows the format's fields and the nine condition kinds.
    for (const name of ['cards[].choices[].next<card>.after', 'meters[].onMax', 'debrief.tags{}.text', 'Condition<meter>.atMost', 'Condition<turn>.turn.atLeast']) {
      expect(walker.all.has(name), name).toBe(true);
    }
    expect([...walker.all].filter((n) => n.startsWith('Condition<') && !n.includes('.'))).toHaveLength(9);
    expect([...walker.all].filter((n) => !walker.used.has(n)).sort()).toEqual([]);
  });

  it('uses both forms of "next": a card id and {"card", "after"}', () => {
    const nexts = load('docs/template.json').cards.flatMap((c) => c.choices.map((ch) => ch.next).filter((n) => n !== undefined));
    expect(nexts.some((n) => typeof n === 'string')).toBe(true);
    expect(nexts.some((n) => typeof n === 'object')).toBe(true);
  });

  it('names only portraits and icons that exist', () => {
    const scenario = load('docs/template.json');
    for (const m of scenario.meters) if (m.icon) expect(existsSync(join(root, 'assets/icons', `${m.icon}.svg`)), m.icon).toBe(true);
    for (const s of scenario.stakeholders) if (s.portrait) expect(existsSync(join(root, 'assets/portraits', `${s.portrait}.svg`)), s.portrait).toBe(true);
  });
});

describe('docs/authoring.md', () => {
  it('has the Dutch part first, then the English part, and the section on play-my-file and the map in both', () => {
    const dutch = guide.indexOf('\n## Nederlands');
    const english = guide.indexOf('\n## English');
    expect(dutch).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(dutch);
    expect(guide).toContain('### 10. Speel mijn bestand, live meekijken en de scenariokaart');
    expect(guide).toContain('### 10. Play my file, live reload and the scenario map');
  });

  it('links only to chapters that exist (anchors as GitHub makes them from the headings)', () => {
    const slugs = new Set<string>();
    const counts = new Map<string, number>();
    for (const [, heading] of guide.matchAll(/^#{1,6}\s+(.*)$/gm)) {
      const base = heading!.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
      const n = counts.get(base) ?? 0;
      slugs.add(n === 0 ? base : `${base}-${n}`);
      counts.set(base, n + 1);
    }
    const links = [...guide.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !slugs.has(l))).toEqual([]);
  });

  it('names every numbered chapter in the chapter list of each part', () => {
    for (const part of guide.split(/^## /m).slice(1)) {
      const chapters = [...part.matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => `${m[1]}. [${m[2]}]`);
      expect(chapters.length).toBeGreaterThan(10);
      for (const chapter of chapters) expect(part).toContain(chapter);
    }
  });

  it('says what favour: does on cards that do not touch its meter, in both parts', () => {
    expect(guide).toContain('Op een kaart waarvan geen keuze die meter raakt');
    expect(guide).toContain('On a card where no choice touches that meter');
  });

  it('finds its code blocks', () => {
    expect(blocks.filter((b) => b.lang === 'json').length).toBeGreaterThan(10);
  });

  it('shows only complete scenarios that validate without errors', () => {
    const complete = blocks.filter((b) => b.lang === 'json' && /"format"\s*:/.test(b.text));
    expect(complete.length).toBeGreaterThanOrEqual(2);
    for (const block of complete) {
      const errors = validateScenarioText(block.text).problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => `authoring.md block at line ${block.line}: ${p.line}:${p.column} ${word(p.code, p.params, 'en')}`)).toEqual([]);
    }
  });

  it('shows each tutorial file and excerpt as it really is', () => {
    const marked = blocks.filter((b) => b.marker && /^(same as|part of):/.test(b.marker));
    expect(marked.length).toBeGreaterThan(5);
    for (const block of marked) {
      const [, kind, file] = /^(same as|part of):\s*(\S+)/.exec(block.marker!)!;
      // The guide shows the file as a trainer has it in levels/, next to the schema.
      const actual = read(file!).replace(/"\$schema": "[^"]*"/, '"$schema": "./scenario.schema.json"');
      if (kind === 'same as') expect(block.text.trim(), `block at line ${block.line}`).toBe(actual.trim());
      else {
        const lines = new Set(actual.split('\n').map((l) => l.trim().replace(/,$/, '')));
        for (const line of block.text.split('\n').map((l) => l.trim().replace(/,$/, ''))) {
          if (line === '' || line === '…' || line === '...') continue;
          expect(lines.has(line), `block at line ${block.line}: "${line}" is not in ${file}`).toBe(true);
        }
      }
    }
  });

  const outputs = blocks.filter((b) => b.marker?.startsWith('output:'));

  it('shows tool output for validate, simulate and strings', () => {
    for (const tool of ['validate', 'simulate', 'strings', 'check']) expect(outputs.some((b) => b.marker!.startsWith(`output: ${tool} `)), tool).toBe(true);
    const mistakes = readdirSync(join(root, TUTORIAL, 'mistakes'));
    for (const file of mistakes) expect(outputs.some((b) => b.marker!.includes(`${TUTORIAL}/mistakes/${file}`)), file).toBe(true);
  });

  /**
   * `<!-- output: <tool> [args] <source file> as <name> [args] -->` above a text block: the tool's real output
   * when <source file> is copied to <name> in an empty folder and the tool is run there.
   */
  const run = new Map<string, string>();
  function realOutput(marker: string): string {
    const known = run.get(marker);
    if (known !== undefined) return known;
    const words = marker.replace(/^output:\s*/, '').split(/\s+/);
    const tool = words.shift()!;
    const as = words.indexOf('as');
    const source = words[as - 1]!;
    const name = words[as + 1]!;
    const args = [...words.slice(0, as - 1), name, ...words.slice(as + 2)];
    let out: string;
    const lang = args[1] === '--lang' && (args[2] === 'nl' || args[2] === 'en') ? args[2] : undefined;
    if (tool === 'validate' && args.length === 3 && lang) {
      // The validator in-process, printed as the command prints it.
      const problems = problemsOf(source);
      out = [...problems.map((p) => formatIn(name, p, lang)), validateSummary(1, count(problems, 'error'), count(problems, 'warning'), lang)].join('\n');
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'authoring-docs-'));
      try {
        mkdirSync(join(dir, dirname(name)), { recursive: true });
        copyFileSync(join(root, source), join(dir, name));
        const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts', `${tool}.ts`), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
        out = `${result.stdout}${result.stderr}`;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    run.set(marker, out.trim());
    return out.trim();
  }

  it('shows tool output in the language of its part of the guide', () => {
    const english = guide.split('\n').findIndex((l) => l.startsWith('## English')) + 1;
    for (const b of outputs) expect(b.marker, `block at line ${b.line}`).toContain(b.line < english ? '--lang nl' : '--lang en');
  });

  it('shows each output under the command that gives it on a computer in the language of its part (no --lang needed)', () => {
    const english = guide.split('\n').findIndex((l) => l.startsWith('## English')) + 1;
    const commands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.text.split('\n').map((text) => ({ line: b.line, text: text.replace(/\s+#.*$/, '').trim() })));
    for (const b of outputs) {
      const words = b.marker!.replace(/^output:\s*/, '').split(/\s+/);
      const tool = words.shift()!;
      const as = words.indexOf('as');
      const args = [...words.slice(0, as - 1), words[as + 1]!, ...words.slice(as + 2)].filter((w, i, all) => w !== '--lang' && all[i - 1] !== '--lang');
      const command = `npm run ${tool} -- ${args.join(' ')}`;
      const sameSection = (line: number) => (line < english) === (b.line < english) && line < b.line;
      expect(commands.filter((c) => sameSection(c.line)).map((c) => c.text), `block at line ${b.line}`).toContain(command);
    }
    // Those commands give the language of the computer: Dutch where it is Dutch (no LANG on Windows).
    expect(toolLanguage([], {}, 'nl-NL')).toBe('nl');
    expect(toolLanguage([], { LANG: 'C' }, 'nl-NL')).toBe('nl');
    expect(toolLanguage([], {}, 'en-GB')).toBe('en');
    expect(toolLanguage([], { LANG: 'nl_NL.UTF-8' }, 'en-US')).toBe('nl');
    expect(toolLanguage([], { LANG: 'nl_NL.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'nl-NL')).toBe('en');
    expect(toolLanguage(['--lang', 'en'], { LANG: 'nl_NL.UTF-8' }, 'nl-NL')).toBe('en');
  });

  it.each(outputs.map((b) => [b.line, b] as const))('shows the real output in the block at line %i', (_, block) => {
    expect(block.text.trim()).toBe(realOutput(block.marker!));
  }, 60_000);
});

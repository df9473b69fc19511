/**
 * Paper for the room: from any scenario, a printable card set (two A5 cards per A4 sheet, the effects
 * on a separate answer sheet), the rules for playing on paper with a score sheet and the endings, and
 * a one-page participant handout, in Dutch or English.
 *
 * The pages are built with DOM calls into a document of their own (a new window, or a downloaded
 * file when the browser blocks the window): every text from the scenario goes in through
 * `textContent`, never as markup. The styles are part of the page and nothing is fetched, so it
 * prints the same offline.
 */
import type { Card, Condition, Scenario, Text } from '../engine/format.ts';
import { describeCondition } from '../engine/findings.ts';
import { shuffledOrder } from '../engine/game.ts';
import { word, wordCoded } from '../locales/authoring.ts';
import { resolveText, type Language } from '../engine/text.ts';
import { interpolate, signed } from '../locales/format.ts';
import { paperText, type PaperText } from '../locales/paper.ts';

export type PaperKind = 'cards' | 'rules' | 'handout';

/** The order of a printed card's options, shown first to last as file indices. */
export function paperOrder(scenario: Scenario, card: Card, seed: number): number[] {
  // Shuffled, as on screen, so a group cannot learn that option A is the efficient one; seeded, so a
  // reprint with the number on the sheet gives the same letters as the answer sheet.
  if (scenario.choiceOrder === 'file') return card.choices.map((_, i) => i);
  return shuffledOrder(card.choices.length, `paper|${seed}|${card.id}`);
}

/** A flag's name as a group at a table reads it: "breakthrough-fund" → "breakthrough fund". */
function flagName(flag: string): string {
  return flag.replace(/[-_]+/g, ' ').trim();
}

/**
 * A card's or an ending's condition in words for a group playing on paper. Meters and turns are worded
 * as the scenario tools word them (`describeCondition`, with the meters' names); what a table tracks
 * differently is worded for the table: a card by its printed number, a choice by the letter printed
 * for it on that card (the shuffle of `seed`), and a flag as a word the group noted on the answer
 * sheet's say-so.
 */
export function conditionWords(scenario: Scenario, condition: Condition, lang: Language, seed: number): string {
  const text = paperText[lang];
  const numbers = cardNumbers(scenario);
  const meterName = (id: string) => resolveText(scenario.meters.find((m) => m.id === id)?.label, lang) || id;
  // An "or" inside an "and" (and the other way round) in brackets: "A and (B or C)" is not "(A and B) or C".
  const inner = (c: Condition, outer: 'all' | 'any'): string => ((outer === 'all' ? 'any' in c : 'all' in c) ? `(${words(c)})` : words(c));
  const words = (c: Condition): string => {
    if ('all' in c) return c.all.map((sub) => inner(sub, 'all')).reduce((left, right) => word('condAnd', { left, right }, lang));
    if ('any' in c) return c.any.map((sub) => inner(sub, 'any')).reduce((left, right) => word('condOr', { left, right }, lang));
    if ('not' in c) return word('condNot', { inner: words(c.not) }, lang);
    if ('seen' in c) return interpolate(text.condSeen, { n: numbers.get(c.seen) ?? c.seen });
    if ('chose' in c) {
      const card = scenario.cards.find((k) => k.id === c.chose);
      const shown = card ? paperOrder(scenario, card, seed).indexOf(c.choice) : -1;
      return interpolate(text.condChose, { n: numbers.get(c.chose) ?? c.chose, letter: shown >= 0 ? letter(shown) : String(c.choice + 1) });
    }
    if ('flag' in c) {
      const is = c.is ?? true;
      const flag = flagName(c.flag);
      return typeof is === 'number' ? interpolate(text.condFlagValue, { flag, value: is }) : interpolate(is ? text.condFlag : text.condNoFlag, { flag });
    }
    return wordCoded(describeCondition(c, meterName), lang);
  };
  return words(condition);
}

const portraitFiles = import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?url', import: 'default', eager: true });
const portraits = new Map(Object.entries(portraitFiles).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), url]));

/** A4 in millimetres; a card is the top or bottom half (A5 landscape). */
const STYLE = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #d9d2c5; font-family: "Atkinson Hyperlegible Next", "Segoe UI", Arial, sans-serif; color: #2b1d1a; }
.toolbar { display: flex; gap: 12px; align-items: center; padding: 12px 16px; background: #2b1d1a; color: #fff; font-size: 16px; position: sticky; top: 0; }
.toolbar button, .index button { font: inherit; font-size: 18px; padding: 10px 18px; border-radius: 8px; border: 2px solid #f2c14e; background: #fff8e8; color: #2b1d1a; cursor: pointer; }
.toolbar button:focus, .index button:focus { outline: 4px solid #f2c14e; outline-offset: 2px; }
.index { max-width: 900px; margin: 24px auto; background: #fff; padding: 24px 32px; border-radius: 12px; font-size: 18px; }
.index h1 { margin-top: 0; }
.index section { border-top: 1px solid #d9c7ad; padding: 12px 0; }
.index h2 { margin: 4px 0 10px; font-size: 22px; }
.index .row { display: flex; flex-wrap: wrap; gap: 10px; }
.sheet { width: 210mm; height: 297mm; margin: 8mm auto; background: #fff; overflow: hidden; position: relative; box-shadow: 0 2px 8px rgba(0,0,0,.25); break-after: page; page-break-after: always; }
.sheet.handout { break-after: auto; page-break-after: auto; }
.card { height: 148.5mm; padding: 10mm 14mm 8mm; display: flex; flex-direction: column; overflow: hidden; font-size: 15pt; line-height: 1.3; }
.card + .card { border-top: 0.4mm dashed #9b8b75; }
.card .head { display: flex; align-items: center; gap: 5mm; margin-bottom: 4mm; }
.card img { width: 28mm; height: 28mm; flex: none; }
.card .who { font-weight: 700; font-size: 1.15em; }
.card .number { margin-left: auto; font-size: 0.8em; color: #6b5a4a; text-align: right; }
.card .text { margin: 0 0 4mm; }
.card ol { margin: 0; padding: 0; list-style: none; display: grid; gap: 2.5mm; }
.card li { border: 0.4mm solid #b59f80; border-radius: 3mm; padding: 2mm 3mm; display: flex; gap: 3mm; }
.card li .key { font-weight: 700; min-width: 6mm; }
.card .note { margin-top: auto; padding-top: 2mm; font-size: 0.75em; color: #6b5a4a; }
.answers { width: 210mm; margin: 8mm auto; padding: 12mm 14mm; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.25); font-size: 9.5pt; line-height: 1.25; }
@page answers { size: A4; margin: 12mm 14mm; }
.answers h1 { font-size: 16pt; margin: 0 0 2mm; }
.answers .intro { margin: 0 0 4mm; }
.answer { break-inside: avoid; page-break-inside: avoid; border-top: 0.3mm solid #d9c7ad; padding: 1.5mm 0; }
.answer h2 { font-size: 10pt; margin: 0 0 1mm; }
.answer p { margin: 0.5mm 0 0.5mm 4mm; }
.answer .effects { font-weight: 700; }
.handout { padding: 11mm 13mm; display: flex; flex-direction: column; font-size: 10.5pt; line-height: 1.3; }
.handout .kicker { font-weight: 700; color: #9c4a25; margin: 0; }
.handout h1 { font-size: 20pt; margin: 0 0 1mm; }
.handout h2 { font-size: 12pt; margin: 3mm 0 1mm; }
.handout p { margin: 0 0 1.5mm; }
.handout .columns { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 5mm; }
.handout dl { margin: 0; }
.handout dt { font-weight: 700; }
.handout dd { margin: 0 0 1.5mm; }
.handout ul.stakeholders { columns: 2; column-gap: 6mm; margin: 0; padding-left: 5mm; }
.handout ol { margin: 0; padding-left: 5mm; }
.rules { font-size: 13pt; }
.rules ol.steps { margin: 0; padding-left: 6mm; }
.rules ol.steps li { margin-bottom: 3mm; }
.score { padding: 10mm 12mm; font-size: 10pt; line-height: 1.25; }
.score h1, .endings h1 { font-size: 16pt; margin: 0 0 2mm; }
.score table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.score th, .score td { border: 0.3mm solid #9b8b75; padding: 1mm 1.5mm; text-align: center; vertical-align: top; }
.score th { font-size: 9pt; }
.score th .range { display: block; font-weight: 400; font-size: 7.5pt; color: #4a3a2e; }
.score td { height: 6.2mm; }
.score td:first-child, .score th:first-child { width: 16mm; }
.endings { width: 210mm; margin: 8mm auto; padding: 12mm 14mm; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.25); font-size: 10pt; line-height: 1.3; }
.ending { break-inside: avoid; page-break-inside: avoid; border-top: 0.3mm solid #d9c7ad; padding: 1.5mm 0; }
.ending h2 { font-size: 11pt; margin: 0 0 0.5mm; }
.ending p { margin: 0.5mm 0; }
.ending .when { font-style: italic; color: #4a3a2e; }
.handout .notes { flex: 1; min-height: 25mm; border: 0.4mm solid #b59f80; border-radius: 3mm; margin-top: 1mm;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 7.5mm, #d9c7ad 7.5mm, #d9c7ad 7.8mm); }
@media print {
  body { background: #fff; }
  .toolbar { display: none; }
  .sheet { margin: 0; box-shadow: none; }
  /* The answer sheet flows over pages of its own, with margins on every page. */
  .answers, .endings { page: answers; break-before: page; width: auto; margin: 0; padding: 0; box-shadow: none; }
}
`;

/** Dutch plurals of the turn units authors use; other units are shown as a count ("+3 week"). */
const DUTCH_PLURALS = new Map([['week', 'weken'], ['dag', 'dagen'], ['maand', 'maanden'], ['beurt', 'beurten'], ['ronde', 'rondes'], ['les', 'lessen'], ['jaar', 'jaar']]);

function unitFor(scenario: Scenario, lang: Language, count: number, text: PaperText): string {
  const unit = resolveText(scenario.turnUnit, lang);
  if (!unit) return text.defaultUnit;
  if (count === 1) return unit;
  if (lang === 'nl') return DUTCH_PLURALS.get(unit.toLowerCase()) ?? unit;
  return unit.endsWith('s') ? unit : `${unit}s`;
}

type Child = Node | string;

/** One element with its class and children; strings become text nodes, never markup. */
function el(doc: Document, tag: string, className: string | null, ...children: Child[]): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  for (const child of children) element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return element;
}

/** Empties `doc` and gives it a title, a language and the paper styles. */
function resetDocument(doc: Document, title: string, lang: Language): void {
  doc.documentElement.lang = lang;
  doc.head.replaceChildren();
  doc.body.replaceChildren();
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const titleElement = doc.createElement('title');
  titleElement.textContent = title;
  doc.head.append(meta, titleElement, style);
}

function cardNumbers(scenario: Scenario): Map<string, number> {
  return new Map(scenario.cards.map((c, i) => [c.id, i + 1]));
}

function cardElement(doc: Document, scenario: Scenario, card: Card, n: number, lang: Language, text: PaperText, seed: number): HTMLElement {
  const say = (t: Text | undefined) => resolveText(t, lang);
  const stakeholder = scenario.stakeholders.find((s) => s.id === card.from);
  const portrait = portraits.get(stakeholder?.portrait ?? '') ?? portraits.get('neutral');
  const head = el(doc, 'div', 'head');
  if (portrait) {
    const img = doc.createElement('img');
    img.src = portrait;
    img.alt = '';
    head.append(img);
  }
  head.append(el(doc, 'div', 'who', say(stakeholder?.name) || card.from), el(doc, 'div', 'number', interpolate(text.card, { n }), el(doc, 'br', null), interpolate(text.orderCode, { seed })));
  const choices = el(doc, 'ol', null);
  paperOrder(scenario, card, seed).forEach((file, shown) => choices.append(el(doc, 'li', null, el(doc, 'span', 'key', letter(shown)), el(doc, 'span', 'label', say(card.choices[file]!.label)))));
  const notes: string[] = [];
  if ((card.weight ?? 1) === 0) notes.push(text.followUp);
  else if (card.when !== undefined) notes.push(interpolate(text.conditionalWhen, { condition: conditionWords(scenario, card.when, lang, seed) }));
  if (card.once) notes.push(text.once);
  const element = el(doc, 'section', 'card', head, el(doc, 'p', 'text', say(card.text)), choices);
  if (notes.length > 0) element.append(el(doc, 'div', 'note', notes.join(' · ')));
  element.dataset.card = card.id;
  return element;
}

/** A, B, C, D: how the paper names the options, first shown first. */
function letter(shown: number): string {
  return String.fromCharCode(65 + shown);
}

function answerSheet(doc: Document, scenario: Scenario, lang: Language, text: PaperText, seed: number): HTMLElement {
  const say = (t: Text | undefined) => resolveText(t, lang);
  const numbers = cardNumbers(scenario);
  const meters = scenario.meters.map((m) => `${say(m.label)} ${m.start}`).join(', ');
  const sheet = el(doc, 'div', 'answers', el(doc, 'h1', null, text.answersTitle), el(doc, 'p', 'intro', `${interpolate(text.answersIntro, { meters })} ${interpolate(text.answersOrder, { seed })}`));
  scenario.cards.forEach((card, index) => {
    const stakeholder = scenario.stakeholders.find((s) => s.id === card.from);
    const block = el(doc, 'div', 'answer', el(doc, 'h2', null, `${interpolate(text.card, { n: index + 1 })}: ${say(stakeholder?.name) || card.from}`));
    paperOrder(scenario, card, seed).forEach((file, shown) => {
      const choice = card.choices[file]!;
      const effects = scenario.meters.filter((m) => (choice.effects?.[m.id] ?? 0) !== 0).map((m) => `${say(m.label)} ${signed(choice.effects![m.id]!)}`);
      const line = el(doc, 'p', null, el(doc, 'strong', null, `${letter(shown)}. `), `${say(choice.label)} — `, el(doc, 'span', 'effects', effects.length > 0 ? effects.join(', ') : text.noEffect));
      if (choice.feedback) line.append(` ${say(choice.feedback)}`);
      // What a choice sets, the table writes down: later cards and endings ask for it.
      for (const [flag, value] of Object.entries(choice.set ?? {})) {
        line.append(` ${interpolate(value === true ? text.noteFlag : value === false ? text.crossOutFlag : text.noteFlagValue, { flag: flagName(flag), value: String(value) })}`);
      }
      if (choice.next !== undefined) {
        const next = typeof choice.next === 'string' ? { card: choice.next, after: 1 } : choice.next;
        const n = numbers.get(next.card) ?? next.card;
        line.append(` ${next.after === 1 ? interpolate(text.then, { n }) : interpolate(text.thenAfter, { n, after: next.after, unit: unitFor(scenario, lang, next.after, text) })}`);
      }
      block.append(line);
    });
    sheet.append(block);
  });
  return sheet;
}

/**
 * The card set: two cards per A4 sheet, then the answer sheet (as many pages as it needs). `seed`
 * shuffles the options; it is printed on every card and on the answer sheet, so the two match.
 */
export function buildCardSet(doc: Document, scenario: Scenario, lang: Language, seed = 1): void {
  const text = paperText[lang];
  resetDocument(doc, interpolate(text.cardsTitle, { title: resolveText(scenario.title, lang) }), lang);
  for (let i = 0; i < scenario.cards.length; i += 2) {
    const sheet = el(doc, 'div', 'sheet cards');
    for (const [offset, card] of scenario.cards.slice(i, i + 2).entries()) sheet.append(cardElement(doc, scenario, card, i + offset + 1, lang, text, seed));
    doc.body.append(sheet);
  }
  doc.body.append(answerSheet(doc, scenario, lang, text, seed));
}

/** The meter's lowest and highest value, and what reaching each means in this scenario. */
function meterRange(scenario: Scenario, meterId: string, lang: Language, text: PaperText): { low: string; high: string } {
  const meter = scenario.meters.find((m) => m.id === meterId)!;
  const ending = (id: string | undefined) => (id === undefined ? undefined : scenario.endings?.find((e) => e.id === id));
  const low = ending(meter.onMin);
  const high = ending(meter.onMax);
  return {
    low: low ? interpolate(text.scoreEnds, { value: meter.min ?? 0, ending: resolveText(low.title, lang) }) : interpolate(text.scoreLowest, { value: meter.min ?? 0 }),
    high: high ? interpolate(text.scoreEnds, { value: meter.max ?? 100, ending: resolveText(high.title, lang) }) : interpolate(text.scoreHighest, { value: meter.max ?? 100 }),
  };
}

/** How many rows the score sheet has: every turn, or a page's worth for a game without a last turn. */
const SCORE_ROWS_ENDLESS = 30;

/**
 * Playing without a projector: one page of rules, a score sheet for the meters (what their lowest and
 * highest values mean), and the endings with when each comes.
 */
export function buildRules(doc: Document, scenario: Scenario, lang: Language, seed = 1): void {
  const text = paperText[lang];
  const say = (t: Text | undefined) => resolveText(t, lang);
  resetDocument(doc, interpolate(text.rulesTitle, { title: say(scenario.title) }), lang);
  const turns = scenario.turns;
  const steps = el(doc, 'ol', 'steps');
  const stepTexts = [
    text.ruleSetUp,
    interpolate(text.ruleStart, { meters: scenario.meters.map((m) => `${say(m.label)} ${m.start}`).join(', ') }),
    text.ruleDraw,
    text.ruleDiscuss,
    text.ruleReveal,
    text.ruleFollowUp,
    text.ruleMeterEnd,
    turns !== undefined ? interpolate(text.ruleEndTurns, { turns, unit: unitFor(scenario, lang, turns, text) }) : text.ruleEndEndless,
    text.ruleEnding,
  ];
  for (const step of stepTexts) steps.append(el(doc, 'li', null, step));
  doc.body.append(el(doc, 'div', 'sheet handout rules',
    el(doc, 'p', 'kicker', text.rulesHeading),
    el(doc, 'h1', null, say(scenario.title)),
    el(doc, 'p', null, text.rulesIntro),
    steps,
  ));

  const head = el(doc, 'tr', null, el(doc, 'th', null, capitalised(unitFor(scenario, lang, 1, text))));
  for (const meter of scenario.meters) {
    const range = meterRange(scenario, meter.id, lang, text);
    head.append(el(doc, 'th', null, say(meter.label), el(doc, 'span', 'range', range.low), el(doc, 'span', 'range', range.high)));
  }
  const body = el(doc, 'tbody', null);
  const start = el(doc, 'tr', null, el(doc, 'td', null, text.scoreStart));
  for (const meter of scenario.meters) start.append(el(doc, 'td', null, String(meter.start)));
  body.append(start);
  for (let turn = 1; turn <= (turns ?? SCORE_ROWS_ENDLESS); turn++) {
    const row = el(doc, 'tr', null, el(doc, 'td', null, String(turn)));
    for (let i = 0; i < scenario.meters.length; i++) row.append(el(doc, 'td', null));
    body.append(row);
  }
  const table = el(doc, 'table', null, el(doc, 'thead', null, head), body);
  doc.body.append(el(doc, 'div', 'sheet score', el(doc, 'h1', null, text.scoreTitle), el(doc, 'p', null, text.scoreIntro), table));

  const endings = el(doc, 'div', 'endings', el(doc, 'h1', null, text.endingsTitle), el(doc, 'p', null, text.endingsIntro));
  for (const ending of scenario.endings ?? []) {
    const meterMin = scenario.meters.find((m) => m.onMin === ending.id);
    const meterMax = scenario.meters.find((m) => m.onMax === ending.id);
    const when = meterMin
      ? interpolate(text.endingAtMeter, { meter: say(meterMin.label), value: meterMin.min ?? 0 })
      : meterMax
        ? interpolate(text.endingAtMeter, { meter: say(meterMax.label), value: meterMax.max ?? 100 })
        : ending.when !== undefined
          ? interpolate(text.endingWhenCondition, { condition: conditionWords(scenario, ending.when, lang, seed) })
          : text.endingOtherwise;
    endings.append(el(doc, 'div', 'ending', el(doc, 'h2', null, say(ending.title)), el(doc, 'p', 'when', when), el(doc, 'p', null, say(ending.text))));
  }
  doc.body.append(endings);
}

function capitalised(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/** The one-page participant handout. */
export function buildHandout(doc: Document, scenario: Scenario, lang: Language): void {
  const text = paperText[lang];
  const say = (t: Text | undefined) => resolveText(t, lang);
  const title = say(scenario.title);
  resetDocument(doc, interpolate(text.handoutTitle, { title }), lang);
  const tags = scenario.debrief?.tags ?? {};
  const label = (tag: string, fallback: string) => (Object.hasOwn(tags, tag) ? say(tags[tag]!.label) : fallback);
  const definitions = (items: [string, string, string][]) => {
    const list = el(doc, 'dl', null);
    for (const [tag, fallback, explanation] of items) list.append(el(doc, 'dt', null, label(tag, fallback)), el(doc, 'dd', null, explanation));
    return list;
  };
  const levels = el(doc, 'div', null, el(doc, 'h2', null, text.levelsTitle), definitions([
    ['friendly', text.friendlyLabel, text.friendly],
    ['oriented', text.orientedLabel, text.oriented],
    ['driven', text.drivenLabel, text.driven],
  ]));
  const frames = el(doc, 'div', null, el(doc, 'h2', null, text.framesTitle), definitions([
    ['more', text.moreLabel, text.more],
    ['better', text.betterLabel, text.better],
    ['different', text.differentLabel, text.different],
  ]));
  const payer = el(doc, 'div', null, el(doc, 'h2', null, text.payerTitle), el(doc, 'p', null, text.payerText));
  const stakeholders = el(doc, 'ul', 'stakeholders');
  for (const s of scenario.stakeholders) {
    const meter = scenario.meters.find((m) => m.id === s.meter);
    stakeholders.append(el(doc, 'li', null, meter ? `${say(s.name)} (${say(meter.label)})` : say(s.name)));
  }
  const questions = el(doc, 'ol', null);
  for (const q of scenario.debrief?.questions ?? []) questions.append(el(doc, 'li', null, say(q)));
  const page = el(doc, 'div', 'sheet handout',
    el(doc, 'p', 'kicker', text.handoutHeading),
    el(doc, 'h1', null, title),
    el(doc, 'p', null, text.handoutIntro),
    el(doc, 'div', 'columns', levels, frames, payer),
    el(doc, 'h2', null, text.stakeholdersTitle), stakeholders,
  );
  if (questions.childElementCount > 0) page.append(el(doc, 'h2', null, text.questionsTitle), questions);
  page.append(el(doc, 'h2', null, text.notesTitle), el(doc, 'div', 'notes'));
  doc.body.append(page);
}

/**
 * Shrinks the type of every card and of the handout until nothing is cut off: a long card or a
 * scenario with many stakeholders still fits its half page or its page. Needs a laid-out document.
 */
export function fitPages(doc: Document): void {
  const fits = (element: HTMLElement) => element.scrollHeight <= element.clientHeight + 1;
  for (const element of doc.querySelectorAll<HTMLElement>('.card, .handout, .score')) {
    let size = parseFloat(doc.defaultView?.getComputedStyle(element).fontSize ?? '16');
    while (!fits(element) && size > 8) {
      size -= 0.5;
      element.style.fontSize = `${size}px`;
    }
    if (element.classList.contains('handout') && !fits(element)) element.querySelector<HTMLElement>('.notes')?.style.setProperty('min-height', '0');
  }
}

function toolbar(doc: Document, text: PaperText, back: (() => void) | null, reshuffle: (() => void) | null): HTMLElement {
  const bar = el(doc, 'div', 'toolbar');
  const print = el(doc, 'button', null, text.printButton) as HTMLButtonElement;
  print.type = 'button';
  print.addEventListener('click', () => doc.defaultView?.print());
  bar.append(print);
  if (reshuffle) {
    const button = el(doc, 'button', null, text.reshuffleButton) as HTMLButtonElement;
    button.type = 'button';
    button.dataset.reshuffle = '';
    button.addEventListener('click', reshuffle);
    bar.append(button);
  }
  if (back) {
    const button = el(doc, 'button', null, text.backButton) as HTMLButtonElement;
    button.type = 'button';
    button.addEventListener('click', back);
    bar.append(button);
  }
  return bar;
}

/** Builds one page (card set, rules or handout) with a toolbar to print it or go back to the list. */
export function showPaper(doc: Document, scenario: Scenario, kind: PaperKind, lang: Language, back: (() => void) | null, seed = 1): void {
  if (kind === 'cards') buildCardSet(doc, scenario, lang, seed);
  else if (kind === 'rules') buildRules(doc, scenario, lang, seed);
  else buildHandout(doc, scenario, lang);
  const reshuffle = kind === 'cards' && scenario.choiceOrder !== 'file' ? () => showPaper(doc, scenario, kind, lang, back, seed + 1) : null;
  doc.body.prepend(toolbar(doc, paperText[lang], back, reshuffle));
  fitPages(doc);
  // Fonts and portraits can change the layout once they arrive.
  doc.defaultView?.addEventListener('load', () => fitPages(doc), { once: true });
  for (const img of doc.images) if (!img.complete) img.addEventListener('load', () => fitPages(doc), { once: true });
}

/** The list a trainer chooses from: every scenario, card set or handout, in Dutch or English. */
export function showPaperIndex(doc: Document, scenarios: readonly Scenario[], lang: Language): void {
  const text = paperText[lang];
  resetDocument(doc, text.indexTitle, lang);
  const index = el(doc, 'main', 'index', el(doc, 'h1', null, text.indexTitle), el(doc, 'p', null, text.indexIntro));
  for (const scenario of scenarios) {
    const row = el(doc, 'div', 'row');
    for (const kind of ['cards', 'rules', 'handout'] as const) {
      for (const pageLang of ['nl', 'en'] as const) {
        const name = kind === 'cards' ? paperText[pageLang].cardsButton : kind === 'rules' ? paperText[pageLang].rulesButton : paperText[pageLang].handoutButton;
        const button = el(doc, 'button', null, `${name} (${paperText[pageLang].language})`) as HTMLButtonElement;
        // The button is worded in the page's language, and a screen reader reads it so.
        button.lang = pageLang;
        button.type = 'button';
        // "Kaartenset (Nederlands)" is in the page's language, which need not be the list's.
        button.lang = pageLang;
        button.dataset.paper = `${scenario.id}:${kind}:${pageLang}`;
        button.addEventListener('click', () => showPaper(doc, scenario, kind, pageLang, () => showPaperIndex(doc, scenarios, lang)));
        row.append(button);
      }
    }
    index.append(el(doc, 'section', null, el(doc, 'h2', null, resolveText(scenario.title, lang)), row));
  }
  doc.body.append(index);
  doc.querySelector<HTMLButtonElement>('button')?.focus();
}

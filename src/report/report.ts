/**
 * The report a player or trainer keeps: one self-contained HTML file (styles and charts inline, no
 * script, nothing fetched) that opens offline and prints well. Every scenario text is escaped.
 */
import { meterSeries, stakeholderShifts, tagProfile, weightiestChoices } from '../engine/debrief.ts';
import type { Scenario } from '../engine/format.ts';
import { meterBounds } from '../engine/meters.ts';
import type { GameState } from '../engine/state.ts';
import { resolveText, type Language } from '../engine/text.ts';
import type { Decision } from '../engine/workshop.ts';
import { interpolate, signed } from '../locales/format.ts';
import { reportText, type ReportText } from '../locales/report.ts';
import { own } from '../engine/own.ts';
import { standing, type Standing } from '../engine/standing.ts';

export interface ReportTeam {
  name: string;
  state: GameState;
  decisions?: Decision[];
}

export interface ReportInput {
  scenario: Scenario;
  language: Language;
  kind: 'solo' | 'workshop';
  teams: ReportTeam[];
  /** Answers to the reflection questions, in question order (solo). */
  answers?: string[];
  date: Date;
  /** Embedded as JSON for later analysis. */
  session: unknown;
  /** The turn a workshop was stopped at before its games ended (the trainer stopped it, or its set length). */
  stoppedAt?: number | null;
  /** The open questions put to the phones, with the answers that reached the projector (workshop). */
  openQuestions?: { text: string; answers: { text: string; hidden: boolean }[] }[];
  /** Before and after: per statement, phones per rating 1–5 at each moment (null: not rated then). */
  ratings?: { before: number[][] | null; after: number[][] | null };
}

const LINE_COLOURS = ['#1d5c61', '#a8471c', '#5b3f8c', '#2f6b2f', '#8c2f5b', '#6b5a1e', '#205a8c', '#7a3b2e'];
const DASHES = ['', '10 6', '3 5', '14 5 3 5', '2 3', '18 6', '6 3 2 3', '8 8'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What the scenario calls a turn ("week"), so the report counts in the same unit as the game. */
function turnUnit(scenario: Scenario, text: ReportText, lang: Language): string {
  return resolveText(scenario.turnUnit, lang) || text.defaultUnit;
}

const capitalise = (word: string): string => word.charAt(0).toLocaleUpperCase() + word.slice(1);

/**
 * A team's name as a heading: "Team Balie", but a name that already starts with "team" ("Team 3") as
 * it is, and the one game of a room that decided together by its own name ("The room").
 */
export function teamTitle(input: ReportInput, name: string, text: ReportText): string {
  if (input.teams.length === 1 || /^team\b/i.test(name.trim())) return name;
  return interpolate(text.team, { name });
}

/** The ending a team reached or, stopped early, was heading for: a title, and the scenario's text for an ending reached. */
function endingWords(input: ReportInput, at: Standing, text: ReportText): { title: string; text: string | null } {
  const ending = at.ending !== null ? input.scenario.endings?.find((e) => e.id === at.ending) : undefined;
  const say = (t: Parameters<typeof resolveText>[0]) => resolveText(t, input.language);
  if (!at.ended) return { title: ending ? interpolate(text.headingFor, { ending: say(ending.title) }) : text.headingNone, text: null };
  return { title: ending ? say(ending.title) : text.theEnd, text: ending ? say(ending.text) : null };
}

/** "Chose mostly: More, Customer-friendly", or null when no group has one tag chosen most. */
function mostlyWords(input: ReportInput, at: Standing, text: ReportText): string | null {
  if (at.mostly.length === 0) return null;
  return interpolate(text.mostly, { tags: at.mostly.map((tag) => resolveText(own(input.scenario.debrief?.tags, tag)?.label, input.language)).join(', ') });
}

function meterWords(input: ReportInput, at: Standing): string {
  return at.meters.map((m) => `${resolveText(input.scenario.meters.find((x) => x.id === m.meter)?.label, input.language)} ${m.value}`).join(' · ');
}

/**
 * The first page or two of a workshop report, for a trainer to mail to the participants: the
 * scenario, the date, the teams, where each ended or was heading, the choices that mattered and the
 * questions to talk about. The full record follows it.
 */
function summary(input: ReportInput, text: ReportText, date: string): string {
  const { scenario, language: lang } = input;
  const e = escapeHtml;
  const unit = turnUnit(scenario, text, lang);
  const meterLabel = (id: string) => resolveText(scenario.meters.find((m) => m.id === id)?.label ?? id, lang);
  const standings = input.teams.map((team) => standing(scenario, team.state));
  const room = input.teams.length === 1;
  const stopped = standings.some((s) => !s.ended);
  const parts: string[] = [`<section class="summary"><p class="label">${e(text.workshopKind)} · ${e(text.summary)}</p><h1>${e(resolveText(scenario.title, lang))}</h1>`];
  const names = input.teams.map((t) => t.name);
  const teams = room ? text.summaryRoom : interpolate(names.length === 1 ? text.summaryTeamsOne : text.summaryTeamsOther, { count: names.length, names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) });
  parts.push(`<p class="note">${e(interpolate(text.made, { date }))} · ${e(teams)}</p>`);
  if (input.stoppedAt !== undefined && input.stoppedAt !== null) parts.push(`<p class="stopped"><strong>${e(interpolate(text.stopped, { unit, turn: input.stoppedAt }))}</strong></p>`);
  parts.push(`<h2>${e(room ? (stopped ? text.summaryHeadingRoom : text.summaryEndedRoom) : stopped ? text.summaryHeading : text.summaryEnded)}</h2>`);
  input.teams.forEach((team, i) => {
    const at = standings[i]!;
    const ending = endingWords(input, at, text);
    const mostly = mostlyWords(input, at, text);
    parts.push(`<div class="standing">${room ? '' : `<h3>${e(teamTitle(input, team.name, text))}</h3>`}<p class="ending-title"><strong>${e(ending.title)}</strong></p>`);
    if (ending.text) parts.push(`<p>${e(ending.text)}</p>`);
    parts.push(`<p class="note">${e(interpolate(text.survived, { turns: at.turns, unit }))}${mostly ? ` ${e(mostly)}.` : ''}</p><p class="note">${e(meterWords(input, at))}</p></div>`);
  });
  const mattered = input.teams.flatMap((team) => weightiestChoices(team.state, room ? 3 : 2).map((w) => ({ team, w })));
  if (mattered.length > 0) {
    parts.push(`<h2>${e(text.mattered)}</h2><ul class="mattered">`);
    for (const { team, w } of mattered) {
      const card = scenario.cards.find((c) => c.id === w.card)!;
      const where = `${capitalise(unit)} ${w.turn}${room ? '' : `, ${teamTitle(input, team.name, text)}`}`;
      const effects = Object.entries(w.deltas).map(([m, d]) => `${meterLabel(m)} ${signed(d)}`).join(', ');
      parts.push(`<li><strong>${e(where)}:</strong> ${e(resolveText(card.choices[w.choice]!.label, lang))} — ${e(effects)}</li>`);
    }
    parts.push('</ul>');
  }
  const questions = scenario.debrief?.questions ?? [];
  if (questions.length > 0) parts.push(`<h2>${e(text.debriefQuestions)}</h2><ol class="questions">${questions.map((q) => `<li>${e(resolveText(q, lang))}</li>`).join('')}</ol>`);
  parts.push('</section>');
  return parts.join('\n');
}

function chart(scenario: Scenario, state: GameState, text: ReportText, lang: Language): string {
  const series = meterSeries(scenario, state);
  const turns = Math.max(1, state.history.length);
  const width = 760;
  const height = 320;
  const left = 44;
  const right = 190;
  const top = 16;
  const bottom = 34;
  const x = (i: number) => left + (i / turns) * (width - left - right);
  const lines: string[] = [];
  const labels: { y: number; text: string; colour: string }[] = [];
  scenario.meters.forEach((meter, m) => {
    const { min, max } = meterBounds(meter);
    const y = (v: number) => top + (1 - (v - min) / (max - min)) * (height - top - bottom);
    const values = own(series, meter.id)!;
    const colour = LINE_COLOURS[m % LINE_COLOURS.length]!;
    const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dash = DASHES[m % DASHES.length] ? ` stroke-dasharray="${DASHES[m % DASHES.length]}"` : '';
    lines.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="3"${dash} stroke-linejoin="round"/>`);
    labels.push({ y: y(values[values.length - 1]!), text: `${resolveText(meter.label, lang)} ${values[values.length - 1]}`, colour });
  });
  // Keep end labels apart so none hides another.
  labels.sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) labels[i]!.y = Math.max(labels[i]!.y, labels[i - 1]!.y + 18);
  const axis = [0, 0.5, 1].map((f) => {
    const yy = top + (1 - f) * (height - top - bottom);
    return `<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#d9c7ad" stroke-width="1"/>`;
  });
  const ticks = Array.from(new Set([0, Math.round(turns / 2), turns])).map((t) => `<text x="${x(t)}" y="${height - 10}" text-anchor="middle" class="tick">${t}</text>`);
  const endLabels = labels.map((l) => `<text x="${width - right + 10}" y="${(l.y + 5).toFixed(1)}" fill="${l.colour}" class="end">${escapeHtml(l.text)}</text>`);
  const title = escapeHtml(interpolate(text.chartLabel, { turns, unit: turnUnit(scenario, text, lang) }));
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}"><title>${title}</title>${axis.join('')}${lines.join('')}${ticks.join('')}${endLabels.join('')}</svg>`;
}

function teamSection(input: ReportInput, team: ReportTeam, text: ReportText): string {
  const { scenario, language: lang } = input;
  const say = (t: Parameters<typeof resolveText>[0]) => escapeHtml(resolveText(t, lang));
  const meterLabel = (id: string) => say(scenario.meters.find((m) => m.id === id)?.label ?? id);
  const state = team.state;
  const parts: string[] = [];
  if (input.kind === 'workshop') parts.push(`<h2>${escapeHtml(teamTitle(input, team.name, text))}</h2>`);

  const at = standing(scenario, state);
  const ending = endingWords(input, at, text);
  parts.push(`<section class="ending"><p class="label">${escapeHtml(text.ending)}</p>`);
  parts.push(`<h3>${escapeHtml(ending.title)}</h3>${ending.text ? `<p>${escapeHtml(ending.text)}</p>` : ''}`);
  if (!at.ended) parts.push(`<p class="note">${escapeHtml(text.headingNote)}</p>`);
  if (state.end?.reason === 'meter' && state.end.meter) {
    parts.push(`<p class="note">${escapeHtml(interpolate(text.endedBy, { meter: resolveText(scenario.meters.find((m) => m.id === state.end!.meter)?.label, lang), bound: state.end.bound === 'max' ? text.boundMax : text.boundMin }))}</p>`);
  }
  parts.push(`<p class="note">${escapeHtml(interpolate(text.survived, { turns: state.history.length, unit: turnUnit(scenario, text, lang) }))}</p></section>`);

  parts.push(`<h3>${escapeHtml(text.meters)}</h3>${chart(scenario, state, text, lang)}`);
  const series = meterSeries(scenario, state);
  parts.push(`<ul class="values">${scenario.meters.map((m) => `<li>${escapeHtml(interpolate(text.finalValue, { label: resolveText(m.label, lang), start: own(series, m.id)![0]!, end: own(series, m.id)!.at(-1)! }))}</li>`).join('')}</ul>`);

  const shifts = stakeholderShifts(scenario, state);
  if (shifts.length > 0) {
    parts.push(`<h3>${escapeHtml(text.whose)}</h3><ol class="shifts">`);
    for (const s of shifts) {
      const holder = scenario.stakeholders.find((h) => h.id === s.stakeholder)!;
      const change = s.change > 0 ? interpolate(text.gained, { n: s.change }) : s.change < 0 ? interpolate(text.lost, { n: -s.change }) : text.unchanged;
      parts.push(`<li><strong>${say(holder.name)}</strong> (${meterLabel(s.meter)}): ${escapeHtml(change)}</li>`);
    }
    parts.push('</ol>');
  }

  const profile = tagProfile(scenario, state).filter((p) => own(scenario.debrief?.tags, p.tag));
  if (profile.length > 0) {
    const top = profile[0]!.count;
    parts.push(`<h3>${escapeHtml(text.profile)}</h3><table class="profile">`);
    for (const p of profile) {
      const tag = own(scenario.debrief!.tags, p.tag)!;
      parts.push(
        `<tr><th>${say(tag.label)}</th><td class="bar"><span style="width:${Math.round((100 * p.count) / top)}%"></span></td><td>${escapeHtml(interpolate(text.timesChosen, { n: p.count }))}</td><td class="why">${tag.text ? say(tag.text) : ''}</td></tr>`,
      );
    }
    parts.push('</table>');
  }

  const weighty = weightiestChoices(state, 3);
  if (weighty.length > 0) {
    parts.push(`<h3>${escapeHtml(text.weighty)}</h3><ol>`);
    for (const w of weighty) {
      const card = scenario.cards.find((c) => c.id === w.card)!;
      const effects = Object.entries(w.deltas).map(([m, d]) => `${meterLabel(m)} ${signed(d)}`).join(', ');
      parts.push(`<li><strong>${escapeHtml(capitalise(turnUnit(scenario, text, lang)))} ${w.turn}:</strong> ${say(card.choices[w.choice]!.label)} — ${effects}</li>`);
    }
    parts.push('</ol>');
  }

  const decisionByTurn = new Map((team.decisions ?? []).map((d) => [d.turn, d]));
  const votesByTurn = new Map((team.decisions ?? []).map((d) => [d.turn, d.vote]));
  const hasVotes = [...votesByTurn.values()].some((v) => v.counts || v.guess);
  const howText = (how: Decision['how']) =>
    how.by === 'majority' ? interpolate(text.howMajority, { votes: how.votes, total: how.total }) : how.by === 'tie' ? interpolate(text.howTie, { votes: how.votes }) : text.howTrainer;
  parts.push(`<h3>${escapeHtml(text.decisions)}</h3><table class="cards"><thead><tr><th>${escapeHtml(capitalise(turnUnit(scenario, text, lang)))}</th><th>${escapeHtml(text.card)}</th><th>${escapeHtml(text.decision)}</th><th>${escapeHtml(text.effects)}</th></tr></thead><tbody>`);
  for (const h of state.history) {
    const card = scenario.cards.find((c) => c.id === h.card)!;
    const holder = scenario.stakeholders.find((s) => s.id === card.from);
    const vote = votesByTurn.get(h.turn);
    const decided = decisionByTurn.get(h.turn);
    // In the order the room saw them (the order is recorded in the game), each with its votes.
    const shown = h.order && h.order.length === card.choices.length ? h.order : card.choices.map((_, i) => i);
    const choices = shown
      .map((i) => {
        const c = card.choices[i]!;
        const count = vote?.counts ? ` <span class="votes">(${escapeHtml(text.votes.toLowerCase())}: ${vote.counts[i] ?? 0})</span>` : '';
        return i === h.choice ? `<li class="chosen"><strong>${say(c.label)}</strong> ✓ <span class="sr">${escapeHtml(text.chosenMark)}</span>${count}</li>` : `<li>${say(c.label)}${count}</li>`;
      })
      .join('');
    const effects = Object.keys(h.after)
      .filter((m) => h.after[m] !== h.before[m])
      .map((m) => `${meterLabel(m)} ${signed(own(h.after, m)! - own(h.before, m)!)}`)
      .join('<br>');
    const guess = hasVotes && vote?.guess ? `<p class="note">${escapeHtml(text.guess)}: ${meterLabel(vote.guess)}</p>` : '';
    const how = decided?.how ? `<p class="note how">${escapeHtml(howText(decided.how))}</p>` : '';
    parts.push(
      `<tr><td>${h.turn}</td><td><p class="from">${holder ? say(holder.name) : ''}${h.followUp ? ` · <em>${escapeHtml(text.followUp)}</em>` : ''}</p><p>${say(card.text)}</p></td><td><ul class="choices">${choices}</ul>${how}${guess}</td><td>${effects}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');
  return `<section class="team">${parts.join('\n')}</section>`;
}

export function renderReport(input: ReportInput): string {
  const text = reportText[input.language];
  const { scenario, language: lang } = input;
  const say = (t: Parameters<typeof resolveText>[0]) => escapeHtml(resolveText(t, lang));
  const date = input.date.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
  const body: string[] = [];
  // A workshop report opens with its summary, which names the scenario, the date and the stop; the record follows under its own title.
  if (input.kind === 'workshop') body.push(summary(input, text, date), `<header><h1 class="record">${escapeHtml(text.record)}</h1>`);
  else body.push(`<header><p class="label">${escapeHtml(text.soloKind)}</p><h1>${say(scenario.title)}</h1>`);
  if (scenario.description) body.push(`<p>${say(scenario.description)}</p>`);
  if (input.kind === 'solo') body.push(`<p class="note">${escapeHtml(interpolate(text.made, { date }))}</p>`);
  if (input.kind === 'solo' && input.stoppedAt !== undefined && input.stoppedAt !== null) {
    body.push(`<p class="stopped"><strong>${escapeHtml(interpolate(text.stopped, { unit: turnUnit(scenario, text, lang), turn: input.stoppedAt }))}</strong></p>`);
  }
  body.push('</header>');

  if (input.kind === 'workshop' && input.teams.length > 1) {
    body.push(`<h2>${escapeHtml(text.comparison)}</h2><table class="compare"><thead><tr><th>${escapeHtml(text.teamColumn)}</th><th>${escapeHtml(text.endingColumn)}</th><th>${escapeHtml(text.turnsColumn)}</th>${scenario.meters.map((m) => `<th>${say(m.label)}</th>`).join('')}</tr></thead><tbody>`);
    for (const team of input.teams) {
      const ending = endingWords(input, standing(scenario, team.state), text);
      body.push(`<tr><td>${escapeHtml(team.name)}</td><td>${escapeHtml(ending.title)}</td><td>${team.state.history.length}</td>${scenario.meters.map((m) => `<td>${team.state.meters[m.id]}</td>`).join('')}</tr>`);
    }
    body.push('</tbody></table>');
  }
  for (const team of input.teams) body.push(teamSection(input, team, text));

  const questions = scenario.debrief?.questions ?? [];
  if (questions.length > 0) {
    body.push(`<section class="reflection"><h2>${escapeHtml(text.questions)}</h2>`);
    questions.forEach((q, i) => {
      const answer = input.answers?.[i]?.trim();
      body.push(`<h3>${say(q)}</h3>`);
      if (input.kind === 'solo') body.push(answer ? `<p class="answer">${escapeHtml(answer).replace(/\n/g, '<br>')}</p>` : `<p class="note">${escapeHtml(text.noAnswer)}</p>`);
    });
    body.push('</section>');
  }
  const statements = scenario.debrief?.statements ?? [];
  if (statements.length > 0 && (input.ratings?.before || input.ratings?.after)) {
    // The two distributions side by side, as on the projector: a table reads in print and with a screen reader.
    const cells = (counts: number[] | undefined) => (counts ? counts.map((n) => `<td>${n}</td>`).join('') : `<td colspan="5">${escapeHtml(text.notRated)}</td>`);
    body.push(`<section class="ratings"><h2>${escapeHtml(text.beforeAfter)}</h2><p class="note">${escapeHtml(text.ratingScale)}</p><table><thead><tr><th>${escapeHtml(text.statement)}</th><th></th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr></thead><tbody>`);
    statements.forEach((statement, i) => {
      body.push(`<tr><th rowspan="2">${say(statement)}</th><td>${escapeHtml(text.before)}</td>${cells(input.ratings?.before?.[i])}</tr><tr><td>${escapeHtml(text.after)}</td>${cells(input.ratings?.after?.[i])}</tr>`);
    });
    body.push('</tbody></table></section>');
  }
  const asked = (input.openQuestions ?? []).filter((q) => q.answers.length > 0);
  if (asked.length > 0) {
    // What phones wrote: escaped like every other text, and marked where the trainer hid it from the wall.
    body.push(`<section class="open-answers"><h2>${escapeHtml(text.openAnswers)}</h2>`);
    for (const question of asked) {
      body.push(`<h3>${escapeHtml(question.text)}</h3><ul>`);
      for (const answer of question.answers) body.push(`<li>${escapeHtml(answer.text)}${answer.hidden ? ` <span class="note">(${escapeHtml(text.hiddenAnswer)})</span>` : ''}</li>`);
      body.push('</ul>');
    }
    body.push('</section>');
  }
  body.push(`<footer><p class="note">${escapeHtml(text.privacy)} ${escapeHtml(text.sessionData)}</p></footer>`);
  const data = JSON.stringify(input.session).replace(/</g, '\\u003c');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.documentTitle)} — ${say(scenario.title)}</title>
<style>
body { font-family: "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", Verdana, sans-serif; color: #2b2118; background: #f4ecdf; margin: 0; line-height: 1.45; overflow-wrap: anywhere; }
main { max-width: 900px; margin: 0 auto; padding: 32px 24px 48px; background: #fffcf6; }
h1 { font-size: 2.1em; margin: 0.2em 0; } h2 { margin-top: 1.6em; border-bottom: 2px solid #d9c7ad; padding-bottom: 4px; } h3 { margin: 1.2em 0 0.4em; }
.label { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.85em; color: #594636; margin: 0; }
.note { color: #594636; font-size: 0.95em; }
.ending { background: #f4ecdf; border-left: 6px solid #1d5c61; padding: 12px 16px; margin: 16px 0; }
.chart { width: 100%; height: auto; background: #fffcf6; } .chart .tick { font-size: 13px; fill: #594636; } .chart .end { font-size: 14px; font-weight: bold; }
.values { columns: 2; padding-left: 1.2em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e9dcc8; }
.profile .bar { width: 30%; } .profile .bar span { display: block; height: 14px; background: #1d5c61; border-radius: 3px; } .profile .why { font-size: 0.9em; color: #594636; }
.cards .from { font-weight: bold; margin: 0 0 4px; } .cards p { margin: 0 0 4px; } .choices { margin: 0; padding-left: 1.1em; } .chosen { font-weight: bold; } .votes { color: #594636; font-weight: normal; }
.sr { position: absolute; left: -9999px; }
.answer { background: #f4ecdf; padding: 10px 14px; border-radius: 6px; white-space: normal; }
footer { margin-top: 2em; }
.summary { border-bottom: 3px solid #1d5c61; padding-bottom: 1em; margin-bottom: 2em; } .summary .standing { border-left: 6px solid #1d5c61; background: #f4ecdf; padding: 4px 16px; margin: 10px 0; } .summary .standing h3 { margin-top: 0.4em; } .summary p { margin: 0.3em 0; }
h1.record { font-size: 1.6em; margin-top: 0; }
@media print { body { background: none; } main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr, .ending, .chart, .standing { break-inside: avoid; } .summary { border: none; break-after: page; } }
</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
<script type="application/json" id="session-data">${data}</script>
</body>
</html>
`;
}

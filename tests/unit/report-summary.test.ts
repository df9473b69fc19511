/**
 * The session report a trainer mails to participants: a summary first (scenario, date, teams, where
 * each team ended or was heading, the choices that mattered, the questions), the full record after it.
 * Read as a reader would: the text of the page, in Dutch and English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/format.ts';
import { standing } from '../../src/engine/standing.ts';
import { resolveText } from '../../src/engine/text.ts';
import { currentCard } from '../../src/engine/game.ts';
import { decide, sessionStop, startWorkshop, stopSession, type Workshop } from '../../src/engine/workshop.ts';
import { validateScenarioText } from '../../src/engine/validate.ts';
import { reportFileName } from '../../src/platform/download.ts';
import { renderReport } from '../../src/report/report.ts';

function load(id: string): Scenario {
  const result = validateScenarioText(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${id} does not validate`);
  return result.scenario;
}

const townhall = load('townhall');

/** Three teams in turn, each taking the choice with its own tag where a card has one, stopped after 4 weeks. */
function stoppedSession(): Workshop {
  let w = startWorkshop(townhall, { teams: ['Balie', 'Team 2', 'Wijkteam'], mode: 'turns', preview: 'off', timer: 60 }, 'summary');
  const wants = ['more', 'different', 'better'];
  for (let d = 0; d < 12; d++) {
    const team = w.teams[w.active]!;
    const card = currentCard(townhall, team.state)!.card;
    const pick = Math.max(0, card.choices.findIndex((c) => c.tags?.includes(wants[w.active]!)));
    const r = decide(townhall, w, pick);
    if (!r.ok) throw new Error(r.reason);
    w = r.workshop;
  }
  return stopSession(w);
}

/** What a reader sees: the page's text without its markup, the embedded data left out. */
function readable(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

function report(language: 'nl' | 'en', w: Workshop): { html: string; text: string; summary: string } {
  const html = renderReport({ scenario: townhall, language, kind: 'workshop', teams: w.teams, date: new Date('2026-12-06T10:00:00'), session: w, stoppedAt: sessionStop(w) });
  const summary = readable(html.match(/<section class="summary">([\s\S]*?)<\/section>/)![1]!);
  return { html, text: readable(html), summary };
}

describe('the session report', () => {
  const w = stoppedSession();

  it('opens with a summary in Dutch: scenario, date, teams, where each team was heading, the choices that mattered, the questions', () => {
    const { text, summary } = report('nl', w);
    expect(text.indexOf('Samenvatting')).toBeLessThan(text.indexOf('Het volledige verslag'));
    expect(summary).toContain(resolveText(townhall.title, 'nl'));
    expect(summary).toContain('Gemaakt op 6 december 2026');
    expect(summary).toContain('3 teams: Balie, Team 2 en Wijkteam');
    expect(summary).toContain('De sessie stopte bij week 4');
    expect(summary).toContain('Waar elk team uitkwam of naartoe ging');
    for (const team of w.teams) {
      const at = standing(townhall, team.state);
      const ending = townhall.endings!.find((e) => e.id === at.ending)!;
      expect(summary).toContain(`Op weg naar: ${resolveText(ending.title, 'nl')}`);
    }
    // Each team's own profile: Balie chose "more" most, Team 2 "different".
    expect(summary).toMatch(/Team Balie .*Koos vooral: [^.]*Meer/);
    expect(summary).toMatch(/Team 2 .*Koos vooral: [^.]*Anders/);
    expect(summary).toContain('De keuzes die ertoe deden');
    for (const q of townhall.debrief!.questions!) expect(summary).toContain(resolveText(q, 'nl'));
    // The meters as they stood, by name.
    expect(summary).toContain(`${resolveText(townhall.meters[0]!.label, 'nl')} ${w.teams[0]!.state.meters[townhall.meters[0]!.id]}`);
  });

  it('never doubles "Team", never says a game ended without an ending text, in Dutch or English', () => {
    for (const language of ['nl', 'en'] as const) {
      const { text } = report(language, w);
      expect(text).not.toMatch(/Team Team/i);
      expect(text).toContain('Team Balie');
      expect(text).toMatch(/ Team 2 /);
      expect(text).not.toMatch(/zonder eindtekst|without an ending text|Nog bezig|Still playing/);
    }
    expect(report('en', w).summary).toMatch(/Heading for: /);
  });

  it('keeps the full record after the summary: every team\'s cards', () => {
    const { html } = report('en', w);
    const record = html.slice(html.indexOf('The full record'));
    expect(record.match(/<table class="cards">/g)).toHaveLength(3);
    expect(record).toContain('The session stopped before this game ended: this is the ending it would get now.');
  });

  it('has a Dutch file name in Dutch', () => {
    const date = new Date('2026-12-06T10:00:00');
    expect(reportFileName('townhall', date, 'nl', resolveText(townhall.title, 'nl'))).toBe('meerdere-heren-dienen-verslag-het-gemeentehuis-wie-is-je-klant-2026-12-06.html');
    expect(reportFileName('townhall', date, 'en', resolveText(townhall.title, 'nl'))).toBe('many-masters-townhall-2026-12-06.html');
    expect(reportFileName('x', date, 'nl', 'Één <…>')).toBe('meerdere-heren-dienen-verslag-een-2026-12-06.html');
    expect(reportFileName('x', date, 'nl', '?!')).toBe('meerdere-heren-dienen-verslag-x-2026-12-06.html');
  });
});

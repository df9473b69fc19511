import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/game.ts';
import { decide, startWorkshop } from '../../src/engine/workshop.ts';
import { renderReport } from '../../src/report/report.ts';
import { card, makeScenario } from './scenarios.ts';

const scenario = makeScenario({
  turns: 3,
  title: { nl: 'Proef <script>alert(1)</script>', en: 'Trial <script>alert(1)</script>' },
  stakeholders: [{ id: 's', name: { nl: 'Ouder & kind', en: 'Parent & child' }, meter: 'a' }],
  cards: [
    card('c1', { text: { nl: 'Mag het "zo"?', en: 'Is it OK "like this"?' }, choices: [{ label: 'Ja', effects: { a: 10, b: -4 }, tags: ['friendly'] }, { label: 'Nee', effects: { a: -3, b: 2 }, tags: ['more'] }] }),
    card('c2', { choices: [{ label: 'Ja', effects: { a: 10, b: -4 }, tags: ['friendly'] }, { label: 'Nee', effects: { a: -3, b: 2 }, tags: ['more'] }] }),
  ],
  debrief: {
    questions: [{ nl: 'Wie was je klant?', en: 'Who was your customer?' }, { nl: 'Wat nu?', en: 'What now?' }],
    tags: { friendly: { label: { nl: 'Klantvriendelijk', en: 'Customer-friendly' }, text: 'Kind.' }, more: { label: { nl: 'Meer', en: 'More' } } },
  },
});

function finished() {
  const r = replay(scenario, 'r', [0, 1, 0]);
  if (!r.ok) throw new Error('replay');
  return r.state;
}

describe('the report', () => {
  it('is one self-contained HTML file: no script to run, nothing fetched, scenario text escaped', () => {
    const html = renderReport({ scenario, language: 'en', kind: 'solo', teams: [{ name: '', state: finished() }], answers: ['The <b>parents</b>', ''], date: new Date('2026-11-24'), session: { note: '</script><script>alert(2)</script>' } });
    expect(html).toContain('Trial &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script(?! type="application\/json")/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('The &lt;b&gt;parents&lt;/b&gt;');
    expect(html).toContain('(no answer written)');
    expect(html).toContain('\\u003c/script>');
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html).toContain('Parent &amp; child');
    expect(html).toContain('Customer-friendly');
    expect(html).toContain('24 November 2026');
  });

  it('is in Dutch when the player plays in Dutch', () => {
    const html = renderReport({ scenario, language: 'nl', kind: 'solo', teams: [{ name: '', state: finished() }], date: new Date('2026-11-24'), session: {} });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Wie was jouw klant?');
    expect(html).not.toContain('Wiens');
    expect(html).toContain('Mag het &quot;zo&quot;?');
    expect(html).toContain('Klantvriendelijk');
  });

  it('counts in the scenario\'s own turn unit', () => {
    const weeks = { ...scenario, turnUnit: { nl: 'week', en: 'week' } };
    const html = renderReport({ scenario: weeks, language: 'nl', kind: 'solo', teams: [{ name: '', state: finished() }], date: new Date('2026-11-24'), session: {} });
    expect(html).toContain('Gespeeld tot en met week 3.');
    expect(html).toContain('<th>Week</th>');
    expect(html).not.toMatch(/[Bb]eurt/);
  });

  it('shows every team, the votes and the room\'s guess in a workshop report', () => {
    let w = startWorkshop(scenario, { teams: ['Rood', 'Blauw'], mode: 'turns', preview: 'scenario', timer: 0 }, 'room');
    for (const choice of [0, 1]) {
      const r = decide(scenario, w, choice, { counts: [7, 3], guess: 'a' });
      if (!r.ok) throw new Error('decide');
      w = r.workshop;
    }
    const html = renderReport({ scenario, language: 'nl', kind: 'workshop', teams: w.teams, date: new Date(), session: w });
    expect(html).toContain('Team Rood');
    expect(html).toContain('Team Blauw');
    expect(html).toContain('De teams naast elkaar');
    expect(html).toContain('(stemmen: 7)');
    expect(html).toContain('De zaal verwachtte winst voor');
    const data = JSON.parse(html.match(/<script type="application\/json" id="session-data">(.*)<\/script>/s)![1]!);
    expect(data.teams).toHaveLength(2);
  });
});

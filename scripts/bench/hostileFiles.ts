/**
 * Heavy scenario files just under the limits (5 MB, 2,000 items per list, 2,000 fields per object,
 * 40 levels): valid ones at the largest size, and hostile ones with a problem in every place. The
 * bench times the validator on each at full size; the unit tests run the same shapes smaller.
 */
import { generatedScenario } from './engine.ts';

const MB = 1_000_000;

/** Joins `make(i)` for i = 0, 1, … while the result stays under `budget` characters. */
function fill(budget: number, make: (i: number) => string, max = Infinity): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; i < max; i++) {
    const part = make(i);
    if (size + part.length + 1 > budget) break;
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(',');
}

const head = '"format": 1, "id": "heavy", "title": "Heavy"';

/** name → a file of about `scale` × 5 MB (scale 1 for the bench, small for unit tests). */
export const hostileFiles: Record<string, (scale: number) => string> = {
  'unknown fields (400,000)': (scale) => `{${head}, ${fill(4.6 * MB * scale, (i) => `"k${i}": 1`)}}`,
  'empty meters (800,000)': (scale) => `{${head}, "meters": [${fill(2.4 * MB * scale, () => '{}')}]}`,
  'cards that are lists of numbers': (scale) => `{${head}, "cards": [${fill(4.9 * MB * scale, () => `[${fill(2_450 * 2, () => '0', 2_000)}]`, 2_000)}]}`,
  'fields named by 20,000-character keys': (scale) => `{${head}, ${fill(4.9 * MB * scale, (i) => `"${String(i).padStart(19_990, 'x')}": 1`)}}`,
  'a mistake in every card': (scale) => {
    const scenario = generatedScenario(Math.max(2, Math.round(2_000 * scale)));
    return JSON.stringify({
      ...scenario,
      cards: scenario.cards.map((card, i) => ({ ...card, from: `nobody-${i}`, text: i, choices: card.choices.map((c) => ({ ...c, effects: { [`meter-${i}`]: 'high' }, next: `card-x${i}` })) })),
    });
  },
  'unknown meters in every effect': (scale) => {
    const keys = fill(2_000 * 12, (i) => `"m${i}": 1`, 2_000);
    return `{${head}, "meters": [], "cards": [${fill(4.9 * MB * scale, (i) => `{"id": "c${i}", "from": "s", "text": "t", "choices": [{"label": "a", "effects": {${keys}}}, {"label": "b"}]}`, 2_000)}]}`;
  },
  'conditions 36 deep in every card': (scale) => {
    const deep = (n: number): string => (n === 0 ? '{"flag": "never-set"}' : `{"not": ${deep(n - 1)}}`);
    const cond = deep(30);
    return `{${head}, "meters": [{"id": "a", "label": "A", "start": 50}, {"id": "b", "label": "B", "start": 50}], "stakeholders": [{"id": "s", "name": "S"}], "cards": [${fill(
      4.9 * MB * scale,
      (i) => `{"id": "c${i}", "from": "s", "text": "t", "when": {"all": [${Array.from({ length: 4 }, () => cond).join(',')}]}, "choices": [{"label": "a", "effects": {"a": 1}}, {"label": "b", "effects": {"b": 1}}]}`,
      2_000,
    )}]}`;
  },
  'the largest valid scenario (2,000 cards, full texts)': (scale) => {
    const scenario = generatedScenario(Math.max(2, Math.round(2_000 * scale)));
    const words = 'Een lange tekst over wie je klant is, die de trainer voorleest. '.repeat(20).slice(0, 900);
    for (const card of scenario.cards) card.text = { nl: words, en: words };
    return JSON.stringify(scenario, null, 1);
  },
};

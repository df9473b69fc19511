/** What the player may see of a choice before taking it, as the scenario's `preview` allows. */
import type { PreviewMode, Scenario } from './format.ts';
import { indexOf } from './scenarioIndex.ts';
import type { GameState } from './state.ts';
import { meterBounds } from './meters.ts';
import { own } from './own.ts';

export interface MeterPreview {
  meter: string;
  /** Shown in every mode but none: a large effect moves a tenth of the meter's range or more. */
  size: 'small' | 'large';
  direction?: 'up' | 'down';
  amount?: number;
}

export const DEFAULT_PREVIEW: PreviewMode = 'which';
const LARGE_SHARE = 0.1;

export function previewChoice(scenario: Scenario, state: GameState, choiceIndex: number, mode: PreviewMode = scenario.preview ?? DEFAULT_PREVIEW): MeterPreview[] {
  if (mode === 'none' || state.end || !state.current) return [];
  const { cards, meters } = indexOf(scenario);
  const choice = cards.get(state.current.card)?.choices[choiceIndex];
  if (!choice) return [];
  const out: MeterPreview[] = [];
  for (const meter of scenario.meters) {
    const amount = own(choice.effects, meter.id);
    if (amount === undefined || amount === 0) continue;
    const { min, max } = meterBounds(meters.get(meter.id)!);
    const preview: MeterPreview = { meter: meter.id, size: Math.abs(amount) >= (max - min) * LARGE_SHARE ? 'large' : 'small' };
    if (mode === 'direction' || mode === 'amount') preview.direction = amount > 0 ? 'up' : 'down';
    if (mode === 'amount') preview.amount = amount;
    out.push(preview);
  }
  return out;
}

/** Pieces of screen descriptions that several screens share: meters and choice previews in words. */
import type { Scenario } from '../engine/format.ts';
import { meterCourses } from '../engine/course.ts';
import { meterBounds, meterDanger } from '../engine/meters.ts';
import { own } from '../engine/own.ts';
import type { GameState } from '../engine/state.ts';
import type { MeterPreview } from '../engine/preview.ts';
import { signed } from '../locales/format.ts';
import { say, t, turnUnit } from '../locales/index.ts';
import type { ScreenChart, ScreenItem, ScreenModel, ScreenRegion } from '../platform/screenModel.ts';
import type { FocusList } from './button.ts';

/** The meters as names and values, with their danger in words; `idPrefix` keeps ids apart where a screen lists several sets. */
export function meterItems(scenario: Scenario, values: Readonly<Record<string, number>>, idPrefix = 'meter-'): ScreenItem[] {
  return scenario.meters.map((meter) => {
    const value = values[meter.id] ?? meter.start;
    const { min, max } = meterBounds(meter);
    const danger = meterDanger(meter, value);
    // Which way the danger lies: a meter can end the game by running out or by going too high.
    const key = danger === 'low' ? 'meterValueLow' : danger === 'high' ? 'meterValueHigh' : 'meterValue';
    return { id: `${idPrefix}${meter.id}`, label: say(meter.label), value: t(key, { value: Math.round(value), max }), fraction: (value - min) / (max - min || 1) };
  });
}

/** What a line chart of the meters shows, in sentences: each meter's largest rise or fall and where it ended. */
export function courseWords(scenario: Scenario, state: GameState): string {
  const unit = turnUnit(scenario.turnUnit);
  const when = (turn: number) => (turn === 0 ? t('courseStart') : `${unit} ${turn}`);
  return sentences(meterCourses(scenario, state).map((course) => {
    const meter = say(scenario.meters.find((m) => m.id === course.meter)?.label);
    if (course.kind === 'steady') return t('courseSteady', { meter, value: Math.round(course.start) });
    const moved = t(course.kind === 'rose' ? 'courseRose' : 'courseFell', { meter, from: Math.round(course.from), to: Math.round(course.to), a: when(course.fromTurn), b: when(course.toTurn) });
    return course.to === course.end ? moved : t('courseEnd', { course: moved, end: Math.round(course.end) });
  }));
}

/** The series a line chart draws (engine/debrief.ts meterSeries), for the visible layer to draw them as well. */
export function chartOf(scenario: Scenario, series: Readonly<Record<string, number[]>>, name: string): ScreenChart {
  return {
    name,
    unit: turnUnit(scenario.turnUnit),
    start: t('chartStart'),
    meters: scenario.meters.flatMap((meter) => {
      const values = own(series, meter.id) ?? [];
      return values.length === 0 ? [] : [{ id: meter.id, label: say(meter.label), ...meterBounds(meter), values: [...values] }];
    }),
  };
}

/** What a choice would move, in words, as much as the preview setting shows on the meters. */
export function previewWords(scenario: Scenario, previews: readonly MeterPreview[]): string {
  return previews.map((p) => {
    const meter = say(scenario.meters.find((m) => m.id === p.meter)?.label);
    if (p.amount !== undefined) return t('previewAmount', { meter, amount: signed(p.amount) });
    const large = p.size === 'large';
    if (p.direction === 'up') return t(large ? 'previewUpLarge' : 'previewUp', { meter });
    if (p.direction === 'down') return t(large ? 'previewDownLarge' : 'previewDown', { meter });
    return t(large ? 'previewWhichLarge' : 'previewWhich', { meter });
  }).join(', ');
}

/** Parts of an announcement as one text: each ends as a sentence, so a screen reader pauses between them. */
export function sentences(parts: readonly string[]): string {
  return parts.map((part) => part.trim()).filter((part) => part !== '').map((part) => (/[.!?…]["'”’)]*$/.test(part) ? part : `${part.replace(/:$/, '')}.`)).join(' ');
}

/** A screen that is a heading, some regions and one list of buttons: most of the workshop and authoring screens. */
export function listScreen(title: string, focus: FocusList | null, facts: Record<string, unknown>, regions: ScreenRegion[] = [], toolbar: ScreenItem[] = [], extra: (index: number) => Partial<ScreenItem> = () => ({})): ScreenModel {
  return {
    title,
    regions: [
      ...regions,
      ...(focus ? [{ role: 'buttons' as const, items: focus.items('b-', extra) }] : []),
      ...(toolbar.length > 0 ? [{ role: 'toolbar' as const, items: toolbar }] : []),
    ],
    focus: focus?.focusId('b-') ?? null,
    facts,
  };
}

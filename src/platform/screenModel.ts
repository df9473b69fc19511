/**
 * What a screen shows, said once: its title, its regions (texts, buttons, values) and which control
 * has the focus. The canvas draws its own layout; the accessible DOM layer (src/a11y/) and the
 * inspector (`window.manyMasters.shown`) are both made from this description, so a new screen gets
 * its accessible layer by describing itself. Everything here is plain data except the callbacks, which
 * do what a key or a tap on the canvas would do.
 */

export interface ScreenItem {
  /** Stable within the screen, so focus survives a redraw. */
  id: string;
  label: string;
  /** A second line read after the label (a scenario's description, a choice's preview in words). */
  detail?: string;
  /** A value beside the label (a meter's level), for items that are not buttons. */
  value?: string;
  /** Where the value sits between its minimum (0) and maximum (1), drawn as a bar where the layer is visible. */
  fraction?: number;
  /** The language of the label when it is not the screen's (the other language's name: "Nederlands"). */
  lang?: string;
  /** For toggles: whether it is on. */
  pressed?: boolean;
  disabled?: boolean;
  /** What activating it does: the same as its key or a tap on the canvas. Items without it are text. */
  activate?: () => void;
  /** Called when the DOM control takes the focus, so the canvas focus follows. */
  onFocus?: () => void;
  /** A text box the player types in (reflection answers, team names). */
  field?: { value: string; multiline: boolean; placeholder?: string; maxLength?: number; onInput: (value: string) => void };
}

export type RegionRole =
  /** A heading and a paragraph (`text`). */
  | 'text'
  /** The card on the table: `label` is who brings it, `text` what it says, `image` their portrait. */
  | 'card'
  /** A list of buttons, such as the choices or a menu. */
  | 'buttons'
  /** A list of names and values (meters, scores). */
  | 'values'
  /** Something the player must notice (a problem, a warning). */
  | 'notice'
  /** What a choice did and why. */
  | 'feedback'
  /** Extra controls shown in the touch bar (timer, what-if) as well as in the layer. */
  | 'toolbar';

export interface ScreenRegion {
  role: RegionRole;
  /** For a region the focus can go to (`ScreenModel.focus`), such as the outcome after a reveal. */
  id?: string;
  /** What the region is, for the visible layer's layout ('meters' go on top on a phone). */
  name?: string;
  /** The region's heading, if it has one. */
  label?: string;
  text?: string;
  /** URL of a picture that goes with the region (the stakeholder's portrait); decorative. */
  image?: string;
  items?: ScreenItem[];
  /** A line chart the canvas draws: the visible layer draws it too, with `text` as its description. */
  chart?: ScreenChart;
}

/** The meters over the turns, as the canvas chart draws them (ui/chart.ts). */
export interface ScreenChart {
  /** What the chart is, for its accessible name. */
  name: string;
  /** The turn unit's word ("week") for the axis. */
  unit: string;
  /** The first point's label ("start"). */
  start: string;
  meters: { id: string; label: string; min: number; max: number; values: number[] }[];
}

export interface ScreenModel {
  /** The screen's main heading. */
  title: string;
  regions: ScreenRegion[];
  /** The id of the item with the focus, or null. */
  focus?: string | null;
  /** What a screen reader should say when it changes: a new card, an outcome, an ending. */
  announce?: string;
  /** Values for tests and the inspector that are not texts on screen (ids, phase, counts). */
  facts?: Record<string, unknown>;
}

/** A model without callbacks: what `window.manyMasters.shown.view` reports. */
export function plainModel(model: ScreenModel): unknown {
  return {
    title: model.title,
    focus: model.focus ?? null,
    announce: model.announce ?? null,
    regions: model.regions.map((r) => ({
      role: r.role,
      ...(r.label !== undefined ? { label: r.label } : {}),
      ...(r.text !== undefined ? { text: r.text } : {}),
      items: (r.items ?? []).map((i) => ({
        id: i.id,
        label: i.label,
        ...(i.detail !== undefined ? { detail: i.detail } : {}),
        ...(i.value !== undefined ? { value: i.value } : {}),
        ...(i.pressed !== undefined ? { pressed: i.pressed } : {}),
        ...(i.disabled ? { disabled: true } : {}),
        ...(i.field ? { field: i.field.value } : {}),
        button: !!i.activate,
      })),
    })),
  };
}

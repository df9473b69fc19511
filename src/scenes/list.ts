/** Every scene class, for the game config. Only main.ts imports this: scenes start each other by key. */
import { EndingScene } from './EndingScene.ts';
import { OverlayScene } from './OverlayScene.ts';
import { PlayScene } from './PlayScene.ts';
import { TitleScene } from './TitleScene.ts';
import { MODE_SCENES } from './modes.ts';
import { AUTHORING_SCENES } from './authoring.ts';

export const SCENES = [TitleScene, PlayScene, EndingScene, ...MODE_SCENES, ...AUTHORING_SCENES, OverlayScene];

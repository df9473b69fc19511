/** The screens for scenario writers: scenario writing, a file's problems, the scenario map. */
import { AuthorScene } from './AuthorScene.ts';
import { MapScene } from './MapScene.ts';
import { ProblemsScene } from './ProblemsScene.ts';

export const AUTHORING_SCENES = [AuthorScene, ProblemsScene, MapScene];

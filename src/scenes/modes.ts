/** The screens of the two ways to play: the mode choice, the workshop and its debrief. */
import { DebriefScene } from './DebriefScene.ts';
import { JoinScene } from './JoinScene.ts';
import { QuestionScene } from './QuestionScene.ts';
import { RatingScene } from './RatingScene.ts';
import { ModeScene } from './ModeScene.ts';
import { SetupScene } from './SetupScene.ts';
import { WhatIfScene } from './WhatIfScene.ts';
import { WorkshopScene } from './WorkshopScene.ts';

export const MODE_SCENES = [ModeScene, SetupScene, WorkshopScene, WhatIfScene, DebriefScene, JoinScene, QuestionScene, RatingScene];

/** The workshop's screens share this start: the room in progress and its art, or back to the title without one. */
import * as Phaser from 'phaser';
import { fitCamera } from '../platform/viewport.ts';
import { currentRoom, type Room } from '../session/room.ts';
import { queueScenarioArt } from '../ui/art.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { goTitle } from './navigation.ts';

export abstract class RoomScene extends Phaser.Scene {
  preload(): void {
    const room = currentRoom();
    if (room) queueScenarioArt(this, room.scenario);
  }

  /** The room, with the camera fitted and the backdrop drawn; null, on the way to the title, when there is none. */
  protected openRoom(): Room | null {
    const room = currentRoom();
    if (!room) {
      goTitle(this.game);
      return null;
    }
    fitCamera(this, 'room');
    drawBackdrop(this, true);
    return room;
  }
}

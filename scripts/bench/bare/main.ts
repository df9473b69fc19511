// The baseline the game is measured against: Phaser 4 drawing one Text, nothing else.
import * as Phaser from 'phaser';

class Bare extends Phaser.Scene {
  create() {
    this.add.text(960, 540, 'Many Masters', { fontSize: '64px', color: '#ffffff' }).setOrigin(0.5);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      (window as unknown as { firstFrame: number }).firstFrame = performance.now();
    });
  }
}

new Phaser.Game({
  type: Phaser.WEBGL,
  width: 1920,
  height: 1080,
  backgroundColor: '#000000',
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: Bare,
});

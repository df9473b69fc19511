/**
 * The parts of Phaser this game uses, built from Phaser's own sources (as its phaser-core.js entry
 * does) instead of the whole library: no physics, tilemaps, particles, video, meshes or
 * Phaser sound (Howler plays ours). 0.6 MB of script instead of 1.4 MB for a slow laptop to parse and run before the
 * first card. `import * as Phaser from 'phaser'` resolves here in the build
 * (scripts/vite-phaser-plugin.ts; the dev server keeps the whole bundle); the types stay Phaser's own.
 *
 * A new `this.add.something` needs its factory here, or Phaser says "this.add.something is not a function".
 */
import 'phaser/src/polyfills/requestVideoFrame.js';
import CONST from 'phaser/src/const.js';

import Animations from 'phaser/src/animations/index.js';
import BlendModes from 'phaser/src/renderer/BlendModes.js';
import Cache from 'phaser/src/cache/index.js';
import Scene2D from 'phaser/src/cameras/2d/index.js';
import Core from 'phaser/src/core/index.js';
import Class from 'phaser/src/utils/Class.js';
import CubicBezier from 'phaser/src/curves/CubicBezierCurve.js';
import Data from 'phaser/src/data/index.js';
import Masks from 'phaser/src/display/mask/index.js';
import DOM from 'phaser/src/dom/index.js';
import EventsModule from 'phaser/src/events/index.js';
import Filters from 'phaser/src/filters/index.js';
import Game from 'phaser/src/core/Game.js';
import Input from 'phaser/src/input/index.js';
import LoaderEvents from 'phaser/src/loader/events/index.js';
import LoaderFile from 'phaser/src/loader/File.js';
import LoaderPlugin from 'phaser/src/loader/LoaderPlugin.js';
import ImageFile from 'phaser/src/loader/filetypes/ImageFile.js';
import Vector2 from 'phaser/src/math/Vector2.js';
import Plugins from 'phaser/src/plugins/index.js';
import Renderer from 'phaser/src/renderer/index.js';
import Scale from 'phaser/src/scale/index.js';
import ScaleModes from 'phaser/src/renderer/ScaleModes.js';
import Scene from 'phaser/src/scene/Scene.js';
import Scenes from 'phaser/src/scene/index.js';
import Structs from 'phaser/src/structs/index.js';
import Textures from 'phaser/src/textures/index.js';
import Time from 'phaser/src/time/index.js';
import TintModes from 'phaser/src/renderer/TintModes.js';
import Tweens from 'phaser/src/tweens/index.js';

import DisplayList from 'phaser/src/gameobjects/DisplayList.js';
import UpdateList from 'phaser/src/gameobjects/UpdateList.js';
import GameObjectFactory from 'phaser/src/gameobjects/GameObjectFactory.js';
import GameObjectCreator from 'phaser/src/gameobjects/GameObjectCreator.js';
import Components from 'phaser/src/gameobjects/components/index.js';
import GameObjectEvents from 'phaser/src/gameobjects/events/index.js';
import GameObject from 'phaser/src/gameobjects/GameObject.js';
import Arc from 'phaser/src/gameobjects/shape/arc/Arc.js';
import Container from 'phaser/src/gameobjects/container/Container.js';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import Image from 'phaser/src/gameobjects/image/Image.js';
import Rectangle from 'phaser/src/gameobjects/shape/rectangle/Rectangle.js';
import Text from 'phaser/src/gameobjects/text/Text.js';
import Zone from 'phaser/src/gameobjects/zone/Zone.js';
// Each factory registers its `this.add.…` method when it is loaded.
import 'phaser/src/gameobjects/shape/arc/ArcFactory.js';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser/src/gameobjects/image/ImageFactory.js';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory.js';
import 'phaser/src/gameobjects/text/TextFactory.js';
import 'phaser/src/gameobjects/zone/ZoneFactory.js';

export const Loader = { Events: LoaderEvents, File: LoaderFile, LoaderPlugin, FileTypes: { ImageFile } };
export const GameObjects = { DisplayList, UpdateList, GameObjectFactory, GameObjectCreator, Components, Events: GameObjectEvents, GameObject, Arc, Container, Graphics, Image, Rectangle, Text, Zone };
export const Cameras = { Scene2D };
export const Curves = { CubicBezier };
export const Display = { Masks };
export const Events = EventsModule;
export const Math = { Vector2 };
export { Animations, BlendModes, Cache, Class, Core, Data, DOM, Filters, Game, Input, Plugins, Renderer, Scale, ScaleModes, Scene, Scenes, Structs, Textures, Time, TintModes, Tweens };
export const { AUTO, CANVAS, WEBGL, HEADLESS, VERSION } = CONST;

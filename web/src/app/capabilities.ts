// This browser's capabilities without the engine: the widget shows its threads line before Run,
// when the engine (imported on Run) is not loaded yet. environment.ts imports nothing.
export { capabilities } from '../engine/environment';

/** SVG figures of the failover report (self-contained strings; text escaped). */
export { lossFigure, zoomedLossFigure, lossLabel, type LossFigureInput } from "./loss-figure.js";
export { bandsFigure, type BandsFigureInput, type SweepBands } from "./bands-figure.js";
export { lossPowerFigure, type LossPowerFigureInput, type PowerPanel } from "./loss-power-figure.js";

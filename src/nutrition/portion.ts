// Grams from a detection box. The method (also in docs/nutrition.md):
//
//   share     = box area / image area                 (box clipped to the image)
//   scale     = share / REFERENCE_SHARE                (REFERENCE_SHARE = 0.10)
//   grams     = typical_portion_g × clamp(scale, 0.5, 2), rounded to 5 g
//
// REFERENCE_SHARE is the fraction of a top-down phone photo of a plate that one typical portion
// covers (a plate fills roughly half the frame and holds 4–5 portions). Mass is taken as proportional
// to visible area, i.e. a constant depth per food: good enough to tell half a portion from a double one,
// not better. The clamp exists because a single photo has no scale reference: a close-up of a cookie
// would otherwise read as a kilo. Without image size the box cannot be related to anything, unless
// its coordinates are already normalised (all within 0..1); then the typical portion is used as is.
// Confidence does not change grams — it is reported separately so the user can correct the food.

export interface Detection {
  name: string;
  confidence: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

export interface PortionEstimate {
  grams: number;
  /** 'box' when the box and image size were used; 'typical' when only the typical portion was. */
  method: 'box' | 'typical';
  /** The scale actually applied to the typical portion, after clamping. */
  scale: number;
}

export const REFERENCE_SHARE = 0.1;
export const MIN_SCALE = 0.5;
export const MAX_SCALE = 2;

function roundTo5(g: number): number {
  return Math.max(5, Math.round(g / 5) * 5);
}

export function estimatePortion(detection: Detection, typicalPortionG: number, image?: { width: number; height: number }): PortionEstimate {
  const typical: PortionEstimate = { grams: roundTo5(typicalPortionG), method: 'typical', scale: 1 };
  const { x1, y1, x2, y2 } = detection.box;
  if (![x1, y1, x2, y2].every(Number.isFinite)) return typical;
  let width: number;
  let height: number;
  if (image && image.width > 0 && image.height > 0) {
    width = image.width;
    height = image.height;
  } else if ([x1, y1, x2, y2].every((v) => v >= 0 && v <= 1)) {
    width = 1;
    height = 1;
  } else {
    return typical;
  }
  const bw = Math.min(Math.max(x2, 0), width) - Math.max(Math.min(x1, width), 0);
  const bh = Math.min(Math.max(y2, 0), height) - Math.max(Math.min(y1, height), 0);
  if (bw <= 0 || bh <= 0) return typical;
  const share = (bw * bh) / (width * height);
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, share / REFERENCE_SHARE));
  return { grams: roundTo5(typicalPortionG * scale), method: 'box', scale: Math.round(scale * 100) / 100 };
}

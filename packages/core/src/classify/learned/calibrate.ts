import type { CalibrationCurve } from "./types.js";

/**
 * The calibrated confidence at `raw`: linear between the curve's points, flat below the first, rounded to three
 * decimals (two would tie answers the curve ranks apart, such as a contested verdict and a clear one). Above the last
 * point (the mean raw confidence of the surest answers) it rises linearly to 1 at raw 1: a stronger answer is never
 * less likely right, so a structured fact (raw 0.97) stays surer than a strong text (raw 0.88) even where both sit
 * past the curve's end. An empty curve leaves the raw value as it is.
 */
export const calibrate = (curve: CalibrationCurve, raw: number): number => {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (first === undefined || last === undefined) return raw;
  let value = last[1];
  if (raw > last[0] && last[0] < 1) value = last[1] + ((raw - last[0]) / (1 - last[0])) * (1 - last[1]);
  else if (raw <= first[0]) value = first[1];
  else if (raw < last[0]) {
    for (let index = 1; index < curve.length; index += 1) {
      const [x1, y1] = curve[index] as readonly [number, number];
      if (raw > x1) continue;
      const [x0, y0] = curve[index - 1] as readonly [number, number];
      value = x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
      break;
    }
  }
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
};

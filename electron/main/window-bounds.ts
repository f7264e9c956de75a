import { z } from 'zod';

const RectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rectangle = z.infer<typeof RectangleSchema>;

/** The main window as it was left: its normal (not maximized) bounds, and whether maximized. */
export const WindowStateSchema = z.object({ bounds: RectangleSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowStateSchema>;

/** How much of a window must show on a display to count as on it: enough to grab and move. */
export const MIN_VISIBLE = { width: 100, height: 50 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The work area showing most of `bounds`, where enough of it shows; else null. */
export function displayShowing(
  bounds: Rectangle,
  workAreas: readonly Rectangle[],
): Rectangle | null {
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const { width, height } = overlap(bounds, area);
    if (width < MIN_VISIBLE.width || height < MIN_VISIBLE.height) continue;
    if (width * height > bestArea) {
      best = area;
      bestArea = width * height;
    }
  }
  return best;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** `bounds` moved, and shrunk where larger, to lie wholly inside the work area. */
export function fitInside(bounds: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/**
 * Where the window opens: the saved state kept wholly on the display that shows most of it;
 * null (the default size, centred) where nothing was saved or it is off every display, as
 * after a monitor was unplugged.
 */
export function restoredWindowState(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): WindowState | null {
  if (!saved) return null;
  const area = displayShowing(saved.bounds, workAreas);
  return area ? { bounds: fitInside(saved.bounds, area), maximized: saved.maximized } : null;
}

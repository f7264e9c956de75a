import { describe, expect, it } from 'vitest';
import { displayShowing, fitInside, restoredWindowState, type Rectangle } from './window-bounds';

const LAPTOP: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second monitor to the laptop's right, its top lower. */
const MONITOR: Rectangle = { x: 1920, y: 200, width: 2560, height: 1400 };

const at = (x: number, y: number, width = 1280, height = 820): Rectangle => ({
  x,
  y,
  width,
  height,
});

describe('whether the saved window shows on a display', () => {
  it('finds the display that shows most of it', () => {
    expect(displayShowing(at(100, 100), [LAPTOP, MONITOR])).toBe(LAPTOP);
    expect(displayShowing(at(1800, 300), [LAPTOP, MONITOR])).toBe(MONITOR);
  });

  it('finds none for a window on a monitor that was unplugged', () => {
    expect(displayShowing(at(2200, 300), [LAPTOP])).toBeNull();
    expect(displayShowing(at(-3000, -2000), [LAPTOP, MONITOR])).toBeNull();
  });

  it('finds none where too little of it shows to grab it', () => {
    // 40 pixels of it on the laptop's right edge.
    expect(displayShowing(at(1880, 100), [LAPTOP])).toBeNull();
    // Only its bottom 30 pixels below the top of the screen.
    expect(displayShowing(at(100, -790), [LAPTOP])).toBeNull();
    expect(displayShowing(at(1820, 100), [LAPTOP])).toBe(LAPTOP);
  });
});

describe('fitting the window inside a display', () => {
  it('leaves a window that already fits where it is', () => {
    expect(fitInside(at(100, 100), LAPTOP)).toEqual(at(100, 100));
  });

  it('moves a window partly off the display back onto it', () => {
    expect(fitInside(at(1000, 600), LAPTOP)).toEqual(at(640, 220));
    expect(fitInside(at(1800, 100), MONITOR)).toEqual(at(1920, 200));
  });

  it('shrinks a window larger than the display to its size', () => {
    expect(fitInside(at(-50, -50, 3000, 2000), LAPTOP)).toEqual(LAPTOP);
  });
});

describe('the window state restored at start', () => {
  it('is the saved one where it fits', () => {
    const saved = { bounds: at(300, 200), maximized: true };
    expect(restoredWindowState(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('is kept on screen where part of it was off', () => {
    expect(
      restoredWindowState({ bounds: at(2000, 1000), maximized: false }, [LAPTOP, MONITOR]),
    ).toEqual({ bounds: at(2000, 780), maximized: false });
  });

  it('falls back to the defaults where it is off every display, or nothing was saved', () => {
    expect(restoredWindowState({ bounds: at(2200, 300), maximized: true }, [LAPTOP])).toBeNull();
    expect(restoredWindowState(null, [LAPTOP])).toBeNull();
    expect(restoredWindowState({ bounds: at(100, 100), maximized: false }, [])).toBeNull();
  });
});

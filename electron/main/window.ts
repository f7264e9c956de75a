import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './app-protocol';

/**
 * The console's window. The renderer gets no Node and no Electron, only the preload's narrow
 * bridge, in a sandboxed process with its own JavaScript context. The preferences are
 * written out here, in the constructor call, so a reader (and Electronegativity) sees each
 * one; window.test.ts holds them to this list.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Deskside',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // No middle-button `auxclick` events: the console needs none, and a middle click on a
      // link has opened new windows past an app's checks before.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(APP_INDEX_URL);
  return window;
}

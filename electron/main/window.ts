import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

/** The renderer gets no Node, no Electron, only the preload's narrow bridge. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} satisfies BrowserWindowConstructorOptions['webPreferences'];

export function createMainWindow(preloadPath: string, indexHtmlPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Deskside',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadFile(indexHtmlPath);
  return window;
}

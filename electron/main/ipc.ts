import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { isTrustedRendererUrl } from './trust';

/**
 * Whether an IPC message comes from the console's own page: the window's top frame (not an
 * iframe) showing app://deskside. Every handler and listener in the main process goes
 * through `handleTrusted` or `onTrusted`, which check this before anything else runs.
 */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  return frame != null && frame.parent === null && isTrustedRendererUrl(frame.url);
}

/**
 * Registers an invoke handler (`handle`) that answers `refused()` to any sender but the
 * console's page.
 */
export function handleTrusted<T>(
  ipc: Pick<IpcMain, 'handle'>,
  channel: string,
  handler: (input: unknown, event: IpcMainInvokeEvent) => Promise<T>,
  refused: () => Promise<T>,
): void {
  ipc.handle(channel, (event, input: unknown) =>
    isTrustedSender(event.senderFrame) ? handler(input, event) : refused(),
  );
}

/**
 * Registers a listener (`on`) that ignores messages from any sender but the console's
 * page.
 */
export function onTrusted(
  ipc: Pick<IpcMain, 'on'>,
  channel: string,
  listener: (input: unknown, event: IpcMainEvent) => void,
): void {
  ipc.on(channel, (event, input: unknown) => {
    if (isTrustedSender(event.senderFrame)) listener(input, event);
  });
}

import { EventEmitter } from 'node:events';
import type { SenderEvent } from '../../electron/sender';

/** A web contents stand-in: records listeners so a test can fire navigation events. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** Fires an event whose default can be prevented, as Electron's are. */
export function fire(contents: EventEmitter, name: string, ...args: unknown[]): { prevented: boolean } {
  const event = { prevented: false, preventDefault() { this.prevented = true; } };
  contents.emit(name, event, ...args);
  return event;
}

/** An IPC event from a frame at `url`; `subframe` makes it a child frame of the page. */
export function ipcEvent(options: { url: string; contentsId?: number; subframe?: boolean; noFrame?: boolean }): SenderEvent {
  const mainFrame = { url: options.url, parent: null };
  const frame = options.subframe ? { url: options.url, parent: mainFrame } : mainFrame;
  return {
    sender: { id: options.contentsId ?? 1, mainFrame },
    senderFrame: options.noFrame ? null : frame,
  };
}

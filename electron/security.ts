import type { Event, HandlerDetails, Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './app-url';
import { safeOpenExternal, type ShellLike } from './external-links';

/** The parts of WebContents the guards touch, so tests can pass a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Every web contents the app creates gets these guards: it can only ever show the
 * app's own pages. Links to the web open in the user's browser (http/https only),
 * never inside the app.
 */
export function hardenWebContents(contents: GuardedContents, shell: ShellLike): void {
  contents.on('will-navigate', (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event: Event & { url: string }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event, _prefs: WebPreferences, params: Record<string, string>) => {
    // webviewTag is off; refuse anyway so no setting change can bring one back.
    void params;
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    void safeOpenExternal(details.url, shell);
    return { action: 'deny' };
  });
}

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** The app needs no camera, microphone, notifications, geolocation, … : all refused. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

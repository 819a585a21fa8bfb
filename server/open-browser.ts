import { spawn } from 'node:child_process';

/** The system's own "open this address" command: the reviewer's default browser. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // start's first quoted argument is a window title; the address follows it.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens `url` in the default browser; resolves with why not, or null. Never throws. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const { command, args } = browserCommand(url, platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
      child.once('error', (error) => resolve(`${command} could not be run (${(error as NodeJS.ErrnoException).code ?? error.message})`));
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    } catch (error) {
      resolve(`${command} could not be run (${(error as Error).message})`);
    }
  });
}

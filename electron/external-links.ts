import { tryParseUrl } from './parse-url';

/**
 * The ONE place that may hand a URL to the operating system (lint bans
 * `openExternal` everywhere else). Only http(s) links leave the app: no file:,
 * no custom schemes that launch other programs, no javascript:.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = tryParseUrl(url);
  if (!parsed) return false;
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export async function safeOpenExternal(url: string, shell: ShellLike): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

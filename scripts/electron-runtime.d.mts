export const DOWNLOAD_TIMEOUT_MS: number;

export function electronExecutableName(platform: string): string;

export function readPackageVersion(packageDir: string): string;

export interface ElectronRuntimeStatus {
  version: string;
  executable: string;
  override: boolean;
  present: boolean;
  problem?: string;
}

export function electronRuntimeStatus(options: {
  electronDir: string;
  env?: NodeJS.ProcessEnv;
  platform?: string;
}): ElectronRuntimeStatus;

export type DownloadResult = { ok: true } | { ok: false; reason: string };

export function downloadElectronRuntime(options: {
  electronDir: string;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  timeoutMs?: number;
}): DownloadResult;

export const BROWSER_INSTEAD: string;

export function electronDownloadFailedReason(details: { version: string; reason?: string }): string;

export function electronOverrideBrokenReason(details: { version: string; problem?: string }): string;

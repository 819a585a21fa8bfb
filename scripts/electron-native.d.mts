import type { QuietRunResult } from './quiet-run.mjs';

export const NATIVE_BINDING_ENV: string;
export const ELECTRON_HEADERS_URL: string;

export interface NativeTarget {
  moduleName: string;
  moduleVersion: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

export function nativeCacheKey(target: NativeTarget): string;

export function defaultNativeCacheRoot(root: string): string;

export function nativeCachePaths(cacheRoot: string, key: string): { dir: string; binding: string; marker: string; log: string };

export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;

export interface BuildTools {
  prebuildInstall?: string;
  nodeGyp?: string;
}

export function findBuildTools(root: string, env?: NodeJS.ProcessEnv): BuildTools;

export interface BuildStep {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export function nativeBuildSteps(options: {
  cacheDir: string;
  electronVersion: string;
  platform: string;
  arch: string;
  env: NodeJS.ProcessEnv;
  tools: BuildTools;
  devDir: string;
}): BuildStep[];

export type EnsureNativeResult =
  | { ok: true; binding: string; built: boolean }
  | { ok: false; reason: string; log: string; moduleVersion: string };

export function ensureElectronNative(options: {
  root: string;
  cacheRoot?: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  devDir?: string;
  tools?: BuildTools;
  run?: (command: string, args: string[], step: BuildStep) => QuietRunResult;
  onBuildStart?: (info: { moduleVersion: string; electronVersion: string }) => void;
}): EnsureNativeResult;

export function nativeBuildFailedReason(details: {
  electronVersion: string;
  moduleVersion: string;
  reason: string;
  log?: string;
}): string;

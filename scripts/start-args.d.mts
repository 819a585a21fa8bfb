export interface StartArgs {
  skipBuild: boolean;
  browser: boolean;
  appArgs: string[];
}

export function parseStartArgs(argv: readonly string[]): StartArgs;

export interface StartArgs {
  skipBuild: boolean;
  appArgs: string[];
}

export function parseStartArgs(argv: readonly string[]): StartArgs;

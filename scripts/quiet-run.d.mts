export interface QuietRunResult {
  ok: boolean;
  timedOut: boolean;
  output: string;
}

export function runQuietly(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): QuietRunResult;

export function firstErrorLine(output: string): string;

export function networkTrouble(output: string): string | undefined;

export function describeFailure(output: string): string;

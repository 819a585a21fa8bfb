import { runCli } from '../../cli/run';

/** Runs the CLI in-process, as the binary would, and returns what it printed and its exit code. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

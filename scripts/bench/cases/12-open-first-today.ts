import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDesk } from '../../../services/desk';
import { call } from '../call';
import type { BenchCase } from '../case';
import { collectGarbage, now } from '../measure';
import { median } from '../stats';

/**
 * The day's first start of the desktop app or `serve`: a copy of the store in a folder with no
 * backup, opened as they open it (recovery mode, the daily backup left for later), the daily
 * backup started at once (the earliest `serve` starts it), then the first screen's first
 * operation. Timed: from the opening until `listProjects` has answered. Then, untimed for
 * that figure, the backup runs to its end while a 1 ms interval measures how long the event
 * loop went without a turn: the longest block the reviewer's window could meet.
 */

/** The longest gap between two ticks of a 1 ms interval, less the 1 ms it waits on purpose. */
function lagProbe() {
  let longest = 0;
  let last = now();
  const timer = setInterval(() => {
    const at = now();
    longest = Math.max(longest, at - last - 1);
    last = at;
  }, 1);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      return { longestMs: longest, delayMaxMs: histogram.max / 1e6, delayP99Ms: histogram.percentile(99) / 1e6 };
    },
  };
}

export const benchCase: BenchCase = {
  name: 'open-first-today',
  title: 'First start of the day (desktop app, serve)',
  description:
    'openDesk on a fresh copy of the generated store in a folder with no backup, as the desktop app and serve open it ' +
    '(recovery mode, laterDailyBackup), startDailyBackup() at once, then dispatch("listProjects"): timed until it answers. ' +
    'Then the daily backup runs to its end (copy in steps, read back in steps, fsync, rename) while a 1 ms interval ' +
    'measures the longest time the event loop went without a turn. Warm page cache; each run on its own copy.',
  figures: [
    { key: 'firstAnswer', label: 'open first today until the first operation answers, median', unit: 'ms' },
    { key: 'backup', label: 'the daily backup afterwards, start to end, median', unit: 'ms' },
    { key: 'longestStep', label: 'its longest step (event loop held), worst run', unit: 'ms' },
    { key: 'longestStepCpu', label: 'the most CPU time during one step (whole process, all threads), worst run', unit: 'ms' },
    { key: 'longestBlock', label: 'longest event-loop block while it runs (1 ms probe), median of runs', unit: 'ms' },
    { key: 'longestBlockMax', label: 'longest event-loop block while it runs (1 ms probe), worst run', unit: 'ms' },
    { key: 'idleBlock', label: 'the same probe with nothing running (the machine alone), median of runs', unit: 'ms' },
  ],
  targets: [
    { figure: 'firstAnswer', below: 100 },
    { figure: 'longestStep', below: 16 },
    { figure: 'longestBlock', below: 16 },
  ],
  async run(context) {
    const runs = context.reps(5, 2);
    const firstAnswer: number[] = [];
    const backup: number[] = [];
    const blocks: { longestMs: number; delayMaxMs: number; delayP99Ms: number }[] = [];
    const idle: number[] = [];
    const backupBytes: number[] = [];
    const longestSteps: { ms: number; cpuMs: number; preempted: number; step: string }[] = [];
    const mostCpus: number[] = [];
    const warnings: string[] = [];
    for (let i = 0; i < runs; i++) {
      const file = context.copyOf(context.store);
      // The copy on disk, and read once (as on a day the app already ran): a warm cache, as the other open figures.
      fs.readFileSync(file);
      context.settle();
      // The baseline: how long this process waits for a core when it does nothing (2 s).
      const quiet = lagProbe();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      idle.push(quiet.stop().longestMs);
      collectGarbage();
      const started = now();
      let longestStep = { ms: 0, cpuMs: 0, preempted: 0, step: '' };
      let mostCpu = 0;
      let mostCpuStep = '';
      // Involuntary context switches between two steps: the step was stopped by the scheduler
      // (a busy machine), not by its own work.
      let switches = process.resourceUsage().involuntaryContextSwitches;
      const desk = openDesk(file, {
        recover: true,
        laterDailyBackup: true,
        onDailyBackupStep: (step) => {
          const nowSwitches = process.resourceUsage().involuntaryContextSwitches;
          const preempted = nowSwitches - switches;
          switches = nowSwitches;
          const what = step.phase === 'copy' ? `copy ${step.rows} rows of ${step.table} (${step.pages} pages)` : step.phase;
          if (step.cpuMs > mostCpu) [mostCpu, mostCpuStep] = [step.cpuMs, what];
          if (step.ms > longestStep.ms) longestStep = { ms: step.ms, cpuMs: step.cpuMs, preempted, step: what };
        },
      });
      const pending = desk.startDailyBackup();
      await call(desk.services, 'listProjects', {});
      firstAnswer.push(now() - started);

      const probe = lagProbe();
      const backupStarted = now();
      const outcome = await pending;
      backup.push(now() - backupStarted);
      blocks.push(probe.stop());
      longestSteps.push(longestStep);
      mostCpus.push(mostCpu);
      desk.close();
      if (outcome.warning) warnings.push(outcome.warning);
      if (!outcome.created) throw new Error(`The daily backup was not written: ${outcome.warning ?? 'no reason given'}`);
      backupBytes.push(outcome.created.bytes);
      context.progress(`run ${i + 1}/${runs}: first answer ${firstAnswer.at(-1)!.toFixed(1)} ms, backup ${backup.at(-1)!.toFixed(0)} ms, longest block ${blocks.at(-1)!.longestMs.toFixed(1)} ms, longest step ${longestStep.ms.toFixed(1)} ms, of it computing ${longestStep.cpuMs.toFixed(1)} ms, preempted ${longestStep.preempted}× (${longestStep.step}); most computing in a step ${mostCpu.toFixed(1)} ms (${mostCpuStep}); idle probe ${idle.at(-1)!.toFixed(1)} ms`);
      // Keep the disk from filling with copies: the case's folders are removed at its end anyway.
      fs.rmSync(path.join(path.dirname(file), 'backups'), { recursive: true, force: true });
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
    const longest = blocks.map((b) => b.longestMs);
    return {
      figures: {
        firstAnswer: median(firstAnswer),
        backup: median(backup),
        longestStep: Math.max(...longestSteps.map((s) => s.ms)),
        longestStepCpu: Math.max(...mostCpus),
        longestBlock: median(longest),
        longestBlockMax: Math.max(...longest),
        idleBlock: median(idle),
      },
      notes: [
        ...warnings,
        ...(longestSteps.some((s) => s.preempted > 0 && s.cpuMs < s.ms / 2)
          ? ['The longest steps were mostly time the scheduler gave other processes (involuntary context switches, little computing): compare with a quiet machine.']
          : []),
      ],
      details: { idleBlockSamplesMs: idle, firstAnswerSamplesMs: firstAnswer, backupSamplesMs: backup, longestSteps, mostCpuPerRunMs: mostCpus, blocks, backupBytes },
    };
  },
};

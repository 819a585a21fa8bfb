import fs from 'node:fs';
import path from 'node:path';
import { openDesk } from '../../../services/desk';
import { call } from '../call';
import type { BenchCase } from '../case';
import { p50p95, timeOperations } from '../measure';

const TYPED = ' and the rollout went well';

/** The floor under every durable save on this disk: a small write and an fsync, nothing else. */
function diskFsync(dir: string, count: number): number[] {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      fs.writeSync(fd, block, 0, block.length, (i % 16) * block.length);
      fs.fsyncSync(fd);
      samples.push(performance.now() - started);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return samples;
}

export const benchCase: BenchCase = {
  name: 'autosave',
  title: 'Autosave one field through the services',
  description:
    'dispatch("setAnswer") and dispatch("updateInterview", summary) as the app’s front doors call them: schema check, service, ' +
    'one transaction with its history entry, committed with synchronous=FULL (one fsync per save). Each save sends the whole ' +
    'text with a few more words, the version it read, and gets the next version back, as the editor does; several interviews ' +
    'spread over the store. IPC is not included. A save notes its document for the full-text index (migration 7); the ' +
    'indexing itself, timed apart, runs when the reviewer pauses or before the next search.',
  figures: [
    { key: 'setAnswer.p50', label: 'notes under a question (setAnswer), p50', unit: 'ms' },
    { key: 'setAnswer.p95', label: 'notes under a question (setAnswer), p95', unit: 'ms' },
    { key: 'summary.p50', label: 'summary (updateInterview), p50', unit: 'ms' },
    { key: 'summary.p95', label: 'summary (updateInterview), p95', unit: 'ms' },
    { key: 'catchUp.p50', label: 'then, when idle or before a search: indexing that summary, p50', unit: 'ms' },
    { key: 'catchUp.p95', label: 'then, when idle or before a search: indexing that summary, p95', unit: 'ms' },
    { key: 'fsync.p50', label: 'the disk under it: 4 KB write + fsync, p50', unit: 'ms' },
    { key: 'fsync.p95', label: 'the disk under it: 4 KB write + fsync, p95', unit: 'ms' },
  ],
  targets: [
    { figure: 'setAnswer.p95', below: 5 },
    { figure: 'summary.p95', below: 5 },
  ],
  async run(context) {
    const file = context.copyOf(context.store);
    const fsync = p50p95(diskFsync(path.dirname(file), context.reps(200, 50)));
    const desk = openDesk(file);
    context.settle();
    try {
      const interviews = context.reps(10, 4);
      const saves = context.reps(30, 10);
      const warmup = 5;
      const ids = Array.from({ length: interviews }, (_, k) => 1 + Math.floor((k * context.store.counts.interviews) / interviews));
      const details = await Promise.all(ids.map((id) => call(desk.services, 'getInterview', { id })));
      // One editor per interview: the notes of its first answered question, and its summary.
      const answers = details.map((d) => {
        const answer = d.answers[0];
        if (!answer) throw new Error(`Interview ${d.interview.id} has no notes to edit.`);
        return { interviewId: answer.interviewId, questionKey: answer.questionKey, text: answer.text, version: answer.version };
      });
      const summaries = details.map((d) => ({ id: d.interview.id, text: d.interview.summary, version: d.interview.version }));
      const which = (i: number) => Math.floor(i / saves) % interviews;

      const setAnswer = await timeOperations({
        warmup,
        count: interviews * saves - warmup,
        before: (i) => {
          answers[which(i)]!.text += TYPED;
        },
        run: (i) => {
          const a = answers[which(i)]!;
          return call(desk.services, 'setAnswer', { interviewId: a.interviewId, questionKey: a.questionKey, text: a.text, version: a.version });
        },
        after: (saved, i) => {
          answers[which(i)]!.version = saved.version;
        },
      });
      const summary = await timeOperations({
        warmup,
        count: interviews * saves - warmup,
        before: (i) => {
          summaries[which(i)]!.text += TYPED;
        },
        run: (i) => {
          const s = summaries[which(i)]!;
          return call(desk.services, 'updateInterview', { id: s.id, version: s.version, summary: s.text });
        },
        after: (saved, i) => {
          summaries[which(i)]!.version = saved.version;
        },
      });
      // The index work a summary save no longer does (migration 7) is done later, in one go:
      // before the next search, or once the reviewer pauses. One saved summary per run.
      desk.store.indexPending();
      const catchUp = await timeOperations({
        warmup: 2,
        count: context.reps(30, 10),
        before: async (i) => {
          const s = summaries[i % interviews]!;
          s.text += TYPED;
          s.version = (await call(desk.services, 'updateInterview', { id: s.id, version: s.version, summary: s.text })).version;
        },
        run: () => desk.store.indexPending(),
      });
      const a = p50p95(setAnswer);
      const s = p50p95(summary);
      const c = p50p95(catchUp);
      const synchronous = desk.store.db.pragma('synchronous', { simple: true });
      return {
        figures: {
          'setAnswer.p50': a.p50,
          'setAnswer.p95': a.p95,
          'summary.p50': s.p50,
          'summary.p95': s.p95,
          'catchUp.p50': c.p50,
          'catchUp.p95': c.p95,
          'fsync.p50': fsync.p50,
          'fsync.p95': fsync.p95,
        },
        notes: synchronous === 2 ? [] : [`synchronous is ${String(synchronous)}, not FULL (2): the figures do not include an fsync per save`],
        details: { interviews, savesPerInterview: saves, warmup, setAnswerSamplesMs: setAnswer, summarySamplesMs: summary, catchUpSamplesMs: catchUp },
      };
    } finally {
      desk.close();
    }
  },
};

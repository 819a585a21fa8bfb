import fs from 'node:fs';
import path from 'node:path';
import { openDesk } from '../../../services/desk';
import type { BenchCase } from '../case';
import { p50p95, timeOperations } from '../measure';
import { median } from '../stats';

export const benchCase: BenchCase = {
  name: 'open',
  title: 'Open + migrate the store',
  description:
    'openDesk on a copy of the generated store, as the app and the CLI start: everything openDesk does before the first ' +
    'operation (file checks, pragmas, migration check with nothing to migrate, repositories and services built, and any ' +
    'backup the store layer writes). Closing is not timed; warm page cache. "Again": the store was already opened today. ' +
    '"First today": a fresh copy in a fresh folder, as the command line opens it on the first start of a day (the desktop app ' +
    'and serve leave the backup for later: case open-first-today). Also: creating a new empty store.',
  figures: [
    { key: 'median', label: 'open again, median', unit: 'ms' },
    { key: 'p95', label: 'open again, p95', unit: 'ms' },
    { key: 'firstOfDay', label: 'open first today, command line (check + backup at the opening), median', unit: 'ms' },
    { key: 'create', label: 'create + migrate a new store, median', unit: 'ms' },
  ],
  targets: [{ figure: 'median', below: 200 }],
  async run(context) {
    let file = '';
    const first = await timeOperations({
      warmup: 0,
      count: context.reps(3, 1),
      before: () => {
        file = context.copyOf(context.store);
      },
      run: () => openDesk(file),
      after: (desk) => void desk.close(),
    });
    context.settle();
    const again = await timeOperations({ warmup: 1, count: context.reps(30, 8), run: () => openDesk(file), after: (desk) => void desk.close() });
    const dir = context.tempDir();
    const create = await timeOperations({
      warmup: 1,
      count: context.reps(10, 3),
      run: (i) => openDesk(path.join(dir, `new-${i}.sqlite`)),
      after: (desk, i) => {
        desk.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `new-${i}.sqlite${suffix}`), { force: true });
      },
    });
    const { p50, p95 } = p50p95(again);
    return {
      figures: { median: p50, p95, firstOfDay: median(first), create: median(create) },
      details: { againSamplesMs: again, firstOfDaySamplesMs: first, createSamplesMs: create },
    };
  },
};

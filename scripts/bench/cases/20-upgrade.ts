import { openDesk } from '../../../services/desk';
import { MIGRATIONS } from '../../../db/migrations';
import { NotAvailable, notAvailable, type BenchCase } from '../case';
import { timeOperations } from '../measure';
import { median } from '../stats';

export const benchCase: BenchCase = {
  name: 'upgrade',
  title: 'Upgrade: first open after an update (store one migration behind)',
  description:
    'openDesk on a fresh copy of the generated store written one schema version behind the app, so the latest migration runs ' +
    'on the whole store, as on the first start of a new version: everything openDesk does then, backups included. ' +
    'Once per version, so no target; what each migration cost while the store was made is in the store line of the report.',
  figures: [{ key: 'median', label: 'open + latest migration, median', unit: 'ms' }],
  async run(context) {
    const previous = context.previousStore;
    if (previous instanceof NotAvailable) return { figures: { median: notAvailable(previous.reason) } };
    const latest = MIGRATIONS.at(-1)!;
    let file = '';
    const samples = await timeOperations({
      warmup: 0,
      count: context.reps(3, 1),
      run: () => openDesk(file),
      after: (desk) => {
        const version = desk.store.db.pragma('user_version', { simple: true });
        desk.close();
        if (version !== latest.version) throw new Error(`The upgraded store is at schema ${String(version)}, not ${latest.version}.`);
      },
      // A fresh copy for every run: a migrated file has nothing left to migrate.
      before: () => {
        file = context.copyOf(previous);
      },
    });
    return {
      figures: { median: median(samples) },
      notes: [`upgrade = migration ${latest.version} (${latest.name}) on the ${context.quick ? 'quick' : 'full'} store`],
      details: { migration: { version: latest.version, name: latest.name }, samplesMs: samples },
    };
  },
};

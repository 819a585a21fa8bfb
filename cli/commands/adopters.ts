import { parseArgs } from 'node:util';
import { STAGE_LABELS, USAGE_LEVEL_LABELS } from '../../domain/adopter';
import { call } from '../call';
import type { Command } from '../command';
import { json, table } from '../format';
import { UsageError } from '../io';

const USAGE = '  adoption-desk adopters --project SLUG [--json]';

export const adoptersCommand: Command = {
  name: 'adopters',
  usage: USAGE,
  readOnly: () => true,
  async run(args, services, io) {
    const { values } = parseArgs({ args, options: { project: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    if (!values.project) throw new UsageError(`adopters needs --project SLUG.\nUsage:\n${USAGE}`);
    const project = await call(services, 'getProjectBySlug', { slug: values.project });
    const adopters = await call(services, 'adopterOverview', { projectId: project.id });
    if (values.json) {
      io.stdout(json(adopters));
      return;
    }
    if (adopters.length === 0) {
      io.stdout(`No adopters in ${project.name} yet.\n`);
      return;
    }
    io.stdout(
      table(
        ['N', 'LABEL', 'ORGANIZATION', 'STAGE', 'USAGE', 'MONTH'],
        adopters.map((a) => [
          String(a.number),
          a.label,
          a.anonymous ? `${a.organization} (anonymous)` : a.organization,
          STAGE_LABELS[a.stage],
          a.usageLevel ? USAGE_LEVEL_LABELS[a.usageLevel] : '-',
          a.interviewMonth ?? '-',
        ]),
      ),
    );
  },
};

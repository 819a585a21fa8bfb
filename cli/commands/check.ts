import { parseArgs } from 'node:util';
import { call } from '../call';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { json } from '../format';
import { UsageError } from '../io';
import { leakReport } from './export';

const USAGE = '  adoption-desk check --project SLUG [--json]';

export const checkCommand: Command = {
  name: 'check',
  usage: USAGE,
  readOnly: () => true,
  async run(args, services, io) {
    const { values } = parseArgs({ args, options: { project: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    if (!values.project) throw new UsageError(`check needs --project SLUG.\nUsage:\n${USAGE}`);
    const project = await call(services, 'getProjectBySlug', { slug: values.project });
    const check = await call(services, 'checkAdoption', { projectId: project.id });
    if (values.json) {
      io.stdout(json(check));
    } else {
      const out = [
        `${project.name} (${project.level}): ${check.publishable ? 'the Adoption section can be published.' : 'not ready to publish.'}`,
        '',
        check.criterion.checklistLine,
        `  ${check.criterion.sentence}`,
        '',
      ];
      if (check.leaks.length) out.push(`Refused by the anonymity guard (${check.leaks.length}):`, leakReport(check.leaks).trimEnd(), '');
      if (check.warnings.length) out.push(`Warnings (${check.warnings.length}):`, ...check.warnings.map((w) => `  - ${w.message}`), '');
      if (check.omitted.length) out.push('Not in the section:', ...check.omitted.map((o) => `  - Adopter ${o.number}: ${o.reason}`), '');
      io.stdout(`${out.join('\n')}\n`);
    }
    return check.publishable ? EXIT.ok : EXIT.notPublishable;
  },
};

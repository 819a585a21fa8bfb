import { parseArgs } from 'node:util';
import { call } from '../call';
import type { Command } from '../command';
import { json, table } from '../format';
import { UsageError } from '../io';

const USAGE = `  adoption-desk project add --name NAME --level incubation|graduation [--slug SLUG]
  adoption-desk project list [--json]`;

export const projectCommand: Command = {
  name: 'project',
  usage: USAGE,
  readOnly: (args) => args[0] === 'list',
  async run(args, services, io) {
    const [sub, ...rest] = args;
    if (sub === 'add') {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, level: { type: 'string' }, slug: { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
      });
      if (!values.name) throw new UsageError('project add needs --name NAME.');
      if (!values.level) throw new UsageError('project add needs --level incubation|graduation.');
      const project = await call(services, 'createProject', {
        name: values.name,
        level: values.level as 'incubation' | 'graduation',
        ...(values.slug ? { slug: values.slug } : {}),
      });
      io.stdout(values.json ? json(project) : `Created project "${project.name}" (${project.slug}, ${project.level}).\n`);
      return;
    }
    if (sub === 'list') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
      const projects = await call(services, 'listProjects', {});
      if (values.json) io.stdout(json(projects));
      else if (projects.length === 0) io.stdout('No projects yet. Add one with: adoption-desk project add --name NAME --level incubation\n');
      else io.stdout(table(['SLUG', 'LEVEL', 'NAME'], projects.map((p) => [p.slug, p.level, p.name])));
      return;
    }
    throw new UsageError(sub ? `Unknown project command "${sub}".\nUsage:\n${USAGE}` : `Usage:\n${USAGE}`);
  },
};

import { parseArgs } from 'node:util';
import type { Services } from '../../services/contract';
import { call } from '../call';
import { json, table } from '../format';
import { UsageError, type CliIo } from '../io';

export const PROJECT_USAGE = `Usage:
  adoption-desk project add --name NAME --level incubation|graduation [--slug SLUG]
  adoption-desk project list [--json]`;

export async function projectCommand(args: string[], services: Services, io: CliIo): Promise<void> {
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
    if (values.json) {
      io.stdout(json(projects));
    } else if (projects.length === 0) {
      io.stdout('No projects yet. Add one with: adoption-desk project add --name NAME --level incubation\n');
    } else {
      io.stdout(table(['SLUG', 'LEVEL', 'NAME'], projects.map((p) => [p.slug, p.level, p.name])));
    }
    return;
  }
  throw new UsageError(sub ? `Unknown project command "${sub}".\n${PROJECT_USAGE}` : PROJECT_USAGE);
}

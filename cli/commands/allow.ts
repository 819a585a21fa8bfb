import { parseArgs } from 'node:util';
import type { Adopter } from '../../domain/adopter';
import type { Allowance } from '../../domain/allowance';
import { DeskError } from '../../domain/errors';
import { allowanceScope } from '../../domain/vocabulary';
import type { Services } from '../../services/contract';
import { call } from '../call';
import type { Command } from '../command';
import { json, table } from '../format';
import { UsageError, type CliIo } from '../io';

const USAGE = `  adoption-desk allow --project SLUG --adopter N --text WORD [--everywhere | --entry M] [--note TEXT] [--json]
  adoption-desk allow --list --project SLUG [--adopter N] [--json]
  adoption-desk allow --remove ID
  adoption-desk allow --remove --project SLUG --adopter N --text WORD`;

const OPTIONS = {
  project: { type: 'string' },
  adopter: { type: 'string' },
  text: { type: 'string' },
  everywhere: { type: 'boolean' },
  entry: { type: 'string' },
  note: { type: 'string' },
  list: { type: 'boolean' },
  remove: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** A whole number from an option ("--adopter 3"), or a usage error naming the option. */
function wholeNumber(value: string, option: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`allow: ${option} takes a whole number from 1, not "${value}".\nUsage:\n${USAGE}`);
  return Number(value);
}

/** Only the options that belong to the chosen form; a stray one is a mistake worth saying. */
function refuseOptions(values: Values, form: string, allowed: readonly (keyof Values)[]) {
  const stray = (Object.keys(values) as (keyof Values)[]).filter((k) => values[k] !== undefined && !allowed.includes(k));
  if (stray.length) throw new UsageError(`allow ${form} does not take ${stray.map((k) => `--${k}`).join(', ')}.\nUsage:\n${USAGE}`);
}

/** The project's adopters, and the one numbered N when asked (NOT_FOUND otherwise). */
async function adoptersOf(services: Services, slug: string, number?: number) {
  const project = await call(services, 'getProjectBySlug', { slug });
  const adopters = await call(services, 'listAdopters', { projectId: project.id });
  const chosen = number === undefined ? undefined : adopters.find((a) => a.number === number);
  if (number !== undefined && !chosen) throw new DeskError('NOT_FOUND', `${project.name} has no Adopter ${number}.`);
  return { project, adopters, chosen };
}

const describe = (al: Allowance, a: Pick<Adopter, 'number'>) => `“${al.term}” for Adopter ${a.number}, ${allowanceScope(al, a.number)}`;

async function add(values: Values, services: Services, io: CliIo) {
  refuseOptions(values, '', ['project', 'adopter', 'text', 'everywhere', 'entry', 'note', 'json']);
  if (!values.project || !values.adopter || values.text === undefined) {
    throw new UsageError(`allow needs --project SLUG, --adopter N and --text WORD.\nUsage:\n${USAGE}`);
  }
  if (values.everywhere && values.entry !== undefined) throw new UsageError('allow takes --everywhere or --entry M, not both.');
  const { chosen } = await adoptersOf(services, values.project, wholeNumber(values.adopter, '--adopter'));
  const adopter = chosen!;
  const entryNumber = values.everywhere ? null : values.entry !== undefined ? wholeNumber(values.entry, '--entry') : undefined;
  const added = await call(services, 'addAllowance', {
    adopterId: adopter.id,
    term: values.text,
    ...(entryNumber !== undefined ? { entryNumber } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
  });
  io.stdout(values.json ? json(added) : `Allowed ${describe(added, adopter)} (allowance ${added.id}). Withdraw it with: adoption-desk allow --remove ${added.id}\n`);
}

async function list(values: Values, services: Services, io: CliIo) {
  refuseOptions(values, '--list', ['list', 'project', 'adopter', 'json']);
  if (!values.project) throw new UsageError(`allow --list needs --project SLUG.\nUsage:\n${USAGE}`);
  const { project, adopters, chosen } = await adoptersOf(services, values.project, values.adopter === undefined ? undefined : wholeNumber(values.adopter, '--adopter'));
  const rows: { adopter: Adopter; allowance: Allowance }[] = [];
  for (const adopter of chosen ? [chosen] : adopters) {
    for (const allowance of await call(services, 'listAllowances', { adopterId: adopter.id })) rows.push({ adopter, allowance });
  }
  if (values.json) {
    io.stdout(json(rows.map(({ adopter, allowance }) => ({ ...allowance, adopterNumber: adopter.number }))));
    return;
  }
  if (rows.length === 0) {
    io.stdout(`No allowances in ${project.name}${chosen ? ` for Adopter ${chosen.number}` : ''}: the guard refuses every secret it finds.\n`);
    return;
  }
  io.stdout(
    table(
      ['ID', 'ADOPTER', 'TEXT', 'WHERE', 'NOTE'],
      rows.map(({ adopter, allowance }) => [String(allowance.id), String(adopter.number), allowance.term, allowanceScope(allowance, adopter.number), allowance.note || '-']),
    ),
  );
}

async function remove(values: Values, positionals: string[], services: Services, io: CliIo) {
  const say = (al: Allowance, a: Pick<Adopter, 'number'>) => io.stdout(`Withdrew allowance ${al.id}: ${describe(al, a)}. The guard refuses it again.\n`);
  if (positionals.length > 0) {
    refuseOptions(values, '--remove ID', ['remove']);
    if (positionals.length > 1) throw new UsageError(`allow --remove takes one allowance id.\nUsage:\n${USAGE}`);
    const removed = await call(services, 'removeAllowance', { id: wholeNumber(positionals[0]!, '--remove') });
    const adopter = await call(services, 'getAdopter', { id: removed.adopterId });
    say(removed, adopter.adopter);
    return;
  }
  refuseOptions(values, '--remove', ['remove', 'project', 'adopter', 'text']);
  if (!values.project || !values.adopter || values.text === undefined) {
    throw new UsageError(`allow --remove needs an allowance id, or --project SLUG, --adopter N and --text WORD.\nUsage:\n${USAGE}`);
  }
  const { chosen } = await adoptersOf(services, values.project, wholeNumber(values.adopter, '--adopter'));
  const adopter = chosen!;
  const wanted = values.text.trim().toLocaleLowerCase();
  const matching = (await call(services, 'listAllowances', { adopterId: adopter.id })).filter((al) => al.term.toLocaleLowerCase() === wanted);
  if (matching.length === 0) throw new DeskError('NOT_FOUND', `Adopter ${adopter.number} has no allowance for “${values.text}”. See them with: adoption-desk allow --list --project ${values.project}`);
  // Every scope of the word goes: the reviewer named the word, not one of its scopes.
  for (const allowance of matching) say(await call(services, 'removeAllowance', { id: allowance.id }), adopter);
}

/** `allow`: release a false positive of the anonymity guard for one anonymous adopter, list what is released, withdraw it. */
export const allowCommand: Command = {
  name: 'allow',
  usage: USAGE,
  readOnly: (args) => args.includes('--list'),
  async run(args, services, io) {
    const { values, positionals } = parse(args);
    if (values.list && values.remove) throw new UsageError(`allow takes --list or --remove, not both.\nUsage:\n${USAGE}`);
    if (values.remove) return remove(values, positionals, services, io);
    if (positionals.length > 0) throw new UsageError(`allow does not take "${positionals[0]}" on its own; put the word after --text.\nUsage:\n${USAGE}`);
    if (values.list) return list(values, services, io);
    return add(values, services, io);
  },
};

import { parseArgs } from 'node:util';
import { DeskError } from '../../domain/errors';
import type { LeakHit } from '../../services/views';
import { call } from '../call';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { UsageError, type CliIo } from '../io';
import { writeOutputFile } from '../write-output';

const USAGE = [
  '  adoption-desk export adoption-md --project SLUG [--out FILE] [--drafts] [--typography]',
  '  adoption-desk export adoption-docx --project SLUG --out FILE [--drafts] [--typography]',
  '  adoption-desk export review-docx --project SLUG --adopter N --out FILE',
  '  adoption-desk export dossier-docx --project SLUG --out FILE',
  '  adoption-desk export notes-docx --project SLUG --adopter N [--interview ID] --out FILE',
].join('\n');

/** The leak report, one line per hit, for stderr. */
export function leakReport(leaks: readonly LeakHit[]): string {
  const lines = leaks.map(
    (hit) =>
      `  Adopter ${hit.adopterNumber} (anonymous): '${hit.term}' in ${hit.entryNumber === null ? '' : `Adopter ${hit.entryNumber}'s entry, `}line ${hit.line}, column ${hit.column}: ${hit.excerpt}`,
  );
  return lines.length ? `Leaks:\n${lines.join('\n')}\n` : '';
}

function refusedByGuard(error: unknown, io: CliIo): number | null {
  if (error instanceof DeskError && error.code === 'LEAK_DETECTED') {
    io.stderr(`${error.message}\n${leakReport((error.details as { leaks: LeakHit[] }).leaks)}`);
    return EXIT.leak;
  }
  return null;
}

async function exportMarkdown(args: string[], services: Parameters<Command['run']>[1], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string' }, out: { type: 'string' }, drafts: { type: 'boolean' }, typography: { type: 'boolean' } },
    strict: true,
  });
  if (!values.project) throw new UsageError(`export adoption-md needs --project SLUG.\nUsage:\n${USAGE}`);
  const project = await call(services, 'getProjectBySlug', { slug: values.project });
  try {
    const result = await call(services, 'exportAdoptionMarkdown', {
      projectId: project.id,
      includeDrafts: values.drafts ?? false,
      typography: values.typography ?? false,
    });
    if (values.out) {
      writeOutputFile(values.out, result.markdown);
      io.stderr(`Wrote the Adoption section of ${project.name} to ${values.out}.\n`);
    } else {
      io.stdout(result.markdown);
    }
    for (const hit of result.allowed) io.stderr(`Allowed by you: '${hit.term}' (Adopter ${hit.adopterNumber}) at line ${hit.line}: ${hit.allowedBy}\n`);
    return EXIT.ok;
  } catch (error) {
    const refused = refusedByGuard(error, io);
    if (refused !== null) return refused;
    throw error;
  }
}

type WordFormat = 'adoption-docx' | 'review-docx' | 'dossier-docx' | 'notes-docx';
const WORD_FORMATS: readonly WordFormat[] = ['adoption-docx', 'review-docx', 'dossier-docx', 'notes-docx'];

const WORD_DESCRIPTIONS: Record<WordFormat, string> = {
  'adoption-docx': 'the Adoption section (Word)',
  'review-docx': 'the review copy',
  'dossier-docx': 'the confidential TOC dossier',
  'notes-docx': 'the interview notes',
};

/** A whole number from an option ("--adopter 3"), or a usage error naming the option. */
function wholeNumber(value: string | undefined, option: string, format: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`export ${format}: ${option} takes a whole number, not "${value}".\nUsage:\n${USAGE}`);
  return Number(value);
}

/** The four Word documents: the contract returns base64, written here byte for byte. */
async function exportWord(format: WordFormat, args: string[], services: Parameters<Command['run']>[1], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      out: { type: 'string' },
      adopter: { type: 'string' },
      interview: { type: 'string' },
      drafts: { type: 'boolean' },
      typography: { type: 'boolean' },
    },
    strict: true,
  });
  const needs = (what: string) => new UsageError(`export ${format} needs ${what}.\nUsage:\n${USAGE}`);
  if (!values.project) throw needs('--project SLUG');
  if (!values.out) throw needs('--out FILE');
  const adopter = wholeNumber(values.adopter, '--adopter', format);
  const interview = wholeNumber(values.interview, '--interview', format);
  const allowed: Record<WordFormat, string[]> = {
    'adoption-docx': ['drafts', 'typography'],
    'review-docx': ['adopter'],
    'dossier-docx': [],
    'notes-docx': ['adopter', 'interview'],
  };
  for (const option of ['adopter', 'interview', 'drafts', 'typography'] as const) {
    if (values[option] !== undefined && !allowed[format].includes(option)) throw new UsageError(`export ${format} has no --${option} option.\nUsage:\n${USAGE}`);
  }
  if ((format === 'review-docx' || format === 'notes-docx') && adopter === undefined) throw needs('--adopter N');

  const project = await call(services, 'getProjectBySlug', { slug: values.project });
  try {
    const file =
      format === 'adoption-docx'
        ? await call(services, 'exportAdoptionDocx', { projectId: project.id, includeDrafts: values.drafts ?? false, typography: values.typography ?? false })
        : format === 'review-docx'
          ? await call(services, 'exportReviewDocx', { projectId: project.id, adopterNumber: adopter! })
          : format === 'dossier-docx'
            ? await call(services, 'exportDossierDocx', { projectId: project.id })
            : await call(services, 'exportNotesDocx', {
                projectId: project.id,
                adopterNumber: adopter!,
                ...(interview === undefined ? {} : { interviewId: interview }),
              });
    writeOutputFile(values.out, Buffer.from(file.base64, 'base64'));
    io.stderr(`Wrote ${WORD_DESCRIPTIONS[format]} of ${project.name} to ${values.out}.\n`);
    return EXIT.ok;
  } catch (error) {
    const refused = refusedByGuard(error, io);
    if (refused !== null) return refused;
    throw error;
  }
}

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  readOnly: () => true,
  async run(args, services, io) {
    const [format, ...rest] = args;
    if (format === 'adoption-md') return exportMarkdown(rest, services, io);
    if ((WORD_FORMATS as readonly string[]).includes(format ?? '')) return exportWord(format as WordFormat, rest, services, io);
    throw new UsageError(format ? `Unknown export format "${format}".\nUsage:\n${USAGE}` : `Usage:\n${USAGE}`);
  },
};

import { z } from 'zod';
import type { ErrorInfo } from '../domain/errors';
import { projectId, projectLevel, projectName, projectSlug, type Project } from '../domain/project';
import type { OperationName } from './operations';

/** One operation: the schema its input must pass, and (as a type only) what it returns. */
export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  summary: string;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

const op =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string): OperationDef<I, O> => ({ input, summary });

const versionField = z.number().int().positive();

/**
 * The app's one API. Electron IPC, the CLI and the end-to-end harness all dispatch
 * through this table; adding an operation here is the only way to add one.
 */
export const contract = {
  listProjects: op<Project[]>()(z.object({}).strict(), 'All projects, by name.'),
  createProject: op<Project>()(
    z.object({ name: projectName, level: projectLevel, slug: projectSlug.optional() }).strict(),
    'Create a project; the slug defaults to one made from the name.',
  ),
  renameProject: op<Project>()(
    z.object({ id: projectId, name: projectName, version: versionField }).strict(),
    'Rename a project; fails with CONFLICT when it changed since `version` was read.',
  ),
  deleteProject: op<null>()(z.object({ id: projectId }).strict(), 'Delete a project.'),
} satisfies { [K in OperationName]: OperationDef };

// The table must not hold an operation that operations.ts does not name.
type ExtraOperations = Exclude<keyof typeof contract, OperationName>;
const contractHasNoExtraOperations: [ExtraOperations] extends [never] ? true : never = true;
void contractHasNoExtraOperations;

export type Contract = typeof contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Contract[K] extends OperationDef<z.ZodType, infer O> ? O : never;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the preload exposes as `window.desk`: one function per operation, nothing else. */
export type DeskApi = { [K in OperationName]: (input: InputOf<K>) => Promise<Envelope<OutputOf<K>>> };

/** What the services implement: parsed input in, value out (or a thrown DeskError). */
export type Services = { [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

export type { OperationName } from './operations';

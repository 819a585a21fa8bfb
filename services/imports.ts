import { z } from 'zod';
import { adopterNumber } from '../domain/adopter';
import { entityId } from '../domain/fields';
import { projectLevel, projectName } from '../domain/project';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';
import { exportArchive } from './archive-export';
import { importArchive } from './import-archive';
import { importCandidates } from './import-candidates';
import { importDdDocument } from './import-dd';
import { importInterviewNotes } from './import-notes';

/** Imported files arrive as text (the renderer reads them with File.text(); the CLI from disk). */
const fileText = z.string();
const fileName = z.string().trim().max(500).transform((s) => s || 'The file');

export const importInputs = {
  dd: z
    .object({
      fileName,
      text: fileText,
      projectId: entityId.optional(),
      newProject: z.object({ name: projectName, level: projectLevel }).strict().optional(),
      /** Organizations the reviewer confirmed are the same as another project's of that name. */
      sameOrganizations: z.array(z.string().max(500)).max(1000).optional(),
      dryRun: z.boolean().optional(),
    })
    .strict(),
  notes: z.object({ fileName, text: fileText, projectId: entityId, adopterNumber, dryRun: z.boolean().optional() }).strict(),
  candidates: z
    .object({
      fileName,
      text: fileText,
      projectId: entityId,
      /** CSV column header → field (organization, industry, website, name, role, email, notes…); unmapped columns go to the notes. */
      mapping: z.record(z.string(), z.string()).optional(),
      sameOrganizations: z.array(z.string().max(500)).max(1000).optional(),
      dryRun: z.boolean().optional(),
    })
    .strict(),
  archiveExport: z.object({ projectId: entityId }).strict(),
  archiveImport: z.object({ fileName, text: fileText, dryRun: z.boolean().optional() }).strict(),
};

/**
 * The importers. Each runs as ONE change (all or nothing); a dry run is that change
 * rolled back, so its report is exactly what the import would do.
 */
export function importServices(
  store: Store,
): ServiceGroup<'importDdDocument' | 'importInterviewNotes' | 'importCandidates' | 'exportArchive' | 'importArchive'> {
  return {
    importDdDocument: (input) => importDdDocument(store, input),
    importInterviewNotes: (input) => importInterviewNotes(store, input),
    importCandidates: (input) => importCandidates(store, input),
    exportArchive: ({ projectId }) => exportArchive(store, projectId),
    importArchive: (input) => importArchive(store, input),
  };
}

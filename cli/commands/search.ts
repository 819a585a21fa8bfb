import { parseArgs } from 'node:util';
import { DEFAULT_SEARCH_LIMIT } from '../../services/search';
import type { SearchResults } from '../../services/views';
import { call } from '../call';
import type { Command } from '../command';
import { json } from '../format';
import { UsageError } from '../io';

const USAGE = '  adoption-desk search QUERY [--project SLUG] [--limit N] [--json]';

/** Hits grouped by project, one line per hit: title, then the snippet with matches in [[ ]]. */
export function formatResults(results: SearchResults, limit: number): string {
  if (results.total === 0) return `No matches for "${results.query}".\n`;
  const blocks = results.groups.map((group) => {
    const heading = group.project ? `${group.project.name} (${group.project.slug})` : 'Not in any project';
    return [heading, ...group.hits.map((hit) => `  ${hit.title}: ${hit.snippet}`)].join('\n');
  });
  const more = results.total >= limit ? `\nShowing the best ${results.total}; there may be more (--limit N, up to 500).\n` : '';
  return `${blocks.join('\n\n')}\n${more}`;
}

export const searchCommand: Command = {
  name: 'search',
  usage: USAGE,
  readOnly: () => true,
  async run(args, services, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { project: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError(`search needs something to search for.\nUsage:\n${USAGE}`);
    let limit: number | undefined;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!/^\d+$/.test(values.limit) || limit < 1 || limit > 500) {
        throw new UsageError(`--limit takes a whole number from 1 to 500, not "${values.limit}".`);
      }
    }
    const projectId = values.project ? (await call(services, 'getProjectBySlug', { slug: values.project })).id : undefined;
    const results = await call(services, 'search', {
      query,
      ...(projectId !== undefined ? { projectId } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    io.stdout(values.json ? json(results) : formatResults(results, limit ?? DEFAULT_SEARCH_LIMIT));
  },
};

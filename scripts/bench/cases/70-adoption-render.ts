import { openDesk } from '../../../services/desk';
import { publicationData } from '../../../services/publication-data';
import { DEFAULT_RENDER_OPTIONS, type PublicationData } from '../../../templates/adoption/model';
import { previewAdoptionSection } from '../../../templates/adoption/publish';
import { renderAdoptionSection } from '../../../templates/adoption/section';
import type { BenchCase } from '../case';
import { p50p95, timeOperations } from '../measure';

export const benchCase: BenchCase = {
  name: 'adoption-render',
  title: 'Render the Adoption section (Markdown + anonymity guard)',
  description:
    'The section of one project with about 10 adopters, rendered and scanned by the anonymity guard from data already read ' +
    '(pure templates: what every keystroke of the live preview pays), and the same through the service (read from the store ' +
    'too). Then every project of the generated store through the service, one after another, drafts included. Last, a ' +
    'section of 1,000 adopters (every adopter of the store, numbered in turn): rendered alone, and rendered and guarded.',
  figures: [
    { key: 'one.p50', label: 'one project of 10 adopters, render + guard, median', unit: 'ms' },
    { key: 'one.p95', label: 'one project of 10 adopters, render + guard, p95', unit: 'ms' },
    { key: 'oneService.p50', label: 'that whole project through the service (store read included), median', unit: 'ms' },
    { key: 'all', label: 'every project of the store through the service, total', unit: 'ms' },
    { key: 'thousand.render', label: '1,000 adopters, render only, median', unit: 'ms' },
    { key: 'thousand.guarded', label: '1,000 adopters, render + guard, median', unit: 'ms' },
  ],
  targets: [{ figure: 'one.p50', below: 16 }],
  async run(context) {
    const desk = openDesk(context.copyOf(context.store));
    try {
      const projects = await desk.services.listProjects({ includeArchived: true });
      // The project whose adopter count is closest to 10: a large but real DD.
      const sized = projects.map((p) => ({ p, n: desk.store.tables.adopter.list({ project_id: p.id }).length }));
      const target = sized.sort((a, b) => Math.abs(a.n - 10) - Math.abs(b.n - 10) || a.p.id - b.p.id)[0]!;
      // Exactly ten adopters of that project: the size of a large real DD.
      const full = publicationData(desk.store, target.p.id);
      const data = { ...full, adopters: full.adopters.slice(0, 10) };
      const pure = await timeOperations({ warmup: 3, count: context.reps(60, 10), run: () => previewAdoptionSection(data, { includeDrafts: true }) });
      const service = await timeOperations({
        warmup: 2,
        count: context.reps(30, 5),
        run: () => desk.services.previewAdoption({ projectId: target.p.id, includeDrafts: true }),
      });
      const started = performance.now();
      for (const { p } of sized) await desk.services.previewAdoption({ projectId: p.id, includeDrafts: true });
      const all = performance.now() - started;
      const one = p50p95(pure);
      const thousand = thousandAdopters(sized.map(({ p }) => publicationData(desk.store, p.id)));
      const reps = context.reps(7, 3);
      const renderOnly = await timeOperations({ warmup: 1, count: reps, run: () => renderAdoptionSection(thousand, { ...DEFAULT_RENDER_OPTIONS, includeDrafts: true }) });
      const guarded = await timeOperations({ warmup: 1, count: reps, run: () => previewAdoptionSection(thousand, { includeDrafts: true }) });
      const anonymous = thousand.adopters.filter((a) => a.anonymous).length;
      return {
        figures: {
          'one.p50': one.p50,
          'one.p95': one.p95,
          'oneService.p50': p50p95(service).p50,
          all,
          'thousand.render': p50p95(renderOnly).p50,
          'thousand.guarded': p50p95(guarded).p50,
        },
        notes: [
          `Render: the first 10 of the ${target.n} adopters of project "${target.p.name}"; through the service: all ${target.n}; the store has ${sized.length} projects.`,
          `1,000 adopters: ${anonymous} of them anonymous, so the guard looks for that many organizations' and their people's secrets in the whole section.`,
        ],
      };
    } finally {
      desk.close();
    }
  },
};

/** One section of 1,000 adopters: every adopter of the store's projects in turn, renumbered. */
function thousandAdopters(projects: PublicationData[]): PublicationData {
  const pool = projects.flatMap((p) => p.adopters);
  if (pool.length === 0) throw new Error('The generated store has no adopters.');
  const adopters = Array.from({ length: 1000 }, (_, i) => ({ ...pool[i % pool.length]!, number: i + 1 }));
  return { project: projects[0]!.project, adopters };
}

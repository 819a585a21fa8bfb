import type { Store } from '../db/store';
import { adoptionCriterion, adoptionEvaluationDraft } from '../templates/adoption/criteria';
import { previewAdoptionSection, publishAdoptionSection } from '../templates/adoption/publish';
import type { ServiceGroup } from './contract';
import { publicationData } from './publication-data';
import { refuseWhileTeamReviewPending } from './share/store-publish-gate';
import { shownWarnings } from './warning-dismissals';

export function adoptionServices(
  store: Store,
): ServiceGroup<'previewAdoption' | 'exportAdoptionMarkdown' | 'checkAdoption'> {
  return {
    previewAdoption: ({ projectId, includeDrafts, typography }) =>
      store.read(() => {
        const data = publicationData(store, projectId);
        const preview = previewAdoptionSection(data, { includeDrafts: includeDrafts ?? true, typography: typography ?? false });
        return {
          markdown: preview.markdown,
          entries: preview.entries,
          omitted: preview.omitted,
          leaks: preview.guard.leaks,
          allowed: preview.guard.allowed,
          warnings: shownWarnings(store, data),
          criterion: adoptionCriterion(data),
          evaluationDraft: adoptionEvaluationDraft(data),
        };
      }),
    exportAdoptionMarkdown: ({ projectId, includeDrafts, typography }) =>
      store.read(() => {
        const data = publicationData(store, projectId);
        const options = { includeDrafts: includeDrafts ?? false, typography: typography ?? false };
        refuseWhileTeamReviewPending(store, projectId, data, options);
        const published = publishAdoptionSection(data, options);
        return { markdown: published.markdown, omitted: published.omitted, allowed: published.allowed };
      }),
    checkAdoption: ({ projectId }) =>
      store.read(() => {
        const data = publicationData(store, projectId);
        const preview = previewAdoptionSection(data);
        const criterion = adoptionCriterion(data);
        return {
          criterion,
          warnings: shownWarnings(store, data),
          leaks: preview.guard.leaks,
          allowed: preview.guard.allowed,
          omitted: preview.omitted,
          publishable: criterion.met && preview.guard.leaks.length === 0 && preview.entries.length > 0,
        };
      }),
  };
}

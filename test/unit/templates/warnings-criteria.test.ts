import { describe, expect, it } from 'vitest';
import { adoptionCriterion, adoptionEvaluationDraft } from '../../../templates/adoption/criteria';
import { editDistance } from '../../../templates/adoption/edit-distance';
import { consistencyWarnings } from '../../../templates/adoption/warnings';
import { adopter, interview, person, publication } from '../../fixtures/publication';

const codes = (data: ReturnType<typeof publication>) => consistencyWarnings(data).map((w) => `${w.code}:${w.adopterNumber}`);

describe('consistency warnings', () => {
  it('spots misspellings of the adopter’s own name, not of other words', () => {
    const data = publication([
      adopter(1, { org: { name: 'Globexia' }, interviews: [interview({ summary: 'Globexia and Glbexia and Globexai use it; Globexia’s team too. Global teams.' })] }),
      adopter(2),
      adopter(3),
    ]);
    const warnings = consistencyWarnings(data).filter((w) => w.code === 'MISSPELLED_NAME');
    expect(warnings.map((w) => w.message)).toEqual([
      'Adopter 1\'s summary writes "Glbexia"; is that a misspelling of "Globexia"?',
      'Adopter 1\'s summary writes "Globexai"; is that a misspelling of "Globexia"?',
    ]);
  });

  it('numbering gaps and duplicates, fewer than 3 interviews', () => {
    expect(codes(publication([adopter(1), adopter(3)]))).toEqual(['NUMBERING_GAP:3', 'FEW_INTERVIEWS:null']);
    expect(codes(publication([adopter(1), adopter(1), adopter(2)]))).toEqual(['NUMBERING_DUPLICATE:1']);
  });

  it('missing month, month that differs from the date, edited after approval, maintainer interviewed', () => {
    const edited = interview({ summary: 'Approved text.' });
    edited.summaryHash = 'f'.repeat(64);
    const data = publication([
      adopter(1, { interviews: [interview({ month: null, date: null })] }),
      adopter(2, { interviews: [interview({ date: '2024-09-30', month: '2024-10' })] }),
      adopter(3, { interviews: [edited] }),
      adopter(4, { interviews: [interview({ participants: [person('Mae Maintainer', { maintainer: true })] })] }),
    ]);
    expect(codes(data)).toEqual(['MONTH_MISSING:1', 'MONTH_DIFFERS:2', 'EDITED_AFTER_APPROVAL:3', 'MAINTAINER_INTERVIEWED:4']);
  });

  it('edit distance', () => {
    expect(editDistance('bitnami', 'binami')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('the adoption criterion', () => {
  it('counts independent, interviewed, approved adopters at the level’s capacity', () => {
    const data = publication([
      adopter(1, { usageLevel: 'production' }),
      adopter(2, { usageLevel: 'dev-test' }),
      adopter(3, { usageLevel: 'evaluating' }),
      adopter(4, { independent: false }),
      adopter(5, { interviews: [interview({ approvedAt: null })] }),
      adopter(6, { stage: 'withdrawn' }),
    ]);
    const incubation = adoptionCriterion(data);
    expect(incubation.counted).toEqual([1, 2]);
    expect(incubation.met).toBe(false);
    expect(incubation.sentence).toBe(
      '2 of 5 adopters are independent, interviewed, approved and in dev/test or beyond use (Adopter 1, Adopter 2); incubation needs 3. Not counted: Adopter 3: only evaluating; Adopter 4: not independent; Adopter 5: summary not approved.',
    );
    expect(incubation.checklistLine.startsWith('- [ ] **Used in appropriate capacity by at least 3 independent')).toBe(true);
    data.adopters.push(adopter(7, { usageLevel: 'pre-production' }));
    expect(adoptionCriterion(data).met).toBe(true);
    data.project.level = 'graduation';
    expect(adoptionCriterion(data).counted).toEqual([1]);
  });

  it('drafts the Adoption Evaluation paragraph from the data, naming no one', () => {
    const data = publication([
      adopter(1, { org: { name: 'Globex', industry: 'Finance' }, usageLevel: 'production' }),
      adopter(2, { anonymous: true, org: { name: 'Initech', industry: 'Retail' }, usageLevel: 'production', interviews: [interview({ month: '2025-01', date: '2025-01-10' })] }),
      adopter(3, { org: { name: 'Acme', industry: 'Media' }, usageLevel: 'dev-test' }),
    ]);
    const draft = adoptionEvaluationDraft(data);
    expect(draft).toBe(
      '_The TOC interviewed 3 adopters of Globex Mesh between September 2024 and January 2025: 2 in production and 1 in dev/test. They work in finance, media and retail. 3 of them are independent of the organizations behind the project. The adopter interviews reflect a project in use for incubation._',
    );
    expect(draft).not.toMatch(/Globex\b(?! Mesh)|Initech|Acme/);
  });
});

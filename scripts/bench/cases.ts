/// <reference types="vite/types/importMeta.d.ts" />
import type { BenchCase } from './case';

/**
 * Every file in cases/ that exports `benchCase`, in file-name order (the number in front
 * of the name places the case in the table). Vite resolves the glob when it bundles.
 */
const modules: Record<string, unknown> = import.meta.glob('./cases/*.ts', { eager: true, import: 'benchCase' });

function isCase(value: unknown): value is BenchCase {
  const c = value as Partial<BenchCase> | undefined;
  return !!c && typeof c.name === 'string' && typeof c.title === 'string' && Array.isArray(c.figures) && typeof c.run === 'function';
}

export function loadCases(): BenchCase[] {
  const cases = Object.keys(modules)
    .sort()
    .map((file) => {
      const value = modules[file];
      if (!isCase(value)) throw new Error(`${file} must export \`benchCase\` (name, title, description, figures, run): see docs/performance.md.`);
      return value;
    });
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`Two benchmark cases are named "${c.name}".`);
    names.add(c.name);
    const keys = new Set(c.figures.map((f) => f.key));
    for (const t of c.targets ?? []) {
      if (!keys.has(t.figure)) throw new Error(`Case "${c.name}" has a target for "${t.figure}", which is not one of its figures.`);
    }
  }
  return cases;
}

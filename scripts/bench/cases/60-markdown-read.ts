import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { readMarkdown } from '../../../markdown/read';
import type { BenchCase } from '../case';
import { NameMaker, TextMaker, buildVocabulary } from '../corpus';
import { timeOperations } from '../measure';
import { createRng } from '../prng';
import { median } from '../stats';

const SEED = 'adoption-desk-bench-markdown-1';

/** An Adoption section of `count` entries as the export writes it: heading, interviewee, month, a summary with bold, links and lists. */
function section(count: number): string {
  const rng = createRng(SEED);
  const names = new NameMaker(rng.fork('names'));
  const text = new TextMaker(rng.fork('text'), buildVocabulary(SEED));
  const project = 'Globex Mesh';
  const lines = ['#### Adoption', ''];
  for (let n = 1; n <= count; n++) {
    const org = names.organization();
    lines.push(`##### Adopter ${n} - ${org.name}/${org.industry}`, '', `_${names.person()}, Platform Lead_\\`, 'SEPTEMBER 2024', '');
    let summary = `**Usage:** ${text.summary({ project, organization: org.name })}`;
    if (n % 3 === 0) summary += `\n\n- ${text.sentence({ project })}\n- ${text.sentence({ project })}\n  - see [the talk](https://talks.example.org/${n}) or https://docs.example.org/${n}`;
    lines.push(summary, '');
  }
  return lines.join('\n');
}

export const benchCase: BenchCase = {
  name: 'markdown-read',
  title: 'Read a 1,000-entry Adoption section (the one Markdown reading) beside micromark',
  description:
    'markdown/read.ts reading the whole Markdown of a 1,000-adopter section once (every summary ~450 words, bold, links, ' +
    'nested lists; 200 under --quick), against micromark + GFM (the reference GitHub follows) turning the same text into HTML, ' +
    'run back to back in one process; medians, and micromark ÷ ours pair by pair.',
  figures: [
    { key: 'ours', label: 'read a 1,000-entry section, median', unit: 'ms' },
    { key: 'micromark', label: 'peer: micromark + GFM on the same text, median', unit: 'ms' },
    { key: 'ratio', label: 'micromark ÷ ours, median of pairs', unit: '×' },
  ],
  targets: [],
  async run(context) {
    const markdown = section(context.quick ? 200 : 1000);
    context.progress(`${markdown.length.toLocaleString('en-US')} characters of Markdown`);
    const count = context.reps(7, 3);
    const ours: number[] = [];
    const peer: number[] = [];
    const ratios: number[] = [];
    // Pairs alternate which runs first, so the machine's state at that moment cancels out.
    const time = (run: () => unknown) => timeOperations({ warmup: 0, count: 1, run }).then((samples) => samples[0]!);
    for (let round = -1; round < count; round++) {
      const first = round % 2 === 0;
      const a = first ? await time(() => readMarkdown(markdown)) : 0;
      const b = await time(() => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }));
      const c = first ? a : await time(() => readMarkdown(markdown));
      if (round < 0) continue; // warm-up
      ours.push(c);
      peer.push(b);
      ratios.push(b / c);
    }
    return {
      figures: { ours: median(ours), micromark: median(peer), ratio: median(ratios) },
      details: { characters: markdown.length, oursMs: ours, micromarkMs: peer },
    };
  },
};

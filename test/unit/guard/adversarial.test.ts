// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { guardCases, type GuardCase } from '../../helpers/guard-suite';

/**
 * The adversarial suite: how people really write an anonymous adopter's name, each case
 * exported as Markdown and as Word, plain and with --drafts --typography, through the
 * command line. Every export must be refused, or the secret must be absent from all it
 * wrote as a reader reads it. Invented names only.
 */

const G = (summary: string, extra: Partial<GuardCase> = {}): GuardCase => ({ name: summary, summary, secret: 'Globex', organization: { name: 'Globex' }, ...extra });

/** 1. What the reader sees, not the source: references, raw HTML, hidden characters, markup. */
const READERS_TEXT: GuardCase[] = [
  { name: 'named reference', organization: { name: 'Crème Labs' }, summary: 'Cr&egrave;me Labs runs it.', secret: 'Crème' },
  { name: 'decimal reference', organization: { name: 'Crème Labs' }, summary: 'Cr&#232;me Labs runs it.', secret: 'Crème' },
  { name: 'hex reference', organization: { name: 'Crème Labs' }, summary: 'Cr&#xe8;me Labs runs it.', secret: 'Crème' },
  { name: 'upper-case hex reference', organization: { name: 'Crème Labs' }, summary: 'Cr&#XE8;me Labs runs it.', secret: 'Crème' },
  { name: 'every letter a reference', organization: { name: 'Crème Labs' }, summary: '&#67;&#114;&#232;&#109;&#101; &#76;&#97;&#98;&#115; runs it.', secret: 'Crème Labs' },
  { name: 'references in the other entry', organization: { name: 'Crème Labs' }, otherSummary: 'Unlike Cr&egrave;me Labs, Acme runs it.', secret: 'Crème Labs' },
  G('Glo<span>bex</span> runs it.'),
  G('Glo<b>bex</b> runs it.'),
  G('<i>Glo</i>bex runs it.'),
  G('Glo<!-- hidden -->bex runs it.'),
  G('Glo<span class="x" title="y">bex</span> runs it.'),
  G('Glo&shy;bex runs it.'),
  G('Glo&#173;bex runs it.'),
  G('Glo&#xAD;bex runs it.'),
  G('Glo&#8203;bex runs it.'),
  G('Glo&#x200B;bex runs it.'),
  G('Glo&ZeroWidthSpace;bex runs it.'),
  G('Glo&zwj;bex runs it.'),
  G('Glo&zwnj;bex runs it.'),
  G('Glo&NoBreak;bex runs it.'),
  G('Glo\u00adbex runs it.'),
  G('Glo\u200bbex runs it.'),
  G('Glo\u2060bex runs it.'),
  G('Glo\ufeffbex runs it.'),
  G('G**lobex** runs it.'),
  G('_Glo_bex runs it.'),
  G('~~Glo~~bex runs it.'),
  G('G`lobex` runs it.'),
  G('[Glo](https://x.example/)bex runs it.'),
  G('Glo\\bex runs it.'),
  G('<div>Globex runs it.</div>'),
  G('<p>Glo<i>bex</i> runs it.</p>'),
  G('| Team | Runs |\n|---|---|\n| Globex | yes |'),
  G('![Globex](https://img.example/logo.png) runs it.'),
  G('<img src="https://img.example/logo.png" alt="Globex"> runs it.'),
  G('See [the platform](https://www.globex.example/x).', { organization: { name: 'Globex Payments', website: 'https://www.globex.example' }, secret: 'globex.example' }),
  G('<!-- Globex asked us not to name them -->Adopter 2 runs it.'),
  G('> Globex runs it, said the team.'),
  G('- it runs at\n  - Globex'),
  G('Runs at Glo&#98;ex.'),
  G('Runs at G&#x6C;obex.'),
  G('Runs at &lt;Globex&gt;.'),
  G('Runs at Globex&period;'),
  G('Runs at Glob&#101;x Payments.'),
];

/** 2. Transforms after the scan: typography, and what --drafts adds. */
const TRANSFORMS: GuardCase[] = [
  { name: 'an apostrophe curled by typography', organization: { name: "O'Brien Tech" }, summary: "O'Brien Tech runs it.", secret: "O'Brien" },
  { name: 'already curly', organization: { name: "O'Brien Tech" }, summary: 'O’Brien Tech runs it.', secret: "O'Brien" },
  { name: 'modifier-letter apostrophe', organization: { name: "O'Brien Tech" }, summary: 'Oʼ Brien? No: Oʼbrien Tech runs it.', secret: "O'Brien" },
  { name: 'prime', organization: { name: "O'Brien Tech" }, summary: 'O′Brien Tech runs it.', secret: "O'Brien" },
  { name: 'quoted', organization: { name: 'Globex' }, summary: '"Globex" runs it.', secret: 'Globex' },
  { name: 'ellipsis around', organization: { name: 'Globex' }, summary: '...Globex... runs it.', secret: 'Globex' },
  { name: 'dashes around', organization: { name: 'Globex' }, summary: 'a --Globex-- team runs it.', secret: 'Globex' },
  { name: 'a person with an apostrophe', people: [{ name: "Ada O'Neil" }], summary: "O'Neil runs the platform.", secret: "O'Neil" },
];

/** 3. Letters that are the same to a reader. */
const LETTERS: GuardCase[] = [
  { name: 'ß as ss', organization: { name: 'Straße Logistik' }, summary: 'Strasse Logistik runs it.', secret: 'Strasse' },
  { name: 'ß in capitals', organization: { name: 'Straße Logistik' }, summary: 'STRASSE LOGISTIK runs it.', secret: 'Strasse' },
  { name: 'ss as ß', organization: { name: 'Strasse Logistik' }, summary: 'Straße Logistik runs it.', secret: 'Strasse' },
  { name: 'ø as o', organization: { name: 'Øresund Data' }, summary: 'Oresund Data runs it.', secret: 'Oresund' },
  { name: 'o as ø', organization: { name: 'Oresund Data' }, summary: 'Øresund Data runs it.', secret: 'Oresund' },
  { name: 'ł as l', organization: { name: 'Łąkowa Systems' }, summary: 'Lakowa Systems runs it.', secret: 'Lakowa' },
  { name: 'đ as d', organization: { name: 'Đurđevac Soft' }, summary: 'Durdevac Soft runs it.', secret: 'Durdevac' },
  { name: 'æ as ae', organization: { name: 'Ærø Energy' }, summary: 'AEro Energy runs it.', secret: 'Aero' },
  { name: 'œ as oe', organization: { name: 'Œuvre Labs' }, summary: 'Oeuvre Labs runs it.', secret: 'Oeuvre' },
  { name: 'þ as th', organization: { name: 'Þórsmörk Cloud' }, summary: 'Thorsmork Cloud runs it.', secret: 'Thorsmork' },
  { name: 'ı as i', organization: { name: 'Kırmızı Labs' }, summary: 'Kirmizi Labs runs it.', secret: 'Kirmizi' },
  { name: 'i as ı', organization: { name: 'Kirmizi Labs' }, summary: 'Kırmızı Labs runs it.', secret: 'Kirmizi' },
  { name: 'accents added', organization: { name: 'Globex' }, summary: 'Glöbéx runs it.', secret: 'Globex' },
  { name: 'accents dropped', organization: { name: 'Crème Labs' }, summary: 'CREME LABS runs it.', secret: 'Creme Labs' },
  { name: 'combining accent', organization: { name: 'Crème Labs' }, summary: 'Cre\u0300me Labs runs it.', secret: 'Creme Labs' },
  { name: 'Cyrillic o', organization: { name: 'Globex' }, summary: 'Gl\u043ebex runs it.', secret: 'Globex' },
  { name: 'Cyrillic e and o', organization: { name: 'Globex' }, summary: 'Gl\u043eb\u0435x runs it.', secret: 'Globex' },
  { name: 'Cyrillic a', organization: { name: 'Vandal Data' }, summary: 'V\u0430ndal Data runs it.', secret: 'Vandal' },
  { name: 'Cyrillic c and p', organization: { name: 'Capra Cloud' }, summary: '\u0421a\u0440ra Cloud runs it.', secret: 'Capra' },
  { name: 'Greek omicron', organization: { name: 'Globex' }, summary: 'Gl\u03bfbex runs it.', secret: 'Globex' },
  { name: 'full-width letters', organization: { name: 'Globex' }, summary: 'Ｇｌｏｂｅｘ runs it.', secret: 'Globex' },
  { name: 'mathematical letters', organization: { name: 'Globex' }, summary: '\u{1d406}\u{1d425}\u{1d428}\u{1d41b}\u{1d41e}\u{1d431} runs it.', secret: 'Globex' },
  { name: 'an en dash for a hyphen', organization: { name: 'Globe-Tex' }, summary: 'Globe\u2013Tex runs it.', secret: 'Globe-Tex' },
  { name: 'an em dash for a hyphen', organization: { name: 'Globe-Tex' }, summary: 'Globe\u2014Tex runs it.', secret: 'Globe-Tex' },
  { name: 'a non-breaking hyphen', organization: { name: 'Globe-Tex' }, summary: 'Globe\u2011Tex runs it.', secret: 'Globe-Tex' },
  { name: 'a non-breaking space inside', organization: { name: 'Globex Payments' }, summary: 'Globex\u00a0Payments runs it.', secret: 'Globex Payments' },
  { name: 'a line break inside', organization: { name: 'Globex Payments' }, summary: 'The Globex\nPayments team runs it.', secret: 'Globex Payments' },
];

/** 4. Word boundaries: underscores, digits and case changes. */
const BOUNDARIES: GuardCase[] = [
  G('The globex_payments service runs it.'),
  G('The GLOBEX_PAY cluster runs it.'),
  G('Cluster globex2 runs it.'),
  G('Cluster 2globex runs it.'),
  G('GlobexCloud runs it.'),
  G('The MyGlobex portal runs it.'),
  G('The globex-cloud team runs it.'),
  G('Ask @globex about it.'),
  G('Tagged #globex on the forum.'),
  G('See globex.internal for details.'),
  G('The k8s-globex-prod cluster runs it.'),
  G('GLOBEX runs it.'),
  G('globex runs it.'),
  G('The `globex` namespace runs it.'),
  G('```\nkubectl -n globex get pods\n```'),
  G('    kubectl -n globex get pods'),
  G('Run it at https://globex.dev.example/x.'),
];

const ALL = [...READERS_TEXT, ...TRANSFORMS, ...LETTERS, ...BOUNDARIES];

/** What must export: text that only looks near a secret. */
const CONTROLS: GuardCase[] = [
  { name: 'a different company', summary: 'Adopter 2 moved its payment services onto the mesh.', secret: 'Globex' },
  { name: 'a longer word', summary: 'Adopter 2 is a globexian of sorts? No: it runs the mesh.', secret: 'Globex' },
  { name: 'the industry only', summary: 'A finance company runs the mesh in production.', secret: 'Globex' },
  { name: 'the named adopter', otherSummary: 'Acme Corp runs the mesh; see github.com/acme and gmail.com.', secret: 'Globex' },
];

describe('the anonymity guard against how people write names', { timeout: 600_000 }, () => {
  it('has many cases in every class', () => {
    expect(READERS_TEXT.length).toBeGreaterThanOrEqual(40);
    expect(LETTERS.length).toBeGreaterThanOrEqual(25);
    expect(BOUNDARIES.length).toBeGreaterThanOrEqual(15);
  });

  guardCases(ALL, CONTROLS);
});

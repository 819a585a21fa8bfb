import { plainText, unescapeMarkdown, wholeLink } from './inline';

/**
 * The label after "Adopter N - ": "Org/Industry", "Org / Industry", "Org (Industry)",
 * an organization alone, an industry alone ("Financial Services"), or an anonymous
 * label ("Anonymous Finance"). Whether a label is "only an industry" is decided by a
 * vocabulary of sector words: every word of the label must be one of them.
 */

/** Words that describe a sector, a kind of organization or its size, never one organization. */
const SECTOR_WORDS = new Set(
  `academia academic research education educational university universities school schools science scientific laboratory lab labs
  software enterprise enterprises offering offerings solution solutions product products vendor vendors
  financial finance fintech bank banking banks insurance insurer investment investments payments payment trading capital
  services service provider providers healthcare health medical pharma pharmaceutical pharmaceuticals biotech life sciences hospital
  cybersecurity security information technology technologies tech it ict telco telecom telecoms telecommunication telecommunications communications
  apparel fashion retail retailer retailing ecommerce e-commerce commerce online shopping consumer goods food foods beverage beverages grocery
  travel hospitality tourism airline airlines aviation aerospace defense defence automotive mobility transport transportation logistics shipping
  manufacturing industrial industry industries energy utility utilities oil gas electricity power mining agriculture construction chemicals
  government governmental public sector agency non-profit nonprofit ngo
  media entertainment gaming games game streaming video live short music broadcasting publishing news advertising ad adtech marketing sales
  content platform platforms cloud computing hosting infrastructure data analytics big storage networking network networks monitoring
  observability devops saas paas iaas internet web social marketplace marketplaces mobile apps app electronics hardware semiconductor semiconductors
  ai ml machine learning large language model models llm inference gpu hpc high performance computation
  iot things edge embedded automation robotics real estate housing property properties transactions
  consulting consultancy consultancies integrator integrators system systems development engineering
  company companies corporation corporations organization organisation organizations organisations firm firms business businesses
  startup startups scaleup multinational global international regional national local large small medium mid-size mid-sized sized size
  open source project projects community cncf sandbox incubating foundation
  european american asian chinese japanese korean indian german french british us uk eu apac emea latam north south east west
  internal ci cd unnamed unknown various other
  and of the for in a an with on & + - /`.split(/\s+/),
);

export const isSectorWord = (word: string): boolean => SECTOR_WORDS.has(word.toLowerCase());

const wordsOf = (text: string): string[] =>
  plainText(text)
    .replace(/[()[\],.:;!?'"’]/g, ' ')
    .split(/[\s/&+]+/)
    .filter(Boolean);

/** True when every word of the label is a sector word: "Financial Services", "Academia/Research", "Live Streaming and Short Video". */
export function isIndustryOnly(label: string): boolean {
  const words = wordsOf(label);
  return words.length > 0 && words.some((w) => /[a-z]/i.test(w)) && words.every(isSectorWord);
}

/** The words of a label that are not sector words: what might name the organization. */
export function nonSectorWords(label: string): string[] {
  return wordsOf(label).filter((w) => !isSectorWord(w) && !/^anonymous$/i.test(w) && /[\p{L}]/u.test(w));
}

export interface LabelParts {
  /** The label with Markdown undone ("Open Horizon / Edge"). */
  text: string;
  organization: string | null;
  industry: string | null;
  /** A link the label put on the organization's name. */
  website: string | null;
  form: 'org/industry' | 'org (industry)' | 'org - description' | 'org' | 'industry' | 'anonymous' | 'none';
}

/**
 * Index of the slash that separates organization and industry in Markdown source, or
 * -1: " / " first; else the first slash that is not in a link target, an HTML tag,
 * "://" or "//".
 */
function separatorSlash(source: string): { index: number; width: number } {
  const spaced = /\s+\/\s+/.exec(source);
  if (spaced) return { index: spaced.index, width: spaced[0].length };
  let inTarget = 0;
  let inTag = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === ']' && source[i + 1] === '(') {
      inTarget++;
      i++;
      continue;
    }
    if (ch === ')' && inTarget > 0) {
      inTarget--;
      continue;
    }
    if (ch === '<' || source.startsWith('&lt;', i)) inTag = true;
    if (ch === '>' || source.startsWith('&gt;', i)) inTag = false;
    if (ch !== '/' || inTarget > 0 || inTag) continue;
    if (source[i - 1] === '/' || source[i + 1] === '/' || source[i - 1] === ':' || source.slice(i - 2, i) === ':\\') continue;
    if (source.slice(Math.max(0, i - 4), i) === '&lt;' || source[i - 1] === '<') continue;
    return { index: i, width: 1 };
  }
  return { index: -1, width: 0 };
}

/**
 * Where a description follows the name ("Globex - technology company", "Globex Corporation —
 * financial services", "Globex: retail"): a hyphen with a space on either side, an en or em
 * dash, or a colon and a space; never inside a link ("[Globex - Labs](…)") or a word
 * ("e-commerce"). -1 when there is none. One pass over the text.
 */
function descriptionDash(source: string): { index: number; width: number } {
  let inText = 0;
  let inTarget = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') inText++;
    else if (ch === ']') {
      inText = Math.max(0, inText - 1);
      if (source[i + 1] === '(') {
        inTarget++;
        i++;
      }
    } else if (ch === ')' && inTarget > 0) inTarget--;
    if (inText > 0 || inTarget > 0) continue;
    const spaceBefore = source[i - 1] === ' ';
    const spaceAfter = source[i + 1] === ' ';
    const dash = ch === '–' || ch === '—' || (ch === '-' && (spaceBefore || spaceAfter));
    const colon = ch === ':' && spaceAfter;
    if (!dash && !colon) continue;
    let end = i + 1;
    while (end < source.length && (source[end] === ' ' || source[end] === '-' || source[end] === '–' || source[end] === '—')) end++;
    let start = i;
    while (start > 0 && source[start - 1] === ' ') start--;
    return { index: start, width: end - start };
  }
  return { index: -1, width: 0 };
}

/** A name written as a link: the link text is the name, the target its website. */
function nameAndSite(source: string): { name: string; website: string | null } {
  const link = wholeLink(source.trim());
  if (link && /^https?:\/\//i.test(link.url)) return { name: unescapeMarkdown(link.text).trim(), website: link.url };
  // What a reader sees: "**Globex**" is Globex; the generator's escapes ("Globex\\_Labs") come back as typed.
  return { name: plainText(source), website: null };
}

/** Splits a heading label (Markdown source) into organization and industry. */
export function splitLabel(source: string): LabelParts {
  const src = source.replace(/\s+/g, ' ').trim();
  const text = plainText(src);
  if (!text) return { text: '', organization: null, industry: null, website: null, form: 'none' };
  if (/^anonymous\b/i.test(text)) return { text, organization: null, industry: text.replace(/^anonymous\b\s*/i, '') || null, website: null, form: 'anonymous' };
  const slash = separatorSlash(src);
  // "Globex - AI/ML platform": a description after a dash may hold a slash of its own.
  const dash = descriptionDash(src);
  const dashFirst = dash.index > 0 && (slash.index <= 0 || dash.index < slash.index);
  if (!dashFirst && slash.index > 0 && slash.index < src.length - slash.width) {
    const org = nameAndSite(src.slice(0, slash.index));
    const industry = plainText(src.slice(slash.index + slash.width));
    if (org.name && industry) {
      if (isIndustryOnly(text)) return { text, organization: null, industry: text, website: null, form: 'industry' };
      return { text, organization: org.name, industry, website: org.website, form: 'org/industry' };
    }
  }
  // "CyberAgent, Inc. (Internet Services & Entertainment)": a trailing parenthesis.
  // The name never ends in the backslash of an escaped "\(" (our own export writes "Initech \(Logistics\)").
  const paren = /^(.*[^\s\\])\s*\\?\(([^()]+)\\?\)$/.exec(src);
  if (paren && !dashFirst && !isIndustryOnly(text)) {
    const org = nameAndSite(paren[1]!);
    const industry = plainText(paren[2]!.replace(/\\$/, ''));
    if (org.name && industry && !/\]$/.test(paren[1]!)) return { text, organization: org.name, industry, website: org.website, form: 'org (industry)' };
  }
  if (isIndustryOnly(text)) return { text, organization: null, industry: text, website: null, form: 'industry' };
  // "Globex - technology company": the organization, then what it is (kept as its industry).
  if (dash.index > 0 && dash.index + dash.width < src.length) {
    const before = src.slice(0, dash.index);
    const org = nameAndSite(before);
    const description = plainText(src.slice(dash.index + dash.width));
    if (org.name && description) {
      // "Financial services - Europe" describes a sector, not one organization.
      if (isIndustryOnly(plainText(before))) return { text, organization: null, industry: text, website: null, form: 'industry' };
      return { text, organization: org.name, industry: description, website: org.website, form: 'org - description' };
    }
  }
  const org = nameAndSite(src);
  return { text, organization: org.name, industry: null, website: org.website, form: 'org' };
}

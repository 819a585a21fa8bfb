import { monthNumber } from './dates';

/**
 * People as reviewers wrote them: "Ada Example, Platform Lead", "Zoram Thanga (Senior
 * Principal Engineer, Globex)", "Ada Example, Platform Lead and Bo Sample, SRE" (the
 * generator's form), one per line, or separated by semicolons. A name is 1–5 words that
 * start with a capital, none of them a word of a job title.
 */
export interface PersonMention {
  name: string;
  role: string | null;
}

const ROLE_WORDS = new Set(
  `engineer engineers engineering manager managers management lead leads leader director directors architect architects developer developers
  development operations marketing sales research product products platform platforms infrastructure security officer head chief president
  vp svp evp cto ceo cio ciso coo cfo founder co-founder cofounder principal senior junior staff team teams member members maintainer maintainers
  sre sres devops mlops consultant specialist analyst scientist owner admin administrator technical technology software systems system cloud
  data services service representative representatives adopter adopters project program programme community advocate evangelist chair
  partner fellow intern tsc toc sponsor sponsors organization organisation company inc ltd llc gmbh corp group the this that note reference
  anonymous interviewee interviewees interview attendees attendee meeting time date status experience user users customer`.split(/\s+/),
);

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'dos', 'das', 'del', 'ter', 'y']);

/** "Joe Pearson (IBM)" → "Joe Pearson"; the text itself when it does not end in a parenthesis. */
function withoutTrailingParenthesis(text: string): string {
  if (!text.endsWith(')')) return text;
  const open = text.lastIndexOf('(');
  if (open < 0 || text.indexOf(')', open) !== text.length - 1) return text;
  return text.slice(0, open).trim();
}

/** "Ada Example", "Faseela K", "Jochen", "Joe Pearson (IBM)": a person's name, not a title or a sentence. */
export function looksLikeName(text: string): boolean {
  const bare = withoutTrailingParenthesis(text.trim());
  const words = bare.split(/\s+/);
  if (!bare || words.length > 5) return false;
  return words.every((w, i) => {
    if (i > 0 && PARTICLES.has(w)) return true;
    if (!/^[\p{Lu}][\p{L}\p{M}'’.-]*$/u.test(w)) return false;
    if (ROLE_WORDS.has(w.toLowerCase().replace(/[.'’]+$/, ''))) return false;
    return monthNumber(w) === null;
  });
}

/**
 * Where the document says "these are the interviewees" (an italic line under the
 * heading, "Interviewee:"), a name needs less proof: not a sentence, not lower-case
 * first, at most eight words, not only words of a job title.
 */
function looksLikeNameLeniently(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (!text.trim() || words.length > 8 || text.length > 120 || /[.!?:]$/.test(text.trim())) return false;
  if (/^\p{Ll}/u.test(text.trim())) return false;
  return !words.every((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[.,'’]+$/, '')) || /^\d+$/.test(w));
}

/** Splits at the first comma outside parentheses. */
function splitFirstComma(text: string): [string, string | null] {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) return [text.slice(0, i).trim(), text.slice(i + 1).trim() || null];
  }
  return [text.trim(), null];
}

/** One person: "Name, Role", "Name (Role)", "Name - Role", "Name"; null when the name is not a name. */
export function parsePerson(chunk: string, lenient = false): PersonMention | null {
  const text = chunk.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');
  const [head, rest] = splitFirstComma(text);
  if (rest !== null) return looksLikeName(head) || (lenient && looksLikeNameLeniently(head)) ? { name: head, role: rest } : null;
  const paren = /^(.*?\S)\s*\(([^()]+)\)$/.exec(text);
  if (paren && looksLikeName(paren[1]!)) return { name: paren[1]!, role: paren[2]!.trim() };
  const dash = /^(.*?\S)\s+[-–—]\s+(.+)$/.exec(text);
  if (dash && looksLikeName(dash[1]!)) return { name: dash[1]!, role: dash[2]!.trim() };
  return looksLikeName(text) || (lenient && looksLikeNameLeniently(text)) ? { name: text, role: null } : null;
}

export interface PeopleList {
  people: PersonMention[];
  /** "an anonymous interviewee", "2 anonymous interviewees" (the generator's words). */
  anonymous: number;
}

/**
 * A list of people: separated by semicolons, or joined with " and " / " & ". A part
 * after "and" that is not a name belongs to the previous role ("VP and co-founder").
 * Null when the text names nobody.
 */
export function parsePeopleList(text: string, lenient = false): PeopleList | null {
  const out: PeopleList = { people: [], anonymous: 0 };
  // Spaces folded first: the splits below then never try a long run of them again and again.
  for (const group of text.replace(/\s+/g, ' ').split(/ ?; ?/)) {
    const pieces = group.split(/( (?:and|&) )/);
    let current: string | null = null;
    const flush = () => {
      if (current === null) return;
      const person = parsePerson(current, lenient);
      if (!person) throw new Error('not a person');
      out.people.push(person);
      current = null;
    };
    try {
      for (let k = 0; k < pieces.length; k += 2) {
        const chunk = pieces[k]!;
        const joint = pieces[k - 1] ?? ' and ';
        const anonymous = /^(?:an|one|(\d+)) anonymous interviewees?$/i.exec(chunk.trim());
        if (anonymous) {
          flush();
          out.anonymous += anonymous[1] ? Number(anonymous[1]) : 1;
          continue;
        }
        const starts = parsePerson(chunk, lenient);
        // A one-word name starts a new person only with a role after it ("Jochen, Engineering Manager").
        const newPerson = starts !== null && (starts.role !== null || starts.name.includes(' '));
        if (current === null || newPerson) {
          flush();
          current = chunk;
        } else {
          current = `${current}${joint}${chunk}`;
        }
      }
      flush();
    } catch {
      return null;
    }
  }
  return out.people.length > 0 || out.anonymous > 0 ? out : null;
}

/** Splits at commas and semicolons outside parentheses, in one pass. */
function splitCommas(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(text.slice(from).trim());
  return out;
}

/** Words that make a capitalized chunk an organization's name, not a person's ("Globex Corporation"). */
const ORGANIZATION_WORDS = /(?:^| )(?:inc|ltd|llc|gmbh|ag|sa|bv|plc|corp|corporation|company|co|labs?|group|bank|university|foundation|technologies|solutions|holdings)\.?(?: |$)/i;

/**
 * A plain line of interviewees under an entry's heading, as reviewers type it: "Ada Example,
 * Bo Sample", "Ada Example, Platform Lead, Bo Sample, SRE", "Ada Example (Platform Lead), Bo
 * Sample (SRE)", "Ada Example, Head of Platform at Globex", "Ada Example and Bo Sample". A
 * part that is a name starts a person; a part that is not (or names the organization) is the
 * role of the person before it. Null when the first part is not a name or a role part
 * reads like a sentence. One pass over the line.
 */
export function parsePlainPeopleLine(line: string, organization: string | null = null): PersonMention[] | null {
  const text = line.replace(/\s+/g, ' ').trim().replace(/[;,]$/, '');
  if (!text || text.length > 300) return null;
  const org = organization?.toLowerCase() ?? null;
  const isOrganization = (chunk: string) => ORGANIZATION_WORDS.test(chunk) || (org !== null && org.length > 1 && chunk.toLowerCase().includes(org));
  const chunks = splitCommas(text).flatMap((chunk) => {
    // "Bo Sample and Cy Person": two people when both sides are names.
    const parts = chunk.split(/ (?:and|&) /);
    return parts.length > 1 && parts.every((p) => looksLikeName(p) && !isOrganization(p)) ? parts : [chunk];
  });
  // A role has a word of a job title, names the organization, or says where ("Head of Platform at Initech").
  const isTitle = (chunk: string) => / (?:at|of|from|for) /.test(` ${chunk} `) || chunk.split(' ').some((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[.'’]+$/, '')));
  const isRole = (chunk: string) => isTitle(chunk) || isOrganization(chunk);
  const people: PersonMention[] = [];
  for (const [k, chunk] of chunks.entries()) {
    if (!chunk || chunk.split(' ').length > 10) return null;
    const next = chunks[k + 1];
    const person = isOrganization(chunk) ? null : parsePerson(chunk);
    // A one-word name starts a person only with a role after it ("Jochen, Engineering Manager").
    if (person !== null && (person.role !== null || person.name.includes(' ') || (next !== undefined && !looksLikeName(next) && isTitle(next)))) {
      people.push({ name: person.name, role: person.role });
      continue;
    }
    // Otherwise the part is the role of the person before it, or where they work after their
    // role ("Ada Example, Staff Engineer, Initech"); anything else is not a line of people
    // ("Kubernetes, Helm, Argo CD").
    const current = people.at(-1);
    if (!current || !(isRole(chunk) || (current.role !== null && person !== null))) return null;
    current.role = current.role ? `${current.role}, ${chunk}` : chunk;
  }
  if (people.length === 0) return null;
  // One word and nothing else ("Globex") is not an interviewee line.
  if (people.length === 1 && people[0]!.role === null && !people[0]!.name.includes(' ')) return null;
  return people;
}

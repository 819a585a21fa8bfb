import { createRng, type Rng } from './prng';

/**
 * The words and names of the generated store. Text follows a Zipf law over a vocabulary of
 * common English words, cloud-native terms and a long tail of invented words, so full-text
 * search meets both very common and very rare terms. Every name (organization, person,
 * project) is invented from syllables: the store never holds a real adopter.
 */

const COMMON = `the and to of a in we it for is that on with our they was this are as have be at not but from by an or so
all more when which their can about one there if what would them use into out also team it's were has had just then than
very because only some most now time how much other new like first after up no its been could over do these get any well
run make still who way many same both each while before through need used using again since where every less lot`.split(/\s+/);

const DOMAIN = `cluster clusters upgrade upgrades operator helm chart charts latency rollout metrics dashboards alerting ingress
namespace namespaces tenant tenants sidecar proxy policy policies certificate certificates tracing logs storage backup
controller reconcile webhook gateway mesh pipeline pipelines registry images scanning compliance audit autoscaling nodes
pods workloads staging production migration documentation maintainers community slack issues release releases version
versions stable breaking changes performance memory cpu footprint scale regions availability outage incident on-call
runbook terraform gitops sync drift secrets observability kubernetes api crd crds config configuration deployment
deployments service services network networking latency throughput requests traffic canary rollback feature features
bug bugs fix patch support vendor vendors license governance roadmap contributors contribution pull request review
reviews tests testing integration plugins plugin sdk cli yaml manifests templates multi-cluster edge bare-metal cloud
cost costs savings engineers platform developers onboarding training security vulnerability cve audit-log rbac sso
identity quota quotas limits benchmark benchmarks load alerts pager dashboards grafana queue queues events event
stream streaming batch jobs scheduler scheduling retries timeout timeouts consistency replication failover disaster
recovery migration-path deprecation deprecated alpha beta ga adoption evaluation proof-of-concept pilot internal`.split(
  /\s+/,
);

const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'gr', 'k', 'kl', 'l', 'm', 'n', 'p', 'pr', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'th', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 'x', 's', 'm', 'th', 'nd', 'rk', 'll'];

/** A string no generated text contains (no syllable makes "qq"): a search that finds nothing. */
export const ABSENT_WORD = 'qqzx';

function syllable(rng: Rng): string {
  return rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
}

function inventedWord(rng: Rng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += syllable(rng);
  return word;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export interface Vocabulary {
  /** Most frequent first: the Zipf rank of a word is its index + 1. */
  words: readonly string[];
  common: readonly string[];
  domain: readonly string[];
  /** Invented terms, most frequent first. */
  invented: readonly string[];
}

export function buildVocabulary(seed: string, inventedCount = 20_000): Vocabulary {
  const rng = createRng(`${seed}/vocabulary`);
  const taken = new Set([...COMMON, ...DOMAIN]);
  const invented: string[] = [];
  while (invented.length < inventedCount) {
    const word = inventedWord(rng, rng.int(2, 3));
    if (!taken.has(word)) {
      taken.add(word);
      invented.push(word);
    }
  }
  return { words: [...COMMON, ...DOMAIN, ...invented], common: COMMON, domain: DOMAIN, invented };
}

const INDUSTRIES = [
  'finance', 'retail', 'telecommunications', 'healthcare', 'gaming', 'logistics', 'energy', 'media', 'public sector',
  'software', 'manufacturing', 'insurance', 'travel', 'education', 'automotive',
];
const ORG_SUFFIXES = ['Systems', 'Labs', 'Logistics', 'Bank', 'Health', 'Retail', 'Media', 'Networks', 'Energy', 'Insurance', 'Games', 'Telecom', 'Analytics', 'Mobility', 'Foods', 'Freight', 'Capital', 'Works'];
const ROLES = ['Platform engineer', 'SRE lead', 'Staff engineer', 'Head of infrastructure', 'DevOps engineer', 'Engineering manager', 'Principal architect', 'CTO'];

/** Names for everything the store holds; all invented, all deterministic for a seed. */
export class NameMaker {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (;;) {
      const name = make();
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }

  organization(): { name: string; industry: string; domain: string } {
    const base = this.unique(() => capitalize(inventedWord(this.rng, this.rng.int(2, 3))));
    const name = this.rng.chance(0.7) ? `${base} ${this.rng.pick(ORG_SUFFIXES)}` : base;
    return { name, industry: this.rng.pick(INDUSTRIES), domain: `${base.toLowerCase()}.example` };
  }

  person(): string {
    return this.unique(() => `${capitalize(inventedWord(this.rng, 2))} ${capitalize(inventedWord(this.rng, this.rng.int(2, 3)))}`);
  }

  project(): string {
    return this.unique(() => capitalize(inventedWord(this.rng, this.rng.int(2, 3))) + (this.rng.chance(0.3) ? this.rng.pick(['mesh', 'flow', 'ctl', 'd', 'io']) : ''));
  }

  role(): string {
    return this.rng.pick(ROLES);
  }
}

/** What a text may mention besides vocabulary words. */
export interface Mentions {
  project: string;
  organization?: string;
}

/** Zipf-distributed text over a vocabulary: P(rank k) ≈ 1 / (k · ln N). */
export class TextMaker {
  private readonly logN: number;
  constructor(
    private readonly rng: Rng,
    private readonly vocabulary: Vocabulary,
  ) {
    this.logN = Math.log(vocabulary.words.length + 1);
  }

  word(): string {
    const rank = Math.floor(Math.exp(this.rng.next() * this.logN));
    return this.vocabulary.words[Math.min(rank, this.vocabulary.words.length) - 1]!;
  }

  sentence(mentions: Mentions, minWords = 8, maxWords = 20): string {
    const count = this.rng.int(minWords, maxWords);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const roll = this.rng.next();
      if (roll < 0.015) words.push(mentions.project);
      else if (roll < 0.022 && mentions.organization) words.push(mentions.organization);
      else if (roll < 0.03) words.push(String(this.rng.int(2, 400)));
      else words.push(this.word());
      if (i > 2 && i < count - 2 && this.rng.chance(0.06)) words[words.length - 1] += ',';
    }
    words[0] = capitalize(words[0]!);
    return `${words.join(' ')}.`;
  }

  paragraph(mentions: Mentions, minSentences: number, maxSentences: number): string {
    const count = this.rng.int(minSentences, maxSentences);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(this.sentence(mentions));
    return sentences.join(' ');
  }

  /** About five paragraphs, 350–550 words: what a reviewer sends the adopter to approve. */
  summary(mentions: Mentions): string {
    const paragraphs: string[] = [];
    const count = this.rng.int(4, 6);
    for (let i = 0; i < count; i++) paragraphs.push(this.paragraph(mentions, 4, 6));
    return paragraphs.join('\n\n');
  }

  /** Notes typed during the call: short bullet lines, 150–500 words. */
  rawNotes(mentions: Mentions): string {
    const lines: string[] = [];
    const count = this.rng.int(15, 40);
    for (let i = 0; i < count; i++) lines.push(`- ${this.sentence(mentions, 5, 14)}`);
    return lines.join('\n');
  }

  /** The notes under one question: one or two short paragraphs, 20–150 words. */
  answer(mentions: Mentions): string {
    const paragraphs: string[] = [];
    const count = this.rng.int(1, 2);
    for (let i = 0; i < count; i++) paragraphs.push(this.paragraph(mentions, 2, 4));
    return paragraphs.join('\n\n');
  }

  quote(mentions: Mentions): string {
    const sentences: string[] = [];
    const count = this.rng.int(1, 3);
    for (let i = 0; i < count; i++) sentences.push(this.sentence(mentions, 6, 16));
    return sentences.join(' ');
  }
}

import type { AdopterType, Stage, UsageLevel } from '../../domain/adopter';
import type { ProjectLevel } from '../../domain/project';

/**
 * Everything the public and private documents are made from, as plain data: the
 * services read it from the store, tests write it by hand. Nothing in templates/
 * reads the database.
 */
export interface PublicationPerson {
  name: string;
  role: string | null;
  email: string | null;
  /** This person asked not to be named, even if the organization is. */
  anonymous: boolean;
  /** Holds a role in the project under review. */
  maintainer: boolean;
}

export interface PublicationInterview {
  id: number;
  date: string | null;
  month: string | null;
  interviewers: string[];
  summary: string;
  summarySentAt: string | null;
  approvedAt: string | null;
  approvedHash: string | null;
  /** SHA-256 of `summary` now; differs from approvedHash when edited after approval. */
  summaryHash: string;
  participants: PublicationPerson[];
  quotes: { text: string; speaker: string | null; approved: boolean }[];
}

/** A term the reviewer released for one adopter: a false positive of the guard ("apple" the fruit). */
export interface GuardAllowance {
  term: string;
  /** Only in this adopter's own entry, or anywhere when null. */
  entryNumber: number | null;
  note: string;
}

export interface PublicationAdopter {
  id: number;
  number: number;
  anonymous: boolean;
  publicLabel: string | null;
  /** A named adopter's own label (an imported DD's words), printed instead of "Organization/Industry". */
  namedLabel?: string | null;
  organization: {
    name: string;
    aliases: string[];
    website: string | null;
    industry: string | null;
    /**
     * Everyone recorded under the organization — contacts, candidates' contacts,
     * interviewees of any project: when the adopter is anonymous the guard protects them
     * all, not only those interviewed.
     */
    people: { name: string; email: string | null }[];
  };
  adopterType: AdopterType;
  independent: boolean;
  vendorNote: string;
  usageLevel: UsageLevel | null;
  stage: Stage;
  interviews: PublicationInterview[];
  allowances: GuardAllowance[];
}

export interface PublicationData {
  project: { name: string; slug: string; level: ProjectLevel };
  adopters: PublicationAdopter[];
}

export interface RenderOptions {
  /** Also print adopters whose summary is not approved yet, marked DRAFT. */
  includeDrafts: boolean;
  /** Straight quotes to curly, "..." to "…", never inside code or link targets. */
  typography: boolean;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { includeDrafts: false, typography: false };

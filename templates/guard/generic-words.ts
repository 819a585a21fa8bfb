import { isSectorWord } from '../import/labels';

/**
 * Words too common to stand for one organization on their own: a name's leading word, a
 * domain's label or a path owner that is one of these is not derived as a secret
 * ("Global" from "Global Initech Ltd", "cloud" from cloud.example), since it would refuse
 * every text that uses the word. The recorded name and aliases stay secrets as written.
 * Sector words (templates/import/labels.ts: "Finance", "Cloud", "Data", "Software"…) are
 * generic too; this list adds the words organizations put in their names without
 * describing a sector.
 */
const GENERIC_ORGANIZATION_WORDS = new Set(
  `the a an of and for
  global international intl first united national american digital bank group general royal central capital
  data cloud tech technology technologies systems solutions services software network networks media health energy
  financial insurance telecom communications consulting partners ventures holdings labs lab industries enterprises
  new north south east west northern southern eastern western pacific atlantic euro asia africa america europe world
  open smart blue green red black white gold silver one all big city state public mutual trust standard prime best star sun
  mobile online web net info research institute association council agency ministry department office federal
  air motors auto electric power oil gas steel bio life care home food logistics transport security cyber platform
  products product management development studio studios works company corp inc`.split(/\s+/),
);

export function isGenericOrganizationWord(word: string): boolean {
  const key = word.toLowerCase();
  return GENERIC_ORGANIZATION_WORDS.has(key) || isSectorWord(key);
}

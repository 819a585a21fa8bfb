/**
 * The words of a person's name that do not name the person, the one list the guard reads
 * them from (person-parts.ts). Written in lower case without dots.
 */

/** Particles of family names: part of "Ada van der Berg", never a name alone ("van", "der"). */
export const NAME_PARTICLES = new Set(
  `van von vom zu zum zur de der den des di da das do dos du del della delle dei degli dal
  le la lo les ter ten te op het t mac bin binti ibn bint ben bat al el ap ab y e st`.split(/\s+/),
);

/** Titles written before a name. */
export const HONORIFICS = new Set(
  `mr mrs ms mx miss master dr prof professor sir dame lord lady rev revd fr hon herr frau mme mlle mevr dhr sr sra srta`.split(/\s+/),
);

/** Generational and professional suffixes written after a name: never a surname ("Jr.", "III", "PhD"). */
export const NAME_SUFFIXES = new Set(
  `jr jnr junior sr snr senior ii iii iv vi vii viii ix
  phd dphil md mba msc ma ba bsc beng meng esq cpa cfa pe rn dds jd llm obe mbe cbe frs peng`.split(/\s+/),
);

/**
 * Given names that are everyday English words: alone they would refuse ordinary prose
 * ("will", "may", "mark"), so they are secrets only inside the full name. Surnames are
 * kept whatever they are ("Long", "Young"): a family name says more about who someone is,
 * and an allowance releases a false positive.
 */
export const EVERYDAY_WORD_GIVEN_NAMES = new Set(
  `will may mark grant hope joy faith grace rose ray guy art bill frank jack don pat sue bob rob
  june april august dawn chase drew miles rich page lance dean wade hunter summer sky pearl ruby ivy`.split(/\s+/),
);

/** A word of a name as the lists above compare it. */
export const nameWordKey = (word: string): string => word.toLowerCase().replace(/[.,]/g, '');

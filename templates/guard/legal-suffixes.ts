/**
 * The legal forms that end an organization's registered name, the one list the guard (and
 * the importer) reads them from. People leave them out when they write ("Globex" for
 * "Globex Holdings GmbH"), so the guard derives the name without them. Written without
 * dots, commas or slashes and in lower case: "S.p.A." is "spa", "A/S" is "as", "Co.," is
 * "co". Multi-word forms ("Pty Ltd", "Sdn Bhd", "GmbH & Co. KG") are removed a word at a
 * time, so each of their words is here.
 */
const LEGAL_SUFFIXES = new Set(
  `inc incorporated ltd limited llc lc llp lp plc corp corporation co company cos
  group holdings holding
  gmbh ag kg ohg ug ev mbh kgaa
  sa sas sasu sarl sca scs sl slu srl spa sapa snc scarl
  nv bv bvba vof
  kk gk yk
  pty pte pvt private bhd sdn tbk
  se oy oyj ab as asa aps hf
  sro spol zrt kft nyrt doo ood eood
  ltda eireli
  ooo zao oao pao`.split(/\s+/),
);

/** The key a word is compared by: lower case without dots, commas and slashes. */
const keyOf = (word: string): string => word.toLowerCase().replace(/[.,/]/g, '');

export function isLegalSuffix(word: string): boolean {
  const key = keyOf(word);
  return key !== '' && LEGAL_SUFFIXES.has(key);
}

/** What joins a legal form to the name: "Globex GmbH & Co. KG", "Globex GmbH and Co. KG". */
const JOINING = /^(?:[&+,]|and|und|et)$/i;

/**
 * The name with its legal forms taken off the end, one step at a time ("Globex Holdings
 * Inc." → "Globex Holdings" → "Globex"), each with what was removed. A name is never
 * reduced to nothing, and a joining "&" or comma left at the end goes with the form
 * ("Globex GmbH & Co. KG" → … → "Globex").
 */
export function withoutLegalSuffixes(name: string): { term: string; removed: string }[] {
  const words = name.trim().split(/\s+/);
  const steps: { term: string; removed: string }[] = [];
  let end = words.length;
  while (end > 1) {
    let cut = end;
    while (cut > 1 && JOINING.test(words[cut - 1]!)) cut--;
    if (cut <= 1 || !isLegalSuffix(words[cut - 1]!)) break;
    cut--;
    while (cut > 1 && JOINING.test(words[cut - 1]!)) cut--;
    end = cut;
    const term = words.slice(0, end).join(' ').replace(/[\s,&+]+$/, '');
    if (!term) break;
    steps.push({ term, removed: words.slice(end).join(' ') });
  }
  return steps;
}

// Characters XML 1.0 cannot carry (C0 controls but tab and newline, lone surrogates,
// U+FFFE/F). docx drops the controls itself but not the rest, and one of them makes
// Word refuse the whole file, so text is cleaned before it reaches any part.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text an XML part can hold. */
export const xmlSafe = (text: string): string => text.replace(INVALID_XML, '');

/** Text or an attribute value as XML. */
export const escapeXml = (text: string): string => xmlSafe(text).replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);

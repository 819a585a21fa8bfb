import type { Zippable } from 'fflate';
import { toDocxDocument } from './docx-document';
import { loadDocx, loadFflate } from './libraries';
import type { WordDocument } from './model';
import type { WordOptions } from './options';
import { appPropertiesXml, corePropertiesXml } from './properties';
import { relationshipSource, renumberRelationshipIds } from './relationship-ids';
import { zipEntryTime } from './zip-time';

/**
 * The .docx bytes of a document: docx builds and packs it, then one post-pass makes the
 * package reproducible — the same document and options give the same bytes, whatever
 * the clock, the time zone, the machine or the user:
 *
 * - docProps/core.xml and docProps/app.xml are ours (Packer's overrides): dates from
 *   the data, the author only when set, never the clock or "Un-named";
 * - docx's random relationship ids become rId1…rIdN in order of first use;
 * - the package is zipped again with fflate: entries in code-point order of their paths,
 *   each stamped with the document's date (zip-time.ts), DEFLATE level 6, made by
 *   MS-DOS with no attributes or extra fields, so no owner or permission bits ride along.
 */
export async function packDocx(doc: WordDocument, options: WordOptions): Promise<Buffer> {
  const [docx, { unzipSync, zipSync, strFromU8, strToU8 }] = await Promise.all([loadDocx(), loadFflate()]);
  const packed = await docx.Packer.toBuffer(toDocxDocument(docx, doc, options), false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(doc, options) },
    { path: 'docProps/app.xml', data: appPropertiesXml() },
  ]);
  const files = unzipSync(packed);
  // Only the relationship parts and the parts they belong to are read as text and, when renumbered, written again.
  const text = new Map<string, string>();
  for (const name of Object.keys(files)) {
    const source = relationshipSource(name);
    if (source === null) continue;
    text.set(name, strFromU8(files[name]!));
    if (files[source]) text.set(source, strFromU8(files[source]));
  }
  for (const name of renumberRelationshipIds(text)) files[name] = strToU8(text.get(name)!);
  const mtime = zipEntryTime(doc.date);
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) entries[name] = [files[name]!, { mtime, level: 6, os: 0, attrs: 0 }];
  const zipped = zipSync(entries);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

import { sql, type SQL } from 'drizzle-orm';
import { fieldCipher, type FieldCipher } from './crypto';
import { checkIdNumber } from './idcard';

/**
 * Household search by name, village or ID fragment (data-and-performance.md §1, P6):
 * overlapping bigrams in a tsvector with a GIN index (poverty.repeatable.sql), the same on
 * PGlite and PostgreSQL. ID numbers are never decrypted to search:
 * - a full valid ID number → the keyed hash of the person (exact);
 * - four characters (digits, last may be X) → the last four, which the masked form shows anyway;
 * - six characters → a keyed hash of the last six (`id_tail_hash`);
 * - seven or more digits that are not an ID → a household-code prefix;
 * - otherwise text: every bigram must be in the document (GIN), and for terms longer than two
 *   characters the match is rechecked on the names so that bigrams from different names do
 *   not combine. A single character (a surname) cannot use bigrams: householder-name prefix.
 */
export type SearchKind = 'id' | 'id4' | 'id6' | 'code' | 'text' | 'char';

/** Keyed hash of an ID number's last six characters (truncated to 64 bits: an index key, not a proof). */
export function tailHash(id: string, cipher: FieldCipher = fieldCipher()): string {
  return cipher.lookupHash(`tail6:${id.slice(-6).toUpperCase()}`).slice(0, 16);
}

export function bigrams(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

export function classify(raw: string): { kind: SearchKind; value: string } | null {
  const q = raw.trim().replace(/\s+/g, '');
  if (!q) return null;
  const id = checkIdNumber(q);
  if (id.ok) return { kind: 'id', value: id.id };
  if (/^\d{3}[\dXx]$/.test(q)) return { kind: 'id4', value: q.toUpperCase() };
  if (/^\d{5}[\dXx]$/.test(q)) return { kind: 'id6', value: q.toUpperCase() };
  if (/^\d{7,}$/.test(q)) return { kind: 'code', value: q };
  // Letters and digits only: the tsquery is built from these, so nothing else may reach it.
  const text = [...q].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
  if (!text) return null;
  return [...text].length === 1 ? { kind: 'char', value: text } : { kind: 'text', value: text };
}

/** The SQL condition on household `h` for a search term. */
export function searchSql(raw: string): SQL | null {
  const c = classify(raw);
  if (!c) return null;
  switch (c.kind) {
    case 'id':
      return sql`exists (select 1 from poverty_persons p where p.household_id = h.id and p.id_hash = ${fieldCipher().lookupHash(c.value)})`;
    case 'id4':
      return sql`h.search_tsv @@ ${`'i4:${c.value}'`}::tsquery`;
    case 'id6':
      return sql`h.search_tsv @@ ${`'i6:${tailHash(c.value)}'`}::tsquery`;
    case 'code':
      return sql`h.code like ${c.value + '%'}`;
    case 'char':
      return sql`h.householder_name like ${c.value + '%'}`;
    case 'text': {
      const grams = bigrams(c.value);
      const query = grams.map((g) => `'${g}'`).join(' & ');
      const match = sql`h.search_tsv @@ ${query}::tsquery`;
      if (grams.length === 1) return match;
      const like = '%' + c.value + '%';
      return sql`(${match} and (h.householder_name like ${like}
        or exists (select 1 from poverty_persons p where p.household_id = h.id and p.name like ${like})
        or exists (select 1 from poverty_regions r where r.code in (h.village_code, h.township_code) and r.name like ${like})))`;
    }
  }
}

/**
 * The lexemes one person adds to its household's document, as a PostgreSQL array literal for
 * COPY: name bigrams, the bigrams of its village and township names (`placeBigrams`, computed
 * once per village), the last four ID characters and the keyed hash of the last six (`tail6`,
 * from `tailHash`) — the same lexemes as poverty.repeatable.sql.
 */
export function personTokens(name: string, id: string, placeBigrams: readonly string[], tail6: string): string {
  const tokens = new Set<string>(bigrams(name));
  for (const t of placeBigrams) tokens.add(t);
  tokens.add(`i4:${id.slice(-4).toUpperCase()}`);
  tokens.add(`i6:${tail6}`);
  // Names are letters; anything that would need escaping in an array literal is dropped.
  return `{${[...tokens].filter((x) => !/["\\{},\s]/.test(x)).map((x) => `"${x}"`).join(',')}}`;
}

/** The bigrams of a village's and its township's names, for `personTokens`. */
export function placeBigrams(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => bigrams(n)))];
}

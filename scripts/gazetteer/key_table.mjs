// Keys and files of the hashed key tables the detectors read (names.gaz,
// word_clusters.bin): words folded and hashed as
// service/detect/names/name_key.cc does, and the file layout read by
// service/detect/names/hashed_key_table.cc (little-endian):
//   0  8 bytes      magic ("PFNAMES1", "PFCLUST1")
//   8  u32          format version (1)
//   12 u32          entry count
//   16 u64          FNV-1a 64 checksum of the entry bytes
//   24 u64[count]   entries, strictly increasing: the top 40 bits a key's
//                   hash, the low 24 bits its value
import { writeFileSync } from 'node:fs';

const SPECIAL_FOLDS = {
  'Æ': 'ae', 'æ': 'ae', 'Ð': 'd', 'ð': 'd', 'Ø': 'o', 'ø': 'o', 'Þ': 'th', 'þ': 'th',
  'ß': 'ss', 'Đ': 'd', 'đ': 'd', 'Ħ': 'h', 'ħ': 'h', 'ı': 'i', 'Ĳ': 'ij', 'ĳ': 'ij',
  'ĸ': 'k', 'Ŀ': 'l', 'ŀ': 'l', 'Ł': 'l', 'ł': 'l', 'ŉ': 'n', 'Ŋ': 'n', 'ŋ': 'n',
  'Œ': 'oe', 'œ': 'oe', 'Ŧ': 't', 'ŧ': 't', 'ſ': 's',
};

// Latin-1 Supplement and Latin Extended-A letters fold to lower-case ASCII.
function foldLatin(ch) {
  if (SPECIAL_FOLDS[ch]) return SPECIAL_FOLDS[ch];
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[A-Za-z]$/.test(base) ? base.toLowerCase() : ch;
}

function foldCodePoint(cp) {
  const ch = String.fromCodePoint(cp);
  if (cp < 0x80) return ch.toLowerCase();
  if (cp >= 0xc0 && cp <= 0x17f) return foldLatin(ch);
  if (cp >= 0x391 && cp <= 0x3a9 && cp !== 0x3a2) return String.fromCodePoint(cp + 0x20);
  if (cp >= 0x410 && cp <= 0x42f) return String.fromCodePoint(cp + 0x20);
  if (cp >= 0x400 && cp <= 0x40f) return String.fromCodePoint(cp + 0x50);
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x2bc) return "'";
  return ch;
}

// Words of a name, folded, joined by single spaces; '' when it has none.
export function foldKey(name) {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words.map((w) => [...w].map((c) => foldCodePoint(c.codePointAt(0))).join('')).join(' ');
}

const MASK64 = (1n << 64n) - 1n;
export function fnv1a(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & MASK64;
  return h;
}
function mix(h) {
  h ^= h >> 33n; h = (h * 0xff51afd7ed558ccdn) & MASK64;
  h ^= h >> 33n; h = (h * 0xc4ceb9fe1a85ec53n) & MASK64;
  return h ^ (h >> 33n);
}
export const hashKey = (key) => mix(fnv1a(Buffer.from(key, 'utf8'))) >> 24n;


// Writes `values` (folded key -> 24-bit value) as a table file; keys whose
// hashes collide share one entry, their values or-ed. Returns the entry count.
export function writeKeyTable(output, magic, values) {
  const byHash = new Map();
  for (const [key, value] of values) {
    const h = hashKey(key);
    byHash.set(h, (byHash.get(h) ?? 0) | value);
  }
  const sorted = [...byHash.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const body = Buffer.alloc(sorted.length * 8);
  sorted.forEach(([h, value], i) => body.writeBigUInt64LE((h << 24n) | BigInt(value), i * 8));
  const header = Buffer.alloc(24);
  header.write(magic, 0, 'latin1');
  header.writeUInt32LE(1, 8);
  header.writeUInt32LE(sorted.length, 12);
  header.writeBigUInt64LE(fnv1a(body), 16);
  writeFileSync(output, Buffer.concat([header, body]));
  return sorted.length;
}

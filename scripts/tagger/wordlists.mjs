// Pools of ordinary words per language for the multilingual training texts
// ({WORD} {CWORD} {WORDS} {CWORDS} slots of templates_multilingual_words_train.mjs),
// read from the Debian 12 word lists in /usr/share/dict:
//
//   wngerman (ngerman), wfrench (french), wspanish (spanish), witalian
//   (italian), wportuguese (portuguese), wdutch (dutch), wpolish (polish),
//   wswedish (swedish, ISO-8859-1), wdanish (danish), wnorwegian (bokmaal,
//   ISO-8859-1)
//
// A word that could be a name is left out:
// - outside German, every word written with a capital in any of the lists or
//   in wamerican's american-english (in those languages only proper nouns
//   are capitalised), and the lower-case form of such a word ("pierre",
//   "róża" beside "Róża");
// - in German (nouns are capitalised in ngerman and kept), the words that are
//   capitalised in any other list or in american-english ("Berlin", "Peter");
// - every token of a person name, place or organisation that the generator
//   can draw, and the person names and places of all faker locales
//   (pools.mjs nameAndPlaceTokens());
// - words of fewer than 4 letters, words with digits, hyphens, apostrophes or
//   capitals inside, and words longer than 18 letters.
// What is left is sampled deterministically (every k-th word in file order)
// down to at most MAX_WORDS per language; no PRNG is used here.
import fs from 'node:fs';
import { nameAndPlaceTokens } from './pools.mjs';

const DICT = '/usr/share/dict';
const MAX_WORDS = 40000;
// list, encoding
export const WORDLISTS = {
  de: ['ngerman', 'utf8'], fr: ['french', 'utf8'], es: ['spanish', 'utf8'], it: ['italian', 'utf8'],
  pt: ['portuguese', 'utf8'], nl: ['dutch', 'utf8'], pl: ['polish', 'utf8'], sv: ['swedish', 'latin1'],
  da: ['danish', 'utf8'], nb: ['bokmaal', 'latin1'],
};
// generator language -> word list
export const LANG_WORDLIST = { es: 'es', pt_BR: 'pt', pt_PT: 'pt', fr: 'fr', de: 'de', it: 'it', nl: 'nl', pl: 'pl', sv: 'sv', nb: 'nb', da: 'da' };

function readList(name, enc) {
  const file = `${DICT}/${name}`;
  if (!fs.existsSync(file)) throw new Error(`${file} missing: apt-get install -y wngerman wfrench wspanish witalian wportuguese wdutch wpolish wswedish wdanish wnorwegian wamerican`);
  const text = fs.readFileSync(file).toString(enc === 'latin1' ? 'latin1' : 'utf8');
  if (enc === 'utf8' && text.includes('\uFFFD')) throw new Error(`${file} is not UTF-8`);
  return text.split('\n').map((w) => w.normalize('NFC').trim()).filter(Boolean);
}

const LOWER = /^\p{Ll}+$/u;
const NOUN_OR_LOWER = /^\p{Lu}?\p{Ll}+$/u;
const isCap = (w) => /^\p{Lu}/u.test(w);

let cache = null;
// { de: [...], fr: [...], ... }: the sampled pools, built once per process.
export function buildWordPools() {
  if (cache) return cache;
  const raw = Object.fromEntries(Object.entries(WORDLISTS).map(([k, [name, enc]]) => [k, readList(name, enc)]));
  // proper nouns: capitalised entries of every list but German, and of american-english
  const proper = new Set();
  for (const [k, list] of Object.entries(raw)) if (k !== 'de') for (const w of list) if (isCap(w)) proper.add(w.toLowerCase());
  for (const w of readList('american-english', 'utf8')) if (isCap(w)) proper.add(w.replace(/'s$/, '').toLowerCase());
  const names = nameAndPlaceTokens();
  cache = {};
  for (const [k, list] of Object.entries(raw)) {
    const seen = new Set();
    const keep = [];
    for (const w of list) {
      const n = [...w].length;
      if (n < 4 || n > 18) continue;
      if (!(k === 'de' ? NOUN_OR_LOWER : LOWER).test(w)) continue;
      const low = w.toLowerCase();
      if (proper.has(low) || names.has(low) || seen.has(w)) continue;
      seen.add(w); keep.push(w);
    }
    const step = Math.max(1, keep.length / MAX_WORDS);
    const out = [];
    for (let i = 0; Math.floor(i) < keep.length && out.length < MAX_WORDS; i += step) out.push(keep[Math.floor(i)]);
    cache[k] = out;
  }
  return cache;
}

// "żółw" -> "Żółw"; 'ß' and 'ĳ' keep their one-letter upper case forms.
export function capitalise(w) {
  const [first, ...rest] = [...w];
  const up = first.toUpperCase();
  return ([...up].length === 1 ? up : first) + rest.join('');
}

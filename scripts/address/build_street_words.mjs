// Builds service/detect/data/street_words.txt, the street-type words, unit
// words and post-box words of the ADDRESS recognizer, from openly licensed
// sources (listed in service/detect/data/SOURCES.md).
//
//   npm ci --prefix scripts/address
//   node scripts/address/build_street_words.mjs [output]
//
// One entry a line, "<kind> <word>", the word in lower case (it may hold
// spaces and dots), sorted by kind then word. Kinds (read by
// service/detect/address/street_words.cc):
//   after   a street type written after the street's name, house number first
//           ("12 Baker Street", "5th Ave")
//   post    the same, but the house number may also follow ("Berliner Straße 5")
//   before  a street type written before the name ("rue de la Paix", "Via Roma 1")
//   suffix  the end of a compound street name ("Koskikatu", "Hauptstr.", "Drottninggatan")
//   weak    a street type that is also an everyday word ("Gardens", "View"):
//           an address needs more evidence than the street alone
//   unit    apartment, suite, floor, unit, c/o
//   box     post-office boxes
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as faker from '@faker-js/faker';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2] ?? join(here, '../../service/detect/data/street_words.txt');

const mapboxDir = dirname(require.resolve('@mapbox/geocoder-abbreviations/package.json'));
const mapbox = (lang) => JSON.parse(readFileSync(join(mapboxDir, 'tokens', `${lang}.json`), 'utf8'));
const mapboxWays = (lang) =>
  mapbox(lang)
    .filter((e) => e.type === 'way')
    .flatMap((e) => e.tokens);

const entries = new Map(); // word -> set of kinds
function add(kind, word) {
  const w = word.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  // Regular expressions of the source, one-letter tokens and words holding
  // characters the C++ table cannot take are left out.
  if (!w || /[\\()?:$|"+*\[\]{}^]/.test(w) || [...w].length < 2) return;
  if (!entries.has(w)) entries.set(w, new Set());
  entries.get(w).add(kind);
}

// --- Street types --------------------------------------------------------
// English: the name comes first, the house number before it.
for (const w of mapboxWays('en')) add('after', w);
// German, Dutch and the Nordic languages write the type after the name
// ("Berliner Straße 5") or glued to it ("Hauptstraße 5", "Koskikatu 25").
for (const lang of ['de', 'nl', 'no', 'fi', 'da']) {
  for (const w of mapboxWays(lang)) {
    add('post', w);
    if (w.length >= 3) add('suffix', w);
  }
}
// Swedish tokens are written as expressions "(.+g)(?:atan)$": the endings
// are the alternation's stem plus suffix.
for (const e of mapbox('sv').filter((e) => e.type === 'way')) {
  for (const t of e.tokens) {
    const m = /^\(\.\+([^)]*)\)\(\?:([^)]*)\)\$$/.exec(t);
    if (m) add('suffix', m[1] + m[2]);
    else if (t.length >= 4) add('suffix', t);
  }
}
// French, Spanish, Italian, Portuguese and Polish write the type first.
for (const lang of ['fr', 'es', 'it', 'pt', 'pl']) {
  for (const w of mapboxWays(lang)) add('before', w);
}
// Faker's locale data: street suffixes and prefixes as its generators use them.
const fakerLocation = (locale) => faker[locale]?.location ?? {};
for (const locale of ['en_GB', 'en_AU']) {
  for (const w of fakerLocation(locale).street_suffix ?? []) add('weak', w);
}
for (const locale of ['nl', 'nl_BE', 'fi', 'sv']) {
  for (const w of fakerLocation(locale).street_suffix ?? []) add('suffix', w);
}
for (const locale of ['it', 'es']) {
  for (const w of fakerLocation(locale).street_suffix ?? []) add('before', w);
}
for (const locale of ['fr', 'fr_BE', 'fr_CH', 'pt_PT', 'pt_BR', 'pl']) {
  for (const w of fakerLocation(locale).street_prefix ?? []) add('before', w);
}

// --- Units and post boxes ------------------------------------------------
// Mapbox's English unit expressions list their words as alternations.
for (const e of mapbox('en').filter((e) => e.type === 'unit')) {
  for (const t of e.tokens) {
    for (const alt of t.matchAll(/\(\?:([a-z|]+)\)/g)) {
      for (const w of alt[1].split('|')) add('unit', w);
    }
  }
}
// Faker's secondary addresses ("Apt. ###", "Lgh. ###", "m. ###"): the word
// before the number.
for (const locale of Object.keys(faker).filter((k) => faker[k]?.location?.secondary_address)) {
  for (const s of faker[locale].location.secondary_address) {
    const m = /^([A-Za-zÀ-ÿ]+\.?) #+$/.exec(s);
    if (m) add('unit', m[1]);
  }
}
add('box', 'po box');
add('box', 'p.o. box');
for (const e of mapbox('fr').filter((e) => e.type === 'box')) for (const t of e.tokens) add('box', t);

// --- This project: words the sources above lack ---------------------------
const project = {
  after: ['street', 'st.', 'avenue', 'ave.', 'road', 'rd.', 'lane', 'ln.', 'way', 'boulevard',
    'blvd.', 'drive', 'dr.', 'court', 'ct.', 'place', 'pl.', 'terrace', 'crescent', 'close',
    'square', 'sq', 'highway', 'parkway', 'circle', 'trail', 'path', 'row', 'mews', 'marg', 'nagar'],
  post: ['straße', 'strasse', 'str.', 'weg', 'platz', 'gasse', 'allee', 'ring', 'damm', 'ufer',
    'straat', 'laan', 'gracht', 'plein', 'kade', 'dijk', 'gatan', 'gata', 'vägen', 'väg',
    'vej', 'gade', 'plads', 'allé', 'stræde', 'veien', 'vei', 'gate', 'katu', 'tie', 'kuja'],
  suffix: ['straße', 'strasse', 'str.', 'str', 'weg', 'platz', 'gasse', 'allee', 'damm',
    'straat', 'laan', 'gracht', 'plein', 'kade', 'dijk', 'singel', 'gatan', 'vägen', 'gränd',
    'vej', 'gade', 'plads', 'stræde', 'veien', 'vegen', 'gata', 'gaten', 'katu', 'tie', 'kuja',
    'polku', 'väylä'],
  before: ['rue', 'avenue', 'av.', 'boulevard', 'bd', 'chemin', 'allée', 'impasse', 'quai',
    'place', 'route', 'calle', 'c/', 'avenida', 'avda.', 'paseo', 'plaza', 'camino', 'carrer',
    'via', 'viale', 'piazza', 'corso', 'largo', 'vicolo', 'piazzale', 'rua', 'av.', 'praça',
    'travessa', 'estrada', 'alameda', 'ulica', 'ul.', 'aleja', 'al.', 'plac', 'pl.', 'os.',
    'osiedle'],
  unit: ['apt', 'apt.', 'apartment', 'suite', 'ste', 'ste.', 'unit', 'flat', 'floor', 'fl.',
    'room', 'rm', 'c/o', 'wohnung', 'whg.', 'stock', 'top', 'etage', 'étage', 'bus', 'bte',
    'piso', 'puerta', 'andar', 'apto', 'apto.', 'sala', 'lok.', 'lgh', 'lgh.', 'leil.',
    'appartamento', 'scala', 'interno', 'int.'],
  box: ['post office box', 'gpo box', 'postfach', 'postbus', 'postboks', 'apartado',
    'apartado de correos', 'caixa postal', 'casella postale', 'boîte postale', 'bp',
    'skrytka pocztowa', 'box'],
};
for (const [kind, words] of Object.entries(project)) for (const w of words) add(kind, w);

// Short abbreviations are everyday words or initials in some language ("en",
// "to", "dr" before a name); only the well-known ones stay street types.
const SHORT_STREET_WORDS = new Set(['st', 'st.', 'rd', 'rd.', 'dr', 'dr.', 'ln', 'ln.', 'ct',
  'ct.', 'pl', 'pl.', 'sq', 'av', 'av.', 'ave', 'hwy', 'fwy', 'cir', 'way', 'row', 'via',
  'rue', 'rua', 'ul', 'ul.', 'al.', 'str', 'weg', 'vej', 'vei', 'veg', 'tie', 'gt', 'bd',
  'c/', 'os.', 'wy']);
// Ordinal endings and single words that are no unit or box on their own.
const NOT_UNITS = new Set(['st', 'nd', 'rd', 'th', 'box', 'bp', 'casa', 'hus', 'kat', 'stan']);
const NOT_BEFORE = new Set(['canada', 'lugar', 'grupo', 'lado', 'monte', 'entrada', 'bois',
  'lieu', 'cour', 'dr', 'rd pt', 'pont', 'porte', 'jardin', 'parc', 'park', 'marginal', 'colegio', 'mercado']);
for (const [word, kinds] of entries) {
  if ([...word].length <= 3 && !SHORT_STREET_WORDS.has(word)) {
    for (const k of ['after', 'post', 'before', 'weak']) kinds.delete(k);
  }
  if (NOT_UNITS.has(word)) kinds.delete('unit');
  if (NOT_UNITS.has(word)) kinds.delete('box');
  if (NOT_BEFORE.has(word)) kinds.delete('before');
  if (kinds.size === 0) entries.delete(word);
}

// A word that is a strong type somewhere is not weak.
for (const kinds of entries.values()) {
  if (kinds.size > 1) kinds.delete('weak');
}

const lines = [];
for (const [word, kinds] of entries) for (const kind of kinds) lines.push(`${kind} ${word}`);
lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [
  '# Street-type, unit and post-box words of the ADDRESS recognizer.',
  '# Generated by scripts/address/build_street_words.mjs; sources in SOURCES.md.',
  '# Data from @mapbox/geocoder-abbreviations (MIT, (c) 2017 Mapbox) and',
  '# @faker-js/faker (MIT).',
];
writeFileSync(output, `${header.join('\n')}\n${lines.join('\n')}\n`);
console.log(`${output}: ${lines.length} entries`);

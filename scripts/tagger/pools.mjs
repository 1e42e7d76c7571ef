// Name, place and organisation pools for generate_synthetic.mjs.
// Person names come from @faker-js/faker's locale data (read directly, no
// fallback to English) plus small hand lists for cultures faker lacks or only
// has in non-Latin script. Everything is partitioned into "train" (0) and
// "holdout" (1) by a string hash, see partitionOf().
import { allLocales } from '@faker-js/faker';

// ---------------------------------------------------------------- hashing
export function fnv1a(s) {
  let h = 0x811c9dc5;
  const b = Buffer.from(s, 'utf8');
  for (const x of b) { h ^= x; h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

// Words that are not names in themselves: name particles and the generic
// words of organisation / place names. They do not decide a partition.
export const PARTICLES = new Set(['van', 'der', 'den', 'de', 'la', 'del', 'da', 'das', 'do', 'dos', 'di', 'du',
  'von', 'zu', 'ter', 'te', 'le', 'bin', 'bint', 'ibn', 'ben', 'al', 'el', 'abu', 'mac', 'mc', 'ó', 'ní', 'nic',
  'y', 'e', 'lo', 'vande', 'st', 'st.', 'saint', 'san', 'santa', 'of', 'the', 'and', '&']);

export function tokensOf(s) {
  return s.normalize('NFC').toLowerCase().split(/[\s\-‐'’.,]+/).filter((t) => t && !PARTICLES.has(t));
}

// 0 = train, 1 = holdout, -1 = mixed (dropped). A string belongs to a side
// when every token of it hashes to that side, so a held-out full name, first
// name or surname never shares a word with a training one.
export function partitionOf(s) {
  const toks = tokensOf(s);
  if (toks.length === 0) return -1;
  const p = fnv1a(toks[0]) & 1;
  for (const t of toks) if ((fnv1a(t) & 1) !== p) return -1;
  return p;
}
// Whole-string partition, for organisations and places (generic words such as
// "University" or "Bank" appear on both sides; the full name never does).
export function partitionWhole(s) {
  return fnv1a(s.normalize('NFC').toLowerCase()) & 1;
}

const nfc = (s) => s.normalize('NFC').trim();
const words = (s) => s.split('|').map(nfc).filter(Boolean);
const uniq = (a) => [...new Set(a)];

// ------------------------------------------------------------ transliteration
const RU = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
const UK = { ...RU, г: 'h', ґ: 'g', е: 'e', є: 'ye', и: 'y', і: 'i', ї: 'yi', й: 'y', х: 'kh', щ: 'shch', "'": '', '’': '', ь: '' };
export function translit(s, table) {
  let out = '';
  for (const ch of s) {
    const lo = ch.toLowerCase();
    if (lo in table) {
      const t = table[lo];
      out += ch !== lo && t ? t[0].toUpperCase() + t.slice(1) : t;
    } else out += ch;
  }
  return out;
}

// --------------------------------------------------------------- hand lists
const HAND = {
  ar_latn: {
    female: words('Fatima|Aisha|Mariam|Noor|Layla|Huda|Amira|Yasmin|Salma|Rania|Hana|Zainab|Samira|Nadia|Dalia|Reem|Lina|Mona|Rasha|Asma|Khadija|Ghada|Nour|Jamila|Suha|Widad|Lubna|Hiba|Dina|Malak'),
    male: words('Mohammed|Ahmed|Omar|Ali|Hassan|Hussein|Khalid|Youssef|Ibrahim|Mustafa|Tariq|Karim|Samir|Nabil|Walid|Faisal|Hamza|Bilal|Ziad|Rashid|Majid|Saeed|Adel|Imran|Abdullah|Abdulrahman|Sultan|Marwan|Anas|Jamal|Yasser|Hisham'),
    last: words('Al-Farsi|Al-Mansouri|Al-Hashimi|El-Sayed|Haddad|Khoury|Nasser|Mansour|Saleh|Hamdan|Abboud|Qasim|Al-Rashid|Al-Amin|Darwish|Barakat|Shaheen|Aziz|Hakimi|Benali|Bouzid|Belkacem|Cherif|Mahmoud|Farouk|Zaki|Othman|Al-Khatib|Al-Zahrani|Al-Qahtani|Al-Otaibi|Al-Shamsi|Al-Najjar|Khalil|Suleiman|Ghanem|Al-Masri|Bakr|Touma|Yacoub|El-Amrani|Benjelloun|Tazi|Haddadi|Al-Sabah|Jaber|Issa|Obeid'),
  },
  fa_latn: {
    female: words('Shirin|Parisa|Maryam|Nasrin|Azadeh|Mahsa|Niloufar|Roya|Golnar|Yasaman|Ladan|Shabnam|Fereshteh|Mina|Tara|Setareh|Bahar|Sahar|Nazanin|Leyla'),
    male: words('Reza|Mehdi|Hossein|Amir|Dariush|Kian|Arash|Babak|Farhad|Kaveh|Navid|Omid|Behnam|Ramin|Siavash|Pouya|Shahin|Kourosh|Payam|Saman'),
    last: words('Hosseini|Mohammadi|Ahmadi|Rezaei|Karimi|Moradi|Jafari|Rahimi|Ghorbani|Tehrani|Shirazi|Esfahani|Farahani|Nikpour|Sadeghi|Kazemi|Mousavi|Bagheri|Zand|Najafi|Amini|Ebrahimi|Heidari|Rostami|Soltani|Kamali|Javadi|Navabi'),
  },
  he_latn: {
    female: words('Noa|Tamar|Yael|Shira|Michal|Rivka|Avigail|Hadas|Liat|Orly|Tali|Noga|Efrat|Dana|Keren|Adi|Shani|Inbal|Ayelet|Sigal'),
    male: words('Yossi|Avi|Eitan|Noam|Itai|Omer|Yonatan|Ariel|Moshe|Uri|Ido|Amit|Gilad|Nadav|Erez|Oren|Yuval|Guy|Asaf|Tomer'),
    last: words('Cohen|Levi|Mizrahi|Peretz|Biton|Friedman|Avraham|Dahan|Azoulay|Shapiro|Katz|Goldberg|Ben-David|Ben-Ami|Rosenberg|Shalev|Peled|Ohana|Amsalem|Segal|Weiss|Klein|Malka|Hadad|Golan|Barak|Sasson|Elbaz'),
  },
  zh_latn: {
    female: words('Fang|Na|Min|Jing|Yan|Hui|Yiting|Xinyi|Shuang|Tingting|Meiling|Xiu|Lan|Ping|Xiaohong|Yue|Qian|Ying|Lili|Jiayi|Yuqing|Ruoxi'),
    male: words('Wei|Lei|Jun|Xiaoming|Zihan|Haoran|Yuxuan|Jiahao|Mingyu|Zhiwei|Jianguo|Qiang|Yong|Bo|Chao|Hao|Tao|Gang|Peng|Kai|Zhen|Dong|Yifan|Zhiyuan'),
    last: words('Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo|Zheng|Liang|Xie|Song|Tang|Deng|Feng|Han|Cao|Xiao|Jiang|Cai|Pan|Du|Dai|Fu|Shen|Yu|Lu|Ye'),
  },
  ja_latn: {
    female: words('Yui|Hina|Aoi|Sakura|Yuna|Mei|Rin|Haruka|Akiko|Yoko|Naomi|Emi|Keiko|Misaki|Tomoko|Ayaka|Mariko|Kaori|Noriko|Yumi|Chihiro|Asuka'),
    male: words('Haruto|Yuto|Sota|Ren|Hiroshi|Takeshi|Kenji|Daiki|Kaito|Riku|Kazuki|Shota|Ryo|Takumi|Satoshi|Makoto|Naoki|Kenta|Hideo|Tatsuya|Yusuke|Koji'),
    last: words('Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|Yamaguchi|Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Mori|Ikeda|Hashimoto|Ishikawa|Ogawa|Fujita|Okada|Goto|Hasegawa|Murakami|Kondo|Sakamoto|Endo|Aoki|Fujii|Nishimura'),
  },
  ko_latn: {
    female: words('Seo-yeon|Ji-woo|Ha-eun|Su-bin|Ye-jin|Eun-ji|Min-seo|Da-eun|Hye-jin|Ji-min|Soo-ah|Yoo-na|Chae-won|Na-yeon|Seul-gi|Hyo-jin'),
    male: words('Min-jun|Do-yoon|Seo-jun|Ji-ho|Hyun-woo|Ji-hoon|Jae-won|Sung-min|Yeon-woo|Joon-ho|Tae-yang|Dong-hyun|Sang-woo|Young-jae|Woo-jin|Jin-ho'),
    last: words('Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|Jeon|Moon|Baek|Nam'),
  },
  is: {
    female: words('Guðrún|Sigríður|Kristín|Margrét|Helga|Sigrún|Ingibjörg|Jóhanna|Katrín|Bryndís|Ásdís|Hildur|Þórunn|Eyrún|Ragnheiður|Steinunn|Hrafnhildur|Auður'),
    male: words('Jón|Sigurður|Guðmundur|Gunnar|Ólafur|Einar|Kristján|Magnús|Stefán|Jóhann|Björn|Árni|Hörður|Ragnar|Halldór|Þorsteinn|Snorri|Egill'),
    lastFemale: words('Jónsdóttir|Sigurðardóttir|Guðmundsdóttir|Gunnarsdóttir|Ólafsdóttir|Einarsdóttir|Kristjánsdóttir|Magnúsdóttir|Stefánsdóttir|Jóhannsdóttir|Björnsdóttir|Árnadóttir|Ragnarsdóttir|Halldórsdóttir|Þorsteinsdóttir|Egilsdóttir'),
    lastMale: words('Jónsson|Sigurðsson|Guðmundsson|Gunnarsson|Ólafsson|Einarsson|Kristjánsson|Magnússon|Stefánsson|Jóhannsson|Björnsson|Árnason|Ragnarsson|Halldórsson|Þorsteinsson|Egilsson'),
  },
  ga: {
    female: words('Siobhán|Niamh|Aoife|Saoirse|Caoimhe|Orla|Róisín|Sinéad|Gráinne|Clodagh|Aisling|Méabh|Éabha|Ailbhe|Deirbhile|Nuala|Bríd|Muireann'),
    male: words('Seán|Pádraig|Ciarán|Oisín|Eoin|Cian|Darragh|Fionn|Tadhg|Diarmuid|Cathal|Ruairí|Donal|Colm|Cormac|Lorcan|Fergal|Senan'),
    last: words("O'Sullivan|O'Brien|Murphy|Byrne|Walsh|McCarthy|O'Connor|Ó Briain|Ó Súilleabháin|Doyle|Gallagher|Ó Ceallaigh|MacNamara|Brennan|Ó Dónaill|Mac Giolla Phádraig|Fitzgerald|Quinlan|Donnelly|Ó Néill|Kavanagh|Nolan|Hegarty|Mulcahy"),
  },
  sw: { // East Africa (Kenya, Uganda, Tanzania, Ethiopia, Rwanda)
    female: words('Wanjiku|Akinyi|Njeri|Achieng|Wambui|Nyokabi|Zawadi|Neema|Imani|Halima|Makena|Nasimiyu|Atieno|Wairimu|Mumbua|Nafula|Tigist|Meseret|Hiwot|Selam|Aline|Uwase|Nakato|Namutebi'),
    male: words('Juma|Baraka|Otieno|Kamau|Mwangi|Omondi|Kiprono|Ochieng|Mutua|Jabari|Tumaini|Kariuki|Wafula|Kipchumba|Dawit|Yohannes|Tesfaye|Bereket|Jean-Claude|Mugisha|Ssemakula|Okello|Hamisi|Mosi'),
    last: words('Kamau|Mwangi|Otieno|Odhiambo|Njoroge|Kariuki|Wanjala|Mutua|Kipkemboi|Chebet|Onyango|Kiprotich|Mugo|Nyambura|Okoth|Wekesa|Maina|Tadesse|Haile|Bekele|Girma|Alemu|Tesfaye|Mengistu|Uwimana|Habimana|Niyonzima|Nakamya|Ssempijja|Mushi|Mollel|Kimaro'),
  },
};

// ------------------------------------------------------------- cultures
// key, faker locale (or hand list), weight, script, name order, notes.
// order: 'w' western (given family), 'e' family first (no space for zh/ko
// native script), 'we' either.
export const CULTURES = [
  ['en', 10, 'latn', 'w'], ['en_AU', 1, 'latn', 'w'], ['en_IN', 6, 'latn', 'w'], ['en_NG', 5, 'latn', 'w'],
  ['en_GH', 3, 'latn', 'w'], ['en_ZA', 2, 'latn', 'w'], ['zu_ZA', 2, 'latn', 'w'], ['af_ZA', 1.5, 'latn', 'w'],
  ['yo_NG', 2, 'latn', 'w'], ['fr_SN', 2, 'latn', 'w'], ['en_NP', 1, 'latn', 'w'], ['en_HK', 1, 'latn', 'w'],
  ['de', 4, 'latn', 'w'], ['de_AT', 1, 'latn', 'w'], ['de_CH', 1, 'latn', 'w'], ['fr', 4, 'latn', 'w'],
  ['fr_BE', 1, 'latn', 'w'], ['fr_CH', 1, 'latn', 'w'], ['nl', 3, 'latn', 'w'], ['nl_BE', 1, 'latn', 'w'],
  ['es', 4, 'latn', 'w'], ['es_MX', 4, 'latn', 'w'], ['pt_BR', 3, 'latn', 'w'], ['pt_PT', 2, 'latn', 'w'],
  ['it', 4, 'latn', 'w'], ['pl', 3, 'latn', 'w'], ['cs_CZ', 2, 'latn', 'w'], ['sk', 1, 'latn', 'w'],
  ['hr', 1.5, 'latn', 'w'], ['sl_SI', 1, 'latn', 'w'], ['sr_RS_latin', 1, 'latn', 'w'], ['ro', 2, 'latn', 'w'],
  ['ro_MD', 0.5, 'latn', 'w'], ['hu', 2, 'latn', 'we'], ['lv', 1, 'latn', 'w'], ['ru', 1.5, 'cyrl', 'w'],
  ['ru_latn', 3, 'latn', 'w'], ['uk', 1, 'cyrl', 'w'], ['uk_latn', 2, 'latn', 'w'], ['mk', 0.4, 'cyrl', 'w'],
  ['sv', 2, 'latn', 'w'], ['nb_NO', 2, 'latn', 'w'], ['da', 2, 'latn', 'w'], ['fi', 2, 'latn', 'w'],
  ['is', 1.5, 'latn', 'w'], ['ga', 1.5, 'latn', 'w'], ['tr', 3, 'latn', 'w'], ['az', 1, 'latn', 'w'],
  ['uz_UZ_latin', 1, 'latn', 'w'], ['ku_kmr_latin', 0.7, 'latn', 'w'], ['id_ID', 2, 'latn', 'w'],
  ['vi', 2, 'latn', 'e'], ['ar', 0.7, 'arab', 'w'], ['ar_latn', 4, 'latn', 'w'], ['fa', 0.4, 'arab', 'w'],
  ['fa_latn', 2, 'latn', 'w'], ['he', 0.4, 'hebr', 'w'], ['he_latn', 1.5, 'latn', 'w'], ['el', 0.5, 'grek', 'w'],
  ['zh_latn', 3, 'latn', 'we'], ['ja_latn', 2, 'latn', 'we'], ['ko_latn', 2, 'latn', 'we'], ['sw', 2.5, 'latn', 'w'],
  ['zh_CN', 0.3, 'hani', 'e'], ['ja', 0.3, 'jpan', 'e'], ['ko', 0.3, 'hang', 'e'], ['hy', 0.2, 'armn', 'w'],
  ['ka_GE', 0.2, 'geor', 'w'],
].map(([key, weight, script, order]) => ({ key, weight, script, order }));

function fakerPerson(loc) {
  const p = allLocales[loc].person;
  const fn = p.first_name || {};
  const ln = p.last_name || {};
  const g = fn.generic || [];
  return {
    female: uniq([...(fn.female || []), ...(fn.female ? [] : g)]),
    male: uniq([...(fn.male || []), ...(fn.male ? [] : g)]),
    lastFemale: uniq([...(ln.female || ln.generic || [])]),
    lastMale: uniq([...(ln.male || ln.generic || [])]),
  };
}

function rawCulture(key) {
  if (HAND[key]) {
    const h = HAND[key];
    return { female: h.female, male: h.male, lastFemale: h.lastFemale || h.last, lastMale: h.lastMale || h.last };
  }
  if (key === 'ru_latn' || key === 'uk_latn') {
    const src = fakerPerson(key.slice(0, 2));
    const t = key === 'ru_latn' ? RU : UK;
    const tr = (a) => uniq(a.map((x) => translit(x, t)));
    return { female: tr(src.female), male: tr(src.male), lastFemale: tr(src.lastFemale), lastMale: tr(src.lastMale) };
  }
  if (key === 'en_HK') { // faker has Cantonese surnames only; given names are English
    const en = fakerPerson('en');
    const hk = allLocales.en_HK.person.last_name.generic;
    return { female: en.female, male: en.male, lastFemale: hk, lastMale: hk };
  }
  return fakerPerson(key);
}

// Names that are also common words; used in unambiguous name contexts.
export const AMBIGUOUS_FIRST = {
  female: words('Hope|Grace|Rose|Faith|Victoria|Georgia|Paris|Sunny|Joy|April|May|June|Summer|Dawn|Amber|Destiny|Harmony|Patience|Precious|Blessing|Charity|Ivy|Olive|Daisy|Autumn|Sky|Honey|Star'),
  male: words('Will|Mark|Bill|Jordan|Chase|Hunter|Sunny|Gift|Godswill|Frank|Rich|Miles|Glen|Dean|Guy|Jack|Rocky|Duke|King|Major|Lucky|Justice|Chance|Clay|Forrest|Sterling'),
};

// Short forms and nicknames people use in chat ("Liz", "Tunde", "Kasia");
// only the {P1.nick} slot of the training templates draws them, partitioned
// like every other name token.
export const NICKNAMES = {
  female: words('Liz|Lizzie|Beth|Becky|Kate|Katie|Jen|Jenny|Abby|Ellie|Maddie|Izzy|Vicky|Mandy|Cathy|Debs|Steph|Nat|Sasha|Masha|Dasha|Katya|Lena|Kasia|Gosia|Basia|Ola|Lupe|Pili|Conchi|Mari|Gigi|Fran|Bea|Kemi|Sade|Yemi|Chichi|Ada|Nkechi|Ama|Efua|Lulu|Mimi|Didi|Xiaoli|Mei|Yuki|Su|Jess|Mo|Pri|Anu|Lakshmi|Tami|Noa|Rivka|Leila|Zizi|Nadia|Tina|Rosie|Anja|Elli|Sanne|Fleur|Hanne'),
  male: words('Bob|Rob|Bobby|Mike|Mikey|Nick|Alex|Sam|Misha|Kolya|Dima|Sasha|Vova|Pepe|Paco|Chema|Nacho|Fede|Toni|Jojo|Tomek|Kuba|Bartek|Jens|Kalle|Benji|Teddy|Danny|Johnny|Jimmy|Tommy|Andy|Tony|Steve|Dave|Chris|Matt|Pete|Nate|Zac|Raj|Bala|Tunde|Segun|Kwesi|Kofi|Femi|Chidi|Emeka|Jide|Sipho|Thabo|Ahmed|Mo|Hamza|Ali|Kenji|Tak|Jun|Wei|Minh|Duc|Ravi|Sunil|Vik|Arjun|Moshe|Avi|Yossi|Luca|Gio|Beppe|Jan|Henk|Kees|Lars|Olli|Jussi|Emre|Memo|Budi|Agus|Andi'),
};

function clean(list) {
  // Drop honorific-carrying entries, parenthesised notes, empty strings.
  return uniq(list.map(nfc).filter((x) => x && !/[()0-9]/.test(x) && x.length > 1));
}

// Build the pools of one side (0 = train, 1 = holdout).
export function buildPersonPools(side) {
  const out = {};
  for (const c of CULTURES) {
    const r = rawCulture(c.key);
    const keep = (a) => clean(a).filter((x) => partitionOf(x) === side);
    const pool = { female: keep(r.female), male: keep(r.male), lastFemale: keep(r.lastFemale), lastMale: keep(r.lastMale) };
    if (pool.female.length + pool.male.length < 2 || pool.lastFemale.length + pool.lastMale.length < 2) continue;
    if (!pool.female.length) pool.female = pool.male;
    if (!pool.male.length) pool.male = pool.female;
    if (!pool.lastFemale.length) pool.lastFemale = pool.lastMale;
    if (!pool.lastMale.length) pool.lastMale = pool.lastFemale;
    out[c.key] = { ...c, ...pool };
  }
  const amb = { female: AMBIGUOUS_FIRST.female.filter((x) => partitionOf(x) === side), male: AMBIGUOUS_FIRST.male.filter((x) => partitionOf(x) === side) };
  return { cultures: out, amb };
}

// ------------------------------------------------------------- places
const WORLD_CITIES = words(`London|Paris|Berlin|Madrid|Rome|Lisbon|Dublin|Edinburgh|Manchester|Birmingham|Glasgow|Cardiff|Belfast|Leeds|Bristol|Liverpool|Amsterdam|Rotterdam|Brussels|Antwerp|Vienna|Zurich|Geneva|Munich|Hamburg|Frankfurt|Cologne|Stuttgart|Leipzig|Stockholm|Gothenburg|Malmö|Oslo|Bergen|Trondheim|Copenhagen|Aarhus|Helsinki|Tampere|Reykjavík|Akureyri|Warsaw|Kraków|Gdańsk|Wrocław|Prague|Brno|Bratislava|Košice|Budapest|Debrecen|Bucharest|Cluj-Napoca|Timișoara|Sofia|Plovdiv|Belgrade|Novi Sad|Zagreb|Split|Ljubljana|Athens|Thessaloniki|Istanbul|Ankara|İzmir|Antalya|Kyiv|Lviv|Kharkiv|Odesa|Moscow|Saint Petersburg|Novosibirsk|Kazan|Tbilisi|Yerevan|Baku|Tashkent|Samarkand|Almaty|Astana|Cairo|Alexandria|Luxor|Casablanca|Marrakesh|Rabat|Fez|Tunis|Algiers|Oran|Lagos|Abuja|Ibadan|Kano|Port Harcourt|Enugu|Benin City|Accra|Kumasi|Tamale|Nairobi|Mombasa|Kisumu|Kampala|Entebbe|Kigali|Addis Ababa|Dar es Salaam|Arusha|Zanzibar City|Johannesburg|Cape Town|Durban|Pretoria|Gqeberha|Bloemfontein|Harare|Bulawayo|Lusaka|Lilongwe|Maputo|Luanda|Windhoek|Gaborone|Dakar|Saint-Louis|Abidjan|Bamako|Ouagadougou|Douala|Yaoundé|Kinshasa|Dubai|Abu Dhabi|Sharjah|Doha|Riyadh|Jeddah|Dammam|Muscat|Kuwait City|Manama|Amman|Beirut|Baghdad|Erbil|Tehran|Isfahan|Shiraz|Tabriz|Tel Aviv|Jerusalem|Haifa|Karachi|Lahore|Islamabad|Peshawar|Mumbai|Delhi|New Delhi|Bengaluru|Chennai|Hyderabad|Kolkata|Pune|Ahmedabad|Jaipur|Kochi|Lucknow|Chandigarh|Goa|Dhaka|Chittagong|Colombo|Kandy|Kathmandu|Pokhara|Bangkok|Chiang Mai|Phuket|Hanoi|Ho Chi Minh City|Da Nang|Hue|Jakarta|Surabaya|Bandung|Yogyakarta|Kuala Lumpur|George Town|Johor Bahru|Singapore|Manila|Cebu City|Davao|Beijing|Shanghai|Shenzhen|Guangzhou|Chengdu|Hangzhou|Wuhan|Xi'an|Nanjing|Hong Kong|Macau|Taipei|Kaohsiung|Taichung|Seoul|Busan|Incheon|Daegu|Tokyo|Osaka|Kyoto|Yokohama|Sapporo|Fukuoka|Nagoya|Hiroshima|Ulaanbaatar|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Auckland|Wellington|Christchurch|Suva|Toronto|Montreal|Vancouver|Calgary|Ottawa|Edmonton|Winnipeg|Halifax|New York|Los Angeles|Chicago|Houston|San Francisco|Seattle|Boston|Miami|Atlanta|Denver|Austin|Portland|Philadelphia|San Diego|Detroit|Minneapolis|New Orleans|Nashville|Honolulu|Anchorage|Mexico City|Guadalajara|Monterrey|Puebla|Oaxaca|Mérida|Cancún|Bogotá|Medellín|Cali|Cartagena|Barranquilla|Lima|Cusco|Arequipa|Quito|Guayaquil|Santiago|Valparaíso|Buenos Aires|Córdoba|Rosario|Mendoza|Montevideo|Asunción|La Paz|Santa Cruz de la Sierra|Caracas|Maracaibo|São Paulo|Rio de Janeiro|Belo Horizonte|Salvador|Recife|Fortaleza|Porto Alegre|Curitiba|Brasília|Manaus|Havana|San Juan|Santo Domingo|Kingston|Port of Spain|Panama City|San José|Guatemala City|Tegucigalpa|Managua|San Salvador|Porto|Coimbra|Faro|Seville|Valencia|Barcelona|Bilbao|Málaga|Granada|Zaragoza|Palma|Milan|Naples|Turin|Florence|Venice|Bologna|Genoa|Palermo|Bari|Lyon|Marseille|Toulouse|Nice|Bordeaux|Lille|Nantes|Strasbourg|Montpellier|Rennes|Ghent|Bruges|Liège|Utrecht|The Hague|Eindhoven|Groningen|Luxembourg|Tallinn|Tartu|Riga|Vilnius|Kaunas|Minsk|Chișinău|Skopje|Sarajevo|Mostar|Tirana|Podgorica|Valletta|Nicosia|Limassol|Basel|Bern|Lausanne|Salzburg|Innsbruck|Graz|Linz|Dresden|Hanover|Nuremberg|Düsseldorf|Bonn|Heidelberg|Freiburg|Aberdeen|Dundee|Inverness|Cork|Galway|Limerick|Swansea|Oxford|Cambridge|Brighton|Nottingham|Sheffield|Newcastle|York|Bath|Victoria|Perth Amboy|Darwin|Alice Springs|Jordan Valley`);
const COUNTRIES = words(`United Kingdom|UK|Ireland|France|Germany|Spain|Portugal|Italy|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Iceland|Poland|Czech Republic|Czechia|Slovakia|Hungary|Romania|Bulgaria|Serbia|Croatia|Slovenia|Bosnia and Herzegovina|Montenegro|Albania|North Macedonia|Greece|Cyprus|Malta|Turkey|Türkiye|Ukraine|Moldova|Belarus|Russia|Georgia|Armenia|Azerbaijan|Kazakhstan|Uzbekistan|Kyrgyzstan|Egypt|Morocco|Tunisia|Algeria|Libya|Sudan|Nigeria|Ghana|Kenya|Uganda|Rwanda|Ethiopia|Somalia|Tanzania|South Africa|Zimbabwe|Zambia|Malawi|Mozambique|Namibia|Botswana|Senegal|Mali|Côte d'Ivoire|Ivory Coast|Cameroon|Benin|Togo|Sierra Leone|Liberia|DR Congo|Angola|Madagascar|Mauritius|UAE|United Arab Emirates|Qatar|Saudi Arabia|Oman|Kuwait|Bahrain|Jordan|Lebanon|Syria|Iraq|Iran|Israel|Palestine|Yemen|Afghanistan|Pakistan|India|Bangladesh|Sri Lanka|Nepal|Bhutan|Maldives|Myanmar|Thailand|Vietnam|Cambodia|Laos|Indonesia|Malaysia|Philippines|China|Taiwan|South Korea|Korea|Japan|Mongolia|Australia|New Zealand|Fiji|Canada|USA|United States|US|Mexico|Guatemala|Honduras|El Salvador|Nicaragua|Costa Rica|Panama|Colombia|Venezuela|Ecuador|Peru|Bolivia|Chile|Argentina|Uruguay|Paraguay|Brazil|Cuba|Jamaica|Haiti|Dominican Republic|Puerto Rico|Trinidad and Tobago|Barbados|Scotland|Wales|England|Northern Ireland`);
const REGIONS_HAND = words(`California|Texas|Florida|New England|Bavaria|Saxony|Catalonia|Andalusia|Galicia|Basque Country|Lombardy|Tuscany|Sicily|Sardinia|Piedmont|Provence|Brittany|Normandy|Alsace|Burgundy|Yorkshire|Cornwall|Devon|Kent|the Highlands|Quebec|Ontario|British Columbia|Alberta|Kerala|Punjab|Maharashtra|Tamil Nadu|Rajasthan|Karnataka|Gujarat|Lagos State|Rivers State|Kaduna State|Ashanti Region|Gauteng|KwaZulu-Natal|Western Cape|Patagonia|Silesia|Transylvania|Dalmatia|Istria|Anatolia|Cappadocia|Lapland|Algarve|Flanders|Wallonia|Crete|Peloponnese|Bali|Java|Sumatra|Hokkaido|Okinawa|Kyushu|Sichuan|Guangdong|Yunnan|Siberia|Crimea|Kurdistan|Darfur|Rift Valley|Tigray|Amhara|Zanzibar|Kashmir|Bengal|Sindh|Punjab Province|Minas Gerais|Bahia|Yucatán|Jalisco|Oaxaca State|Antioquia|Mendoza Province|Tasmania|Queensland|New South Wales|Victoria|Scandinavia|the Balkans|the Middle East|Southeast Asia|the Caribbean|West Africa|East Africa|the Sahel|Central Asia|the Baltics`).map((x) => x.replace(/^the /, ''));
const HOODS = words(`Shoreditch|Camden|Brixton|Notting Hill|Hackney|Peckham|Clapham|Kreuzberg|Neukölln|Prenzlauer Berg|Schwabing|Sankt Pauli|Le Marais|Montmartre|Belleville|Trastevere|Brera|Navigli|Gràcia|El Born|Malasaña|Lavapiés|Alfama|Chiado|Jordaan|De Pijp|Södermalm|Nørrebro|Vesterbro|Kallio|Grünerløkka|Brooklyn|Harlem|Williamsburg|Soho|Mission District|Capitol Hill|Bandra|Andheri|Koramangala|Indiranagar|Whitefield|Connaught Place|Ikoyi|Victoria Island|Lekki|Yaba|Surulere|Osu|East Legon|Westlands|Kilimani|Karen|Soweto|Sandton|Zamalek|Maadi|Heliopolis|Deira|Al Barsha|Shinjuku|Shibuya|Gangnam|Itaewon|Hongdae|Wan Chai|Mong Kok|Kowloon|Palermo Soho|Recoleta|San Telmo|Miraflores|Barranco|Condesa|Coyoacán|Polanco|Ipanema|Copacabana|Vila Madalena|Pinheiros|Kadıköy|Beşiktaş|Žižkov|Vinohrady|Praga|Mokotów|Kazimierz|Podil|Zamoshchye|Thamel|Gulberg|Clifton|Dhanmondi|Gulshan|Sukhumvit|Old Quarter|Kampung Baru|Bukit Bintang|Tiong Bahru|Makati|Bonifacio Global City`);
const LANDMARKS = words(`Eiffel Tower|Big Ben|Tower Bridge|Golden Gate Bridge|Central Park|Hyde Park|Colosseum|Sagrada Família|Brandenburg Gate|Acropolis|Hagia Sophia|Burj Khalifa|Table Mountain|Mount Kilimanjaro|Victoria Falls|Machu Picchu|Lake Como|Lake Geneva|Mount Fuji|Taj Mahal|Red Square|Charles Bridge|Trafalgar Square|Times Square|Alexanderplatz|Plaza Mayor|Piazza Navona|Grand Canyon|Niagara Falls|Alps|Sahara|Serengeti|Danube|Thames|Nile|Mount Everest|Angkor Wat|Petra|Pyramids of Giza|Stonehenge|Lake Victoria|Gateway of India|Marina Bay Sands|Sydney Opera House|Bondi Beach|Copacabana Beach|Zócalo|Galata Tower|Blue Mosque|Dead Sea|Wailing Wall|Lake Bled|Plitvice Lakes|Cliffs of Moher|Ring of Kerry|Loch Ness|Lake District|Black Forest|Neuschwanstein Castle|Montjuïc|Park Güell|Louvre|Notre-Dame|Mont Saint-Michel|Vatican|Tiananmen Square|Great Wall|Shibuya Crossing|Kruger National Park|Maasai Mara|Lake Malawi|Zambezi|Atlas Mountains|Wadi Rum|Mount Kenya|Olumo Rock|Cape Coast Castle|Robben Island|Heathrow Airport|Gatwick Airport|Schiphol|Charles de Gaulle Airport|Frankfurt Airport|Changi Airport|Dubai International Airport|Hamad International Airport|Murtala Muhammed International Airport|Jomo Kenyatta International Airport|O. R. Tambo International Airport|Kempegowda International Airport|Indira Gandhi International Airport|Narita Airport|Incheon International Airport|JFK Airport|Heathrow|Istanbul Airport|Kotoka International Airport|Bole International Airport|Penn Station|King's Cross|Gare du Nord|Grand Central Terminal|Hauptbahnhof|Atocha`);

function fakerList(loc, field) {
  const L = allLocales[loc].location || {};
  return clean(L[field] || []);
}
const CITY_LOCALES_LATN = ['en', 'en_CA', 'en_IN', 'en_NG', 'en_GH', 'en_ZA', 'de', 'de_AT', 'de_CH', 'fr', 'fr_CH', 'fr_SN', 'es', 'es_MX', 'it', 'pl', 'cs_CZ', 'sk', 'hu', 'ro', 'hr', 'sr_RS_latin', 'sl_SI', 'pt_PT', 'da', 'fi', 'tr', 'uz_UZ_latin', 'id_ID', 'vi', 'en_HK', 'en_NP', 'lv', 'az', 'el'];
const CITY_LOCALES_OTHER = ['ru', 'uk', 'he', 'ar', 'ko', 'zh_CN', 'fa'];
const REGION_LOCALES = ['en', 'en_CA', 'en_IN', 'en_AU', 'de', 'de_AT', 'es', 'es_MX', 'fr', 'fi', 'en_GH', 'en_ZA', 'sv', 'nb_NO', 'da', 'pt_BR', 'pt_PT', 'it', 'tr', 'ro', 'hr', 'uz_UZ_latin', 'id_ID', 'vi'];

export function buildPlacePools(side) {
  const keep = (a) => uniq(a).filter((x) => partitionWhole(x) === side);
  // one list per locale, so a locale with thousands of villages (hu) does not dominate
  const fakerCities = CITY_LOCALES_LATN.map((l) => keep(fakerList(l, 'city_name'))).filter((a) => a.length);
  const otherCities = [];
  for (const l of CITY_LOCALES_OTHER) for (const c of fakerList(l, 'city_name')) otherCities.push(c);
  const regions = [...REGIONS_HAND];
  for (const l of REGION_LOCALES) for (const r of fakerList(l, 'state')) if (/^\p{Lu}/u.test(r) && r !== r.toUpperCase()) regions.push(r);
  return {
    worldCity: keep(WORLD_CITIES.filter((x) => x !== 'Perth Amboy' && x !== 'Jordan Valley')),
    fakerCity: fakerCities,
    fakerCityLatin: fakerCities.map((a) => a.filter((x) => /^[\p{Script=Latin}\p{M}\s'’.\-]+$/u.test(x))).filter((a) => a.length),
    otherCity: keep(otherCities),
    country: keep(COUNTRIES),
    region: keep(regions),
    hood: keep(HOODS),
    landmark: keep(LANDMARKS),
  };
}

// ------------------------------------------------------------- organisations
export const ORG_LISTS = {
  company: words(`Google|Microsoft|Apple|Amazon|Meta|Netflix|Spotify|SAP|Siemens|Bosch|Volkswagen|BMW|Allianz|Deutsche Telekom|Unilever|Philips|Shell|BP|Vodafone|BT|Tesco|Sainsbury's|Marks & Spencer|IKEA|H&M|Ericsson|Nokia|Equinor|Maersk|Novo Nordisk|Carlsberg|LEGO|Zalando|Adyen|Booking.com|Airbnb|Uber|Bolt|Revolut|Monzo|N26|Klarna|Infosys|Wipro|Tata Consultancy Services|Reliance Industries|Flipkart|Zomato|Paytm|Dangote Group|MTN|Safaricom|Jumia|Flutterwave|Paystack|Andela|Naspers|Shoprite|Saudi Aramco|Careem|Talabat|Alibaba|Tencent|Huawei|Xiaomi|ByteDance|Samsung|LG Electronics|Hyundai|Kakao|Naver|Sony|Toyota|Rakuten|Nintendo|Grab|Gojek|Tokopedia|Shopee|Petrobras|Embraer|Natura|Mercado Libre|Nubank|Cemex|Grupo Bimbo|Falabella|Rappi|Accenture|Deloitte|PwC|KPMG|EY|McKinsey|Salesforce|Oracle|IBM|Atlassian|Shopify|Canva|Stripe|Zendesk|HubSpot|Figma|GitHub|GitLab|OpenAI|Anthropic|DHL|FedEx|UPS|Kuehne+Nagel|Nestlé|Roche|Novartis|Pfizer|AstraZeneca|Bayer|Sanofi|L'Oréal|Danone|Carrefour|Renault|Peugeot|Michelin|Airbus|Telefónica|Inditex|Zara|Enel|Ferrari|Pirelli|Generali|CD Projekt|Allegro|Škoda Auto|Orlen|Yandex|Kaspersky|Turkcell|Koç Holding|Arçelik|Getir|Trendyol|Aldi|Lidl|Rewe|Decathlon|Capgemini|Atos|Sopra Steria|Wise|Deliveroo|Just Eat|Ocado|Rolls-Royce|Jaguar Land Rover|Volvo|Scania|Spar|Woolworths|Pick n Pay|Discovery Health|Vodacom|Airtel|Jio|Ola|Swiggy|Byju's|Zoho|Freshworks|HCLTech|Mahindra|Bajaj Auto|Emaar|Etisalat|du|Ooredoo|Zain|Aramex|Noon|Lazada|Sea Group|Foxconn|TSMC|Canon|Panasonic|Hitachi|Fujitsu|SoftBank|Line|Coupang|Baidu|JD.com|Meituan|Didi|BYD|Lenovo|Globant|Totvs|Magazine Luiza|Ambev|Vale|Itaú|Oxxo|Televisa|Walmart|Target|Costco|Starbucks|Coca-Cola|PepsiCo|Procter & Gamble|Johnson & Johnson|Nike|Adidas|Puma|Tesla|Intel|Nvidia|AMD|Cisco|Dell|HP|Adobe|Dropbox|Zoom|Twilio|Cloudflare|Datadog|Snowflake|Palantir|Workday|ServiceNow|Intuit|PayPal|Visa|Mastercard|American Express`),
  bank: words(`Barclays|HSBC|Lloyds Bank|NatWest|Santander|Deutsche Bank|Commerzbank|BNP Paribas|Société Générale|Crédit Agricole|ING|ABN AMRO|Rabobank|BBVA|CaixaBank|UniCredit|Intesa Sanpaolo|UBS|Nordea|Danske Bank|DNB|SEB|Handelsbanken|PKO Bank Polski|mBank|Raiffeisen Bank|Erste Bank|OTP Bank|Sberbank|Garanti BBVA|Emirates NBD|First Abu Dhabi Bank|Qatar National Bank|Al Rajhi Bank|HDFC Bank|ICICI Bank|State Bank of India|Axis Bank|Kotak Mahindra Bank|Standard Bank|Absa|First National Bank|Nedbank|Capitec|Access Bank|GTBank|Zenith Bank|Ecobank|Equity Bank|KCB Bank|Stanbic Bank|Bank of America|JPMorgan Chase|Wells Fargo|Citibank|TD Bank|RBC|Scotiabank|Itaú Unibanco|Bradesco|Banco do Brasil|Bancolombia|Banorte|DBS Bank|OCBC|Maybank|CIMB|ICBC|Bank of China|MUFG|KB Kookmin Bank|Commonwealth Bank|Westpac|ANZ|Monzo Bank|Starling Bank|Revolut Bank|Triodos Bank|Sparkasse|Volksbank|Postbank|La Banque Postale|Banco Sabadell|Millennium BCP|Caixa Geral de Depósitos|Bank Mandiri|Bank Central Asia|Vietcombank|Kasikornbank|Habib Bank|Meezan Bank|BRAC Bank|Bank Leumi|Bank Hapoalim|Banque Misr|Attijariwafa Bank|CIB Egypt`),
  airline: words(`British Airways|Lufthansa|Air France|KLM|Iberia|TAP Air Portugal|ITA Airways|Swiss International Air Lines|Austrian Airlines|SAS|Finnair|Icelandair|Norwegian Air|LOT Polish Airlines|Turkish Airlines|Pegasus Airlines|Aeroflot|Emirates|Etihad Airways|Qatar Airways|Saudia|Royal Jordanian|EgyptAir|Royal Air Maroc|Ethiopian Airlines|Kenya Airways|Air Peace|Arik Air|South African Airways|RwandAir|Air India|IndiGo|SpiceJet|Singapore Airlines|Cathay Pacific|Thai Airways|Vietnam Airlines|Garuda Indonesia|Malaysia Airlines|Philippine Airlines|Japan Airlines|All Nippon Airways|Korean Air|Asiana Airlines|China Eastern|Air China|Qantas|Air New Zealand|Air Canada|WestJet|Delta Air Lines|United Airlines|American Airlines|JetBlue|Southwest Airlines|LATAM Airlines|Avianca|Aeroméxico|Copa Airlines|Azul|GOL|easyJet|Ryanair|Wizz Air|Vueling|Eurowings|Jet2|Aer Lingus|Brussels Airlines|Condor|Oman Air|Gulf Air|flydubai|Air Arabia|Biman Bangladesh Airlines|SriLankan Airlines|PIA|Akasa Air|Cebu Pacific|AirAsia|Scoot|EVA Air|Jetstar`),
  uni: words(`University of Oxford|University of Cambridge|Imperial College London|University College London|King's College London|London School of Economics|University of Edinburgh|University of Manchester|Trinity College Dublin|University College Dublin|Sorbonne University|Sciences Po|ETH Zurich|EPFL|LMU Munich|Heidelberg University|Humboldt University of Berlin|TU Delft|KU Leuven|University of Amsterdam|Karolinska Institutet|Lund University|University of Oslo|University of Helsinki|Aalto University|University of Copenhagen|University of Iceland|Jagiellonian University|University of Warsaw|Charles University|University of Bologna|Sapienza University of Rome|Politecnico di Milano|Complutense University of Madrid|University of Barcelona|University of Lisbon|University of Porto|University of Lagos|University of Ibadan|Obafemi Awolowo University|Covenant University|University of Ghana|Kwame Nkrumah University of Science and Technology|University of Nairobi|Strathmore University|Makerere University|University of Rwanda|Addis Ababa University|University of Cape Town|Stellenbosch University|University of the Witwatersrand|Cairo University|American University of Beirut|American University in Cairo|Tel Aviv University|Hebrew University of Jerusalem|Technion|IIT Bombay|IIT Delhi|IIT Madras|Indian Institute of Science|University of Delhi|Anna University|Jawaharlal Nehru University|University of Tokyo|Kyoto University|Seoul National University|KAIST|Yonsei University|Tsinghua University|Peking University|Fudan University|National University of Singapore|Nanyang Technological University|University of Hong Kong|University of Melbourne|University of Sydney|Australian National University|University of Auckland|University of Toronto|McGill University|University of British Columbia|Harvard University|Stanford University|MIT|UC Berkeley|Columbia University|New York University|Georgia Tech|University of São Paulo|UNAM|Tecnológico de Monterrey|Universidad de los Andes|Pontificia Universidad Católica de Chile|University of Buenos Aires|Boğaziçi University|Middle East Technical University|Taras Shevchenko National University of Kyiv|Moscow State University|University of Tehran|Sharif University of Technology|King Saud University|Qatar University|Khalifa University|University of Dhaka|LUMS|Aga Khan University|Chulalongkorn University|Vietnam National University|Universitas Indonesia|University of Malaya|Ateneo de Manila University|University of the Philippines`),
  hospital: words(`St Thomas' Hospital|Guy's Hospital|Great Ormond Street Hospital|Royal London Hospital|John Radcliffe Hospital|Addenbrooke's Hospital|Royal Infirmary of Edinburgh|St James's Hospital|Mater Misericordiae University Hospital|Charité|Universitätsklinikum Heidelberg|Hôpital Pitié-Salpêtrière|Hôpital Necker|Hospital Clínic de Barcelona|Hospital Universitario La Paz|Karolinska University Hospital|Rigshospitalet|Oslo University Hospital|Helsinki University Hospital|Mayo Clinic|Cleveland Clinic|Johns Hopkins Hospital|Massachusetts General Hospital|Mount Sinai Hospital|Toronto General Hospital|SickKids|Apollo Hospitals|Fortis Hospital|AIIMS|Manipal Hospital|Narayana Health|Kokilaben Hospital|Aga Khan University Hospital|Lagos University Teaching Hospital|Reddington Hospital|Korle Bu Teaching Hospital|Kenyatta National Hospital|Nairobi Hospital|Mulago Hospital|Groote Schuur Hospital|Chris Hani Baragwanath Hospital|Netcare Milpark Hospital|Cleveland Clinic Abu Dhabi|King Faisal Specialist Hospital|Hamad General Hospital|American Hospital Dubai|Rashid Hospital|Sheba Medical Center|Hadassah Medical Center|Ichilov Hospital|Asan Medical Center|Samsung Medical Center|St. Luke's International Hospital|Raffles Hospital|Mount Elizabeth Hospital|Bumrungrad International Hospital|Hospital Israelita Albert Einstein|Hospital Sírio-Libanês|Hospital Italiano de Buenos Aires|Royal Melbourne Hospital|Auckland City Hospital|Acıbadem Hospital|Memorial Şişli Hospital|Vinmec|Siriraj Hospital|Shifa International Hospital|Tata Memorial Hospital|Medanta|Max Super Speciality Hospital|Evercare Hospital|Nyaho Medical Centre|Paarl Mediclinic|Mediclinic|Helios Klinikum|Vivantes|Sana Kliniken|Ramsay Santé|Quirónsalud|Humanitas|Policlinico Gemelli|Allgemeines Krankenhaus Wien|Motol University Hospital|Semmelweis University Hospital`),
  agency: words(`HMRC|NHS|NHS England|DVLA|Home Office|Department for Work and Pensions|IRS|USCIS|Social Security Administration|Department of Homeland Security|Bundesagentur für Arbeit|Bundesamt für Migration und Flüchtlinge|France Travail|Caisse d'Allocations Familiales|Agencia Tributaria|INPS|ZUS|Europol|European Commission|European Parliament|United Nations|UNICEF|UNHCR|World Food Programme|Red Cross|Red Crescent|Médecins Sans Frontières|Oxfam|Save the Children|Amnesty International|World Bank|IMF|Federal Reserve|European Central Bank|Bank of England|Reserve Bank of India|Central Bank of Nigeria|Transport for London|Deutsche Bahn|SNCF|Renfe|Trenitalia|Eurostar|Amtrak|Indian Railways|Kenya Revenue Authority|Federal Inland Revenue Service|South African Revenue Service|Ghana Revenue Authority|Metropolitan Police|Dubai Police|Interpol|Companies House|Skatteverket|Kela|NAV|Belastingdienst|Service Canada|Centrelink|Medicare|Australian Taxation Office|Ministry of Health|Ministry of Interior|Passport Office|Home Affairs|Aadhaar|UIDAI|NADRA|Emirates Identity Authority|Saudi Ministry of Hajj|Greenpeace|WWF|Doctors Without Borders|Gates Foundation|Wellcome Trust|Cancer Research UK|Citizens Advice|Shelter|Mind|Samaritans|Barnardo's|British Council|Goethe-Institut|Alliance Française|Instituto Cervantes|Erasmus+|Fulbright Commission`),
  team: words(`Arsenal|Chelsea|Liverpool FC|Manchester United|Manchester City|Tottenham Hotspur|Real Madrid|FC Barcelona|Atlético Madrid|Bayern Munich|Borussia Dortmund|Juventus|AC Milan|Inter Milan|Paris Saint-Germain|Olympique de Marseille|Ajax|PSV Eindhoven|Benfica|FC Porto|Sporting CP|Galatasaray|Fenerbahçe|Celtic|Rangers|Al Ahly|Zamalek SC|Kaizer Chiefs|Orlando Pirates|Enyimba|Hearts of Oak|Asante Kotoko|Gor Mahia|Boca Juniors|River Plate|Flamengo|Corinthians|Los Angeles Lakers|Golden State Warriors|New York Yankees|Toronto Raptors|Mumbai Indians|Chennai Super Kings|Royal Challengers Bengaluru|All Blacks|Springboks|Super Eagles|Black Stars|Al Hilal|Al Nassr|Urawa Red Diamonds|Seoul FC|Club América|Chivas|Dinamo Zagreb|Red Star Belgrade|Legia Warsaw|Sparta Prague|Shakhtar Donetsk|Dynamo Kyiv|Spartak Moscow|Olympiacos|Panathinaikos|Malmö FF|Rosenborg|FC Copenhagen|HJK Helsinki|KR Reykjavík`),
  hotel: words(`Marriott|Hilton|Hyatt|Accor|Radisson Blu|Holiday Inn|Ibis|Novotel|Four Seasons|Mandarin Oriental|Premier Inn|Taj Hotels|Oberoi Hotels|Shangri-La|Raffles Hotel|Sheraton|Kempinski|Mövenpick|Rotana|Meliá|NH Hotels|Scandic|Motel One|citizenM|Travelodge|Best Western|Sofitel|Pullman|Fairmont|InterContinental|Crowne Plaza|Anantara|Banyan Tree|Aman Resorts|Hotel Adlon|Burj Al Arab|Eko Hotel|Transcorp Hilton|Serena Hotels|Tsogo Sun|Palácio Tangará|Copacabana Palace`),
};

export const INDUSTRY = words('Logistics|Consulting|Textiles|Engineering|Foods|Pharma|Solutions|Holdings|Capital|Digital|Systems|Architects|Motors|Trading|Partners|Labs|Analytics|Media|Construction|Energy|Imports|Ventures|Dental|Legal|Insurance|Travel|Bakery|Print|Software|Security|Recruitment|Shipping|Interiors|Accounting|Realty|Telecom|Agro|Clinic Services|Solar|Optics');
export const SAINTS = words('Mary|Luke|Joseph|Anne|Michael|Patrick|George|Andrew|Vincent|Francis|Catherine|Thomas|Bartholomew|John|Jude|Margaret|Elizabeth|Peter|Paul|James|Clare|Bernard|Monica|Teresa');

export function buildOrgPools(side) {
  const out = {};
  for (const [k, v] of Object.entries(ORG_LISTS)) out[k] = v.filter((x) => partitionWhole(x) === side);
  return out;
}

// Legal suffixes per culture (faker's company.legal_entity_type where Latin).
export function legalSuffixes(cultureKey) {
  const loc = allLocales[cultureKey];
  const l = loc && loc.company && (loc.company.legal_entity_type || loc.company.company_suffix);
  if (Array.isArray(l) && l.length && l.every((x) => /^[\p{Script=Latin}0-9 .&,-]+$/u.test(x))) return l.filter((x) => x !== 'and Sons');
  return ['Ltd', 'Ltd.', 'LLC', 'Inc.', 'Group', 'Co.', 'PLC', 'GmbH', 'S.A.', 'B.V.', 'AB', 'AS', 'Pvt Ltd', 'Limited'];
}

// ------------------------------------------------------------ multilingual
// Local pools for the messages in other languages: the person cultures used
// for most names, local cities (hand lists plus faker city_name/state of the
// locales), country names as written in that language, neighbourhoods,
// landmarks/stations/airports, organisations, and organisation patterns
// ({S} a surname of the local culture, {C} a local city). Partitioned with
// partitionWhole like the other place and organisation pools.
export const ML_LOCAL = {
  es: {
    cultures: ['es', 'es_MX'], cityLocales: ['es', 'es_MX'], stateLocales: ['es'],
    cities: 'Madrid|Barcelona|Valencia|Sevilla|Zaragoza|Málaga|Bilbao|Alicante|Valladolid|Vigo|Gijón|Granada|Salamanca|Pamplona|Santander|Cádiz|Ciudad de México|Guadalajara|Monterrey|Puebla|Buenos Aires|Córdoba|Rosario|Bogotá|Medellín|Cali|Lima|Santiago|Quito|Montevideo|Caracas',
    regions: 'Andalucía|Cataluña|Galicia|Asturias|País Vasco|Castilla y León|Comunidad Valenciana|Islas Canarias|Jalisco|Yucatán|Patagonia',
    countries: 'España|México|Argentina|Colombia|Chile|Perú|Alemania|Francia|Italia|Portugal|Reino Unido|Estados Unidos|Marruecos|Suiza',
    hoods: 'Malasaña|Lavapiés|Chamberí|Triana|Gràcia|El Born|Ruzafa|Coyoacán|Polanco|Palermo|San Telmo|Miraflores|Chapinero',
    landmarks: 'Puerta del Sol|Plaza Mayor|Sagrada Familia|Parque del Retiro|Alhambra|Gran Vía|Zócalo|Aeropuerto de Barajas|Aeropuerto de El Prat|Estación de Atocha|Estación de Sants|Aeropuerto de Ezeiza',
    company: 'Mercadona|Telefónica|Movistar|Correos|Iberdrola|Inditex|Zara|El Corte Inglés|Repsol|Renfe|Cabify|Glovo|Seur|Mapfre|Naturgy|Bimbo|Cemex|Mercado Libre|Rappi|Falabella',
    bank: 'BBVA|Banco Santander|CaixaBank|Banco Sabadell|Bankinter|Unicaja|ING España|Banorte|Banco Galicia|Bancolombia',
    pat: {
      ORG: '{S} y Asociados|Construcciones {S} S.L.|Talleres {S}|Inmobiliaria {S}|{S} Abogados|Transportes {S} S.A.|Panadería {S}|Gestoría {S}',
      HOSP: 'Hospital Universitario de {C}|Hospital General de {C}|Hospital Clínico de {C}|Hospital La Paz|Hospital Gregorio Marañón|Hospital Vall d’Hebron',
      CLINIC: 'Clínica Dental {S}|Clínica {S}|Centro de Salud {C}|Fisioterapia {S}|Centro Médico {S}',
      UNI: 'Universidad de {C}|Universidad Complutense|Universidad Autónoma de Madrid|Universidad de Buenos Aires|UNAM|Universidad Politécnica de {C}',
      SCHOOL: 'Colegio {S}|Instituto {S}|Colegio San {S}|Escuela Oficial de Idiomas de {C}',
      HOTEL: 'Hotel {S}|Hostal {S}|Parador de {C}|Gran Hotel {C}|NH {C}|Meliá {C}',
      AGENCY: 'Agencia Tributaria|Seguridad Social|SEPE|DGT|Ayuntamiento de {C}|Policía Nacional|Hacienda|SAT|IMSS',
      TEAM: 'Real Betis|Sevilla FC|Valencia CF|Athletic Club|Real Sociedad|Celta de Vigo|Boca Juniors|River Plate|Club América|Atlético Nacional',
    },
  },
  pt_BR: {
    cultures: ['pt_BR'], cityLocales: [], stateLocales: ['pt_BR'],
    cities: 'São Paulo|Rio de Janeiro|Belo Horizonte|Salvador|Recife|Fortaleza|Porto Alegre|Curitiba|Brasília|Manaus|Belém|Goiânia|Campinas|Florianópolis|Natal|Vitória|Santos|Niterói|Londrina|Joinville|Uberlândia|Ribeirão Preto|Maceió|João Pessoa|Teresina|Sorocaba|Juiz de Fora',
    regions: 'Nordeste|Sul|Zona Sul|Zona Leste|Vale do Paraíba|Serra Gaúcha|Chapada Diamantina|Pantanal|Amazônia',
    countries: 'Brasil|Portugal|Argentina|Estados Unidos|Alemanha|França|Itália|Espanha|Japão|Chile|Uruguai|Canadá',
    hoods: 'Vila Madalena|Pinheiros|Moema|Copacabana|Ipanema|Botafogo|Lapa|Savassi|Boa Viagem|Barra da Tijuca|Jardins|Liberdade|Pelourinho',
    landmarks: 'Avenida Paulista|Pão de Açúcar|Cristo Redentor|Parque Ibirapuera|Aeroporto de Guarulhos|Aeroporto de Congonhas|Galeão|Aeroporto de Confins|Rodoviária do Tietê|Maracanã',
    company: 'Petrobras|Vale|Magazine Luiza|Americanas|Correios|iFood|Mercado Livre|Natura|Ambev|Embraer|Vivo|Claro|TIM|Localiza|Rappi|99|Azul|Gol|Latam|Havaianas|Renner|Casas Bahia',
    bank: 'Itaú|Bradesco|Banco do Brasil|Caixa Econômica Federal|Nubank|Santander Brasil|Banco Inter|C6 Bank|Sicredi|BTG Pactual',
    pat: {
      ORG: '{S} Advogados|Construtora {S}|Padaria {S}|Auto Peças {S}|Imobiliária {S}|Contabilidade {S}|{S} Engenharia Ltda.|Transportadora {S}',
      HOSP: 'Hospital das Clínicas|Hospital Albert Einstein|Hospital Sírio-Libanês|Santa Casa de {C}|Hospital Municipal de {C}|Hospital São Lucas',
      CLINIC: 'Clínica {S}|Clínica Odontológica {S}|Laboratório {S}|UBS {C}|Consultório {S}',
      UNI: 'Universidade de São Paulo|USP|Unicamp|UFRJ|UFMG|Universidade Federal de {C}|PUC-Rio|Universidade Estadual de {C}',
      SCHOOL: 'Colégio {S}|Escola Estadual {S}|Escola Municipal {S}|Colégio São {S}',
      HOTEL: 'Hotel {S}|Pousada {S}|Ibis {C}|Pousada do {S}|Grande Hotel {C}',
      AGENCY: 'Receita Federal|INSS|Detran|Polícia Federal|Prefeitura de {C}|SUS|Procon|Caixa',
      TEAM: 'Flamengo|Corinthians|Palmeiras|São Paulo FC|Santos FC|Grêmio|Internacional|Cruzeiro|Atlético Mineiro|Vasco da Gama|Fluminense|Botafogo',
    },
  },
  pt_PT: {
    cultures: ['pt_PT'], cityLocales: ['pt_PT'], stateLocales: ['pt_PT'],
    cities: 'Lisboa|Porto|Braga|Coimbra|Faro|Aveiro|Setúbal|Funchal|Évora|Viseu|Leiria|Guimarães|Cascais|Sintra|Almada|Ponta Delgada|Luanda|Maputo|Praia',
    regions: 'Algarve|Alentejo|Minho|Trás-os-Montes|Douro|Açores|Madeira|Beira Interior',
    countries: 'Portugal|Espanha|França|Alemanha|Inglaterra|Suíça|Brasil|Angola|Moçambique|Cabo Verde|Luxemburgo|Itália',
    hoods: 'Alfama|Chiado|Bairro Alto|Baixa|Belém|Graça|Mouraria|Ribeira|Boavista|Foz do Douro|Parque das Nações|Campo de Ourique',
    landmarks: 'Torre de Belém|Praça do Comércio|Ponte 25 de Abril|Estação do Oriente|Santa Apolónia|Aeroporto Humberto Delgado|Aeroporto Francisco Sá Carneiro|Estação de São Bento|Rossio',
    company: 'CTT|Continente|Pingo Doce|MEO|NOS|Vodafone Portugal|EDP|Galp|Sonae|Jerónimo Martins|CP|TAP|Worten|Fnac|Delta Cafés|Glovo|Bolt',
    bank: 'Caixa Geral de Depósitos|Millennium bcp|Novo Banco|Banco BPI|Santander Totta|Crédito Agrícola|ActivoBank|Montepio',
    pat: {
      ORG: '{S} & Filhos|Construções {S} Lda.|Pastelaria {S}|Oficina {S}|{S} Advogados|Imobiliária {S}|Contabilidade {S} Lda.',
      HOSP: 'Hospital de Santa Maria|Hospital de São João|Hospital da Luz|Hospital CUF {C}|Centro Hospitalar de {C}|Hospital Distrital de {C}',
      CLINIC: 'Clínica {S}|Clínica Dentária {S}|Centro de Saúde de {C}|Fisioterapia {S}|Clínica Médica {S}',
      UNI: 'Universidade de {C}|Universidade Nova de Lisboa|Instituto Superior Técnico|Universidade do Minho|ISCTE|Universidade Católica Portuguesa',
      SCHOOL: 'Escola Secundária {S}|Colégio {S}|Escola Básica de {C}|Agrupamento de Escolas {S}',
      HOTEL: 'Hotel {S}|Pousada de {C}|Pestana {C}|Hostel {S}|Quinta do {S}',
      AGENCY: 'Finanças|Segurança Social|AIMA|IEFP|Câmara Municipal de {C}|Loja do Cidadão|SNS|PSP|GNR',
      TEAM: 'Benfica|FC Porto|Sporting|SC Braga|Vitória de Guimarães|Boavista FC|Rio Ave|Marítimo',
    },
  },
  fr: {
    cultures: ['fr', 'fr_BE', 'fr_CH'], cityLocales: ['fr', 'fr_CH'], stateLocales: ['fr'],
    cities: 'Paris|Lyon|Marseille|Toulouse|Nice|Nantes|Strasbourg|Montpellier|Bordeaux|Lille|Rennes|Reims|Grenoble|Dijon|Angers|Brest|Tours|Limoges|Genève|Lausanne|Bruxelles|Liège|Namur|Montréal|Québec|Dakar|Abidjan|Casablanca|Tunis',
    regions: 'Bretagne|Normandie|Provence|Alsace|Occitanie|Île-de-France|Auvergne|Corse|Savoie|Wallonie|Côte d’Azur|Pays basque',
    countries: 'France|Belgique|Suisse|Allemagne|Espagne|Italie|Royaume-Uni|États-Unis|Maroc|Algérie|Tunisie|Sénégal|Canada|Luxembourg',
    hoods: 'Le Marais|Montmartre|Belleville|Saint-Germain-des-Prés|Bastille|Croix-Rousse|Vieux-Lyon|Le Panier|Ixelles|Saint-Gilles|Plateau-Mont-Royal|Les Pâquis',
    landmarks: 'Tour Eiffel|Gare de Lyon|Gare du Nord|Gare Montparnasse|Roissy-Charles-de-Gaulle|Orly|Champs-Élysées|Mont Saint-Michel|Notre-Dame|Canal Saint-Martin|Gare de Lyon-Part-Dieu',
    company: 'SNCF|La Poste|Orange|Free|Bouygues Telecom|EDF|Engie|Carrefour|Leclerc|Auchan|Decathlon|Fnac|Darty|Doctolib|BlaBlaCar|Renault|Peugeot|Michelin|Danone|L’Oréal|TotalEnergies|Chronopost|Colissimo',
    bank: 'Crédit Agricole|BNP Paribas|Société Générale|Crédit Mutuel|LCL|Banque Populaire|Caisse d’Épargne|La Banque Postale|Boursorama|Belfius|BCV',
    pat: {
      ORG: 'Boulangerie {S}|Cabinet {S}|Garage {S}|{S} et Fils|Transports {S}|Agence immobilière {S}|{S} Conseil SARL|Menuiserie {S}',
      HOSP: 'CHU de {C}|Hôpital de {C}|Centre hospitalier de {C}|Hôpital Pitié-Salpêtrière|Hôpital Necker|Hôpital Saint-Louis|Clinique Pasteur',
      CLINIC: 'Cabinet dentaire {S}|Clinique {S}|Centre médical de {C}|Laboratoire {S}|Pharmacie {S}',
      UNI: 'Université de {C}|Sorbonne Université|Sciences Po|Université Paris Cité|Université Lyon 2|École polytechnique|Université libre de Bruxelles|UNIL',
      SCHOOL: 'Lycée {S}|Collège {S}|École primaire {S}|Lycée Jean {S}',
      HOTEL: 'Hôtel {S}|Hôtel de {C}|Ibis {C}|Auberge {S}|Chambres d’hôtes {S}',
      AGENCY: 'CAF|CPAM|Ameli|France Travail|Pôle emploi|URSSAF|impots.gouv|Préfecture de {C}|Mairie de {C}|Assurance maladie',
      TEAM: 'Olympique Lyonnais|OGC Nice|Stade Rennais|LOSC|FC Nantes|RC Lens|Girondins de Bordeaux|RC Strasbourg|Stade Toulousain|Standard de Liège',
    },
  },
  de: {
    cultures: ['de', 'de_AT', 'de_CH'], cityLocales: ['de', 'de_AT', 'de_CH'], stateLocales: ['de', 'de_AT'],
    cities: 'Berlin|Hamburg|München|Köln|Frankfurt am Main|Stuttgart|Düsseldorf|Leipzig|Dortmund|Essen|Bremen|Dresden|Hannover|Nürnberg|Duisburg|Bochum|Wuppertal|Bielefeld|Bonn|Münster|Mannheim|Karlsruhe|Freiburg|Kiel|Rostock|Wien|Graz|Linz|Salzburg|Innsbruck|Zürich|Basel|Bern|Luzern',
    regions: 'Bayern|Sachsen|Schwarzwald|Allgäu|Ruhrgebiet|Nordsee|Ostsee|Rügen|Sylt|Tirol|Kärnten|Vorarlberg|Steiermark|Graubünden|Tessin|Oberbayern',
    countries: 'Deutschland|Österreich|die Schweiz|Frankreich|Italien|Spanien|Polen|die Türkei|Griechenland|Kroatien|England|die USA|Dänemark|die Niederlande',
    hoods: 'Kreuzberg|Neukölln|Prenzlauer Berg|Friedrichshain|Schwabing|Sankt Pauli|Altona|Ehrenfeld|Sachsenhausen|Eimsbüttel|Glockenbachviertel|Ottensen|Leopoldstadt',
    landmarks: 'Alexanderplatz|Marienplatz|Brandenburger Tor|Kölner Dom|Zugspitze|Bodensee|Flughafen BER|Flughafen Frankfurt|Flughafen München|Berlin Hauptbahnhof|Hamburg Hauptbahnhof|Wien Westbahnhof|Stephansdom|Zürich HB',
    company: 'Deutsche Bahn|Deutsche Post|DHL|Hermes|Telekom|Vodafone|O2|Aldi|Lidl|Rewe|Edeka|dm|Rossmann|MediaMarkt|Otto|Zalando|Lieferando|Siemens|Bosch|Volkswagen|BMW|Allianz|SAP|Migros|Coop|ÖBB|SBB|A1',
    bank: 'Sparkasse|Volksbank|Deutsche Bank|Commerzbank|Postbank|DKB|Comdirect|ING|N26|Raiffeisenbank|Erste Bank|PostFinance|Zürcher Kantonalbank|HypoVereinsbank',
    pat: {
      ORG: 'Autohaus {S}|Bäckerei {S}|{S} GmbH|{S} & Söhne|Steuerkanzlei {S}|Elektro {S} GmbH|Malerbetrieb {S}|{S} Immobilien|Schreinerei {S}|Stadtwerke {C}',
      HOSP: 'Klinikum {C}|Universitätsklinikum {C}|Charité|Krankenhaus {C}|St.-Marien-Krankenhaus|Kantonsspital {C}|AKH Wien|Helios Klinikum {C}',
      CLINIC: 'Zahnarztpraxis {S}|Hausarztpraxis {S}|Physiotherapie {S}|Gemeinschaftspraxis {S}|MVZ {C}|Augenarztpraxis {S}',
      UNI: 'Universität {C}|TU München|LMU München|Humboldt-Universität|Freie Universität Berlin|Universität Wien|ETH Zürich|Hochschule {C}|RWTH Aachen',
      SCHOOL: '{S}-Gymnasium|Grundschule {C}|Realschule {C}|Gesamtschule {C}|Volkshochschule {C}',
      HOTEL: 'Hotel {S}|Pension {S}|Gasthof {S}|Hotel zur Post|Motel One {C}|Landhotel {S}',
      AGENCY: 'Finanzamt {C}|Agentur für Arbeit|Jobcenter|Bürgeramt|Ausländerbehörde|Techniker Krankenkasse|AOK|Barmer|Deutsche Rentenversicherung|Stadt {C}|Landratsamt {C}|AMS',
      TEAM: 'FC Bayern|Borussia Dortmund|Schalke 04|Werder Bremen|Hertha BSC|1. FC Köln|Eintracht Frankfurt|VfB Stuttgart|Hamburger SV|Union Berlin|Rapid Wien|FC Basel',
    },
  },
  it: {
    cultures: ['it'], cityLocales: ['it'], stateLocales: ['it'],
    cities: 'Roma|Milano|Napoli|Torino|Palermo|Genova|Bologna|Firenze|Bari|Catania|Venezia|Verona|Messina|Padova|Trieste|Brescia|Parma|Modena|Reggio Calabria|Perugia|Cagliari|Bergamo|Lecce|Pisa|Trento|Udine|Como',
    regions: 'Toscana|Sicilia|Sardegna|Puglia|Lombardia|Piemonte|Veneto|Campania|Calabria|Liguria|Umbria|Trentino|Alto Adige|Emilia-Romagna',
    countries: 'Italia|Germania|Francia|Spagna|Svizzera|Austria|Regno Unito|Stati Uniti|Grecia|Albania|Romania|Marocco|Argentina',
    hoods: 'Trastevere|Testaccio|Monti|Brera|Navigli|Isola|Quartieri Spagnoli|Vomero|San Salvario|Oltrarno|Bolognina|Cannaregio',
    landmarks: 'Colosseo|Piazza Navona|Duomo di Milano|Ponte Vecchio|Fontana di Trevi|Milano Centrale|Roma Termini|Fiumicino|Malpensa|Linate|Piazza San Marco|Napoli Centrale',
    company: 'Poste Italiane|Trenitalia|Italo|Enel|Eni|TIM|Fastweb|WindTre|Iliad|Esselunga|Conad|Coop|Barilla|Ferrero|Fiat|Pirelli|Luxottica|Autostrade per l’Italia|Bartolini|Glovo|Ferrovie dello Stato',
    bank: 'Intesa Sanpaolo|UniCredit|Banco BPM|Monte dei Paschi di Siena|BPER Banca|Fineco|Mediolanum|Credem|BancoPosta',
    pat: {
      ORG: 'Studio {S}|Pasticceria {S}|{S} S.r.l.|Officina {S}|Ferramenta {S}|Agenzia Immobiliare {S}|Studio Legale {S}|Fratelli {S}',
      HOSP: 'Ospedale di {C}|Policlinico di {C}|Ospedale San Raffaele|Policlinico Gemelli|Ospedale Niguarda|Azienda Ospedaliera di {C}|Ospedale Civile di {C}',
      CLINIC: 'Studio dentistico {S}|Poliambulatorio {S}|Centro Medico {S}|Studio medico {S}|Farmacia {S}',
      UNI: 'Università di {C}|Università degli Studi di {C}|Politecnico di Milano|Politecnico di Torino|Sapienza|Bocconi|Università di Bologna',
      SCHOOL: 'Liceo {S}|Istituto Comprensivo {S}|Liceo Scientifico {S}|Scuola Primaria {S}',
      HOTEL: 'Hotel {S}|Albergo {S}|B&B {S}|Agriturismo {S}|Pensione {S}',
      AGENCY: 'Agenzia delle Entrate|INPS|INAIL|Comune di {C}|Questura di {C}|ASL|Motorizzazione|Prefettura di {C}',
      TEAM: 'Juventus|Inter|Milan|Napoli|Roma|Lazio|Fiorentina|Atalanta|Torino FC|Bologna FC|Genoa|Sampdoria',
    },
  },
  nl: {
    cultures: ['nl', 'nl_BE'], cityLocales: [], stateLocales: ['nl', 'nl_BE'],
    cities: 'Amsterdam|Rotterdam|Den Haag|Utrecht|Eindhoven|Groningen|Tilburg|Almere|Breda|Nijmegen|Arnhem|Haarlem|Enschede|Zwolle|Leiden|Maastricht|Delft|Amersfoort|Apeldoorn|Dordrecht|Leeuwarden|Antwerpen|Gent|Brugge|Leuven|Mechelen|Hasselt|Paramaribo',
    regions: 'Randstad|Veluwe|Zeeland|Brabant|Friesland|Limburg|Drenthe|Twente|Waddeneilanden|Vlaanderen|Achterhoek',
    countries: 'Nederland|België|Duitsland|Frankrijk|Spanje|Italië|Engeland|Marokko|Turkije|Suriname|Polen|Zwitserland',
    hoods: 'De Pijp|Jordaan|Oud-West|Bijlmer|Kralingen|Katendrecht|Lombok|Wittevrouwen|Strijp-S|Zuidas|Scheveningen|Het Zuid',
    landmarks: 'Schiphol|Amsterdam Centraal|Rotterdam Centraal|Utrecht Centraal|Dam|Vondelpark|Erasmusbrug|Binnenhof|Keukenhof|Zaventem|Antwerpen-Centraal|Eindhoven Airport',
    company: 'PostNL|Albert Heijn|Jumbo|Bol.com|Coolblue|KPN|Ziggo|Odido|NS|Philips|Heineken|Ahold Delhaize|HEMA|Action|Kruidvat|Thuisbezorgd|Picnic|Eneco|Vattenfall|Essent|Bpost|Colruyt|Proximus|Delhaize',
    bank: 'ING|Rabobank|ABN AMRO|SNS|ASN Bank|Triodos|bunq|KBC|Belfius|Argenta',
    pat: {
      ORG: 'Bakkerij {S}|{S} B.V.|Installatiebedrijf {S}|Garage {S}|Makelaardij {S}|Advocatenkantoor {S}|Schildersbedrijf {S}|{S} & Zn.',
      HOSP: 'Ziekenhuis {C}|UMC Utrecht|Erasmus MC|Amsterdam UMC|Radboudumc|Maastricht UMC+|UZ Leuven|Antoni van Leeuwenhoek|Isala',
      CLINIC: 'Huisartsenpraktijk {S}|Tandartspraktijk {S}|Fysiotherapie {S}|Gezondheidscentrum {C}|Apotheek {S}',
      UNI: 'Universiteit van Amsterdam|Universiteit Utrecht|Universiteit Leiden|TU Delft|Rijksuniversiteit Groningen|Erasmus Universiteit|KU Leuven|Universiteit Gent|Hogeschool {C}',
      SCHOOL: 'Basisschool {S}|{S} College|Montessorischool {C}|Stedelijk Gymnasium {C}',
      HOTEL: 'Hotel {S}|Hotel {C}|Van der Valk {C}|B&B {S}|Stayokay {C}',
      AGENCY: 'Belastingdienst|UWV|DUO|IND|Gemeente {C}|RDW|CAK|SVB|CBR|Politie',
      TEAM: 'Ajax|Feyenoord|PSV|AZ|FC Utrecht|FC Twente|Vitesse|sc Heerenveen|FC Groningen|Club Brugge|Anderlecht|Sparta Rotterdam',
    },
  },
  pl: {
    cultures: ['pl'], cityLocales: ['pl'], stateLocales: [],
    cities: 'Warszawa|Kraków|Łódź|Wrocław|Poznań|Gdańsk|Szczecin|Bydgoszcz|Lublin|Białystok|Katowice|Gdynia|Częstochowa|Radom|Toruń|Rzeszów|Kielce|Olsztyn|Opole|Zakopane|Sopot',
    regions: 'Mazowsze|Śląsk|Pomorze|Mazury|Podhale|Kaszuby|Małopolska|Wielkopolska|Bieszczady|Tatry',
    countries: 'Polska|Niemcy|Anglia|Francja|Hiszpania|Włochy|Czechy|Ukraina|Norwegia|Holandia|Irlandia|Litwa',
    hoods: 'Mokotów|Praga-Południe|Wola|Ursynów|Kazimierz|Nowa Huta|Podgórze|Wrzeszcz|Oliwa|Jeżyce|Nadodrze|Bemowo',
    landmarks: 'Lotnisko Chopina|Warszawa Centralna|Kraków Główny|Rynek Główny|Wawel|Pałac Kultury|Stare Miasto|Balice|Gdańsk Główny|Morskie Oko',
    company: 'Allegro|InPost|Poczta Polska|Orlen|PKP Intercity|Biedronka|Lidl Polska|Żabka|Orange Polska|Play|Plus|T-Mobile|LOT|Empik|CCC|LPP|Tauron|PGE|Medicover|LuxMed|Enel-Med',
    bank: 'PKO BP|Pekao|mBank|ING Bank Śląski|Santander Bank Polska|Millennium|Alior Bank|Credit Agricole|BNP Paribas Polska|Bank Pocztowy',
    pat: {
      ORG: 'Piekarnia {S}|{S} sp. z o.o.|Kancelaria {S}|Warsztat {S}|Biuro Rachunkowe {S}|Firma Budowlana {S}|Hurtownia {S}|{S} i Wspólnicy',
      HOSP: 'Szpital Wojewódzki w {C}|Szpital Miejski|Szpital Bielański|Uniwersyteckie Centrum Kliniczne|Szpital Praski|Centrum Zdrowia Dziecka',
      CLINIC: 'Gabinet Stomatologiczny {S}|Przychodnia {S}|Rehabilitacja {S}|Centrum Medyczne {S}|Apteka {S}',
      UNI: 'Uniwersytet Warszawski|Uniwersytet Jagielloński|Politechnika Warszawska|Politechnika Gdańska|Uniwersytet Wrocławski|AGH|SGH|Uniwersytet Łódzki|Uniwersytet im. Adama Mickiewicza',
      SCHOOL: 'Szkoła Podstawowa nr {NUM}|Liceum im. {S}|Technikum {S}|Przedszkole {S}',
      HOTEL: 'Hotel {S}|Pensjonat {S}|Hotel Polonia|Apartamenty {S}|Dom Gościnny {S}',
      AGENCY: 'ZUS|NFZ|Urząd Skarbowy|Urząd Miasta|Urząd Pracy|Straż Miejska|Policja|Urząd Wojewódzki|PIP|KRUS',
      TEAM: 'Legia Warszawa|Lech Poznań|Wisła Kraków|Cracovia|Lechia Gdańsk|Górnik Zabrze|Śląsk Wrocław|Jagiellonia|Pogoń Szczecin|Raków Częstochowa',
    },
  },
  sv: {
    cultures: ['sv'], cityLocales: [], stateLocales: ['sv'],
    cities: 'Stockholm|Göteborg|Malmö|Uppsala|Västerås|Örebro|Linköping|Helsingborg|Jönköping|Norrköping|Lund|Umeå|Gävle|Borås|Sundsvall|Luleå|Kiruna|Visby|Karlstad|Växjö|Halmstad|Östersund',
    regions: 'Skåne|Gotland|Norrland|Dalarna|Småland|Lappland|Värmland|Halland|Öland|Roslagen',
    countries: 'Sverige|Norge|Danmark|Finland|Tyskland|Spanien|Frankrike|Italien|Thailand|Polen|England|USA',
    hoods: 'Södermalm|Vasastan|Östermalm|Kungsholmen|Majorna|Haga|Möllevången|Västra Hamnen|Gamla stan|Hammarby sjöstad',
    landmarks: 'Arlanda|Landvetter|Stockholm Central|Göteborg Central|Slussen|Liseberg|Globen|Kastrup|Skansen|Djurgården',
    company: 'Systembolaget|Postnord|SJ|SL|Ikea|H&M|Ica|Coop|Telia|Tele2|Vattenfall|Spotify|Klarna|Volvo|Ericsson|Clas Ohlson|Elgiganten|Apoteket|Foodora|Skanska',
    bank: 'Swedbank|Handelsbanken|SEB|Nordea|Länsförsäkringar|Danske Bank|Avanza|Sparbanken|ICA Banken',
    pat: {
      ORG: '{S} Bygg AB|{S}s Bageri|Advokatbyrå {S}|{S} Konsult AB|Bilverkstad {S}|Måleri {S}|Redovisningsbyrå {S}',
      HOSP: 'Karolinska universitetssjukhuset|Sahlgrenska|Skånes universitetssjukhus|Akademiska sjukhuset|Södersjukhuset|Länssjukhuset {C}|Universitetssjukhuset {C}',
      CLINIC: 'Vårdcentral {C}|Tandläkare {S}|Fysioterapi {S}|Capio {C}|Kry|Folktandvården {C}',
      UNI: 'Uppsala universitet|Lunds universitet|Stockholms universitet|KTH|Chalmers|Göteborgs universitet|Umeå universitet|Linköpings universitet',
      SCHOOL: '{C} gymnasium|{S}skolan|Förskolan {S}|Komvux {C}',
      HOTEL: 'Hotell {S}|Scandic {C}|Clarion {C}|Elite Hotel {C}|Vandrarhem {S}',
      AGENCY: 'Skatteverket|Försäkringskassan|Arbetsförmedlingen|Migrationsverket|CSN|Polisen|Transportstyrelsen|{C} kommun|Region {C}|1177',
      TEAM: 'AIK|Djurgården IF|Hammarby|IFK Göteborg|Malmö FF|Frölunda|Färjestad|Helsingborgs IF',
    },
  },
  nb: {
    cultures: ['nb_NO'], cityLocales: [], stateLocales: ['nb_NO'],
    cities: 'Oslo|Bergen|Trondheim|Stavanger|Drammen|Fredrikstad|Kristiansand|Tromsø|Sandnes|Ålesund|Bodø|Tønsberg|Hamar|Lillehammer|Molde|Haugesund|Arendal|Gjøvik|Harstad|Alta',
    regions: 'Vestlandet|Nord-Norge|Lofoten|Sørlandet|Finnmark|Hardanger|Telemark|Svalbard|Jotunheimen|Trøndelag',
    countries: 'Norge|Sverige|Danmark|Tyskland|Spania|Frankrike|Italia|Polen|Storbritannia|USA|Thailand|Hellas',
    hoods: 'Grünerløkka|Majorstuen|Frogner|Gamle Oslo|Tøyen|Sagene|Bryggen|Sandviken|Møhlenpris|Bakklandet',
    landmarks: 'Gardermoen|Flesland|Værnes|Oslo S|Karl Johans gate|Aker Brygge|Holmenkollen|Preikestolen|Nordkapp|Trolltunga|Fløyen',
    company: 'Posten|Vinmonopolet|Vy|Ruter|Telenor|Telia Norge|Equinor|Rema 1000|Kiwi|Meny|Coop Extra|Elkjøp|XXL|Norwegian|Widerøe|Hurtigruten|Foodora|Fjordkraft|Tibber|Komplett',
    bank: 'DNB|SpareBank 1|Nordea|Handelsbanken|Sbanken|Storebrand|Danske Bank|Bulder Bank',
    pat: {
      ORG: '{S} Bygg AS|{S} Eiendom|Advokatfirmaet {S}|Bakeri {S}|{S} Regnskap AS|Bilverksted {S}|Rørlegger {S}',
      HOSP: 'Rikshospitalet|Ullevål sykehus|Haukeland universitetssjukehus|St. Olavs hospital|Ahus|Sykehuset {C}|Universitetssykehuset Nord-Norge',
      CLINIC: 'Legesenter {C}|Tannlege {S}|Fysioterapi {S}|Legevakten {C}|Apotek 1',
      UNI: 'Universitetet i Oslo|Universitetet i Bergen|NTNU|BI|UiT|OsloMet|Universitetet i Stavanger|NHH',
      SCHOOL: '{C} videregående skole|{S} skole|{C} barnehage|{C} ungdomsskole',
      HOTEL: 'Hotell {S}|Thon Hotel {C}|Scandic {C}|Clarion {C}|Radisson Blu {C}|Pensjonat {S}',
      AGENCY: 'NAV|Skatteetaten|UDI|Politiet|Statens vegvesen|Lånekassen|Helfo|{C} kommune|Brønnøysundregistrene',
      TEAM: 'Rosenborg|Molde FK|Brann|Vålerenga|Lillestrøm|Viking|Bodø/Glimt|Tromsø IL',
    },
  },
  da: {
    cultures: ['da'], cityLocales: ['da'], stateLocales: ['da'],
    cities: 'København|Aarhus|Odense|Aalborg|Esbjerg|Randers|Kolding|Horsens|Vejle|Roskilde|Herning|Silkeborg|Næstved|Fredericia|Viborg|Køge|Holstebro|Svendborg|Helsingør|Tórshavn|Nuuk',
    regions: 'Jylland|Sjælland|Fyn|Bornholm|Nordjylland|Vestjylland|Lolland|Møn|Færøerne|Grønland',
    countries: 'Danmark|Sverige|Norge|Tyskland|Spanien|Frankrig|Italien|Polen|England|USA|Holland|Grækenland',
    hoods: 'Nørrebro|Vesterbro|Østerbro|Christianshavn|Frederiksberg|Amager|Valby|Nordvest|Trøjborg|Frederiksbjerg',
    landmarks: 'Kastrup|Københavns Lufthavn|Københavns Hovedbanegård|Rådhuspladsen|Nyhavn|Tivoli|Strøget|Den Lille Havfrue|Aarhus H|Billund Lufthavn',
    company: 'PostNord|DSB|Netto|Føtex|Bilka|Rema 1000|Irma|Lidl Danmark|TDC|Telenor|Yousee|Ørsted|Novo Nordisk|Maersk|Carlsberg|Lego|Pandora|Matas|Elgiganten|Wolt|GLS',
    bank: 'Danske Bank|Nordea|Jyske Bank|Sydbank|Nykredit|Arbejdernes Landsbank|Lunar|Spar Nord',
    pat: {
      ORG: '{S} ApS|{S} A/S|Advokatfirmaet {S}|Bageriet {S}|Tømrerfirma {S}|Autoværksted {S}|Revisionsfirma {S}',
      HOSP: 'Rigshospitalet|Hvidovre Hospital|Bispebjerg Hospital|Aarhus Universitetshospital|Odense Universitetshospital|Aalborg Universitetshospital|Regionshospitalet {C}',
      CLINIC: 'Lægehuset {C}|Tandlæge {S}|Fysioterapi {S}|Lægeklinikken {S}|Apoteket {C}',
      UNI: 'Københavns Universitet|Aarhus Universitet|DTU|CBS|Syddansk Universitet|Aalborg Universitet|Roskilde Universitet|ITU',
      SCHOOL: '{C} Gymnasium|{S} Skole|{C} Friskole|Børnehaven {S}',
      HOTEL: 'Hotel {S}|Hotel {C}|Scandic {C}|Comwell {C}|Kro {S}|Danhostel {C}',
      AGENCY: 'Skattestyrelsen|SKAT|Udbetaling Danmark|Borger.dk|Politiet|Styrelsen for International Rekruttering|{C} Kommune|Region Hovedstaden|Sundhed.dk',
      TEAM: 'FC København|Brøndby IF|FC Midtjylland|AGF|OB|AaB|Randers FC|Silkeborg IF',
    },
  },
  tr: {
    cultures: ['tr'], cityLocales: ['tr'], stateLocales: [],
    cities: 'İstanbul|Ankara|İzmir|Bursa|Antalya|Adana|Konya|Gaziantep|Kayseri|Eskişehir|Trabzon|Samsun|Mersin|Diyarbakır|Denizli|Bodrum|Muğla|Edirne|Çanakkale|Van',
    regions: 'Karadeniz|Ege|Kapadokya|Marmara|İç Anadolu|Akdeniz|Doğu Anadolu|Trakya',
    countries: 'Türkiye|Almanya|Hollanda|Fransa|İngiltere|Amerika|Azerbaycan|Yunanistan|Rusya|İtalya|Kıbrıs|Irak',
    hoods: 'Kadıköy|Beşiktaş|Üsküdar|Beyoğlu|Şişli|Bakırköy|Cihangir|Moda|Nişantaşı|Çankaya|Kızılay|Alsancak|Karşıyaka|Bornova',
    landmarks: 'Galata Kulesi|Taksim Meydanı|Ayasofya|Sabiha Gökçen|İstanbul Havalimanı|Esenboğa|Kapalıçarşı|Boğaz|Anıtkabir|Kordon',
    company: 'Türk Telekom|Turkcell|Vodafone Türkiye|Trendyol|Hepsiburada|Getir|Yemeksepeti|Migros|BİM|A101|ŞOK|Arçelik|Vestel|Koç Holding|Sabancı Holding|THY|Pegasus|Aras Kargo|Yurtiçi Kargo|MNG Kargo|PTT',
    bank: 'Ziraat Bankası|İş Bankası|Garanti BBVA|Akbank|Yapı Kredi|Halkbank|VakıfBank|QNB Finansbank|DenizBank|Enpara',
    pat: {
      ORG: '{S} İnşaat|{S} Hukuk Bürosu|{S} Otomotiv|{S} Ltd. Şti.|{S} Gıda A.Ş.|{S} Emlak|{S} Mali Müşavirlik|{S} Tekstil',
      HOSP: '{C} Devlet Hastanesi|{C} Şehir Hastanesi|Acıbadem Hastanesi|Memorial Hastanesi|Medical Park|{C} Eğitim ve Araştırma Hastanesi|Hacettepe Hastanesi',
      CLINIC: '{S} Diş Kliniği|{S} Tıp Merkezi|{C} Aile Sağlığı Merkezi|{S} Fizik Tedavi|{S} Eczanesi',
      UNI: 'Boğaziçi Üniversitesi|ODTÜ|İstanbul Teknik Üniversitesi|Hacettepe Üniversitesi|Ankara Üniversitesi|Ege Üniversitesi|{C} Üniversitesi|Koç Üniversitesi|Bilkent Üniversitesi',
      SCHOOL: '{S} Anadolu Lisesi|{C} Fen Lisesi|{S} İlkokulu|{S} Koleji',
      HOTEL: 'Otel {S}|{S} Otel|{C} Palas|{S} Pansiyon|{S} Butik Otel',
      AGENCY: 'SGK|e-Devlet|Vergi Dairesi|Nüfus Müdürlüğü|Göç İdaresi|İŞKUR|{C} Belediyesi|Emniyet Müdürlüğü|MHRS',
      TEAM: 'Galatasaray|Fenerbahçe|Beşiktaş|Trabzonspor|Başakşehir|Bursaspor|Göztepe|Sivasspor',
    },
  },
  id: {
    cultures: ['id_ID'], cityLocales: ['id_ID'], stateLocales: ['id_ID'],
    cities: 'Jakarta|Surabaya|Bandung|Medan|Semarang|Makassar|Palembang|Yogyakarta|Denpasar|Malang|Bogor|Depok|Tangerang|Bekasi|Solo|Balikpapan|Pontianak|Manado|Padang|Pekanbaru|Batam|Mataram|Jayapura',
    regions: 'Jawa Barat|Jawa Tengah|Jawa Timur|Bali|Sumatra|Kalimantan|Sulawesi|Papua|Lombok|Flores|Maluku|Aceh',
    countries: 'Indonesia|Malaysia|Singapura|Jepang|Korea Selatan|Australia|Belanda|Arab Saudi|Thailand|Tiongkok|Amerika Serikat|Jerman',
    hoods: 'Kemang|Menteng|Kuningan|Senayan|Kebayoran Baru|Cikini|Tebet|Dago|Kuta|Seminyak|Ubud|Malioboro|Kelapa Gading',
    landmarks: 'Bandara Soekarno-Hatta|Bandara Juanda|Bandara Ngurah Rai|Stasiun Gambir|Stasiun Pasar Senen|Monas|Bundaran HI|Candi Borobudur|Gunung Bromo|Kota Tua|Stasiun Tugu',
    company: 'Tokopedia|Gojek|Grab|Shopee|Bukalapak|Traveloka|Telkomsel|Indosat|XL Axiata|Pertamina|PLN|Indomaret|Alfamart|JNE|J&T Express|SiCepat|Garuda Indonesia|Lion Air|Citilink|KAI|Unilever Indonesia|Indofood',
    bank: 'BCA|Bank Mandiri|BRI|BNI|Bank Syariah Indonesia|CIMB Niaga|Bank Danamon|Bank Jago|Jenius|OCBC NISP',
    pat: {
      ORG: 'PT {S} Jaya|CV {S} Makmur|Toko {S}|PT {S} Sejahtera|Bengkel {S}|Kantor Hukum {S}|Katering {S}|PT Sinar {S}',
      HOSP: 'RSUP Dr. Cipto Mangunkusumo|RS Siloam|RS Pondok Indah|RS Mitra Keluarga|RSUD {C}|RS Premier {C}|RS Hermina {C}|RS Santo Borromeus',
      CLINIC: 'Klinik {S}|Klinik Gigi {S}|Puskesmas {C}|Apotek {S}|Laboratorium Prodia',
      UNI: 'Universitas Indonesia|Institut Teknologi Bandung|Universitas Gadjah Mada|Universitas Airlangga|IPB University|Universitas Padjadjaran|Universitas Brawijaya|Universitas {S}',
      SCHOOL: 'SMA Negeri {NUM} {C}|SMP Negeri {NUM} {C}|SD Negeri {NUM} {C}|Sekolah {S}|Pesantren {S}',
      HOTEL: 'Hotel {S}|Hotel Santika {C}|Hotel Aston {C}|Wisma {S}|Villa {S}|Hotel Indonesia Kempinski',
      AGENCY: 'BPJS Kesehatan|BPJS Ketenagakerjaan|Kantor Imigrasi|Dukcapil|Kantor Pajak|Samsat|Pemkot {C}|Polres {C}|Kemenkes',
      TEAM: 'Persija|Persib|Arema FC|Persebaya|PSM Makassar|Bali United|PSIS Semarang|Borneo FC',
    },
  },
};

// Local pools of one side for the multilingual generator (a list that is
// empty on one side falls back to the global pools in the generator).
export function buildLocalPools(side) {
  const keep = (a) => uniq(a.map(nfc).filter(Boolean)).filter((x) => partitionWhole(x) === side);
  const out = {};
  for (const [lang, L] of Object.entries(ML_LOCAL)) {
    const fakerCities = L.cityLocales.flatMap((l) => fakerList(l, 'city_name'));
    const states = L.stateLocales.flatMap((l) => fakerList(l, 'state')).filter((r) => /^\p{Lu}/u.test(r) && r !== r.toUpperCase());
    const pat = {};
    for (const [k, v] of Object.entries(L.pat)) pat[k] = words(v);
    out[lang] = {
      cultures: L.cultures,
      bigCity: keep(words(L.cities)), smallCity: keep(fakerCities), region: keep([...words(L.regions), ...states]),
      country: keep(words(L.countries)), hood: keep(words(L.hoods)), landmark: keep(words(L.landmarks)),
      company: keep(words(L.company)), bank: keep(words(L.bank)), pat,
    };
  }
  return out;
}

// Every token of every name, place and organisation string the generator can
// draw (both sides, before partitioning), plus the person names and places of
// all faker locales, lower-cased NFC. The word pools of wordlists.mjs drop
// these, so a word sampled as a non-entity is never also a name somewhere.
export function nameAndPlaceTokens() {
  const out = new Set();
  const add = (s) => { for (const t of tokensOf(s)) out.add(t); };
  for (const c of CULTURES) { const r = rawCulture(c.key); for (const k of ['female', 'male', 'lastFemale', 'lastMale']) r[k].forEach(add); }
  for (const list of [...Object.values(NICKNAMES), ...Object.values(AMBIGUOUS_FIRST), SAINTS, WORLD_CITIES, COUNTRIES, REGIONS_HAND,
    HOODS, LANDMARKS, ...Object.values(ORG_LISTS)]) list.forEach(add);
  for (const L of Object.values(ML_LOCAL)) {
    for (const [k, v] of Object.entries(L)) if (typeof v === 'string') words(v).forEach(add);
    for (const v of Object.values(L.pat)) words(v).forEach((x) => add(x.replace(/\{[A-Z]+\}/g, ' ')));
  }
  const strings = (x) => (typeof x === 'string' ? [x] : Array.isArray(x) ? x.flatMap(strings) : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : []);
  for (const loc of Object.values(allLocales)) {
    const p = loc.person || {}; const l = loc.location || {};
    for (const v of [p.first_name, p.last_name, p.middle_name, l.city_name, l.state, l.country, l.county]) strings(v).filter((s) => !s.includes('{{')).forEach(add);
  }
  return out;
}

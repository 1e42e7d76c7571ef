// Held-out templates: written for the held-out set only, in wording and
// layouts that the training templates do not use. Same slot syntax as
// templates_train.mjs.

export const HOLD_POS = [
  // chat prompts
  'Could you turn these notes into a thank-you letter? Recipient: {PF1.tfull}. Occasion: she mentored me during my year at {ORG1}.',
  'brainstorm wedding toast jokes about {P1.first} and {P2.first}, they met on a ferry to {CITY1} lol',
  'I have a call with {P1.full} of {BANK1} in twenty minutes. List five questions about mortgages in {COUNTRY1}.',
  'Pls make this sound professional: "{P1.first} u forgot to send the deck to {ORG1} again"',
  'My landlord, {P1.title}, refuses to return the deposit for my flat in {HOOD1}. What are my rights in {COUNTRY1}?',
  'Generate a packing list. Travellers: {P1.first} (8) and {P2.first} (11). Destination: {REGION1} in {MONTH}.',
  'Summarize the attached CV of {PF1.mid} in two sentences; focus on her years at {HOSP1}.',
  'Role-play: you are a receptionist at {HOTEL1} and I am {P1.tfull}, arriving late from {CITY1}.',
  'Which museums near {LANDMARK1} would {PF1.amb} enjoy? She is into modern art.',
  // letters and e-mails
  'To whom it may concern,\n\nThis letter confirms that {P1.full} has been employed by {ORG1} since 2021 and works at our {CITY1} site.\n\nSigned,\n{P2.tfull}',
  'Yo {P1.first}!! Landed in {CITY1} 🙌 {ORG1} office tomorrow, dinner after?\n\n— {P2.first}',
  'Morning {P1.first},\n\nAttaching the revised quote from {ORG1}. {P2.first} reviewed it yesterday.\n\nTalk soon,\n{P3.first}',
  'Esteemed {P1.title},\n\nOn behalf of {UNI1} we have the honour to invite you as keynote speaker in {CITY1}.\n\nRespectfully,\n{P2.full}, Dean',
  'Many thanks again,\n{P1.full}\nSent from my phone',
  'Reply-To: {P1.email}\nSender: {P1.full}\nRecipient: {ORG1} Support\nTopic: double charge in {CITY1}',
  // support / tickets
  'CASE {ID} | opened by {P1.full} | product: {PRODUCT} | site: {CITY1} | owner: {P2.first}',
  'Chat transcript\n> visitor: this is {P1.first} again, still waiting on the refund from {ORG1}\n> bot: I understand, {P1.first}.',
  'Escalation: VIP guest {P1.tfull} complained that the {HOTEL1} shuttle never reached {AIRPORT1}.',
  'dear support my husband {PM1.full} paid with {BANK1} card but the booking in {CITY1} shows unpaid??',
  // travel
  'Rail pass holders: {P1.full}, {P2.full}. Route {CITY1} – {CITY2} – {CITY3}. Operator: {ORG1}.',
  'Could the driver meet {PF1.title} at arrivals? She is coming from {COUNTRY1} with {AIR1}.',
  'Trip log – day 3: hiked above {LANDMARK1} with {P1.first}; tomorrow we cross into {COUNTRY1}.',
  // HR
  'Onboarding buddy assignment: newcomer {P1.full} ↔ buddy {P2.full} (both in {CITY1}).',
  'Leave balance query — {P1.first} {P1.last}, {REGION1} team. Approver: {P2.title}.',
  'Promotion memo: effective {DATE}, {P1.full} becomes {JOB} of the {CITY1} hub.',
  'Interview panel for {P1.full}: {P2.init}, {P3.init}; venue {ORG1} HQ, {CITY1}.',
  // medical
  'Clinic letter: seen today in {CLINIC1}. {P1.full}, 54, presents with {MED}. Plan discussed with {P2.title}.',
  'Can {P1.title} at {HOSP1} renew my father\'s prescription? His name is {PM2.full}.',
  'Nurse handover: bed 4 – {P1.full}; bed 5 – {P2.full}, transfer to {HOSP1} pending.',
  // CRM
  'Visit report {DATE}: toured the {ORG1} plant outside {CITY1} with {P1.full} and {P2.full}.',
  'Contact card — {P1.full} · {JOB} · {ORG1} · {CITY1}',
  'Prospect {ORG1} ({COUNTRY1}) — champion: {P1.first}; blocker: {P2.title}.',
  // JSON / tools
  '{"record": {"holder": "{P1.full}", "issuer": "{BANK1}", "branch_city": "{CITY1}"}}',
  '[{"speaker": "{P1.full}", "affiliation": "{UNI1}"}, {"speaker": "{P2.full}", "affiliation": "{HOSP1}"}]',
  '{"booking": {"lead_traveller": "{P1.full}", "companions": ["{P2.first}", "{P3.first}"], "airline": "{AIR1}", "to": "{COUNTRY1}"}}',
  'lookup_person -> {"match": "{P1.full}", "workplace": "{ORG1}", "region": "{REGION1}"}',
  // forms
  'Surname: {P1.last}\nGiven names: {P1.first}\nNationality: {COUNTRY1}\nSponsor: {ORG1}',
  'Borrower — {P1.full}\nCo-borrower — {P2.full}\nLender — {BANK1}\nProperty — {HOOD1}, {CITY1}',
  // narrative / quotes / lists
  'In a statement, {AGENCY1} spokesperson {P1.full} said the office in {CITY1} would reopen on {DAY}.',
  '"{P1.first}, grab the keys!" shouted {P2.first} as we left {HOOD1}.',
  'Volunteers this week • {P1.first} • {P2.first} • {P3.full} • {P4.full}',
  'Rumour is {P1.full} is leaving {TEAM1} for {TEAM2} 👀',
  'Everyone say happy birthday to {P1.ambf} from the {CITY1} crew 🎂',
  'As {P1.amb} put it during the {ORG1} all-hands, we ship when it is ready.',
  'We owe {P1.title} an apology: the contract with {ORG1} was signed in {CITY1}, not {CITY2}.',
];

export const HOLD_NEG = [
  'Release notes: {UI} now supports {TECH}. Known issue: {TECH} crash on {DAY}.',
  '{"ok": true, "items": [], "next_page": null, "filter": "{PRODUCT}"}',
  'Agenda — {HEAD} / {HEAD} / AOB',
  'Hi there, is the {PRODUCT} refundable under the {LEGAL}? Thanks in advance {EMOJI}',
  'Your {JOB} application was received. {NONAME}',
  'Tip: press {UI} to switch to {UI}.',
  'Lab result: {LAB} within normal range. {NONAME}',
  'Sprint goal: finish {TECH} migration by {DATE}. Owner: {JOB}.',
  'can someone explain {TECH} vs {TECH} like im five',
  'Office closed on {DAY} for the {MONTH} holiday. {NONAME}',
];

// Capitalised non-entities and other filler for generate_synthetic.mjs.
// None of these is ever labelled.
const w = (s) => s.split('|');

export const FILL = {
  JOB: w('Senior Software Engineer|Head of Sales|Product Manager|Chief Financial Officer|HR Business Partner|Customer Success Manager|Data Scientist|Registered Nurse|General Practitioner|Account Executive|Marketing Director|Office Manager|Team Lead|Staff Engineer|Operations Analyst|Legal Counsel|Travel Coordinator|Talent Acquisition Specialist|Site Reliability Engineer|VP of Engineering|Clinical Lead|Chief Executive Officer|Finance Manager|Payroll Specialist|Nurse Practitioner|Physiotherapist|Sales Representative|Support Agent|Principal Consultant|Junior Developer|Head of People|Compliance Officer|Store Manager|Research Fellow|Teaching Assistant|Project Coordinator'),
  UI: w('Save Changes|Settings > Privacy|Dark Mode|Sign In|Forgot Password|Export to CSV|Account Settings|Billing Portal|Two-Factor Authentication|Submit Request|Download Invoice|My Bookings|Order History|Notifications|Delete Account|Single Sign-On|Admin Console|Release Notes|Help Center|Cookie Preferences|Add to Cart|Check Out|Payment Method|Shipping Address|Manage Subscription|Reset Filters|Mark as Read|Share Screen|New Chat|Upload File|Preferences > Language|Log Out|Quick Actions|Saved Items|Bill Pay|Rose Gold'),
  HEAD: w('Quarterly Revenue Report|Action Items|Meeting Notes|Executive Summary|Next Steps|Key Findings|Risk Assessment|Project Timeline|Open Questions|Release Plan|Incident Report|Root Cause Analysis|Onboarding Checklist|Annual Leave Policy|Travel Itinerary|Discharge Summary|Patient Intake Form|Budget Overview|Customer Feedback|Known Issues|Sprint Retrospective|Performance Review|Expense Claim|Booking Confirmation|Refund Request|Weekly Update|Lessons Learned|Terms and Conditions|Scope of Work|Background'),

  MED: w('Type 2 Diabetes|Chronic Obstructive Pulmonary Disease|Irritable Bowel Syndrome|Acute Bronchitis|Atrial Fibrillation|Hay Fever|Crohn\'s Disease|Hypertension|Migraine|Asthma|Rheumatoid Arthritis|Iron Deficiency Anaemia|Lyme Disease|Sleep Apnoea|Gestational Diabetes'),
  LEGAL: w('Terms of Service|General Data Protection Regulation|Non-Disclosure Agreement|Power of Attorney|Statement of Work|Service Level Agreement|Force Majeure clause|Intellectual Property clause|Standard Operating Procedure|Purchase Order|Privacy Policy|Data Processing Agreement|Letter of Intent|Extended Warranty|Master Services Agreement|Code of Conduct'),
  LEAVE: w('Parental Leave|Sick Leave|Annual Leave|Compassionate Leave|Unpaid Leave|Study Leave'),
  LAB: w('Blood Pressure|Full Blood Count|Vitamin D|Body Mass Index|HbA1c|Cholesterol|Thyroid Function|Liver Function'),
  TECH: w('JavaScript|TypeScript|Python|Kubernetes|Docker|PostgreSQL|React|Node.js|GraphQL|REST API|JSON Schema|OAuth|Linux|Git|Terraform|Redis|Kafka|NullPointerException|HashMap|TypeError|Visual Studio Code|CI Pipeline|Pull Request|Rust|Go|WebSocket|CSV Export|SQL Server|Lambda Function|Webhook'),
  PRODUCT: w('Premium Plan|Pro Subscription|Gold Tier|Family Plan|Standard Room|Deluxe Suite|Economy Plus|Business Class|Basic Package|Enterprise Edition|Starter Kit|Premium Economy|Twin Room|Sea View Suite|Unlimited Data Plan|Annual Membership|Express Delivery|Extended Warranty'),
  DAY: w('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'),
  MONTH: w('January|February|March|April|May|June|July|August|September|October|November|December'),
  EMOJI: w('🙂|🙏|👍|😊|🚀|✈️|🎉|😅|❤️|📎|✅|⚠️|🔥|😂|🤞|☕'),
  HANDLE_WORD: w('sunny_dev|techguru|travelbug|coffee_addict|the_real_mark|gracefulcode|jdoe|rosebud|hopeful99|billpay_bot|citylights|support_team|night_owl|pixelpusher|admin|dev_ops|marketing|helpdesk'),
};

// Sentences and fragments with capitalised non-names, including common
// words that are also given names or places (Hope, Will, Mark, Bill, Grace,
// Rose, Faith, Sunny, Georgia the font, Victoria sponge, Paris green...).
export const NONAME_SENTENCES = w([
  'Hope this helps!', 'Will do.', 'Mark as resolved once the fix is deployed.', 'Bill payment is due on the 5th.',
  'There is a grace period of 14 days.', 'Font: Georgia, 12 pt.', 'Forecast: Sunny, 24°C.', 'The Rose Gold model is out of stock.',
  'Keep the faith, we are almost there.', 'Recipe: Victoria sponge with fresh cream.', 'I hope you can help with this.',
  'Will the update fix the login issue?', 'Please mark the invoice as paid.', 'The bill came to 84 euros.',
  'Sunny side up, please.', 'It was a leap of faith.', 'Joy of cooking is my favourite book title.', 'The paint colour is Chalk White.',
  'Harmony between the teams matters.', 'Patience, the build takes a while.', 'April showers are expected.', 'May I ask a question?',
  'Amber alert on the dashboard again.', 'Chase the vendor for the signed copy.', 'Justice was served, said the headline.',
  'Grace notes are ornamental notes in music.', 'Jordan almonds are a sugar-coated sweet.', 'Sterling silver cutlery, set of six.',
  'Frank feedback is welcome.', 'Dawn shift starts at 5 am.', 'Honey and lemon for the sore throat.',
].join('|'));

// Training templates that put ordinary words of the message's language where
// names also stand: at the start of a sentence, a line, a heading, a bullet,
// an e-mail subject, a form label, right before a name ("Gratuluję, Anna!").
// {WORD} is an ordinary word of the language drawn from the Debian word
// lists (wordlists.mjs; German nouns keep their capital), {CWORD} the same
// with a capital first letter, {WORDS}/{CWORDS} two or three of them. The
// other upper-case slots without a digit ({GREET} {SIGN} {CONGRATS} {THANKS}
// {REQ} {SUBJ} {LABEL} {NAMELABEL} {PLACELABEL}) are the short fixed phrases
// of ML_WORDS_FILL below, hand-written per language. Real names stand
// elsewhere in the same text so the names are still learnt; "neg" templates
// have no entity at all. Training only: the held-out templates have no such
// slots, and the held-out file does not change.

const w = (s) => s.split('|');

export const ML_WORDS_FILL = {
  de: {
    GREET: w('Hallo|Hi|Moin|Guten Morgen|Guten Tag|Servus|Liebe Grüße an'),
    SIGN: w('Viele Grüße|Beste Grüße|Mit freundlichen Grüßen|Liebe Grüße|Bis bald|Danke und Gruß'),
    CONGRATS: w('Herzlichen Glückwunsch|Alles Gute zum Geburtstag|Glückwunsch|Gratuliere|Frohe Weihnachten|Gute Besserung|Willkommen im Team'),
    THANKS: w('Vielen Dank|Danke schön|Besten Dank|Danke im Voraus|Entschuldigung für die Verspätung|Tut mir leid'),
    REQ: w('Ich schreibe Ihnen wegen|Ich wende mich an Sie wegen|Könnten Sie mir bitte|Hiermit beantrage ich|Bitte um Rückmeldung zu|Anbei finden Sie|Ich möchte mich erkundigen nach'),
    SUBJ: w('Betreff|Betr.|AW|WG'),
    LABEL: w('Anschrift|Geburtsdatum|Staatsangehörigkeit|Familienstand|Beruf|Bemerkungen|Anlagen|Zahlungsart|Verwendungszweck|Unterschrift|Zeitraum|Anliegen|Kundennummer'),
    NAMELABEL: w('Name|Vorname und Name|Ansprechpartner|Antragsteller|Empfänger|Kontoinhaber|Verfasser'),
    PLACELABEL: w('Wohnort|Geburtsort|Ort|Stadt|Lieferort'),
  },
  pl: {
    GREET: w('Cześć|Hej|Dzień dobry|Witaj|Siema|Dobry wieczór'),
    SIGN: w('Pozdrawiam|Z poważaniem|Serdecznie pozdrawiam|Do usłyszenia|Dzięki i pozdrawiam|Trzymaj się'),
    CONGRATS: w('Gratuluję|Gratulacje|Wszystkiego najlepszego|Sto lat|Wesołych Świąt|Zdrowia życzę|Powodzenia'),
    THANKS: w('Dziękuję bardzo|Dzięki|Z góry dziękuję|Przepraszam za spóźnienie|Przepraszam za kłopot|Wielkie dzięki'),
    REQ: w('Piszę w sprawie|Zwracam się z prośbą o|Uprzejmie proszę o|Czy mógłby Pan|Czy mogłaby Pani|Proszę o informację w sprawie|W załączniku przesyłam'),
    SUBJ: w('Temat|Dotyczy|Odp|PD'),
    LABEL: w('Adres|Data urodzenia|Obywatelstwo|Stan cywilny|Zawód|Uwagi|Załączniki|Sposób płatności|Tytuł przelewu|Podpis|Okres|Numer klienta'),
    NAMELABEL: w('Imię i nazwisko|Nazwisko|Osoba kontaktowa|Wnioskodawca|Odbiorca|Właściciel konta'),
    PLACELABEL: w('Miejscowość|Miejsce urodzenia|Miasto|Miejsce zamieszkania'),
  },
  nl: {
    GREET: w('Hoi|Hallo|Hey|Goedemorgen|Goedemiddag|Dag'),
    SIGN: w('Met vriendelijke groet|Groetjes|Hartelijke groet|Groeten|Tot snel|Alvast bedankt'),
    CONGRATS: w('Gefeliciteerd|Van harte gefeliciteerd|Proficiat|Fijne feestdagen|Beterschap|Welkom in het team|Veel succes'),
    THANKS: w('Bedankt|Dank je wel|Hartelijk dank|Alvast bedankt|Sorry voor de late reactie|Excuses voor het ongemak'),
    REQ: w('Ik schrijf u over|Graag wil ik informeren naar|Zou u mij kunnen helpen met|Hierbij vraag ik|In de bijlage vindt u|Ik wil graag een afspraak voor'),
    SUBJ: w('Onderwerp|Betreft|Re|Fwd'),
    LABEL: w('Adres|Geboortedatum|Nationaliteit|Burgerlijke staat|Beroep|Opmerkingen|Bijlagen|Betaalwijze|Omschrijving|Handtekening|Periode|Klantnummer'),
    NAMELABEL: w('Naam|Voornaam en achternaam|Contactpersoon|Aanvrager|Ontvanger|Rekeninghouder'),
    PLACELABEL: w('Woonplaats|Geboorteplaats|Plaats|Stad'),
  },
  it: {
    GREET: w('Ciao|Buongiorno|Buonasera|Salve|Ehi'),
    SIGN: w('Cordiali saluti|Distinti saluti|Un saluto|A presto|Un abbraccio|Grazie e buona giornata'),
    CONGRATS: w('Auguri|Tanti auguri|Congratulazioni|Complimenti|Buon compleanno|Buone feste|Benvenuto nel team'),
    THANKS: w('Grazie mille|Grazie in anticipo|Ringrazio per la disponibilità|Scusa il ritardo|Mi scuso per il disagio'),
    REQ: w('Le scrivo in merito a|Vorrei chiedere informazioni su|Potrebbe cortesemente|Con la presente richiedo|In allegato trova|Vorrei prenotare'),
    SUBJ: w('Oggetto|Rif|R|I'),
    LABEL: w('Indirizzo|Data di nascita|Cittadinanza|Stato civile|Professione|Note|Allegati|Modalità di pagamento|Causale|Firma|Periodo|Codice cliente'),
    NAMELABEL: w('Nome e cognome|Cognome|Referente|Richiedente|Destinatario|Intestatario'),
    PLACELABEL: w('Luogo di nascita|Residenza|Città|Comune'),
  },
  fr: {
    GREET: w('Salut|Bonjour|Coucou|Bonsoir|Hello'),
    SIGN: w('Cordialement|Bien à vous|Bisous|À bientôt|Merci et bonne journée|Amicalement'),
    CONGRATS: w('Félicitations|Joyeux anniversaire|Bravo|Bonne année|Bon rétablissement|Bienvenue dans l’équipe|Bonne chance'),
    THANKS: w('Merci beaucoup|Merci d’avance|Désolé pour le retard|Excusez-moi pour la gêne|Mille mercis'),
    REQ: w('Je vous écris au sujet de|Je me permets de vous contacter concernant|Pourriez-vous m’envoyer|Je souhaiterais|Veuillez trouver ci-joint|Je voudrais réserver'),
    SUBJ: w('Objet|RE|TR'),
    LABEL: w('Adresse|Date de naissance|Nationalité|Situation familiale|Profession|Remarques|Pièces jointes|Mode de paiement|Motif|Signature|Période|Numéro client'),
    NAMELABEL: w('Nom|Nom et prénom|Interlocuteur|Demandeur|Destinataire|Titulaire du compte'),
    PLACELABEL: w('Lieu de naissance|Ville|Commune|Domicile'),
  },
  es: {
    GREET: w('Hola|Buenas|Buenos días|Buenas tardes|Qué tal'),
    SIGN: w('Un saludo|Saludos cordiales|Atentamente|Un abrazo|Hasta pronto|Gracias y buen día'),
    CONGRATS: w('Felicidades|Enhorabuena|Feliz cumpleaños|Felices fiestas|Que te mejores|Bienvenido al equipo|Mucha suerte'),
    THANKS: w('Muchas gracias|Gracias de antemano|Perdón por la demora|Disculpe las molestias|Mil gracias'),
    REQ: w('Le escribo en relación con|Me pongo en contacto con usted para|Podría enviarme|Por la presente solicito|Adjunto le envío|Quería reservar'),
    SUBJ: w('Asunto|RE|RV'),
    LABEL: w('Dirección|Fecha de nacimiento|Nacionalidad|Estado civil|Profesión|Observaciones|Adjuntos|Forma de pago|Concepto|Firma|Periodo|Número de cliente'),
    NAMELABEL: w('Nombre y apellidos|Apellidos|Persona de contacto|Solicitante|Destinatario|Titular'),
    PLACELABEL: w('Lugar de nacimiento|Localidad|Ciudad|Municipio|Domicilio'),
  },
  pt_BR: {
    GREET: w('Oi|Olá|Bom dia|Boa tarde|E aí'),
    SIGN: w('Abraço|Atenciosamente|Obrigado|Beijos|Até mais|Um abraço'),
    CONGRATS: w('Parabéns|Feliz aniversário|Boas festas|Melhoras|Bem-vindo ao time|Boa sorte|Felicidades'),
    THANKS: w('Muito obrigado|Obrigada desde já|Desculpa a demora|Perdão pelo transtorno|Valeu'),
    REQ: w('Escrevo para|Gostaria de saber sobre|Você poderia me enviar|Venho por meio deste solicitar|Segue em anexo|Queria reservar'),
    SUBJ: w('Assunto|RES|ENC'),
    LABEL: w('Endereço|Data de nascimento|Nacionalidade|Estado civil|Profissão|Observações|Anexos|Forma de pagamento|Descrição|Assinatura|Período|Número do cliente'),
    NAMELABEL: w('Nome completo|Nome|Responsável|Solicitante|Destinatário|Titular'),
    PLACELABEL: w('Naturalidade|Cidade|Município|Local de nascimento'),
  },
  pt_PT: {
    GREET: w('Olá|Bom dia|Boa tarde|Boa noite|Viva'),
    SIGN: w('Cumprimentos|Com os melhores cumprimentos|Atenciosamente|Um abraço|Beijinhos|Até já'),
    CONGRATS: w('Parabéns|Muitos parabéns|Feliz aniversário|Boas festas|As melhoras|Bem-vindo à equipa|Boa sorte'),
    THANKS: w('Muito obrigado|Obrigada desde já|Peço desculpa pelo atraso|Lamento o incómodo|Obrigadíssimo'),
    REQ: w('Venho por este meio solicitar|Escrevo a propósito de|Poderia enviar-me|Gostaria de saber|Junto envio|Queria marcar'),
    SUBJ: w('Assunto|RE|FW'),
    LABEL: w('Morada|Data de nascimento|Nacionalidade|Estado civil|Profissão|Observações|Anexos|Forma de pagamento|Descritivo|Assinatura|Período|Número de contribuinte'),
    NAMELABEL: w('Nome completo|Nome|Responsável|Requerente|Destinatário|Titular'),
    PLACELABEL: w('Naturalidade|Localidade|Concelho|Cidade'),
  },
  sv: {
    GREET: w('Hej|Hejsan|Tjena|God morgon|Hallå'),
    SIGN: w('Med vänliga hälsningar|Vänliga hälsningar|Hälsningar|Mvh|Ha det bra|Kram'),
    CONGRATS: w('Grattis|Stort grattis|Grattis på födelsedagen|God jul|Krya på dig|Välkommen till teamet|Lycka till'),
    THANKS: w('Tack så mycket|Tack på förhand|Förlåt för sent svar|Ursäkta besväret|Stort tack'),
    REQ: w('Jag skriver angående|Jag undrar om|Kan du skicka|Härmed ansöker jag om|Bifogat finns|Jag vill boka'),
    SUBJ: w('Ämne|SV|VB'),
    LABEL: w('Adress|Födelsedatum|Medborgarskap|Civilstånd|Yrke|Övrigt|Bilagor|Betalningssätt|Meddelande|Underskrift|Period|Kundnummer'),
    NAMELABEL: w('Namn|För- och efternamn|Kontaktperson|Sökande|Mottagare|Kontoinnehavare'),
    PLACELABEL: w('Ort|Födelseort|Stad|Bostadsort'),
  },
  nb: {
    GREET: w('Hei|Heisann|Hallo|God morgen|Morn'),
    SIGN: w('Med vennlig hilsen|Vennlig hilsen|Hilsen|Mvh|Ha det bra|Klem'),
    CONGRATS: w('Gratulerer|Gratulerer med dagen|Hjertelig tillykke|God jul|God bedring|Velkommen til teamet|Lykke til'),
    THANKS: w('Tusen takk|Takk på forhånd|Beklager sent svar|Beklager ulempen|Takk for sist'),
    REQ: w('Jeg skriver angående|Jeg lurer på|Kan du sende meg|Jeg søker herved om|Vedlagt følger|Jeg vil gjerne bestille'),
    SUBJ: w('Emne|SV|VS'),
    LABEL: w('Adresse|Fødselsdato|Statsborgerskap|Sivilstand|Yrke|Merknader|Vedlegg|Betalingsmåte|Melding|Signatur|Periode|Kundenummer'),
    NAMELABEL: w('Navn|Fullt navn|Kontaktperson|Søker|Mottaker|Kontoinnehaver'),
    PLACELABEL: w('Bosted|Fødested|Sted|By'),
  },
  da: {
    GREET: w('Hej|Hejsa|Goddag|Godmorgen|Hallo'),
    SIGN: w('Med venlig hilsen|Venlig hilsen|Hilsen|Mvh|Kærlig hilsen|Ha’ det godt'),
    CONGRATS: w('Tillykke|Stort tillykke|Tillykke med fødselsdagen|Glædelig jul|God bedring|Velkommen i teamet|Held og lykke'),
    THANKS: w('Mange tak|Tak på forhånd|Undskyld det sene svar|Beklager ulejligheden|Tusind tak'),
    REQ: w('Jeg skriver angående|Jeg vil gerne høre om|Kan du sende mig|Hermed ansøger jeg om|Vedhæftet finder du|Jeg vil gerne bestille'),
    SUBJ: w('Emne|SV|VS'),
    LABEL: w('Adresse|Fødselsdato|Statsborgerskab|Civilstand|Stilling|Bemærkninger|Bilag|Betalingsmåde|Tekst|Underskrift|Periode|Kundenummer'),
    NAMELABEL: w('Navn|Fulde navn|Kontaktperson|Ansøger|Modtager|Kontohaver'),
    PLACELABEL: w('Bopæl|Fødested|By|Postdistrikt'),
  },
};

// Shared by every language above (the phrases and words are the language's own).
const SHARED_POS = [
  '{CONGRATS}, {P1.first}! {CWORDS} {WORDS}.',
  '{CONGRATS} {P1.first} {EMOJI} {CWORD} {WORDS}!',
  '{CWORD} {WORDS}, {P1.first}. {CWORD} {WORDS}?',
  '{CWORD}! {GREET} {P1.first}, {WORD} {WORDS}.',
  '{SUBJ}: {CWORD} {WORD}\n\n{GREET} {P1.first},\n{REQ} {WORDS}.\n\n{SIGN}\n{P2.full}',
  '{SUBJ}: {CWORDS}\n\n{CWORD} {WORDS}. {CWORD} {P1.title} {WORDS}.\n\n{SIGN}\n{P2.first}',
  '{NAMELABEL}: {P1.full}\n{PLACELABEL}: {CITY1}\n{LABEL}: {CWORD}\n{LABEL}: {CWORDS}',
  '{LABEL}: {CWORD}\n{NAMELABEL}: {P1.full}\n{LABEL}: {DATE}\n{LABEL}: {CWORD} {WORD}',
  '{CWORD}\n- {CWORD}\n- {CWORD} {WORD}\n- {CWORD}\n\n{P1.first}',
  '# {CWORD} {WORD}\n\n{CWORDS}. {REQ} {P1.title} {WORDS}.',
  '## {CWORD}\n{P1.full} ({ORG1}): {CWORD} {WORDS}.\n## {CWORD} {WORD}\n{CWORDS}.',
  '{GREET} {P1.first}, {CWORD} {WORDS}. {CWORD} {WORDS} {CITY1}?',
  '{THANKS}! {CWORD} {WORDS} {DAY}. {SIGN}, {P1.first}',
  '1. {CWORD} {WORDS}\n2. {CWORD} {WORDS}\n3. {P1.full}, {WORDS}',
  '{P1.first}: {CWORD} {WORDS}?\n{P2.first}: {CWORD}, {WORDS}.\n{P1.first}: {THANKS}!',
  '{REQ} {WORDS}. {CWORD} {WORDS} {ORG1}. {SIGN}, {P1.full}',
  '{CWORD} {WORDS} {CITY1}. {CWORD} {WORDS} {P1.first}.',
  '• {CWORDS}\n• {CWORD} ({P1.first})\n• {CWORD} {WORD}',
  '{CWORD}: {CWORDS}\n{CWORD}: {P1.full}, {CITY1}',
];
const SHARED_NEG = [
  '{CWORD} {WORDS}. {CWORD} {WORDS}.',
  '{SUBJ}: {CWORDS}\n\n{CWORD} {WORDS}.\n\n{SIGN}',
  '{CWORD}\n- {CWORD}\n- {CWORD}\n- {CWORD} {WORD}',
  '{LABEL}: {CWORD}\n{LABEL}: {CWORDS}\n{LABEL}: {DATE}',
  '{CONGRATS}! {CWORD} {WORDS} {EMOJI}',
  '{REQ} {WORDS}. {THANKS}.',
  '{CWORD}, {WORD} {WORDS}? {NONAME}',
  '## {CWORD} {WORD}\n{CWORDS} {WORDS}.',
  '{THANKS}! {CWORD} {WORDS}. {SIGN}',
];

// A few per language, in the language's own wording.
const OWN = {
  de: {
    pos: ['Herzlichen Glückwunsch zur bestandenen Prüfung, {P1.first}! {CWORD} hast du dir verdient.',
      'Anbei die Unterlagen für {P1.title}. {CWORD} und {CWORD} fehlen noch, die schicke ich {DAY}.'],
    neg: ['{CWORD} ist erledigt, {CWORD} kommt morgen. Ich melde mich!', 'Für Montag: {CWORD}, {CWORD} und {CWORD} klären'],
  },
  pl: {
    pos: ['Gratuluję awansu, {P1.first}! {CWORD} to zasłużony sukces.', 'Przepraszam, {P1.title}, {WORD} {WORDS}. {CWORD} wyślę jutro.'],
    neg: ['{CWORD} już zrobione, {WORD} jutro. Dam znać!', 'Porządek obrad: {CWORD}, {CWORD}, sprawy różne'],
  },
  nl: {
    pos: ['Gefeliciteerd met je nieuwe baan, {P1.first}! {CWORD} is verdiend.', 'In de bijlage de stukken voor {P1.title}. {CWORD} en {CWORD} ontbreken nog.'],
    neg: ['{CWORD} is geregeld, {WORD} komt morgen. Ik laat het weten!', 'Agenda: {CWORD}, {CWORD}, rondvraag'],
  },
  it: {
    pos: ['Complimenti per la laurea, {P1.first}! {CWORD} meritato.', 'In allegato i documenti per {P1.title}. {CWORD} e {CWORD} arrivano {DAY}.'],
    neg: ['{CWORD} fatto, {WORD} domani. Ti faccio sapere!', 'Ordine del giorno: {CWORD}, {CWORD}, varie ed eventuali'],
  },
  fr: {
    pos: ['Félicitations pour ta promotion, {P1.first} ! {CWORD} bien mérité.', 'Ci-joint les documents pour {P1.title}. {CWORD} et {CWORD} suivront {DAY}.'],
    neg: ['{CWORD} c’est fait, {WORD} demain. Je te tiens au courant !', 'À voir lundi : {CWORD}, {CWORD} et {CWORD}'],
  },
  es: {
    pos: ['¡Enhorabuena por el nuevo trabajo, {P1.first}! {CWORD} merecido.', 'Adjunto los documentos para {P1.title}. {CWORD} y {CWORD} los mando el {DAY}.'],
    neg: ['{CWORD} ya está, {WORD} mañana. ¡Te aviso!', 'Orden del día: {CWORD}, {CWORD}, ruegos y preguntas'],
  },
  pt_BR: {
    pos: ['Parabéns pela aprovação, {P1.first}! {CWORD} merecido.', 'Segue a documentação pro {P1.title}. {CWORD} e {CWORD} mando na {DAY}.'],
    neg: ['{CWORD} já foi, {WORD} amanhã. Te aviso!', 'Pauta: {CWORD}, {CWORD}, assuntos gerais'],
  },
  pt_PT: {
    pos: ['Muitos parabéns pelo novo emprego, {P1.first}! {CWORD} merecido.', 'Junto envio os documentos para {P1.title}. {CWORD} e {CWORD} seguem na {DAY}.'],
    neg: ['{CWORD} já está, {WORD} amanhã. Depois digo-te!', 'Ordem de trabalhos: {CWORD}, {CWORD}, outros assuntos'],
  },
  sv: {
    pos: ['Grattis till nya jobbet, {P1.first}! {CWORD} är välförtjänt.', 'Bifogat finns papperen till {P1.title}. {CWORD} och {CWORD} kommer på {DAY}.'],
    neg: ['{CWORD} är klart, {WORD} imorgon. Jag hör av mig!', 'Dagordning: {CWORD}, {CWORD}, övriga frågor'],
  },
  nb: {
    pos: ['Gratulerer med ny jobb, {P1.first}! {CWORD} er velfortjent.', 'Vedlagt følger papirene til {P1.title}. {CWORD} og {CWORD} kommer på {DAY}.'],
    neg: ['{CWORD} er ordnet, {WORD} i morgen. Jeg sier fra!', 'Dagsorden: {CWORD}, {CWORD}, eventuelt'],
  },
  da: {
    pos: ['Tillykke med det nye job, {P1.first}! {CWORD} er velfortjent.', 'Vedhæftet er papirerne til {P1.title}. {CWORD} og {CWORD} kommer på {DAY}.'],
    neg: ['{CWORD} er klaret, {WORD} i morgen. Jeg giver lyd!', 'Dagsorden: {CWORD}, {CWORD}, eventuelt'],
  },
};

export const ML_WORDS_TRAIN = Object.fromEntries(Object.keys(ML_WORDS_FILL).map((l) => [l, {
  pos: [...SHARED_POS, ...OWN[l].pos],
  neg: [...SHARED_NEG, ...OWN[l].neg],
}]));

// Held-out templates for messages in other languages: written for the
// held-out set only, in wording and layouts the multilingual training
// templates do not use. Same slot syntax as templates_multilingual_train.mjs.

export const ML_HOLD = {
  es: {
    pos: [
      'Oye, ¿me echas una mano? Tengo que contestar a {PF1.full}, que lleva desde {MONTH} esperando el reembolso de {ORG1}.',
      'buenas, llamo de parte de {P1.full}, su vuelo desde {CITY1} llega tarde y no llegará a {HOTEL1} hasta la noche',
      'Informe de alta\nPaciente: {P1.full}\nCentro: {HOSP1}\nMédico responsable: {P2.title}\nControl en {NUM} semanas',
      'Querido {PM1.first}: enhorabuena por el nuevo trabajo en {ORG1}. ¡Te echaremos de menos en {CITY1}!',
      'Reenvío: {P1.full} ({ORG1}) propone vernos en {LANDMARK1} el {DATE}.',
    ],
    neg: [
      'oye, ¿a qué hora abren mañana? necesito recoger un paquete antes del {DAY}',
      'Te escribo porque sigo sin recibir la devolución de {AMOUNT}. {NONAME}',
    ],
  },
  pt_BR: {
    pos: [
      'Me ajuda a responder a {PF1.full}? Ela tá esperando o reembolso da {ORG1} desde {MONTH}.',
      'alô, falo em nome do {PM1.full}, o voo dele de {CITY1} atrasou e ele só chega no {HOTEL1} de noite',
      'Resumo de alta\nPaciente: {P1.full}\nHospital: {HOSP1}\nResponsável: {P2.title}\nRetorno em {NUM} semanas',
      'Parabéns pelo emprego novo na {ORG1}, {P1.first}! Vamos sentir sua falta aqui em {CITY1}.',
      'Encaminhando: {P1.full} ({ORG1}) sugeriu um café perto da {LANDMARK1} em {DATE}.',
    ],
    neg: [
      'vcs abrem que horas amanhã? preciso buscar uma encomenda antes de {DAY}',
      'Estou escrevendo porque o estorno de {AMOUNT} ainda não caiu. {NONAME}',
    ],
  },
  pt_PT: {
    pos: [
      'Podes dar-me uma ajuda? Tenho de responder à {PF1.full}, que espera o reembolso da {ORG1} desde {MONTH}.',
      'Nota de alta\nUtente: {P1.full}\nUnidade: {HOSP1}\nMédico assistente: {P2.title}',
      'Parabéns pelo novo emprego na {ORG1}, {P1.first}! Vamos ter saudades tuas em {CITY1}.',
      'Reencaminho: o {PM1.full} ({ORG1}) propõe encontrarmo-nos em {HOOD1} a {DATE}.',
    ],
    neg: [
      'a que horas abrem amanhã? tenho de levantar uma encomenda antes de {DAY}',
      'Escrevo porque ainda não recebi a devolução de {AMOUNT}. {NONAME}',
    ],
  },
  fr: {
    pos: [
      'Tu me donnes un coup de main ? Je dois répondre à {PF1.full}, qui attend son remboursement de {ORG1} depuis {MONTH}.',
      'allô, j’appelle de la part de {PM1.full}, son vol depuis {CITY1} a du retard, il arrivera tard à l’{HOTEL1}',
      'Compte rendu d’hospitalisation\nPatient : {P1.full}\nÉtablissement : {HOSP1}\nMédecin référent : {P2.title}',
      'Félicitations pour ton nouveau poste chez {ORG1}, {P1.first} ! Tu vas nous manquer à {CITY1}.',
      'Je transfère : {P1.full} ({ORG1}) propose un café près de {LANDMARK1} le {DATE}.',
    ],
    neg: [
      'vous ouvrez à quelle heure demain ? je dois récupérer un colis avant {DAY}',
      'Je vous écris car je n’ai toujours pas reçu le remboursement de {AMOUNT}. {NONAME}',
    ],
  },
  de: {
    pos: [
      'Hilfst du mir kurz? Ich muss {PF1.full} antworten, sie wartet seit {MONTH} auf die Erstattung von {ORG1}.',
      'Guten Abend, ich rufe im Auftrag von Herrn {PM1.last} an: Sein Flug aus {CITY1} hat Verspätung, er kommt erst spät ins {HOTEL1}.',
      'Entlassbrief\nPatientin: {PF1.full}\nKlinik: {HOSP1}\nBehandelnder Arzt: {PM2.title}\nWiedervorstellung in {NUM} Wochen',
      'Herzlichen Glückwunsch zum neuen Job bei {ORG1}, {P1.first}! Wir werden dich in {CITY1} vermissen.',
      'Weitergeleitet: {P1.full} ({ORG1}) schlägt ein Treffen am {LANDMARK1} am {DATE} vor.',
    ],
    neg: [
      'Wann haben Sie morgen geöffnet? Ich muss vor {DAY} noch ein Paket abholen.',
      'Ich schreibe Ihnen, weil die Gutschrift über {AMOUNT} immer noch fehlt. Bitte um Rückruf. {NONAME}',
      'Sehr geehrte Damen und Herren, anbei Rechnung, Lieferschein und Vollmacht. Die Kündigung folgt per Post.',
    ],
  },
  it: {
    pos: [
      'Mi dai una mano? Devo rispondere a {PF1.full}, che aspetta il rimborso di {ORG1} da {MONTH}.',
      'Lettera di dimissione\nPaziente: {P1.full}\nStruttura: {HOSP1}\nMedico referente: {P2.title}',
      'Complimenti per il nuovo lavoro in {ORG1}, {P1.first}! Ci mancherai a {CITY1}.',
      'Inoltro: {P1.full} ({ORG1}) propone un caffè vicino a {LANDMARK1} il {DATE}.',
    ],
    neg: [
      'a che ora aprite domani? devo ritirare un pacco prima di {DAY}',
      'Vi scrivo perché il rimborso di {AMOUNT} non è ancora arrivato. {NONAME}',
    ],
  },
  nl: {
    pos: [
      'Help je me even? Ik moet {PF1.full} antwoorden, ze wacht sinds {MONTH} op haar geld van {ORG1}.',
      'Ontslagbrief\nPatiënt: {P1.full}\nZiekenhuis: {HOSP1}\nBehandelend arts: {P2.title}',
      'Gefeliciteerd met je nieuwe baan bij {ORG1}, {P1.first}! We gaan je missen in {CITY1}.',
      'Doorgestuurd: {P1.full} ({ORG1}) stelt voor om af te spreken bij {LANDMARK1} op {DATE}.',
    ],
    neg: [
      'hoe laat gaan jullie morgen open? ik moet voor {DAY} een pakketje ophalen',
      'Ik mail omdat de terugbetaling van {AMOUNT} nog steeds niet binnen is. {NONAME}',
    ],
  },
  pl: {
    pos: [
      'Pomożesz? Muszę odpisać {PF1.full}, która od miesięcy czeka na zwrot pieniędzy z {ORG1}.',
      'Karta wypisowa\nPacjent: {P1.full}\nPlacówka: {HOSP1}\nLekarz prowadzący: {P2.title}',
      'Gratulacje z okazji nowej pracy w {ORG1}, {P1.first}! Będzie nam Ciebie brakować.',
      'Przekazuję dalej: {P1.full} ({ORG1}) proponuje spotkanie w {CITY1} {DATE}.',
    ],
    neg: [
      'o której jutro otwieracie? muszę odebrać paczkę przed weekendem',
      'Piszę, bo zwrot {AMOUNT} nadal nie wpłynął na konto. {NONAME}',
    ],
  },
  sv: {
    pos: [
      'Kan du hjälpa mig svara {P1.full}? Hen har väntat på pengarna från {ORG1} sedan {MONTH}.',
      'Epikris\nPatient: {P1.full}\nSjukhus: {HOSP1}\nAnsvarig läkare: {P2.full}',
      'Grattis till nya jobbet på {ORG1}, {P1.first}! Vi kommer sakna dig i {CITY1}.',
    ],
    neg: [
      'när öppnar ni i morgon? jag måste hämta ett paket innan {DAY}',
      'Jag skriver eftersom återbetalningen på {AMOUNT} fortfarande inte har kommit. {NONAME}',
    ],
  },
  nb: {
    pos: [
      'Kan du hjelpe meg å svare {P1.full}? Hen har ventet på pengene fra {ORG1} siden {MONTH}.',
      'Epikrise\nPasient: {P1.full}\nSykehus: {HOSP1}\nAnsvarlig lege: {P2.full}',
      'Gratulerer med ny jobb i {ORG1}, {P1.first}! Vi kommer til å savne deg i {CITY1}.',
    ],
    neg: [
      'når åpner dere i morgen? jeg må hente en pakke før {DAY}',
      'Jeg skriver fordi tilbakebetalingen på {AMOUNT} fortsatt ikke har kommet. {NONAME}',
    ],
  },
  da: {
    pos: [
      'Kan du hjælpe mig med at svare {P1.full}? Vedkommende har ventet på pengene fra {ORG1} siden {MONTH}.',
      'Epikrise\nPatient: {P1.full}\nHospital: {HOSP1}\nAnsvarlig læge: {P2.full}',
      'Tillykke med det nye job hos {ORG1}, {P1.first}! Vi kommer til at savne dig i {CITY1}.',
    ],
    neg: [
      'hvornår åbner I i morgen? jeg skal hente en pakke inden {DAY}',
      'Jeg skriver, fordi tilbagebetalingen på {AMOUNT} stadig ikke er kommet. {NONAME}',
    ],
  },
  tr: {
    pos: [
      'Bir el atar mısın? {PF1.full} {MONTH} ayından beri {ORG1} iadesini bekliyor, ona cevap yazmam lazım.',
      'Epikriz\nHasta: {P1.full}\nKurum: {HOSP1}\nSorumlu hekim: {P2.title}',
      'Yeni işin hayırlı olsun {P1.first}! {ORG1} seni kaptı, {CITY1} ofisi seni özleyecek.',
      'İletiyorum: {P1.full} ({ORG1}) {DATE} günü {HOOD1} semtinde kahve içmeyi öneriyor.',
    ],
    neg: [
      'yarın saat kaçta açıyorsunuz? {DAY} gününden önce kargo almam lazım',
      '{AMOUNT} tutarındaki iade hâlâ yatmadı, o yüzden yazıyorum. {NONAME}',
    ],
  },
  id: {
    pos: [
      'Bantu saya balas {PF1.full} dong, dia sudah nunggu refund dari {ORG1} sejak {MONTH}.',
      'Resume medis\nPasien: {P1.full}\nFasilitas: {HOSP1}\nDokter penanggung jawab: {P2.title}',
      'Selamat atas pekerjaan barunya di {ORG1}, {P1.first}! Kami bakal kangen kamu di {CITY1}.',
      'Diteruskan: {P1.full} ({ORG1}) mengajak ketemu di {HOOD1} tanggal {DATE}.',
    ],
    neg: [
      'besok buka jam berapa ya? saya harus ambil paket sebelum hari {DAY}',
      'Saya menulis karena refund sebesar {AMOUNT} belum juga masuk. {NONAME}',
    ],
  },
};

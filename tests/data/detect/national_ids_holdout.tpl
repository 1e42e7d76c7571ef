# Held-out texts for the checksummed national identifiers of issue 16,
# written after tuning and never tuned on. Made from this template by
# `scripts/detect/fill_national_ids.py --seed 1716` (computed numbers, no real
# person's) into national_ids_holdout.txt, then national_ids_holdout.jsonl by
# scripts/label_markup.py. Numbers outside brackets are checksum-broken
# lookalikes or valid numbers without the context their type needs.
#
# NL_BSN
Hallo, ik wil mijn adres wijzigen. BSN: {NL_BSN}. Alvast bedankt!
Kunt u het burgerservicenummer {NL_BSN:spaced} koppelen aan mijn dossier?
Onder BSN {NL_BSN:dots} is geen aanvraag bekend.
The applicant's BSN ({NL_BSN}) must be included on the form.
sofinummer {NL_BSN} (oud formulier)
Ik typte mijn BSN verkeerd: {NL_BSN!}, sorry.
BSN {NL_BSN:spaced!} wordt niet geaccepteerd.
Klantnummer {NL_BSN?} – bestelling verzonden.
We shipped 250 units to 12 stores; SKU {NL_BSN?}.
# DE_TAX_ID
Guten Tag, anbei meine Steuer-ID {DE_TAX_ID} für die Gehaltsabrechnung.
Ihre steuerliche Identifikationsnummer ({DE_TAX_ID:spaced}) finden Sie oben rechts.
Could you confirm my Steuer-ID? It's {DE_TAX_ID}.
Identifikationsnummer: {DE_TAX_ID}\nFinanzamt: München
Steuer-ID {DE_TAX_ID!} ist laut Portal ungültig.
Kundennummer {DE_TAX_ID?}, Rechnung vom 3. März.
Bestellwert 12.345,67 EUR, Auftrag {DE_TAX_ID:spaced?}.
# FR_NIR
Bonjour, voici mon numéro de sécurité sociale : {FR_NIR}.
Mon NIR est {FR_NIR:plain}, merci de mettre à jour mon dossier.
Né à Porto-Vecchio, numéro de sécu {FR_NIR:corsica}.
Please file the claim under social security number {FR_NIR}.
Attestation de droits — {FR_NIR}
Numéro de sécurité sociale {FR_NIR!} (erreur de saisie).
NIR {FR_NIR:plain!}
Colis n° 3 12 34 56 789 012 99 en transit.
# IT_FISCAL_CODE
Buongiorno, il codice fiscale di mia madre è {IT_FISCAL_CODE}.
Per la fattura: CF {IT_FISCAL_CODE}, via email.
My Italian fiscal code is {IT_FISCAL_CODE:lower}.
Dati anagrafici\nCodice Fiscale: {IT_FISCAL_CODE}\nComune: Torino
Codice fiscale {IT_FISCAL_CODE!} non valido.
Ordine n. ORD-2024-ABCDEF99Z12X345Y in lavorazione.
# BR_CPF
Olá, meu CPF é {BR_CPF:plain}, preciso da segunda via do boleto.
CPF {BR_CPF} cadastrado com sucesso.
Por favor confirme o CPF: {BR_CPF}
Customer CPF {BR_CPF:plain} on the Brazilian invoice.
O CPF {BR_CPF!} está com dígito errado.
CPF {BR_CPF:plain!}
Protocolo {BR_CPF:plain?} aberto em 12/03.
# BR_CNPJ
Razão social Exemplo Comércio Ltda, CNPJ {BR_CNPJ}.
Emitir nota para o CNPJ {BR_CNPJ:plain}.
Supplier: Exemplo Indústria, CNPJ: {BR_CNPJ}
CNPJ {BR_CNPJ!} não encontrado na Receita.
Código de barras {BR_CNPJ:plain?} no pacote.
# PL_PESEL
Dzień dobry, mój numer PESEL to {PL_PESEL}.
Proszę o zmianę danych, PESEL: {PL_PESEL}, adres bez zmian.
The patient's PESEL is {PL_PESEL}.
Numer PESEL dziecka {PL_PESEL}.
PESEL {PL_PESEL!} jest nieprawidłowy.
Faktura nr {PL_PESEL?} z dnia 5 maja.
Kwota 12345678901 groszy to błąd.
# SE_PERSONNUMMER
Hej, mitt personnummer är {SE_PERSONNUMMER:long} och jag vill boka en tid.
Personnr: {SE_PERSONNUMMER}
Please register my Swedish personal identity number {SE_PERSONNUMMER}.
Farfars personnummer {SE_PERSONNUMMER:plus} (över 100 år).
Personnummer {SE_PERSONNUMMER!} stämmer inte.
Ordernummer {SE_PERSONNUMMER?} skickat.
Release 20240312-1500 deployed; log id {SE_PERSONNUMMER:long?}.
# US_ABA_ROUTING
For direct deposit, my routing number is {US_ABA_ROUTING} and account 000987654321.
ABA: {US_ABA_ROUTING}\nSWIFT: EXAMPLEUS33
Wire instructions — bank routing no. {US_ABA_ROUTING}
Routing number {US_ABA_ROUTING!} was rejected by the bank.
Tracking {US_ABA_ROUTING?}, delivered at 4:30 pm.
# Mixed
My BSN is {NL_BSN} and my phone is [+31 20 794 6000|PHONE].
Contact: [+48 22 123 45 67|PHONE], PESEL {PL_PESEL}.
Visa [4539 1488 0343 6467|CREDIT_CARD], CPF {BR_CPF}.
Kontonummer 1234.56.78901, Betrag 9.876,54 EUR.

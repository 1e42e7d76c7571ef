# Labelled texts for the checksummed national identifiers of issue 16 (used
# while tuning). Made from the hand-written national_ids.tpl by
# `scripts/detect/fill_national_ids.py --seed 16` (computed numbers, no real
# person's); [value|TYPE] marks a gold span. Numbers outside brackets are
# checksum-broken lookalikes or valid numbers without the context their type
# needs, and must stay unflagged. Turned into national_ids.jsonl by
# scripts/label_markup.py; score it with `privacy-filter eval --types NL_BSN
# DE_TAX_ID FR_NIR IT_FISCAL_CODE BR_CPF BR_CNPJ PL_PESEL SE_PERSONNUMMER
# US_ABA_ROUTING`.
#
# NL_BSN
Mijn BSN is {NL_BSN}, kunt u dat controleren?
Burgerservicenummer: {NL_BSN:dots}
Please update the file for citizen service number {NL_BSN:spaced} before Friday.
Het sofinummer van mijn vader is {NL_BSN}.
BSN {NL_BSN} staat op mijn paspoort.
Ik heb mijn BSN-nummer ({NL_BSN}) al doorgegeven aan de werkgever.
Your Dutch BSN {NL_BSN} was received by HR.
Mijn BSN is {NL_BSN!}, klopt dat?
Burgerservicenummer: {NL_BSN:dots!}
Order {NL_BSN?} was shipped on Monday.
Invoice total: 123456789 cents, reference {NL_BSN!}.
Form fields:\nName: Example\nbsn: {NL_BSN}\nstatus: pending
{"bsn": "{NL_BSN}", "city": "Utrecht"}
{NL_BSN} is mijn burgerservicenummer.
# DE_TAX_ID
Meine Steuer-ID lautet {DE_TAX_ID}.
Steueridentifikationsnummer: {DE_TAX_ID:spaced}
Bitte tragen Sie Ihre Identifikationsnummer {DE_TAX_ID} in das Formular ein.
My German tax ID is {DE_TAX_ID}, the employer asked for it.
IdNr. {DE_TAX_ID:spaced} laut Lohnsteuerbescheinigung.
Die steuerliche Identifikationsnummer {DE_TAX_ID} steht auf dem Bescheid.
Meine Steuer-ID lautet {DE_TAX_ID!}.
Steueridentifikationsnummer: {DE_TAX_ID:spaced!}
Die Sendungsnummer {DE_TAX_ID?} ist unterwegs.
Tax ID 11111111111 is a placeholder, so is 12345678901.
Steuer-IdNr.: {DE_TAX_ID}, Finanzamt Köln-Mitte
Your TIN {DE_TAX_ID:spaced} appears on the wage statement.
{"steuer_id": "{DE_TAX_ID}"}
# FR_NIR
Mon numéro de sécurité sociale est le {FR_NIR}.
NIR : {FR_NIR:plain}
Numéro de sécu {FR_NIR:corsica}, né à Ajaccio.
Pour la carte Vitale, indiquez {FR_NIR}.
Her French social security number is {FR_NIR:plain}.
Assuré né en Corse : {FR_NIR:corsica}
Le numéro {FR_NIR} figure sur l'attestation.
Mon numéro de sécurité sociale est le {FR_NIR!}.
NIR : {FR_NIR:plain!}
Numéro de sécu {FR_NIR:corsica!}, né à Bastia.
Référence commande 1 23 45 67 890 123 45, merci.
numéro de sécurité sociale:{FR_NIR:plain}
Patient ID {FR_NIR} (NIR) for the clinic.
Ma carte vitale porte le {FR_NIR:corsica}.
# IT_FISCAL_CODE
Il mio codice fiscale è {IT_FISCAL_CODE}.
C.F.: {IT_FISCAL_CODE}
Fiscal code {IT_FISCAL_CODE} for the invoice please.
Codice fiscale del paziente: {IT_FISCAL_CODE:lower}
Intestato a {IT_FISCAL_CODE}, residente a Milano.
Il mio codice fiscale è {IT_FISCAL_CODE!}.
C.F.: {IT_FISCAL_CODE:lower!}
Product SKU ABCDEF12G34H567I is out of stock.
Cod. fisc. {IT_FISCAL_CODE}, P.IVA 01234567890
{"codice_fiscale": "{IT_FISCAL_CODE}"}
Her tax code is {IT_FISCAL_CODE:lower}, registered in Rome.
# BR_CPF
Meu CPF é {BR_CPF}.
CPF: {BR_CPF:plain}
Informe o CPF {BR_CPF} no cadastro, por favor.
The customer's CPF is {BR_CPF:plain}.
Segue o documento {BR_CPF} para a nota fiscal.
Meu CPF é {BR_CPF!}.
CPF: {BR_CPF:plain!}
Pedido {BR_CPF:plain?} enviado ontem.
CPF 111.111.111-11 não é válido.
Nome: Exemplo\nCPF: {BR_CPF}\nRG: 12.345.678-9
{"cpf": "{BR_CPF:plain}"}
CPF do titular ({BR_CPF:plain}) confirmado.
# BR_CNPJ
CNPJ da empresa: {BR_CNPJ}.
Nosso CNPJ é {BR_CNPJ:plain}.
Faturar para {BR_CNPJ}, razão social Exemplo Ltda.
Company registration (CNPJ) {BR_CNPJ} is on the contract.
CNPJ da empresa: {BR_CNPJ!}.
Nosso CNPJ é {BR_CNPJ:plain!}.
Tracking 12345678000195 and 00000000000000 are test values.
{"cnpj": "{BR_CNPJ:plain}"}
Empresa Exemplo Ltda, CNPJ {BR_CNPJ}, São Paulo.
# PL_PESEL
Mój PESEL to {PL_PESEL}.
Numer PESEL: {PL_PESEL}
Proszę podać PESEL {PL_PESEL} w formularzu.
Her Polish PESEL number is {PL_PESEL}.
PESEL pacjenta {PL_PESEL}, ur. w Krakowie.
Mój PESEL to {PL_PESEL!}.
Numer PESEL: {PL_PESEL!}
Numer zamówienia {PL_PESEL?} został wysłany.
PESEL 44051401358 z błędną datą 99999999999.
{"pesel": "{PL_PESEL}"}
Pacjent: Jan Example, PESEL: {PL_PESEL}, tel. [+48 601 234 567|PHONE]
My PESEL is {PL_PESEL} and I live in Gdańsk.
# SE_PERSONNUMMER
Mitt personnummer är {SE_PERSONNUMMER}.
Personnummer: {SE_PERSONNUMMER:long}
Ange ditt personnummer {SE_PERSONNUMMER:plain} i formuläret.
My Swedish personal identity number is {SE_PERSONNUMMER:long}.
Pers.nr {SE_PERSONNUMMER:plus}, född 1915.
Samordningsnummer {SE_PERSONNUMMER:longplain} registrerat.
Mitt personnummer är {SE_PERSONNUMMER!}.
Personnummer: {SE_PERSONNUMMER:long!}
Build 20231105-0042 passed; batch 851231-1234 queued.
{"personnummer": "{SE_PERSONNUMMER:long}"}
Hej! Mitt personnummer: {SE_PERSONNUMMER} och telefon [070-123 45 67|PHONE].
Swedish personal number {SE_PERSONNUMMER:longplain} on file.
# US_ABA_ROUTING
Routing number: {US_ABA_ROUTING}, account 000123456789.
Please wire the funds to ABA {US_ABA_ROUTING}.
Our bank's routing number is {US_ABA_ROUTING} and the account ends in 4421.
RTN {US_ABA_ROUTING} (checking).
The ABA routing transit number {US_ABA_ROUTING} is printed on the check.
Routing number: {US_ABA_ROUTING!}
Please wire the funds to ABA {US_ABA_ROUTING!}.
Order {US_ABA_ROUTING?} ships tomorrow; invoice 021000022.
Direct deposit: routing {US_ABA_ROUTING}, account 123456789012.
{"aba_routing": "{US_ABA_ROUTING}"}
Bank: Example Credit Union\nRouting/transit number: {US_ABA_ROUTING}\nAccount: 9876543210
# Mixed and other numbers that must not be taken
Call me on [+31 6 12345678|PHONE] about my BSN {NL_BSN}.
Ruf mich an: [+49 30 901820|PHONE], Steuer-ID {DE_TAX_ID}.
Paid with card [4111 1111 1111 1111|CREDIT_CARD] yesterday, CPF {BR_CPF}.
The total was 1,234,567.89 and order 987654321 is pending.
Ticket 20240101-1234, version 12.3.4, build 100200300.
Account reference {SE_PERSONNUMMER?} and batch {SE_PERSONNUMMER:long?} were archived.
Customer number {BR_CNPJ:plain?} and reference {BR_CPF:plain?} for the shipment.

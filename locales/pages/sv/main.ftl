skip-to-content = Hoppa till innehållet
footer-text = Blankett – kommunens e-tjänster
language-switch-label = Språk
back-to-start = Tillbaka till startsidan

catalogue-title = E-tjänster
catalogue-heading = Vad vill du göra?
catalogue-intro = Välj en e-tjänst under rätt ämne, eller sök efter det du vill göra.
catalogue-empty = Det finns inga e-tjänster ännu.

topic-parking-and-streets = Parkering och gator
topic-preschool-and-school = Förskola och skola
topic-business-and-permits = Företag och tillstånd
topic-family-and-life-events = Familj och livshändelser
topic-other = Övrigt

submit-button = Skicka

receipt-title = Din ansökan är skickad
receipt-reference-label = Ditt ärendenummer
receipt-body = Vi har tagit emot ”{ $service }” { $time }.
receipt-keep-reference = Spara ärendenumret. Ange det om du kontaktar oss om ärendet.

not-found-title = Sidan finns inte
not-found-body = Kontrollera adressen, eller börja om från startsidan.
error-page-title = Något gick fel
error-page-body = Försök igen om en stund. Om felet finns kvar, kontakta oss och ange felkoden { $reference }.
error-body-too-large = Det du skickade var för stort.
error-bad-request = Det du skickade gick inte att läsa. Gå tillbaka och försök igen.
error-cross-site = Det du skickade kom från en annan webbplats och togs inte emot. Öppna e-tjänsten direkt och försök igen.

error-connection = Det gick inte att hämta sidan. Kontrollera din uppkoppling och försök igen.

# Repeating groups, drop-down lists, files and more checks.
search-label = Sök bland e-tjänsterna
search-button = Sök
search-results = { $count ->
    [0] Inga e-tjänster matchar ”{ $query }”
    [one] En e-tjänst matchar ”{ $query }”
   *[other] { $count } e-tjänster matchar ”{ $query }”
}
search-none = Kontrollera stavningen, sök med färre ord eller titta bland alla e-tjänster.
search-show-all = Visa alla e-tjänster

# A service's start page.
start-before-heading = Innan du börjar
start-need = Ha det här till hands:
start-minutes = Det tar ungefär { $minutes } minuter att fylla i.
start-e-id = Du loggar in med e-legitimation, till exempel BankID eller Freja eID+.
start-anonymous = Du behöver inte logga in.
start-button = Starta e-tjänsten
start-handling-heading = Handläggning
start-processing-days = Vi brukar behandla ärendet inom { $days } dagar.
start-responsible = Ansvarig: { $organisation }.
start-privacy-heading = Dina personuppgifter
start-retention = Vi sparar uppgifterna i { $months } månader efter att ärendet har avslutats.
start-other-ways-heading = Andra sätt
start-phone = Du kan också ringa oss:
legal-basis-consent = Vi behandlar uppgifterna med ditt samtycke.
legal-basis-contract = Vi behandlar uppgifterna för att fullgöra ett avtal med dig.
legal-basis-legal-obligation = Vi behandlar uppgifterna för att vi är skyldiga enligt lag.
legal-basis-vital-interests = Vi behandlar uppgifterna för att skydda någons liv eller hälsa.
legal-basis-public-task = Vi behandlar uppgifterna för att utföra en uppgift av allmänt intresse, som kommunen har enligt lag.
legal-basis-legitimate-interests = Vi behandlar uppgifterna efter en intresseavvägning.

# The receipt: what happens next, and the answers as sent.
receipt-next-heading = Vad händer nu?
receipt-next = Vi behandlar ditt ärende och hör av oss om vi behöver veta mer.
receipt-next-days = Vi behandlar ditt ärende och hör av oss om vi behöver veta mer. Det brukar ta ungefär { $days } dagar.
receipt-answers-heading = Dina svar
receipt-print-hint = Du kan skriva ut sidan eller spara den som pdf, så har du dina svar.

# The satisfaction survey under the receipt.
feedback-heading = Hjälp oss att bli bättre
feedback-question = Hur lätt eller svårt var det att använda e-tjänsten?
feedback-5 = Mycket lätt
feedback-4 = Ganska lätt
feedback-3 = Varken lätt eller svårt
feedback-2 = Ganska svårt
feedback-1 = Mycket svårt
feedback-comment = Vill du berätta mer?
feedback-comment-hint = Skriv inga personuppgifter. Vi läser allt, men vi svarar inte här.
feedback-send = Skicka synpunkter
feedback-thanks = Tack för dina synpunkter! De hjälper oss att göra e-tjänsten bättre.
feedback-error-rating = Välj hur lätt eller svårt det var.
feedback-error-too-long = Skriv högst { $max } tecken.

# E-mail
mail-receipt-subject = Vi har tagit emot din ansökan – { $reference }
mail-automatic = Det här meddelandet skickades automatiskt och går inte att svara på. Ange ärendenumret om du kontaktar oss.

# One page at a time, and checking the answers
check-title = Kontrollera dina svar innan du skickar
check-change = Ändra
check-send-heading = Skicka in
check-send-body = När du skickar in får du ett ärendenummer och en bekräftelse.
# Save and come back later
saved-title = Dina svar är sparade
saved-use-link = Använd den här länken när du vill fortsätta:
saved-shown-once = Spara länken nu, till exempel som bokmärke eller i ett mejl till dig själv. Den visas bara en gång, och den som har länken kan se dina svar.
saved-expires = Länken fungerar till och med { $date }. Efter det raderas svaren. Varje gång du sparar igen gäller de längre.
saved-mail-heading = Få länken med e-post
saved-mail-label = E-postadress
saved-mail-hint = Vi skickar bara länken, inga av dina svar. Adressen sparas inte.
saved-mail-send = Skicka länken
saved-mail-error-missing = Skriv e-postadressen som länken ska skickas till
saved-mail-error-invalid = Skriv e-postadressen i rätt form, till exempel namn@exempel.se
saved-mail-sent-title = Länken är skickad
saved-mail-sent-body = Vi har skickat länken till e-postadressen du skrev. Hittar du inte mejlet inom några minuter, titta bland skräpposten.
mail-resume-subject = Din länk för att fortsätta: { $service }
mail-resume-intro = Du har sparat dina svar i { $service } för att fortsätta senare. Fortsätt här:
mail-resume-keep = Den som har länken kan se och ändra dina svar, så dela den inte med någon.
mail-resume-not-you = Har du inte bett om det här mejlet kan du bortse från det; svaren raderas när länken slutar fungera.
mail-automatic-no-reply = Det här meddelandet skickades automatiskt och går inte att svara på.
expired-title = Länken fungerar inte längre
expired-body = Sparade svar raderas när tiden för dem har gått ut, och när de har skickats in. Du kan börja om från början.

## Signing in with e-ID
sign-in-button = Logga in med e-legitimation
sign-in-required-title = Logga in för att använda e-tjänsten
sign-in-required-body = I { $service } loggar du in med e-legitimation, till exempel BankID eller Freja eID+. Då fylls dina uppgifter i åt dig.
sign-in-too-low-body = Din inloggning räcker inte för { $service }. Logga in med BankID eller Freja eID+.
signed-in-as = Inloggad som { $name }
sign-out-button = Logga ut
signed-out-title = Du är utloggad
signed-out-body = Om du använder en dator som andra också använder: stäng webbläsaren nu.
sign-in-refused-title = Inloggningen gick inte igenom
sign-in-refused-loa = Din e-legitimation har för låg tillitsnivå för den här e-tjänsten. Logga in med BankID eller Freja eID+, som har tillitsnivå 3.
sign-in-refused-state = Inloggningen kunde inte kopplas till den här webbläsaren. Det händer om du loggade in i en annan flik eller väntade för länge. Försök igen.
sign-in-refused-failed = E-legitimationen kunde inte bekräfta vem du är. Försök igen om en stund.
sign-in-refused-cancelled = Du avbröt inloggningen.
sign-in-try-again = Försök igen
test-eid-title = Test-e-legitimation
test-eid-warning = Det här är en test-e-legitimation för att prova Blankett. Ingen riktig person loggas in, och den går inte att använda i en riktig driftsättning.
test-eid-legend = Vem vill du logga in som?
test-eid-loa = Tillitsnivå { $level }
test-eid-no-pin = Utan svenskt personnummer
test-eid-submit = Logga in
test-eid-cancel = Avbryt inloggningen
test-eid-error = Välj vem du vill logga in som
error-too-many-sign-ins = Du har försökt logga in för många gånger på kort tid. Vänta { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
} och försök igen.
error-too-many-submissions = Det har skickats för många ansökningar härifrån på kort tid. Det du har skrivit finns kvar. Vänta { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
}, gå tillbaka och skicka igen.

## Staff
staff-signin-title = Logga in som medarbetare
staff-username = Användarnamn
staff-password = Lösenord
staff-signin-button = Logga in
staff-signin-missing = Fyll i både användarnamn och lösenord
staff-signin-wrong = Användarnamnet eller lösenordet stämmer inte
staff-home-title = Medarbetare
staff-roles = Dina roller
staff-services = E-tjänster du arbetar med
staff-home-next = Ärendehanteringen och formulärbyggaren öppnas härifrån.
role-administrator = Administratör
role-author = Formgivare
role-handler = Handläggare
session-warning = Du har inte gjort något på en stund. För din säkerhet loggas du ut om { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
}.
session-extend = Fortsätt vara inloggad
session-ended = Du har loggats ut eftersom du inte har gjort något på en stund. Logga in igen för att fortsätta.

## My cases
my-cases-title = Mina ärenden
my-cases-sign-in-body = Logga in med e-legitimation för att se dina ärenden och de ansökningar du har påbörjat.
my-cases-none = Du har inga ärenden eller påbörjade ansökningar här än.
my-cases-find-service = Hitta en e-tjänst
my-cases-back = Tillbaka till Mina ärenden
my-cases-drafts-heading = Påbörjade
my-cases-draft-saved = Sparad { $date }.
my-cases-draft-expires = Sparas till och med { $date }.
my-cases-sent-heading = Skickade
my-cases-unread = { $count ->
    [one] Ett nytt meddelande
   *[other] { $count } nya meddelanden
}
case-title = Ärende { $reference }
case-reference = Ärendenummer
case-sent = Skickat
case-sent-at = Skickat { $time }.
case-status = Status
case-status-since = sedan { $date }
case-status-received = Mottaget
case-status-in-progress = Under handläggning
case-status-waiting = Väntar på komplettering
case-status-approved = Beviljat
case-status-rejected = Avslaget
case-status-closed = Avslutat
case-history-heading = Händelser
case-messages-heading = Meddelanden
case-messages-none = Inga meddelanden än.
case-processing-days = Handläggningen brukar ta omkring { $days } dagar.
case-messages-closed = Ärendet är avslutat. Kontakta kommunen om du har frågor.
message-error-closed = Ärendet är avslutat och tar inte emot fler meddelanden.
case-message-from-staff = Handläggaren
case-message-from-you = Du
case-message-new = Nytt
case-message-label = Skriv till handläggaren
case-message-hint = Högst { $max } tecken. Du får svar här och ett e-postmeddelande när handläggaren svarar.
case-message-send = Skicka meddelandet
case-files-heading = Bifogade filer
case-request-from-staff = Handläggaren ber dig komplettera
case-completion-from-you = Din komplettering
completion-heading = Handläggaren ber dig komplettera ärendet
completion-label = Ditt svar
completion-files-label = Filer (valfritt)
completion-files-hint = Högst { $count } filer, PDF eller bilder, högst { $max } var.
completion-send = Skicka kompletteringen
completion-error-empty = Skriv ett svar eller välj en fil.
completion-error-too-many = Välj högst { $max } filer.
completion-error-too-large = Filen { $name } är för stor. Den får vara högst { $max }.
completion-error-type = Filen { $name } är inte en PDF eller en bild. Välj en PDF eller en bild.
mail-request-subject = Komplettera ditt ärende { $reference }
mail-request-intro = Handläggaren ber dig komplettera ärende { $reference }.
message-error-empty = Skriv ett meddelande.
message-error-too-long = Meddelandet får vara högst { $max } tecken.
staff-signin-provider = Logga in med ditt konto i kommunen
staff-signin-local-heading = Eller med ett konto i Blankett
staff-signin-unknown = Du är inloggad hos kommunen, men har inget konto i Blankett. Be en administratör att lägga till dig.
staff-signin-failed = Inloggningen hos kommunen gick inte igenom. Försök igen.
mail-status-subject = Nytt i ditt ärende { $reference }
mail-status-intro = Ditt ärende { $reference } har fått en ny status: { $status }.
mail-message-subject = Nytt meddelande i ditt ärende { $reference }
mail-message-intro = Handläggaren har skrivit till dig i ärende { $reference }.
mail-case-read-more = Logga in och läs mer under Mina ärenden:

## Case handling
staff-home-cases = Ärenden att handlägga
inbox-title = Ärenden
inbox-back = Tillbaka till ärendena
inbox-any = Alla
inbox-service = E-tjänst
inbox-assigned = Handläggare
inbox-assigned-me = Mina
inbox-assigned-none = Ingen
inbox-search = Ärendenummer eller sökandens namn
inbox-from = Skickat från och med
inbox-to = Skickat till och med
inbox-sort = Ordning
inbox-sort-newest = Nyaste först
inbox-sort-oldest = Äldsta först
inbox-filter = Visa ärenden
inbox-clear = Rensa urvalet
inbox-counts = Ärenden per status
inbox-date-error = Skriv datum som år-månad-dag, till exempel 2026-11-23.
inbox-total = { $count ->
    [one] Ett ärende
   *[other] { $count } ärenden
}
inbox-pages = Sidor
inbox-previous = Föregående sida
inbox-next = Nästa sida
inbox-page = Sida { $page } av { $pages }
case-applicant = Sökande
case-applicant-anonymous = Inte inloggad
case-assigned = Handläggare
case-assign-me = Ta ärendet
case-unassign = Släpp ärendet
case-assign-to = Ge ärendet till
case-assign = Ge ärendet
case-change-status = Ändra status
case-new-status = Ny status
case-status-note = Meddelande till den sökande (valfritt)
case-message-hint-staff = Högst { $max } tecken. Den sökande läser det under Mina ärenden och får ett e-postmeddelande om att något har hänt, utan innehållet.
case-write-heading = Skriv till den sökande
case-write-label = Meddelande
case-write-send = Skicka meddelandet
case-no-messages-anonymous = Den sökande var inte inloggad och kan inte läsa meddelanden här. Ändrad status meddelas med e-post om formuläret har en e-postadress.
case-note-heading = Intern anteckning
case-note-label = Anteckning
case-note-hint = Syns bara för handläggare, aldrig för den sökande.
case-note-save = Spara anteckningen
history-status = Status: { $status }
history-message-to = Meddelande till den sökande
history-message-from = Meddelande från den sökande
history-note = Intern anteckning
history-assigned = Tilldelat { $name }
history-unassigned = Ingen handläggare
history-read = Läst
case-request-heading = Be om komplettering
case-request-open = Den sökande har inte svarat på den senaste begäran om komplettering än.
case-request-label = Vad behöver den sökande komplettera?
case-request-files = Den sökande får skicka filer med svaret
case-request-send = Be om komplettering
history-request = Begäran om komplettering
history-request-files = Begäran om komplettering, med filer
history-completion = Komplettering från den sökande
history-taken-over = Övertaget av { $system }
export-heading = Ladda ner ärenden
export-format = Format
export-button = Ladda ner
export-case = Ladda ner ärendet som JSON

## Administration
staff-home-admin = Administration
admin-title = Administration
admin-back-staff = Tillbaka till startsidan
admin-back = Tillbaka till administrationen
admin-integrations-title = Verksamhetssystem: API-nycklar och webhooks
admin-integrations-intro = Verksamhets- och arkivsystem hämtar ärenden och ändrar status genom Blanketts API med en nyckel per system och e-tjänst. Webhooks berättar för ett system att något har hänt i ett ärende.
admin-staff-heading = Medarbetare
admin-staff-add = Lägg till en medarbetare
admin-name = Namn
admin-username = Användarnamn
admin-username-hint = Samma som i kommunens inloggningstjänst, om medarbetaren loggar in där.
admin-organisation = Förvaltning
admin-roles = Roller
admin-services = E-tjänster
admin-disabled = Avstängd
admin-none = Ingen
admin-services-heading = E-tjänster
admin-service = E-tjänst
admin-owner = Ansvarig
admin-handlers = Handläggare
admin-default-handler = Får nya ärenden
admin-organisations-heading = Förvaltningar
admin-key = Kortnamn
admin-key-hint = Små bokstäver, siffror och bindestreck, till exempel stadsbyggnad.
admin-members = Medarbetare
admin-organisation-add = Lägg till en förvaltning
admin-provider-only = Loggar bara in med kommunens inloggningstjänst (inget lösenord)
admin-disable = Stäng av kontot (medarbetaren loggas ut och kan inte logga in)
admin-save = Spara
admin-shown-once-token = API-nyckeln är skapad
admin-shown-once-webhook = Webhooken är tillagd. Det här är dess hemliga nyckel för signaturer
admin-shown-once-password = Medarbetaren är tillagd. Det här är det första lösenordet
admin-shown-once-hint = Kopiera den nu och lämna den på ett säkert sätt. Den visas bara den här gången; Blankett sparar den inte i klartext.
admin-live = Aktiv
admin-revoked = Återkallad
admin-tokens-heading = API-nycklar
admin-system = System
admin-system-hint = Verksamhetssystemets namn, som det visas i ärendenas historik.
admin-created = Skapad
admin-last-used = Senast använd
admin-state = Läge
admin-never = Aldrig
admin-revoke = Återkalla
admin-token-add = Skapa en API-nyckel
admin-webhooks-heading = Webhooks
admin-number = Nummer
admin-url = Adress
admin-url-hint = Börjar med https://
admin-remove = Ta bort
admin-webhook-add = Lägg till en webhook
admin-deliveries-heading = Senaste leveranserna
admin-deliveries-none = Inga leveranser än.
admin-event = Händelse
admin-webhook = Webhook
admin-attempts = Försök
admin-delivery-delivered = Levererad
admin-delivery-failed = Misslyckad
admin-delivery-waiting = Väntar
admin-delivery-delivered-when = { $time }
admin-delivery-failed-when = gav upp { $time }
admin-delivery-waiting-when = nästa försök { $time }
admin-error-name = Skriv ett namn.
admin-error-key = Skriv ett kortnamn med 2–40 små bokstäver, siffror och bindestreck.
admin-error-key-taken = Det kortnamnet används redan. Välj ett annat.
admin-error-roles = Välj minst en roll.
admin-error-username = Skriv ett användarnamn utan mellanslag.
admin-error-username-taken = Det användarnamnet finns redan. Välj ett annat.
admin-error-self = Du kan inte ta bort din egen administratörsroll eller stänga av ditt eget konto.
admin-error-default = Den som får nya ärenden måste vara en av e-tjänstens handläggare.
admin-error-system = Skriv systemets namn.
admin-error-url = Skriv en adress som börjar med https://.

## Form authoring
staff-home-forms = E-tjänster och formulär
authoring-title = E-tjänster och formulär
authoring-back = Tillbaka till e-tjänsterna
authoring-services = Dina e-tjänster
authoring-live = Publicerad
authoring-draft = Utkast
authoring-has-draft = Utkast finns
authoring-not-published = Inte publicerad än.
authoring-version = version { $version }
authoring-live-version = Version { $version } är publicerad.
authoring-editing-draft = Du redigerar ett utkast till nästa version.
authoring-no-draft = Det finns inget utkast; det som sparas blir ett.
authoring-template-heading = Börja från en mall
authoring-template = Mall
authoring-key = Kortnamn för den nya e-tjänsten
authoring-key-hint = Står i e-tjänstens adress: små bokstäver, siffror och bindestreck, till exempel gatupratare.
authoring-template-start = Skapa ett utkast från mallen
authoring-import-heading = Importera en definition
authoring-import-label = Definitionen, som JSON eller TOML
authoring-import-hint = Klistra in en exporterad definition. En e-tjänst med samma kortnamn får ett nytt utkast.
authoring-import = Importera
authoring-problems = { $count ->
    [one] Ett problem hindrar publicering
   *[other] { $count } problem hindrar publicering
}
authoring-unreadable = Texten går inte att läsa som en definition:
authoring-changes = Ändringar mot den publicerade versionen
authoring-added-pages = Nya sidor
authoring-removed-pages = Borttagna sidor
authoring-added-fields = Nya frågor
authoring-removed-fields = Borttagna frågor (svaren tas bort ur påbörjade ansökningar)
authoring-changed-fields = Ändrade frågor
authoring-open-drafts = { $count } påbörjade ansökningar finns på den publicerade versionen; { $affected } av dem påverkas av ändringarna.
authoring-definition = Definitionen (JSON)
authoring-definition-hint = Sparas som den står, även med problem, så att inget går förlorat.
authoring-save = Spara utkastet
authoring-publish = Publicera
authoring-publish-hint = Ett utkast utan problem kan publiceras.
authoring-discard = Släng utkastet
authoring-published = Version { $version } är publicerad.
authoring-export = Exportera
authoring-export-json = Som JSON
authoring-export-toml = Som TOML
authoring-error-unreadable = Texten går inte att läsa som en definition i JSON eller TOML.
authoring-error-key = Skriv ett kortnamn med små bokstäver, siffror och bindestreck, som börjar med en bokstav.
authoring-error-taken = Det kortnamnet har en annan förvaltnings e-tjänst. Välj ett annat.
authoring-error-no-organisation = Du hör inte till någon förvaltning. Be en administratör lägga till dig.
authoring-error-problems = Utkastet har problem som måste rättas innan det kan publiceras.
problem-key-changed = Kortnamnet måste vara { $key }.
problem-no-languages = Ange minst ett språk.
problem-duplicate-language = Språket { $language } står flera gånger.
problem-invalid-key = { $key } är inget giltigt kortnamn: små bokstäver, siffror och bindestreck, först en bokstav.
problem-duplicate-key = Kortnamnet { $key } används flera gånger.
problem-missing-text = Texten saknas på { $language }.
problem-no-pages = Formuläret behöver minst en sida.
problem-empty-page = Sidan har inga frågor.
problem-no-options = Frågan behöver svarsalternativ.
problem-duplicate-option = Svarsalternativet { $value } står flera gånger.
problem-empty-range = Gränserna tillåter inget svar.
problem-expression = Villkoret går inte att läsa (vid tecken { $at }).
problem-not-a-condition = Villkoret blir inte sant eller falskt.
problem-condition-cycle = Villkoren beror på varandra i en cirkel.
problem-unknown-field = Frågan { $field } finns inte.
problem-unknown-error-code = Felet { $error_code } finns inte.
problem-never-shown = Villkoret kan aldrig bli sant: ingen skulle se det här.
problem-required-but-never-shown = Frågan är obligatorisk men kan aldrig visas.
problem-not-a-value = Uträkningen ger inget enkelt värde.
problem-unsafe-link = Länken { $href } är inte tillåten: använd https://, mailto:, tel: eller en sökväg här.
problem-limit-too-large = Gränsen är för hög; högst { $max }.
problem-invalid-pattern = Mönstret går inte att använda: { $reason }
problem-invalid-media-type = { $media_type } är ingen filtyp (till exempel image/jpeg eller image/*).
problem-invalid-phone = { $phone } är inget telefonnummer.
problem-nested-group = En grupp kan inte ligga i en annan grupp.
problem-prefill-mismatch = Det förifyllda värdet passar inte frågan.
problem-prefill-in-group = Frågor i en grupp kan inte förifyllas.
problem-read-only-without-prefill = En skrivskyddad fråga måste vara förifylld.
problem-read-only-needs-e-id = En skrivskyddad förifylld fråga kräver inloggning med e-legitimation.
problem-not-an-email-field = { $field } är ingen e-postfråga utanför en grupp.
problem-missing-status = Statusen { $key } måste finnas med.

## The builder
builder-heading = Sidor och frågor
builder-texts-heading = E-tjänstens namn och beskrivning
builder-title = Namn
builder-description = Beskrivning
builder-missing = Saknas
builder-save-texts = Spara texterna
builder-page = Sida { $number }: { $title }
builder-page-title = Sidans rubrik
builder-condition = Visas bara när (villkor)
builder-condition-hint = Till exempel $kind == "pothole". Tomt: alltid.
builder-save-page = Spara sidan
builder-up = Flytta upp
builder-down = Flytta ned
builder-remove = Ta bort
builder-question = Fråga
builder-key = Kortnamn
builder-kind = Slag
builder-actions = Ändra
builder-edit = Redigera
builder-required = Måste besvaras
builder-add-question = Lägg till en fråga
builder-question-label = Frågan
builder-add-page = Lägg till en sida
builder-new-page-title = Sidans rubrik
builder-advanced = Definitionen som JSON (för den som vill skriva den själv)
builder-no-questions = Sidan har inga frågor än.
builder-field-heading = Fråga: { $key }
builder-label = Frågan
builder-hint = Hjälptext (valfri)
builder-guided = Eller välj villkoret
builder-guided-field = Fråga
builder-guided-comparison = Jämförelse
builder-guided-value = Värde
builder-guided-none = Inget villkor här
builder-is = är
builder-is-not = är inte
builder-yes = är ja
builder-no = är nej
builder-answered = är besvarad
builder-save-question = Spara frågan
builder-options = Svarsalternativ
builder-option = Alternativet { $value }
builder-option-remove = Ta bort alternativet { $value }
builder-new-option-value = Nytt alternativ: värde (sparas i svaren)
builder-new-option-label = Nytt alternativ: text
builder-back = Tillbaka till utkastet
builder-error-key = Skriv ett kortnamn med små bokstäver, siffror och bindestreck, som börjar med en bokstav.
builder-error-taken = Formuläret har redan det kortnamnet.
builder-error-text = Skriv en text.
builder-error-gone = Sidan eller frågan finns inte längre. Sidan visar hur utkastet ser ut nu.
builder-error-unreadable = Rätta definitionen först: den går inte att läsa.
builder-error-kind = Välj ett slag av fråga.
builder-error-condition = Välj en fråga och en jämförelse för villkoret.
kind-short-text = Kort text
kind-long-text = Lång text
kind-email = E-postadress
kind-integer = Heltal
kind-decimal = Decimaltal
kind-single-choice = Ett val
kind-multiple-choice = Flera val
kind-yes-no = Ja eller nej
kind-consent = Samtycke
kind-date = Datum
kind-phone = Telefonnummer
kind-postal-code = Postnummer
kind-personal-identity-number = Personnummer
kind-organisation-number = Organisationsnummer
kind-file = Filer
kind-group = Grupp som upprepas
kind-computed = Uträknat värde
kind-postal-address = Postadress
kind-information = Information
preview-open = Förhandsvisa
preview-title = Förhandsvisning: { $title }
preview-intro = Så här ser sidan ut för den som ansöker, ritad av samma delar som e-tjänsten. Den går inte att fylla i här.
preview-problems = Utkastet har problem. Rätta dem först, så kan det förhandsvisas.
preview-pages = Formulärets sidor
preview-languages = Formulärets språk
preview-widths = Skärmens bredd
preview-phone = Mobil
preview-desktop = Dator
preview-frame = Förhandsvisningen

## Publishing: versions, now or later, taken down
authoring-publish-heading = Publicera
authoring-error-at-missing = Skriv datum och tid för när det ska ske
authoring-error-at-invalid = Skriv datum och tid som 2026-12-24 08:00
authoring-error-at-past = Datum och tid måste vara i framtiden
publishing-when = När?
publishing-now = Nu
publishing-later = Vid en viss tidpunkt
publishing-at = Datum och tid
publishing-at-hint = Till exempel 2026-12-24 08:00. Används bara om du valt en viss tidpunkt.
versions-open = Versioner och publicering
versions-title = Versioner av { $title }
versions-caption = Publicerade versioner
versions-version = Version
versions-published = Publicerad
versions-cases = Ärenden
versions-offer = Erbjuds
versions-offered-now = Erbjuds nu
versions-republish = Publicera version { $version } igen
versions-not-offered = Tjänsten erbjuds inte invånare just nu.
versions-scheduled = Planerat
versions-scheduled-version = Version { $version } publiceras { $at }.
versions-scheduled-down = Tjänsten tas ned { $at }.
versions-cancel = Avbryt
versions-cancel-label = Avbryt: { $what }
versions-unpublish-heading = Ta ned tjänsten
versions-unpublish-hint = Nya invånare kan då inte börja fylla i. Den som redan har börjat kan skicka in sitt utkast, och alla ärenden finns kvar.
versions-unpublish = Ta ned tjänsten
versions-accessibility = Tillgänglighet
versions-check = Kontrollera version { $version }
versions-check-none = Inte kontrollerad
versions-check-unavailable = Tillgänglighetskontrollen är inte påslagen på den här servern. Be er administratör att ange BLANKETT_ACCESSIBILITY_COMMAND.
accessibility-title = Tillgänglighetskontroll av { $title }, version { $version }
accessibility-intro = Kontrollen öppnar tjänstens startsida och varje sida i formuläret på alla språk som invånare kan läsa det på, så som invånare ser dem: när sidan visas första gången (med JavaScript) och med felen för ett tomt svar (utan JavaScript). Varje sida granskas med axe-core med alla dess regler: WCAG 2.2 nivå A och AA och god praxis. Rapporten sparas med versionen.
accessibility-not-checked = Versionen har inte kontrollerats.
accessibility-queued = Kontrollen väntar på sin tur (beställd { $at }). Ladda om sidan för att se resultatet.
accessibility-running = Kontrollen pågår (beställd { $at }). Ladda om sidan för att se resultatet.
accessibility-passed = Inga fel hittades på { $views } granskade sidvisningar ({ $at }).
accessibility-failed = { $violations ->
    [one] Ett fel hittades
   *[other] { $violations } fel hittades
} på { $views } granskade sidvisningar ({ $at }).
accessibility-error = Kontrollen kunde inte granska alla sidor ({ $at }).
accessibility-error-reference = Kontrollen kunde inte köras. Referens: { $reference }.
accessibility-state-queued = Väntar
accessibility-state-running = Pågår
accessibility-state-passed = Inga fel
accessibility-state-failed = { $violations ->
    [one] 1 fel
   *[other] { $violations } fel
}
accessibility-state-error = Kunde inte köras
accessibility-reload = Ladda om
accessibility-run = Kontrollera version { $version }
accessibility-run-again = Kontrollera igen
accessibility-axe = Granskad med axe-core { $version }.
accessibility-views = Granskade sidvisningar
accessibility-page = Sida
accessibility-start-page = Startsidan
accessibility-language = Språk
accessibility-how = Visning
accessibility-first-shown = Första visning, med JavaScript
accessibility-with-errors = Med felmeddelanden, utan JavaScript
accessibility-result = Resultat
accessibility-view-heading = { $page }, { $language }: { $how }
accessibility-impact = Allvarlighet: { $impact }
accessibility-help-link = Om regeln { $rule } (på engelska)
accessibility-elements = Element som bryter mot regeln
accessibility-open = Rapport
accessibility-open-label = Rapport för version { $version }
accessibility-back = Tillbaka till versionerna

## Statistics
statistics-open = Statistik
statistics-summary-open = Statistik för alla tjänster
statistics-summary-title = alla tjänster
statistics-title = Statistik: { $title }
statistics-period = Period
statistics-from = Från och med
statistics-to = Till och med
statistics-show = Visa
statistics-showing = Från och med { $from } till och med { $to }.
statistics-error-date = Skriv datum som 2026-12-01
statistics-error-order = Startdatum måste vara före slutdatum
statistics-error-long = Välj en period på högst 400 dagar
statistics-views = Visningar av startsidan
statistics-starts = Påbörjade
statistics-saved = Sparade för senare
statistics-submitted = Inskickade
statistics-completion = Andel som skickade in
statistics-median = Mediantid att fylla i
statistics-e-id = Inskickade med e-legitimation
statistics-e-id-share = Andel inskickade med e-legitimation
statistics-duration = { $minutes } min { $seconds } s
statistics-funnel = Från startsida till inskickat
statistics-left-heading = Var invånare lämnar formuläret
statistics-left-hint = Utkast som aldrig skickades in, efter sidan de senast var på: de som gick ut under perioden och de som är öppna nu.
statistics-left-chart = Ej inskickade utkast per sida
statistics-page = Sida
statistics-left = Lämnade (utgångna)
statistics-open-now = Öppna nu
statistics-days-heading = Per dag
statistics-days-chart = Inskickade per dag
statistics-day = Dag
statistics-services-heading = Per tjänst
statistics-services-chart = Inskickade per tjänst
statistics-total = Totalt
statistics-csv = Ladda ned som CSV
statistics-privacy = Statistiken innehåller inga personuppgifter: bara antal per tjänst, dag och sida.

## The builder: a question's settings
builder-settings = Inställningar
builder-error-setting = Värdet går inte att läsa: se exemplet under rubriken
builder-setting-min-length = Minsta antal tecken
builder-setting-min-length-hint = Ett heltal. Tomt: ingen gräns.
builder-setting-max-length = Högsta antal tecken
builder-setting-max-length-hint = Ett heltal. Tomt: ingen gräns.
builder-setting-pattern = Mönster som svaret ska följa
builder-setting-pattern-hint = Ett reguljärt uttryck, till exempel [A-Z]{"{"}3{"}"} ?[0-9]{"{"}2{"}"}[0-9A-Z] för ett registreringsnummer. Skriv ett eget felmeddelande som säger vad som förväntas.
builder-setting-min = Minsta värde
builder-setting-min-hint = Ett tal. Tomt: ingen gräns.
builder-setting-max = Högsta värde
builder-setting-max-hint = Ett tal. Tomt: ingen gräns.
builder-setting-unit = Enhet (visas efter svaret)
builder-setting-decimals = Antal decimaler
builder-setting-decimals-hint = Högst 6. Tomt: 2.
builder-setting-display = Visas som
builder-setting-display-hint = Rullista passar för långa listor.
builder-setting-display-radios = Alternativknappar
builder-setting-display-select = Rullista
builder-setting-min-selected = Minsta antal val
builder-setting-min-selected-hint = Ett heltal. Tomt: ingen gräns.
builder-setting-max-selected = Högsta antal val
builder-setting-max-selected-hint = Ett heltal. Tomt: ingen gräns.
builder-setting-earliest = Tidigaste datum
builder-setting-earliest-hint = Ett datum som 2026-01-01, eller today, today+30 eller today-6570 (dagar från den dag formuläret fylls i).
builder-setting-latest = Senaste datum
builder-setting-latest-hint = Som tidigaste datum.
builder-setting-accept = Tillåtna filtyper
builder-setting-accept-hint = Medietyper med komma emellan, till exempel application/pdf, image/*.
builder-setting-max-megabytes = Största filstorlek i megabyte
builder-setting-max-megabytes-hint = Ett heltal, minst 1.
builder-setting-max-files = Högsta antal filer
builder-setting-max-files-hint = Ett heltal. Tomt: 1.
builder-setting-row-label = Vad en rad kallas
builder-setting-min-rows = Minsta antal rader
builder-setting-min-rows-hint = Ett heltal. Tomt: ingen gräns.
builder-setting-max-rows = Högsta antal rader
builder-setting-max-rows-hint = Ett heltal. Tomt: ingen gräns.
builder-setting-expression = Uträkning
builder-setting-expression-hint = Ett uttryck över andra svar, till exempel $antal * 250.
builder-setting-text = Texten (tom rad mellan stycken)
builder-setting-required-if = Måste besvaras när (villkor)
builder-setting-required-if-hint = Ett uttryck, till exempel $kind == "other". Tomt: bara om frågan är obligatorisk.
builder-rules = Regler över flera frågor
builder-rules-hint = En regel är ett uttryck som måste stämma, till exempel $till >= $fran. Annars visas meddelandet vid den valda frågan.
builder-rule-check = Uttrycket som ska stämma
builder-rule-check-hint = Till exempel $antal <= 10 eller $till >= $fran.
builder-rule-field = Visas vid frågan
builder-rule-message = Meddelandet när regeln inte stämmer
builder-rule-save = Spara regeln { $key }
builder-rule-remove = Ta bort regeln { $key }
builder-rule-add = Lägg till en regel
builder-error-rule = Skriv både uttrycket och meddelandet.
builder-autosave-saving = Sparar …
builder-autosave-saved = Sparat
builder-autosave-failed = Kunde inte sparas. Använd knappen.
builder-option-up = Flytta upp alternativet { $value }
builder-option-down = Flytta ned alternativet { $value }

skip-to-content = Skip to content
footer-text = Blankett – the municipality's e-services
language-switch-label = Language
back-to-start = Back to the start page

catalogue-title = E-services
catalogue-heading = What do you want to do?
catalogue-intro = Choose an e-service under its topic, or search for what you want to do.
catalogue-empty = There are no e-services yet.

topic-parking-and-streets = Parking and streets
topic-preschool-and-school = Preschool and school
topic-business-and-permits = Business and permits
topic-family-and-life-events = Family and life events
topic-other = Other

submit-button = Send

receipt-title = Your application has been sent
receipt-reference-label = Your case reference
receipt-body = We received “{ $service }” on { $time }.
receipt-keep-reference = Keep the case reference. Give it if you contact us about the case.

not-found-title = Page not found
not-found-body = Check the address, or start again from the start page.
error-page-title = Something went wrong
error-page-body = Please try again later. If the problem continues, contact us and give the error code { $reference }.
error-body-too-large = What you sent was too large.
error-bad-request = What you sent could not be read. Go back and try again.
error-cross-site = What you sent came from another website and was not accepted. Open the e-service directly and try again.

error-connection = The page could not be loaded. Check your connection and try again.

# Repeating groups, drop-down lists, files and more checks.
search-label = Search the e-services
search-button = Search
search-results = { $count ->
    [0] No e-services match “{ $query }”
    [one] One e-service matches “{ $query }”
   *[other] { $count } e-services match “{ $query }”
}
search-none = Check the spelling, search with fewer words or look through all the e-services.
search-show-all = Show all e-services

# A service's start page.
start-before-heading = Before you start
start-need = Have this at hand:
start-minutes = It takes about { $minutes } minutes to fill in.
start-e-id = You sign in with e-ID, such as BankID or Freja eID+.
start-anonymous = You do not need to sign in.
start-button = Start now
start-handling-heading = Handling
start-processing-days = We usually handle the case within { $days } days.
start-responsible = Responsible: { $organisation }.
start-privacy-heading = Your personal data
start-retention = We keep the information for { $months } months after the case is closed.
start-other-ways-heading = Other ways
start-phone = You can also call us:
legal-basis-consent = We process the information with your consent.
legal-basis-contract = We process the information to carry out an agreement with you.
legal-basis-legal-obligation = We process the information because the law requires us to.
legal-basis-vital-interests = We process the information to protect someone's life or health.
legal-basis-public-task = We process the information to carry out a task in the public interest that the municipality has by law.
legal-basis-legitimate-interests = We process the information after weighing legitimate interests.

# The receipt: what happens next, and the answers as sent.
receipt-next-heading = What happens next
receipt-next = We handle your case and contact you if we need to know more.
receipt-next-days = We handle your case and contact you if we need to know more. It usually takes about { $days } days.
receipt-answers-heading = Your answers
receipt-print-hint = You can print this page or save it as a PDF to keep your answers.

# The satisfaction survey under the receipt.
feedback-heading = Help us improve
feedback-question = How easy or difficult was it to use the e-service?
feedback-5 = Very easy
feedback-4 = Fairly easy
feedback-3 = Neither easy nor difficult
feedback-2 = Fairly difficult
feedback-1 = Very difficult
feedback-comment = Would you like to tell us more?
feedback-comment-hint = Do not write any personal details. We read everything, but we do not reply here.
feedback-send = Send feedback
feedback-thanks = Thank you for your feedback! It helps us make the e-service better.
feedback-error-rating = Choose how easy or difficult it was.
feedback-error-too-long = Write at most { $max } characters.

# E-mail
mail-receipt-subject = We have received your application – { $reference }
mail-automatic = This message was sent automatically and replies are not read. Give the case reference if you contact us.

# One page at a time, and checking the answers
check-title = Check your answers before sending
check-change = Change
check-send-heading = Send
check-send-body = When you send, you get a case reference and a confirmation.
# Save and come back later
saved-title = Your answers have been saved
saved-use-link = Use this link when you want to continue:
saved-shown-once = Keep the link now, for example as a bookmark or in an e-mail to yourself. It is shown only once, and anyone who has it can see your answers.
saved-expires = The link works until { $date }. After that the answers are deleted. Each time you save again they are kept longer.
saved-mail-heading = Get the link by e-mail
saved-mail-label = E-mail address
saved-mail-hint = We send only the link, none of your answers. The address is not kept.
saved-mail-send = Send the link
saved-mail-error-missing = Enter the e-mail address to send the link to
saved-mail-error-invalid = Enter the e-mail address in the right form, like name@example.com
saved-mail-sent-title = The link has been sent
saved-mail-sent-body = We have sent the link to the e-mail address you entered. If it has not arrived within a few minutes, look in your spam folder.
mail-resume-subject = Your link to continue: { $service }
mail-resume-intro = You saved your answers in { $service } to continue later. Continue here:
mail-resume-keep = Anyone who has the link can see and change your answers, so do not share it.
mail-resume-not-you = If you did not ask for this e-mail you can ignore it; the answers are deleted when the link stops working.
mail-automatic-no-reply = This message was sent automatically and replies are not read.
expired-title = This link no longer works
expired-body = Saved answers are deleted when their time runs out and once they have been sent. You can start again from the beginning.

## Signing in with e-ID
sign-in-button = Sign in with e-ID
sign-in-required-title = Sign in to use this e-service
sign-in-required-body = In { $service } you sign in with e-ID, for example BankID or Freja eID+. Your details are then filled in for you.
sign-in-too-low-body = Your sign-in is not enough for { $service }. Sign in with BankID or Freja eID+.
signed-in-as = Signed in as { $name }
sign-out-button = Sign out
signed-out-title = You are signed out
signed-out-body = If you are using a computer that others also use, close the browser now.
sign-in-refused-title = The sign-in did not go through
sign-in-refused-loa = Your e-ID has too low a level of assurance for this e-service. Sign in with BankID or Freja eID+, which have level of assurance 3.
sign-in-refused-state = The sign-in could not be matched to this browser. This happens if you signed in in another tab or waited too long. Try again.
sign-in-refused-failed = The e-ID could not confirm who you are. Try again in a while.
sign-in-refused-cancelled = You cancelled the sign-in.
sign-in-try-again = Try again
test-eid-title = Test e-ID
test-eid-warning = This is a test e-ID for trying Blankett out. No real person is signed in, and it cannot be used in a real deployment.
test-eid-legend = Who do you want to sign in as?
test-eid-loa = Level of assurance { $level }
test-eid-no-pin = Without a Swedish personal identity number
test-eid-submit = Sign in
test-eid-cancel = Cancel the sign-in
test-eid-error = Choose who you want to sign in as
error-too-many-sign-ins = You have tried to sign in too many times in a short while. Wait { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
} and try again.
error-too-many-submissions = Too many applications have been sent from here in a short while. What you wrote is kept. Wait { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}, go back and send again.

## Staff
staff-signin-title = Sign in as staff
staff-username = Username
staff-password = Password
staff-signin-button = Sign in
staff-signin-missing = Enter both your username and your password
staff-signin-wrong = The username or the password is not right
staff-home-title = Staff
staff-roles = Your roles
staff-services = E-services you work with
staff-home-next = Case handling and the form builder open from here.
role-administrator = Administrator
role-author = Form author
role-handler = Case handler
session-warning = You have not done anything for a while. For your safety you will be signed out in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
session-extend = Stay signed in
session-ended = You have been signed out because you had not done anything for a while. Sign in again to go on.

## My cases
my-cases-title = My cases
my-cases-sign-in-body = Sign in with e-ID to see your cases and the applications you have started.
my-cases-none = You have no cases or started applications here yet.
my-cases-find-service = Find an e-service
my-cases-back = Back to My cases
my-cases-drafts-heading = Started
my-cases-draft-saved = Saved { $date }.
my-cases-draft-expires = Kept until { $date }.
my-cases-sent-heading = Sent
my-cases-unread = { $count ->
    [one] One new message
   *[other] { $count } new messages
}
case-title = Case { $reference }
case-reference = Case reference
case-sent = Sent
case-sent-at = Sent { $time }.
case-status = Status
case-status-since = since { $date }
case-status-received = Received
case-status-in-progress = In progress
case-status-waiting = Waiting for completion
case-status-approved = Approved
case-status-rejected = Rejected
case-status-closed = Closed
case-history-heading = What has happened
case-messages-heading = Messages
case-messages-none = No messages yet.
case-processing-days = Handling usually takes about { $days } days.
case-messages-closed = The case is closed. Contact the municipality if you have questions.
message-error-closed = The case is closed and takes no more messages.
case-message-from-staff = The case handler
case-message-from-you = You
case-message-new = New
case-message-label = Write to the case handler
case-message-hint = At most { $max } characters. You get the answer here, and an e-mail when the case handler replies.
case-message-send = Send the message
case-files-heading = Attached files
case-request-from-staff = The case handler asks you to complete your case
case-completion-from-you = Your completion
completion-heading = The case handler asks you to complete your case
completion-label = Your answer
completion-files-label = Files (optional)
completion-files-hint = At most { $count } files, PDF or pictures, at most { $max } each.
completion-send = Send the completion
completion-error-empty = Write an answer or choose a file.
completion-error-too-many = Choose at most { $max } files.
completion-error-too-large = The file { $name } is too large. It must be at most { $max }.
completion-error-type = The file { $name } is not a PDF or a picture. Choose a PDF or a picture.
mail-request-subject = Complete your case { $reference }
mail-request-intro = The case handler asks you to complete case { $reference }.
message-error-empty = Write a message.
message-error-too-long = The message must be at most { $max } characters.
staff-signin-provider = Sign in with your municipality account
staff-signin-local-heading = Or with a Blankett account
staff-signin-unknown = You are signed in at the municipality, but have no account in Blankett. Ask an administrator to add you.
staff-signin-failed = Signing in at the municipality did not go through. Try again.
mail-status-subject = News about your case { $reference }
mail-status-intro = Your case { $reference } has a new status: { $status }.
mail-message-subject = New message about your case { $reference }
mail-message-intro = The case handler has written to you about case { $reference }.
mail-case-read-more = Sign in and read more under My cases:

## Case handling
staff-home-cases = Cases to handle
inbox-title = Cases
inbox-back = Back to the cases
inbox-any = All
inbox-service = E-service
inbox-assigned = Case handler
inbox-assigned-me = Mine
inbox-assigned-none = No one
inbox-search = Case reference or applicant's name
inbox-from = Sent from
inbox-to = Sent until
inbox-sort = Order
inbox-sort-newest = Newest first
inbox-sort-oldest = Oldest first
inbox-filter = Show cases
inbox-clear = Clear the filter
inbox-counts = Cases by status
inbox-date-error = Write dates as year-month-day, for example 2026-11-23.
inbox-total = { $count ->
    [one] One case
   *[other] { $count } cases
}
inbox-pages = Pages
inbox-previous = Previous page
inbox-next = Next page
inbox-page = Page { $page } of { $pages }
case-applicant = Applicant
case-applicant-anonymous = Not signed in
case-assigned = Case handler
case-assign-me = Take the case
case-unassign = Let go of the case
case-assign-to = Give the case to
case-assign = Give the case
case-change-status = Change the status
case-new-status = New status
case-status-note = Message to the applicant (optional)
case-message-hint-staff = At most { $max } characters. The applicant reads it under My cases and gets an e-mail saying something has happened, without the content.
case-write-heading = Write to the applicant
case-write-label = Message
case-write-send = Send the message
case-no-messages-anonymous = The applicant did not sign in and cannot read messages here. A new status is e-mailed if the form has an e-mail address.
case-note-heading = Internal note
case-note-label = Note
case-note-hint = Seen only by case handlers, never by the applicant.
case-note-save = Save the note
history-status = Status: { $status }
history-message-to = Message to the applicant
history-message-from = Message from the applicant
history-note = Internal note
history-assigned = Assigned to { $name }
history-unassigned = No case handler
history-read = Read
case-request-heading = Ask for completion
case-request-open = The applicant has not yet answered the latest request for completion.
case-request-label = What does the applicant need to complete?
case-request-files = The applicant may send files with the answer
case-request-send = Ask for completion
history-request = Request for completion
history-request-files = Request for completion, with files
history-completion = Completion from the applicant
history-taken-over = Taken over by { $system }
export-heading = Download cases
export-format = Format
export-button = Download
export-case = Download the case as JSON

## Administration
staff-home-admin = Administration
admin-title = Administration
admin-back-staff = Back to the start page
admin-back = Back to administration
admin-integrations-title = Back-office systems: API tokens and webhooks
admin-integrations-intro = Back-office and archive systems fetch cases and change their status through Blankett's API, with one token per system and e-service. Webhooks tell a system that something has happened in a case.
admin-staff-heading = Staff
admin-staff-add = Add a member of staff
admin-name = Name
admin-username = Username
admin-username-hint = The same as at the municipality's sign-in service, if they sign in there.
admin-organisation = Department
admin-roles = Roles
admin-services = E-services
admin-disabled = Disabled
admin-none = None
admin-services-heading = E-services
admin-service = E-service
admin-owner = Owner
admin-handlers = Case handlers
admin-default-handler = Gets new cases
admin-organisations-heading = Departments
admin-key = Short name
admin-key-hint = Lower-case letters, digits and dashes, for example city-planning.
admin-members = Staff
admin-organisation-add = Add a department
admin-provider-only = Signs in only through the municipality's sign-in service (no password)
admin-disable = Disable the account (they are signed out and cannot sign in)
admin-save = Save
admin-shown-once-token = The API token is made
admin-shown-once-webhook = The webhook is added. This is its secret for signatures
admin-shown-once-password = The member of staff is added. This is their first password
admin-shown-once-hint = Copy it now and hand it over safely. It is shown only this once; Blankett does not keep it readable.
admin-live = Live
admin-revoked = Revoked
admin-tokens-heading = API tokens
admin-system = System
admin-system-hint = The back-office system's name, as the cases' history shows it.
admin-created = Made
admin-last-used = Last used
admin-state = State
admin-never = Never
admin-revoke = Revoke
admin-token-add = Make an API token
admin-webhooks-heading = Webhooks
admin-number = Number
admin-url = Address
admin-url-hint = Starts with https://
admin-remove = Remove
admin-webhook-add = Add a webhook
admin-deliveries-heading = Latest deliveries
admin-deliveries-none = No deliveries yet.
admin-event = Event
admin-webhook = Webhook
admin-attempts = Attempts
admin-delivery-delivered = Delivered
admin-delivery-failed = Failed
admin-delivery-waiting = Waiting
admin-delivery-delivered-when = { $time }
admin-delivery-failed-when = gave up { $time }
admin-delivery-waiting-when = next attempt { $time }
admin-error-name = Write a name.
admin-error-key = Write a short name of 2–40 lower-case letters, digits and dashes.
admin-error-key-taken = That short name is taken. Choose another.
admin-error-roles = Choose at least one role.
admin-error-username = Write a username without spaces.
admin-error-username-taken = That username is taken. Choose another.
admin-error-self = You cannot take away your own administrator role or disable your own account.
admin-error-default = Whoever gets new cases must be one of the e-service's case handlers.
admin-error-system = Write the system's name.
admin-error-url = Write an address that starts with https://.

## Form authoring
staff-home-forms = E-services and forms
authoring-title = E-services and forms
authoring-back = Back to the e-services
authoring-services = Your e-services
authoring-live = Published
authoring-draft = Draft
authoring-has-draft = Has a draft
authoring-not-published = Not published yet.
authoring-version = version { $version }
authoring-live-version = Version { $version } is published.
authoring-editing-draft = You are editing a draft of the next version.
authoring-no-draft = There is no draft; what you save becomes one.
authoring-template-heading = Start from a template
authoring-template = Template
authoring-key = Short name of the new e-service
authoring-key-hint = It is in the e-service's address: lower-case letters, digits and dashes, for example street-talk.
authoring-template-start = Make a draft from the template
authoring-import-heading = Import a definition
authoring-import-label = The definition, as JSON or TOML
authoring-import-hint = Paste an exported definition. An e-service with the same short name gets a new draft.
authoring-import = Import
authoring-problems = { $count ->
    [one] One problem stops publishing
   *[other] { $count } problems stop publishing
}
authoring-unreadable = The text does not read as a definition:
authoring-changes = Changes against the published version
authoring-added-pages = New pages
authoring-removed-pages = Removed pages
authoring-added-fields = New questions
authoring-removed-fields = Removed questions (their answers are dropped from applications under way)
authoring-changed-fields = Changed questions
authoring-open-drafts = { $count } applications under way are on the published version; the changes affect { $affected } of them.
authoring-definition = The definition (JSON)
authoring-definition-hint = Saved as it stands, even with problems, so nothing is lost.
authoring-save = Save the draft
authoring-publish = Publish
authoring-publish-hint = A draft without problems can be published.
authoring-discard = Throw the draft away
authoring-published = Version { $version } is published.
authoring-export = Export
authoring-export-json = As JSON
authoring-export-toml = As TOML
authoring-error-unreadable = The text does not read as a definition in JSON or TOML.
authoring-error-key = Write a short name of lower-case letters, digits and dashes, starting with a letter.
authoring-error-taken = Another department's e-service has that short name. Choose another.
authoring-error-no-organisation = You belong to no department. Ask an administrator to add you to one.
authoring-error-problems = The draft has problems to fix before it can be published.
problem-key-changed = The short name must be { $key }.
problem-no-languages = Give at least one language.
problem-duplicate-language = The language { $language } is there more than once.
problem-invalid-key = { $key } is not a valid short name: lower-case letters, digits and dashes, a letter first.
problem-duplicate-key = The short name { $key } is used more than once.
problem-missing-text = The text is missing in { $language }.
problem-no-pages = The form needs at least one page.
problem-empty-page = The page has no questions.
problem-no-options = The question needs options.
problem-duplicate-option = The option { $value } is there more than once.
problem-empty-range = The limits allow no answer.
problem-expression = The condition does not read (at character { $at }).
problem-not-a-condition = The condition is not true or false.
problem-condition-cycle = The conditions depend on each other in a circle.
problem-unknown-field = There is no question { $field }.
problem-unknown-error-code = There is no error { $error_code }.
problem-never-shown = The condition can never hold: nobody would see this.
problem-required-but-never-shown = The question is required but can never be shown.
problem-not-a-value = The calculation does not give a single value.
problem-unsafe-link = The link { $href } is not allowed: use https://, mailto:, tel: or a path here.
problem-limit-too-large = The limit is too high; at most { $max }.
problem-invalid-pattern = The pattern cannot be used: { $reason }
problem-invalid-media-type = { $media_type } is not a file type (such as image/jpeg or image/*).
problem-invalid-phone = { $phone } is not a telephone number.
problem-nested-group = A group cannot be inside another group.
problem-prefill-mismatch = The prefilled value does not fit the question.
problem-prefill-in-group = Questions in a group cannot be prefilled.
problem-read-only-without-prefill = A read-only question must be prefilled.
problem-read-only-needs-e-id = A read-only prefilled question needs sign-in with e-ID.
problem-not-an-email-field = { $field } is not an e-mail question outside a group.
problem-missing-status = The status { $key } must be there.

## The builder
builder-heading = Pages and questions
builder-texts-heading = The e-service's name and description
builder-title = Name
builder-description = Description
builder-missing = Missing
builder-save-texts = Save the texts
builder-page = Page { $number }: { $title }
builder-page-title = The page's heading
builder-condition = Shown only when (condition)
builder-condition-hint = For example $kind == "pothole". Empty: always.
builder-save-page = Save the page
builder-up = Move up
builder-down = Move down
builder-remove = Remove
builder-question = Question
builder-key = Short name
builder-kind = Kind
builder-actions = Change
builder-edit = Edit
builder-required = Must be answered
builder-add-question = Add a question
builder-question-label = The question
builder-add-page = Add a page
builder-new-page-title = The page's heading
builder-advanced = The definition as JSON (for whoever wants to write it)
builder-no-questions = The page has no questions yet.
builder-field-heading = Question: { $key }
builder-label = The question
builder-hint = Help text (optional)
builder-guided = Or choose the condition
builder-guided-field = Question
builder-guided-comparison = Comparison
builder-guided-value = Value
builder-guided-none = No condition here
builder-is = is
builder-is-not = is not
builder-yes = is yes
builder-no = is no
builder-answered = is answered
builder-save-question = Save the question
builder-options = Options
builder-option = The option { $value }
builder-option-remove = Remove the option { $value }
builder-new-option-value = New option: value (stored in the answers)
builder-new-option-label = New option: text
builder-back = Back to the draft
builder-error-key = Write a short name of lower-case letters, digits and dashes, starting with a letter.
builder-error-taken = The form already has that short name.
builder-error-text = Write a text.
builder-error-gone = The page or question is no longer there. The page shows the draft as it is now.
builder-error-unreadable = Fix the definition first: it does not read.
builder-error-kind = Choose a kind of question.
builder-error-condition = Choose a question and a comparison for the condition.
kind-short-text = Short text
kind-long-text = Long text
kind-email = E-mail address
kind-integer = Whole number
kind-decimal = Decimal number
kind-single-choice = One choice
kind-multiple-choice = Several choices
kind-yes-no = Yes or no
kind-consent = Consent
kind-date = Date
kind-phone = Telephone number
kind-postal-code = Postcode
kind-personal-identity-number = Personal identity number
kind-organisation-number = Organisation number
kind-file = Files
kind-group = Repeating group
kind-computed = Computed value
kind-postal-address = Postal address
kind-information = Information
preview-open = Preview
preview-title = Preview: { $title }
preview-intro = This is the page as applicants see it, drawn by the same parts as the e-service. It cannot be filled in here.
preview-problems = The draft has problems. Fix them first, and it can be previewed.
preview-pages = The form's pages
preview-languages = The form's languages
preview-widths = Screen width
preview-phone = Phone
preview-desktop = Desktop
preview-frame = The preview

## Publishing: versions, now or later, taken down
authoring-publish-heading = Publish
authoring-error-at-missing = Enter the date and time when it should happen
authoring-error-at-invalid = Enter the date and time like 2026-12-24 08:00
authoring-error-at-past = The date and time must be in the future
publishing-when = When?
publishing-now = Now
publishing-later = At a set time
publishing-at = Date and time
publishing-at-hint = For example 2026-12-24 08:00. Only used if you chose a set time.
versions-open = Versions and publishing
versions-title = Versions of { $title }
versions-caption = Published versions
versions-version = Version
versions-published = Published
versions-cases = Cases
versions-offer = Offered
versions-offered-now = Offered now
versions-republish = Publish version { $version } again
versions-not-offered = The service is not offered to residents at the moment.
versions-scheduled = Scheduled
versions-scheduled-version = Version { $version } is published { $at }.
versions-scheduled-down = The service is taken down { $at }.
versions-cancel = Cancel
versions-cancel-label = Cancel: { $what }
versions-unpublish-heading = Take the service down
versions-unpublish-hint = New residents then cannot start filling it in. Anyone who has already started can still send their draft, and every case stays.
versions-unpublish = Take the service down
versions-accessibility = Accessibility
versions-check = Check version { $version }
versions-check-none = Not checked
versions-check-unavailable = The accessibility check is not turned on on this server. Ask your administrator to set BLANKETT_ACCESSIBILITY_COMMAND.
accessibility-title = Accessibility check of { $title }, version { $version }
accessibility-intro = The check opens the service's start page and every page of the form in every language residents can read it in, the way residents see them: as first shown (with JavaScript) and with the errors of an empty answer (without JavaScript). Each is examined with axe-core with all its rules: WCAG 2.2 levels A and AA, and best practice. The report is kept with the version.
accessibility-not-checked = This version has not been checked.
accessibility-queued = The check is waiting for its turn (asked for { $at }). Reload the page to see the result.
accessibility-running = The check is under way (asked for { $at }). Reload the page to see the result.
accessibility-passed = No violations were found in { $views } page views examined ({ $at }).
accessibility-failed = { $violations ->
    [one] One violation was found
   *[other] { $violations } violations were found
} in { $views } page views examined ({ $at }).
accessibility-error = The check could not examine every page ({ $at }).
accessibility-error-reference = The check could not run. Reference: { $reference }.
accessibility-state-queued = Waiting
accessibility-state-running = Under way
accessibility-state-passed = No violations
accessibility-state-failed = { $violations ->
    [one] 1 violation
   *[other] { $violations } violations
}
accessibility-state-error = Could not run
accessibility-reload = Reload
accessibility-run = Check version { $version }
accessibility-run-again = Check again
accessibility-axe = Examined with axe-core { $version }.
accessibility-views = Page views examined
accessibility-page = Page
accessibility-start-page = The start page
accessibility-language = Language
accessibility-how = Shown
accessibility-first-shown = First shown, with JavaScript
accessibility-with-errors = With error messages, without JavaScript
accessibility-result = Result
accessibility-view-heading = { $page }, { $language }: { $how }
accessibility-impact = Impact: { $impact }
accessibility-help-link = About the rule { $rule }
accessibility-elements = Elements that break the rule
accessibility-open = Report
accessibility-open-label = Report for version { $version }
accessibility-back = Back to the versions

## Statistics
statistics-open = Statistics
statistics-summary-open = Statistics of every service
statistics-summary-title = every service
statistics-title = Statistics: { $title }
statistics-period = Period
statistics-from = From
statistics-to = To
statistics-show = Show
statistics-showing = From { $from } to { $to }, both included.
statistics-error-date = Enter dates like 2026-12-01
statistics-error-order = The start date must be before the end date
statistics-error-long = Choose a period of at most 400 days
statistics-views = Start page views
statistics-starts = Started
statistics-saved = Saved for later
statistics-submitted = Sent
statistics-completion = Share who sent
statistics-median = Median time to fill in
statistics-e-id = Sent with e-ID
statistics-e-id-share = Share sent with e-ID
statistics-duration = { $minutes } min { $seconds } s
statistics-funnel = From start page to sent
statistics-left-heading = Where residents leave the form
statistics-left-hint = Drafts that were never sent, by the page they were last on: those that expired in the period and those open now.
statistics-left-chart = Unsent drafts by page
statistics-page = Page
statistics-left = Left (expired)
statistics-open-now = Open now
statistics-days-heading = By day
statistics-days-chart = Sent by day
statistics-day = Day
statistics-services-heading = By service
statistics-services-chart = Sent by service
statistics-total = Total
statistics-csv = Download as CSV
statistics-privacy = The statistics hold no personal data: only counts by service, day and page.

## The builder: a question's settings
builder-settings = Settings
builder-error-setting = The value does not read: see the example under the heading
builder-setting-min-length = Fewest characters
builder-setting-min-length-hint = A whole number. Empty: no limit.
builder-setting-max-length = Most characters
builder-setting-max-length-hint = A whole number. Empty: no limit.
builder-setting-pattern = Pattern the answer must follow
builder-setting-pattern-hint = A regular expression, for example [A-Z]{"{"}3{"}"} ?[0-9]{"{"}2{"}"}[0-9A-Z] for a registration number. Write your own error message saying what is expected.
builder-setting-min = Lowest value
builder-setting-min-hint = A number. Empty: no limit.
builder-setting-max = Highest value
builder-setting-max-hint = A number. Empty: no limit.
builder-setting-unit = Unit (shown after the answer)
builder-setting-decimals = Decimal places
builder-setting-decimals-hint = At most 6. Empty: 2.
builder-setting-display = Shown as
builder-setting-display-hint = A drop-down list suits long lists.
builder-setting-display-radios = Radio buttons
builder-setting-display-select = Drop-down list
builder-setting-min-selected = Fewest choices
builder-setting-min-selected-hint = A whole number. Empty: no limit.
builder-setting-max-selected = Most choices
builder-setting-max-selected-hint = A whole number. Empty: no limit.
builder-setting-earliest = Earliest date
builder-setting-earliest-hint = A date like 2026-01-01, or today, today+30 or today-6570 (days from the day the form is filled in).
builder-setting-latest = Latest date
builder-setting-latest-hint = As for the earliest date.
builder-setting-accept = File types allowed
builder-setting-accept-hint = Media types separated by commas, for example application/pdf, image/*.
builder-setting-max-megabytes = Largest file in megabytes
builder-setting-max-megabytes-hint = A whole number, at least 1.
builder-setting-max-files = Most files
builder-setting-max-files-hint = A whole number. Empty: 1.
builder-setting-row-label = What a row is called
builder-setting-min-rows = Fewest rows
builder-setting-min-rows-hint = A whole number. Empty: no limit.
builder-setting-max-rows = Most rows
builder-setting-max-rows-hint = A whole number. Empty: no limit.
builder-setting-expression = Calculation
builder-setting-expression-hint = An expression over other answers, for example $count * 250.
builder-setting-text = The text (an empty line between paragraphs)
builder-setting-required-if = Must be answered when (condition)
builder-setting-required-if-hint = An expression, for example $kind == "other". Empty: only if the question is required.
builder-rules = Rules across questions
builder-rules-hint = A rule is an expression that must hold, for example $to >= $from. If it does not, the message is shown at the chosen question.
builder-rule-check = The expression that must hold
builder-rule-check-hint = For example $count <= 10 or $to >= $from.
builder-rule-field = Shown at the question
builder-rule-message = The message when the rule does not hold
builder-rule-save = Save the rule { $key }
builder-rule-remove = Remove the rule { $key }
builder-rule-add = Add a rule
builder-error-rule = Write both the expression and the message.
builder-autosave-saving = Saving …
builder-autosave-saved = Saved
builder-autosave-failed = Could not be saved. Use the button.
builder-option-up = Move the option { $value } up
builder-option-down = Move the option { $value } down

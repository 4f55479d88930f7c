# Arabic. Text that must be typed or read in left-to-right order (phone and
# postcode examples, the date and time, Freja eID+) is wrapped in
# { "\u2066" } … { "\u2069" } (left-to-right isolate) so it is not reordered
# inside right-to-left text.

skip-to-content = انتقل إلى المحتوى
footer-text = Blankett – الخدمات الإلكترونية للبلدية
language-switch-label = اللغة
back-to-start = العودة إلى الصفحة الرئيسية

catalogue-title = الخدمات الإلكترونية
catalogue-heading = ماذا تريد أن تفعل؟
catalogue-intro = اختر خدمة إلكترونية من الموضوع المناسب، أو ابحث عمّا تريد القيام به.
catalogue-empty = لا توجد خدمات إلكترونية حتى الآن.

topic-parking-and-streets = مواقف السيارات والشوارع
topic-preschool-and-school = روضة الأطفال والمدرسة
topic-business-and-permits = الشركات والتصاريح
topic-family-and-life-events = الأسرة وأحداث الحياة
topic-other = أخرى

submit-button = إرسال

receipt-title = تم إرسال طلبك
receipt-reference-label = رقم معاملتك
receipt-body = استلمنا «{ $service }» في { "\u2066" }{ $time }{ "\u2069" }.
receipt-keep-reference = احتفظ برقم المعاملة، واذكره إذا تواصلت معنا بشأن معاملتك.

not-found-title = الصفحة غير موجودة
not-found-body = تحقّق من العنوان، أو ابدأ من جديد من الصفحة الرئيسية.
error-page-title = حدث خطأ ما
error-page-body = حاول مرة أخرى بعد قليل. إذا استمرت المشكلة، فتواصل معنا واذكر رمز الخطأ { $reference }.
error-body-too-large = ما أرسلته كبير جدًا.
error-bad-request = تعذّرت قراءة ما أرسلته. ارجع إلى الصفحة السابقة وحاول مرة أخرى.
error-cross-site = ما أرسلته جاء من موقع آخر ولم يُقبل. افتح الخدمة الإلكترونية مباشرة وحاول مرة أخرى.

error-connection = تعذّر تحميل الصفحة. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.

# Repeating groups, drop-down lists, files and more checks.
search-label = ابحث في الخدمات الإلكترونية
search-button = بحث
search-results = { $count ->
    [0] لا توجد خدمات إلكترونية تطابق «{ $query }»
    [one] خدمة إلكترونية واحدة تطابق «{ $query }»
    [two] خدمتان إلكترونيتان تطابقان «{ $query }»
    [few] { $count } خدمات إلكترونية تطابق «{ $query }»
   *[other] { $count } خدمة إلكترونية تطابق «{ $query }»
}
search-none = تحقّق من الإملاء، أو ابحث بكلمات أقل، أو تصفّح جميع الخدمات الإلكترونية.
search-show-all = عرض جميع الخدمات الإلكترونية

# A service's start page.
start-before-heading = قبل أن تبدأ
start-need = جهّز ما يلي:
start-minutes = { $minutes ->
    [one] تستغرق التعبئة نحو دقيقة واحدة.
    [two] تستغرق التعبئة نحو دقيقتين.
    [few] تستغرق التعبئة نحو { $minutes } دقائق.
   *[other] تستغرق التعبئة نحو { $minutes } دقيقة.
}
start-e-id = تسجّل الدخول بهوية إلكترونية، مثل BankID أو { "\u2066" }Freja eID+{ "\u2069" }.
start-anonymous = لا تحتاج إلى تسجيل الدخول.
start-button = ابدأ الآن
start-handling-heading = معالجة الطلب
start-processing-days = { $days ->
    [one] عادةً ما نعالج المعاملة خلال يوم واحد.
    [two] عادةً ما نعالج المعاملة خلال يومين.
    [few] عادةً ما نعالج المعاملة خلال { $days } أيام.
    [many] عادةً ما نعالج المعاملة خلال { $days } يومًا.
   *[other] عادةً ما نعالج المعاملة خلال { $days } يوم.
}
start-responsible = الجهة المسؤولة: { $organisation }.
start-privacy-heading = بياناتك الشخصية
start-retention = { $months ->
    [one] نحتفظ بالبيانات لمدة شهر واحد بعد إغلاق المعاملة.
    [two] نحتفظ بالبيانات لمدة شهرين بعد إغلاق المعاملة.
    [few] نحتفظ بالبيانات لمدة { $months } أشهر بعد إغلاق المعاملة.
    [many] نحتفظ بالبيانات لمدة { $months } شهرًا بعد إغلاق المعاملة.
   *[other] نحتفظ بالبيانات لمدة { $months } شهر بعد إغلاق المعاملة.
}
start-other-ways-heading = طرق أخرى
start-phone = يمكنك أيضًا الاتصال بنا:
legal-basis-consent = نعالج البيانات بموافقتك.
legal-basis-contract = نعالج البيانات لتنفيذ اتفاق معك.
legal-basis-legal-obligation = نعالج البيانات لأن القانون يُلزمنا بذلك.
legal-basis-vital-interests = نعالج البيانات لحماية حياة شخص ما أو صحته.
legal-basis-public-task = نعالج البيانات لأداء مهمة تخدم المصلحة العامة، تتولاها البلدية بموجب القانون.
legal-basis-legitimate-interests = نعالج البيانات بعد الموازنة بين المصالح المشروعة.

# The receipt: what happens next, and the answers as sent.
receipt-next-heading = ماذا يحدث الآن؟
receipt-next = سنعالج معاملتك ونتواصل معك إذا احتجنا إلى معلومات إضافية.
receipt-next-days = { $days ->
    [one] سنعالج معاملتك ونتواصل معك إذا احتجنا إلى معلومات إضافية. يستغرق ذلك عادةً نحو يوم واحد.
    [two] سنعالج معاملتك ونتواصل معك إذا احتجنا إلى معلومات إضافية. يستغرق ذلك عادةً نحو يومين.
    [few] سنعالج معاملتك ونتواصل معك إذا احتجنا إلى معلومات إضافية. يستغرق ذلك عادةً نحو { $days } أيام.
    [many] سنعالج معاملتك ونتواصل معك إذا احتجنا إلى معلومات إضافية. يستغرق ذلك عادةً نحو { $days } يومًا.
   *[other] سنعالج معاملتك ونتواصل معك إذا احتجنا إلى معلومات إضافية. يستغرق ذلك عادةً نحو { $days } يوم.
}
receipt-answers-heading = إجاباتك
receipt-print-hint = يمكنك طباعة هذه الصفحة أو حفظها بصيغة PDF، لتحتفظ بإجاباتك.

# The satisfaction survey under the receipt.
feedback-heading = ساعدنا على التحسّن
feedback-question = ما مدى سهولة أو صعوبة استخدام الخدمة الإلكترونية؟
feedback-5 = سهل جدًا
feedback-4 = سهل إلى حدٍّ ما
feedback-3 = لا سهل ولا صعب
feedback-2 = صعب إلى حدٍّ ما
feedback-1 = صعب جدًا
feedback-comment = هل تريد أن تخبرنا بالمزيد؟
feedback-comment-hint = لا تكتب أي بيانات شخصية. نقرأ كل ما يُكتب، لكننا لا نرد هنا.
feedback-send = إرسال الملاحظات
feedback-thanks = شكرًا على ملاحظاتك! فهي تساعدنا على تحسين الخدمة الإلكترونية.
feedback-error-rating = اختر مدى سهولة أو صعوبة الاستخدام.
feedback-error-too-long = يجب ألا يزيد النص على { $max } حرفًا.

# E-mail
mail-receipt-subject = استلمنا طلبك – { $reference }
mail-automatic = أُرسلت هذه الرسالة تلقائيًا ولا يمكن الرد عليها. اذكر رقم المعاملة إذا تواصلت معنا.

# One page at a time, and checking the answers
check-title = راجع إجاباتك قبل الإرسال
check-change = تغيير
check-send-heading = الإرسال
check-send-body = عند الإرسال ستحصل على رقم معاملة وتأكيد.
# Save and come back later
saved-title = تم حفظ إجاباتك
saved-use-link = استخدم هذا الرابط عندما تريد المتابعة:
saved-shown-once = احفظ الرابط الآن، مثلًا كإشارة مرجعية أو في رسالة بريد إلكتروني لنفسك. لن يُعرض إلا مرة واحدة، ويمكن لكل من لديه الرابط أن يرى إجاباتك.
saved-expires = يعمل الرابط حتى { $date }. بعد ذلك تُحذف الإجابات. في كل مرة تحفظ فيها من جديد تُحفظ مدة أطول.
saved-mail-heading = احصل على الرابط بالبريد الإلكتروني
saved-mail-label = عنوان البريد الإلكتروني
saved-mail-hint = نرسل الرابط فقط، ولا نرسل أيًا من إجاباتك. لا يُحفظ العنوان.
saved-mail-send = أرسل الرابط
saved-mail-error-missing = اكتب عنوان البريد الإلكتروني الذي يُرسل إليه الرابط
saved-mail-error-invalid = اكتب عنوان البريد الإلكتروني بالشكل الصحيح، مثل name@example.com
saved-mail-sent-title = تم إرسال الرابط
saved-mail-sent-body = أرسلنا الرابط إلى عنوان البريد الإلكتروني الذي كتبته. إذا لم يصل خلال دقائق، فابحث في مجلد الرسائل غير المرغوب فيها.
mail-resume-subject = رابطك للمتابعة: { $service }
mail-resume-intro = حفظت إجاباتك في { $service } لتتابع لاحقًا. تابع من هنا:
mail-resume-keep = يمكن لكل من لديه الرابط أن يرى إجاباتك ويغيّرها، فلا تشاركه مع أحد.
mail-resume-not-you = إذا لم تطلب هذه الرسالة فيمكنك تجاهلها؛ تُحذف الإجابات عندما يتوقف الرابط عن العمل.
mail-automatic-no-reply = أُرسلت هذه الرسالة تلقائيًا ولا يمكن الرد عليها.
expired-title = هذا الرابط لم يعد يعمل
expired-body = تُحذف الإجابات المحفوظة عند انتهاء مدتها وبعد إرسالها. يمكنك البدء من جديد.

## Signing in with e-ID
sign-in-button = تسجيل الدخول بالهوية الإلكترونية
sign-in-required-title = سجّل الدخول لاستخدام هذه الخدمة الإلكترونية
sign-in-required-body = في { $service } تسجّل الدخول بالهوية الإلكترونية، مثل BankID أو Freja eID+. وعندها تُملأ بياناتك تلقائيًا.
sign-in-too-low-body = تسجيل دخولك لا يكفي لـ { $service }. سجّل الدخول باستخدام BankID أو Freja eID+.
signed-in-as = مسجّل الدخول باسم { $name }
sign-out-button = تسجيل الخروج
signed-out-title = لقد سجّلت الخروج
signed-out-body = إذا كنت تستخدم حاسوبًا يستخدمه آخرون أيضًا، فأغلق المتصفح الآن.
sign-in-refused-title = لم يكتمل تسجيل الدخول
sign-in-refused-loa = مستوى الثقة في هويتك الإلكترونية منخفض جدًا لهذه الخدمة. سجّل الدخول باستخدام BankID أو Freja eID+، ولهما مستوى الثقة 3.
sign-in-refused-state = تعذّر ربط تسجيل الدخول بهذا المتصفح. يحدث ذلك إذا سجّلت الدخول في علامة تبويب أخرى أو انتظرت طويلًا. حاول مرة أخرى.
sign-in-refused-failed = لم تتمكن الهوية الإلكترونية من تأكيد هويتك. حاول مرة أخرى بعد قليل.
sign-in-refused-cancelled = لقد ألغيت تسجيل الدخول.
sign-in-try-again = حاول مرة أخرى
test-eid-title = هوية إلكترونية تجريبية
test-eid-warning = هذه هوية إلكترونية تجريبية لتجربة Blankett. لا يُسجَّل دخول أي شخص حقيقي، ولا يمكن استخدامها في تشغيل حقيقي.
test-eid-legend = باسم من تريد تسجيل الدخول؟
test-eid-loa = مستوى الثقة { $level }
test-eid-no-pin = بدون رقم هوية شخصي سويدي
test-eid-submit = تسجيل الدخول
test-eid-cancel = إلغاء تسجيل الدخول
test-eid-error = اختر الشخص الذي تريد تسجيل الدخول باسمه
error-too-many-sign-ins = لقد حاولت تسجيل الدخول مرات كثيرة في وقت قصير. انتظر { $minutes ->
    [one] دقيقة
   *[other] { $minutes } دقائق
} ثم حاول مرة أخرى.
error-too-many-submissions = أُرسلت طلبات كثيرة من هنا في وقت قصير. ما كتبته محفوظ. انتظر { $minutes ->
    [one] دقيقة
   *[other] { $minutes } دقائق
} ثم ارجع وأرسل مرة أخرى.

## Staff
staff-signin-title = تسجيل الدخول كموظف
staff-username = اسم المستخدم
staff-password = كلمة المرور
staff-signin-button = تسجيل الدخول
staff-signin-missing = أدخل اسم المستخدم وكلمة المرور كليهما
staff-signin-wrong = اسم المستخدم أو كلمة المرور غير صحيحة
staff-home-title = الموظفون
staff-roles = أدوارك
staff-services = الخدمات الإلكترونية التي تعمل عليها
staff-home-next = تُفتح معالجة الطلبات ومُنشئ النماذج من هنا.
role-administrator = مسؤول
role-author = مصمم النماذج
role-handler = موظف معالجة الطلبات
session-warning = لم تقم بأي شيء منذ مدة. حفاظًا على أمانك سيتم تسجيل خروجك خلال { $minutes ->
    [one] دقيقة
   *[other] { $minutes } دقائق
}.
session-extend = البقاء مسجّل الدخول
session-ended = تم تسجيل خروجك لأنك لم تقم بأي شيء منذ مدة. سجّل الدخول مرة أخرى للمتابعة.

## My cases
my-cases-title = قضاياي
my-cases-sign-in-body = سجّل الدخول بالهوية الإلكترونية لترى قضاياك والطلبات التي بدأتها.
my-cases-none = ليست لديك قضايا أو طلبات بدأتها هنا بعد.
my-cases-find-service = ابحث عن خدمة إلكترونية
my-cases-back = العودة إلى قضاياي
my-cases-drafts-heading = طلبات بدأتها
my-cases-draft-saved = حُفظ في { $date }.
my-cases-draft-expires = يُحتفظ به حتى { $date }.
my-cases-sent-heading = طلبات أرسلتها
my-cases-unread = { $count ->
    [one] رسالة جديدة واحدة
   *[other] { $count } رسائل جديدة
}
case-title = القضية { $reference }
case-reference = رقم القضية
case-sent = أُرسلت
case-sent-at = أُرسلت في { $time }.
case-status = الحالة
case-status-since = منذ { $date }
case-status-received = استُلمت
case-status-in-progress = قيد المعالجة
case-status-waiting = بانتظار الاستكمال
case-status-approved = قُبلت
case-status-rejected = رُفضت
case-status-closed = أُغلقت
case-history-heading = ما حدث
case-messages-heading = الرسائل
case-messages-none = لا توجد رسائل بعد.
case-processing-days = تستغرق معالجة الطلب عادةً حوالي { $days } يومًا.
case-messages-closed = الطلب مغلق. تواصل مع البلدية إذا كانت لديك أسئلة.
message-error-closed = الطلب مغلق ولا يستقبل رسائل أخرى.
case-message-from-staff = موظف المعالجة
case-message-from-you = أنت
case-message-new = جديدة
case-message-label = اكتب إلى موظف المعالجة
case-message-hint = { $max } حرف على الأكثر. ستجد الرد هنا، وتصلك رسالة بالبريد الإلكتروني عندما يرد موظف المعالجة.
case-message-send = أرسل الرسالة
case-files-heading = الملفات المرفقة
case-request-from-staff = يطلب منك الموظف المسؤول استكمال طلبك
case-completion-from-you = استكمالك
completion-heading = يطلب منك الموظف المسؤول استكمال طلبك
completion-label = ردك
completion-files-label = ملفات (اختياري)
completion-files-hint = { $count } ملفات على الأكثر، PDF أو صور، بحد أقصى { $max } لكل ملف.
completion-send = أرسل الاستكمال
completion-error-empty = اكتب ردًا أو اختر ملفًا.
completion-error-too-many = اختر { $max } ملفات على الأكثر.
completion-error-too-large = الملف { $name } كبير جدًا. يجب ألا يتجاوز { $max }.
completion-error-type = الملف { $name } ليس PDF ولا صورة. اختر ملف PDF أو صورة.
mail-request-subject = استكمل طلبك { $reference }
mail-request-intro = يطلب منك الموظف المسؤول استكمال الطلب { $reference }.
message-error-empty = اكتب رسالة.
message-error-too-long = يجب ألا تزيد الرسالة على { $max } حرف.
staff-signin-provider = سجّل الدخول بحسابك في البلدية
staff-signin-local-heading = أو بحساب في Blankett
staff-signin-unknown = لقد سجّلت الدخول لدى البلدية، لكن ليس لديك حساب في Blankett. اطلب من أحد المسؤولين إضافتك.
staff-signin-failed = لم ينجح تسجيل الدخول لدى البلدية. حاول مرة أخرى.
mail-status-subject = جديد في قضيتك { $reference }
mail-status-intro = لقضيتك { $reference } حالة جديدة: { $status }.
mail-message-subject = رسالة جديدة في قضيتك { $reference }
mail-message-intro = كتب إليك موظف المعالجة بشأن القضية { $reference }.
mail-case-read-more = سجّل الدخول واقرأ المزيد في قضاياي:

## Case handling
staff-home-cases = قضايا للمعالجة
inbox-title = القضايا
inbox-back = العودة إلى القضايا
inbox-any = الكل
inbox-service = الخدمة الإلكترونية
inbox-assigned = موظف المعالجة
inbox-assigned-me = قضاياي
inbox-assigned-none = لا أحد
inbox-search = رقم القضية أو اسم مقدم الطلب
inbox-from = أُرسلت من
inbox-to = أُرسلت حتى
inbox-sort = الترتيب
inbox-sort-newest = الأحدث أولاً
inbox-sort-oldest = الأقدم أولاً
inbox-filter = اعرض القضايا
inbox-clear = امسح الاختيار
inbox-counts = القضايا حسب الحالة
inbox-date-error = اكتب التاريخ بصيغة سنة-شهر-يوم، مثلاً 2026-11-23.
inbox-total = { $count ->
    [one] قضية واحدة
   *[other] { $count } قضايا
}
inbox-pages = الصفحات
inbox-previous = الصفحة السابقة
inbox-next = الصفحة التالية
inbox-page = الصفحة { $page } من { $pages }
case-applicant = مقدم الطلب
case-applicant-anonymous = لم يسجّل الدخول
case-assigned = موظف المعالجة
case-assign-me = تولَّ القضية
case-unassign = تخلَّ عن القضية
case-assign-to = أسند الطلب إلى
case-assign = أسند الطلب
case-change-status = غيّر الحالة
case-new-status = الحالة الجديدة
case-status-note = رسالة إلى مقدم الطلب (اختياري)
case-message-hint-staff = { $max } حرف على الأكثر. يقرؤها مقدم الطلب في قضاياي ويصله بريد إلكتروني بأن شيئاً قد حدث، من دون المحتوى.
case-write-heading = اكتب إلى مقدم الطلب
case-write-label = الرسالة
case-write-send = أرسل الرسالة
case-no-messages-anonymous = لم يسجّل مقدم الطلب الدخول ولا يستطيع قراءة الرسائل هنا. تُرسل الحالة الجديدة بالبريد الإلكتروني إذا كان في النموذج عنوان بريد.
case-note-heading = ملاحظة داخلية
case-note-label = الملاحظة
case-note-hint = لا يراها إلا موظفو المعالجة، ولا يراها مقدم الطلب أبداً.
case-note-save = احفظ الملاحظة
history-status = الحالة: { $status }
history-message-to = رسالة إلى مقدم الطلب
history-message-from = رسالة من مقدم الطلب
history-note = ملاحظة داخلية
history-assigned = أُسندت إلى { $name }
history-unassigned = لا يوجد موظف معالجة
history-read = قُرئت
case-request-heading = اطلب الاستكمال
case-request-open = لم يرد مقدم الطلب بعد على آخر طلب استكمال.
case-request-label = ما الذي يحتاج مقدم الطلب إلى استكماله؟
case-request-files = يجوز لمقدم الطلب إرسال ملفات مع الرد
case-request-send = اطلب الاستكمال
history-request = طلب استكمال
history-request-files = طلب استكمال، مع ملفات
history-completion = استكمال من مقدم الطلب
history-taken-over = استلمه النظام { $system }
export-heading = تنزيل القضايا
export-format = الصيغة
export-button = تنزيل
export-case = نزّل القضية بصيغة JSON

## Administration
staff-home-admin = الإدارة
admin-title = الإدارة
admin-back-staff = العودة إلى صفحة البداية
admin-back = العودة إلى الإدارة
admin-integrations-title = أنظمة الأعمال: مفاتيح API وخطافات الويب
admin-integrations-intro = تجلب أنظمة الأعمال والأرشيف الطلبات وتغيّر حالتها عبر واجهة API الخاصة بـ Blankett، بمفتاح واحد لكل نظام وخدمة إلكترونية. تُخبر خطافات الويب النظام بأن شيئًا ما حدث في طلب.
admin-staff-heading = الموظفون
admin-staff-add = أضف موظفًا
admin-name = الاسم
admin-username = اسم المستخدم
admin-username-hint = نفسه كما في خدمة تسجيل الدخول في البلدية، إن كان الموظف يسجّل الدخول هناك.
admin-organisation = الإدارة التابع لها
admin-roles = الأدوار
admin-services = الخدمات الإلكترونية
admin-disabled = موقوف
admin-none = لا أحد
admin-services-heading = الخدمات الإلكترونية
admin-service = الخدمة الإلكترونية
admin-owner = المسؤول
admin-handlers = الموظفون المسؤولون عن الطلبات
admin-default-handler = يتلقى الطلبات الجديدة
admin-organisations-heading = الإدارات
admin-key = الاسم المختصر
admin-key-hint = أحرف لاتينية صغيرة وأرقام وشرطات، مثلًا city-planning.
admin-members = الموظفون
admin-organisation-add = أضف إدارة
admin-provider-only = يسجّل الدخول فقط عبر خدمة تسجيل الدخول في البلدية (بدون كلمة مرور)
admin-disable = أوقف الحساب (يُسجَّل خروج الموظف ولا يستطيع تسجيل الدخول)
admin-save = احفظ
admin-shown-once-token = تم إنشاء مفتاح API
admin-shown-once-webhook = تمت إضافة خطاف الويب. هذا هو مفتاحه السري للتوقيعات
admin-shown-once-password = تمت إضافة الموظف. هذه هي كلمة المرور الأولى
admin-shown-once-hint = انسخه الآن وسلّمه بطريقة آمنة. لن يُعرض إلا هذه المرة؛ لا يحتفظ به Blankett بشكل مقروء.
admin-live = فعّال
admin-revoked = مُلغى
admin-tokens-heading = مفاتيح API
admin-system = النظام
admin-system-hint = اسم نظام الأعمال كما يظهر في سجل الطلبات.
admin-created = أُنشئ
admin-last-used = آخر استخدام
admin-state = الحالة
admin-never = أبدًا
admin-revoke = ألغِ
admin-token-add = أنشئ مفتاح API
admin-webhooks-heading = خطافات الويب
admin-number = الرقم
admin-url = العنوان
admin-url-hint = يبدأ بـ https://
admin-remove = احذف
admin-webhook-add = أضف خطاف ويب
admin-deliveries-heading = آخر عمليات التسليم
admin-deliveries-none = لا توجد عمليات تسليم بعد.
admin-event = الحدث
admin-webhook = خطاف الويب
admin-attempts = المحاولات
admin-delivery-delivered = تم التسليم
admin-delivery-failed = فشل
admin-delivery-waiting = في الانتظار
admin-delivery-delivered-when = { $time }
admin-delivery-failed-when = توقفت المحاولات { $time }
admin-delivery-waiting-when = المحاولة التالية { $time }
admin-error-name = اكتب اسمًا.
admin-error-key = اكتب اسمًا مختصرًا من 2 إلى 40 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة.
admin-error-key-taken = هذا الاسم المختصر مستخدم. اختر اسمًا آخر.
admin-error-roles = اختر دورًا واحدًا على الأقل.
admin-error-username = اكتب اسم مستخدم بدون مسافات.
admin-error-username-taken = اسم المستخدم هذا موجود. اختر اسمًا آخر.
admin-error-self = لا يمكنك إزالة دور المسؤول عن نفسك أو إيقاف حسابك.
admin-error-default = يجب أن يكون من يتلقى الطلبات الجديدة أحد الموظفين المسؤولين عن الخدمة.
admin-error-system = اكتب اسم النظام.
admin-error-url = اكتب عنوانًا يبدأ بـ https://.

## Form authoring
staff-home-forms = الخدمات الإلكترونية والنماذج
authoring-title = الخدمات الإلكترونية والنماذج
authoring-back = العودة إلى الخدمات الإلكترونية
authoring-services = خدماتك الإلكترونية
authoring-live = منشورة
authoring-draft = مسودة
authoring-has-draft = توجد مسودة
authoring-not-published = لم تُنشر بعد.
authoring-version = الإصدار { $version }
authoring-live-version = الإصدار { $version } منشور.
authoring-editing-draft = أنت تحرّر مسودة الإصدار التالي.
authoring-no-draft = لا توجد مسودة؛ ما تحفظه يصبح مسودة.
authoring-template-heading = ابدأ من قالب
authoring-template = القالب
authoring-key = الاسم المختصر للخدمة الجديدة
authoring-key-hint = يظهر في عنوان الخدمة: أحرف لاتينية صغيرة وأرقام وشرطات، مثلًا street-talk.
authoring-template-start = أنشئ مسودة من القالب
authoring-import-heading = استورد تعريفًا
authoring-import-label = التعريف بصيغة JSON أو TOML
authoring-import-hint = الصق تعريفًا مُصدَّرًا. الخدمة التي لها الاسم المختصر نفسه تحصل على مسودة جديدة.
authoring-import = استورد
authoring-problems = { $count ->
    [one] مشكلة واحدة تمنع النشر
   *[other] { $count } مشكلات تمنع النشر
}
authoring-unreadable = لا يمكن قراءة النص كتعريف:
authoring-changes = التغييرات مقارنة بالإصدار المنشور
authoring-added-pages = صفحات جديدة
authoring-removed-pages = صفحات محذوفة
authoring-added-fields = أسئلة جديدة
authoring-removed-fields = أسئلة محذوفة (تُحذف إجاباتها من الطلبات الجارية)
authoring-changed-fields = أسئلة معدّلة
authoring-open-drafts = يوجد { $count } طلبًا جاريًا على الإصدار المنشور؛ تؤثر التغييرات في { $affected } منها.
authoring-definition = التعريف (JSON)
authoring-definition-hint = يُحفظ كما هو، حتى مع وجود مشكلات، حتى لا يضيع شيء.
authoring-save = احفظ المسودة
authoring-publish = انشر
authoring-publish-hint = يمكن نشر مسودة بلا مشكلات.
authoring-discard = تخلّص من المسودة
authoring-published = تم نشر الإصدار { $version }.
authoring-export = صدِّر
authoring-export-json = بصيغة JSON
authoring-export-toml = بصيغة TOML
authoring-error-unreadable = لا يمكن قراءة النص كتعريف بصيغة JSON أو TOML.
authoring-error-key = اكتب اسمًا مختصرًا من أحرف لاتينية صغيرة وأرقام وشرطات، يبدأ بحرف.
authoring-error-taken = هذا الاسم المختصر لخدمة تابعة لإدارة أخرى. اختر اسمًا آخر.
authoring-error-no-organisation = أنت لا تنتمي إلى أي إدارة. اطلب من المسؤول إضافتك.
authoring-error-problems = في المسودة مشكلات يجب إصلاحها قبل النشر.
problem-key-changed = يجب أن يكون الاسم المختصر { $key }.
problem-no-languages = حدّد لغة واحدة على الأقل.
problem-duplicate-language = اللغة { $language } مذكورة أكثر من مرة.
problem-invalid-key = { $key } ليس اسمًا مختصرًا صالحًا: أحرف لاتينية صغيرة وأرقام وشرطات، يبدأ بحرف.
problem-duplicate-key = الاسم المختصر { $key } مستخدم أكثر من مرة.
problem-missing-text = النص ناقص باللغة { $language }.
problem-no-pages = يحتاج النموذج إلى صفحة واحدة على الأقل.
problem-empty-page = لا توجد أسئلة في الصفحة.
problem-empty-group = لا توجد أسئلة في صفوف المجموعة.
problem-no-options = يحتاج السؤال إلى خيارات.
problem-duplicate-option = الخيار { $value } مذكور أكثر من مرة.
problem-empty-range = الحدود لا تسمح بأي إجابة.
problem-expression = لا يمكن قراءة الشرط (عند الحرف { $at }).
problem-not-a-condition = الشرط لا ينتج صحيحًا أو خطأ.
problem-condition-cycle = الشروط يعتمد بعضها على بعض في حلقة.
problem-unknown-field = لا يوجد سؤال { $field }.
problem-unknown-error-code = لا يوجد خطأ { $error_code }.
problem-never-shown = لا يمكن أن يتحقق الشرط أبدًا: لن يرى أحد هذا.
problem-required-but-never-shown = السؤال إلزامي لكنه لا يمكن أن يظهر أبدًا.
problem-not-a-value = الحساب لا ينتج قيمة واحدة.
problem-unsafe-link = الرابط { $href } غير مسموح: استخدم https:// أو mailto: أو tel: أو مسارًا هنا.
problem-limit-too-large = الحد مرتفع جدًا؛ الحد الأقصى { $max }.
problem-invalid-pattern = لا يمكن استخدام النمط: { $reason }
problem-invalid-media-type = { $media_type } ليس نوع ملف (مثل image/jpeg أو image/*).
problem-invalid-phone = { $phone } ليس رقم هاتف.
problem-nested-group = لا يمكن وضع مجموعة داخل مجموعة أخرى.
problem-prefill-mismatch = القيمة المعبأة مسبقًا لا تناسب السؤال.
problem-prefill-in-group = لا يمكن تعبئة أسئلة المجموعة مسبقًا.
problem-read-only-without-prefill = يجب تعبئة السؤال المخصص للقراءة فقط مسبقًا.
problem-read-only-needs-e-id = السؤال المعبأ مسبقًا للقراءة فقط يتطلب تسجيل الدخول بالهوية الإلكترونية.
problem-not-an-email-field = { $field } ليس سؤال بريد إلكتروني خارج مجموعة.
problem-missing-status = يجب أن تكون الحالة { $key } موجودة.

## The builder
builder-heading = الصفحات والأسئلة
builder-texts-heading = اسم الخدمة الإلكترونية ووصفها
builder-title = الاسم
builder-description = الوصف
builder-missing = ناقص
builder-save-texts = احفظ النصوص
builder-page = الصفحة { $number }: { $title }
builder-page-title = عنوان الصفحة
builder-condition = تظهر فقط عندما (شرط)
builder-condition-hint = مثلًا $kind == "pothole". فارغ: دائمًا.
builder-save-page = احفظ الصفحة
builder-up = انقل إلى الأعلى
builder-down = انقل إلى الأسفل
builder-remove = احذف
builder-question = السؤال
builder-key = الاسم المختصر
builder-kind = النوع
builder-actions = تغيير
builder-edit = حرّر
builder-required = يجب الإجابة عنه
builder-add-question = أضف سؤالًا
builder-question-label = السؤال
builder-add-page = أضف صفحة
builder-new-page-title = عنوان الصفحة
builder-advanced = التعريف بصيغة JSON (لمن يريد كتابته بنفسه)
builder-no-questions = لا توجد أسئلة في الصفحة بعد.
builder-field-heading = السؤال: { $key }
builder-label = السؤال
builder-hint = نص مساعد (اختياري)
builder-guided = أو اختر الشرط
builder-guided-field = السؤال
builder-guided-comparison = المقارنة
builder-guided-value = القيمة
builder-guided-none = لا شرط هنا
builder-is = يساوي
builder-is-not = لا يساوي
builder-yes = نعم
builder-no = لا
builder-answered = تمت الإجابة عنه
builder-save-question = احفظ السؤال
builder-options = الخيارات
builder-option = الخيار { $value }
builder-option-remove = احذف الخيار { $value }
builder-new-option-value = خيار جديد: القيمة (تُحفظ في الإجابات)
builder-new-option-label = خيار جديد: النص
builder-back = العودة إلى المسودة
builder-error-key = اكتب اسمًا مختصرًا من أحرف لاتينية صغيرة وأرقام وشرطات، يبدأ بحرف.
builder-error-taken = النموذج يحتوي بالفعل على هذا الاسم المختصر.
builder-error-text = اكتب نصًا.
builder-error-gone = الصفحة أو السؤال لم يعد موجودًا. تعرض الصفحة المسودة كما هي الآن.
builder-error-unreadable = أصلح التعريف أولًا: لا يمكن قراءته.
builder-error-kind = اختر نوع السؤال.
builder-error-condition = اختر سؤالًا ومقارنة للشرط.
kind-short-text = نص قصير
kind-long-text = نص طويل
kind-email = بريد إلكتروني
kind-integer = عدد صحيح
kind-decimal = عدد عشري
kind-single-choice = اختيار واحد
kind-multiple-choice = اختيارات متعددة
kind-yes-no = نعم أو لا
kind-consent = موافقة
kind-date = تاريخ
kind-phone = رقم هاتف
kind-postal-code = الرمز البريدي
kind-personal-identity-number = الرقم الشخصي
kind-organisation-number = رقم المنظمة
kind-file = ملفات
kind-group = مجموعة متكررة
kind-computed = قيمة محسوبة
kind-postal-address = العنوان البريدي
kind-information = معلومات
preview-open = معاينة
preview-title = معاينة: { $title }
preview-intro = هكذا تبدو الصفحة لمقدم الطلب، مرسومة بالأجزاء نفسها التي تستخدمها الخدمة. لا يمكن تعبئتها هنا.
preview-problems = في المسودة مشكلات. أصلحها أولًا ليمكن معاينتها.
preview-pages = صفحات النموذج
preview-languages = لغات النموذج
preview-widths = عرض الشاشة
preview-phone = الهاتف
preview-desktop = الحاسوب
preview-frame = المعاينة

## Publishing: versions, now or later, taken down
authoring-publish-heading = النشر
authoring-error-at-missing = أدخل التاريخ والوقت الذي يجب أن يحدث فيه ذلك
authoring-error-at-invalid = أدخل التاريخ والوقت مثل 2026-12-24 08:00
authoring-error-at-past = يجب أن يكون التاريخ والوقت في المستقبل
publishing-when = متى؟
publishing-now = الآن
publishing-later = في وقت محدد
publishing-at = التاريخ والوقت
publishing-at-hint = مثلاً 2026-12-24 08:00. يُستخدم فقط إذا اخترت وقتاً محدداً.
versions-open = الإصدارات والنشر
versions-title = إصدارات { $title }
versions-caption = الإصدارات المنشورة
versions-version = الإصدار
versions-published = نُشر
versions-cases = الحالات
versions-offer = المعروض
versions-offered-now = معروض الآن
versions-republish = انشر الإصدار { $version } مرة أخرى
versions-not-offered = الخدمة غير معروضة على السكان حالياً.
versions-scheduled = مجدول
versions-scheduled-version = يُنشر الإصدار { $version } في { $at }.
versions-scheduled-down = تُوقف الخدمة في { $at }.
versions-cancel = إلغاء
versions-cancel-label = إلغاء: { $what }
versions-unpublish-heading = إيقاف الخدمة
versions-unpublish-hint = لا يستطيع السكان الجدد عندها البدء في تعبئتها. من بدأ بالفعل يستطيع إرسال مسودته، وتبقى كل الحالات.
versions-unpublish = أوقف الخدمة
versions-accessibility = إمكانية الوصول
versions-check = افحص الإصدار { $version }
versions-check-none = لم يُفحص
versions-check-unavailable = فحص إمكانية الوصول غير مفعّل على هذا الخادم. اطلب من المسؤول ضبط BLANKETT_ACCESSIBILITY_COMMAND.
accessibility-title = فحص إمكانية الوصول لـ { $title }، الإصدار { $version }
accessibility-intro = يفتح الفحص صفحة بداية الخدمة وكل صفحة من النموذج بكل لغة يستطيع السكان قراءته بها، كما يراها السكان: عند عرضها أول مرة (مع JavaScript) ومع أخطاء الإجابة الفارغة (بدون JavaScript). تُفحص كل صفحة بـ axe-core بكل قواعده: WCAG 2.2 المستويان A وAA وأفضل الممارسات. يُحفظ التقرير مع الإصدار.
accessibility-not-checked = لم يُفحص هذا الإصدار.
accessibility-queued = الفحص ينتظر دوره (طُلب { $at }). أعد تحميل الصفحة لرؤية النتيجة.
accessibility-running = الفحص جارٍ (طُلب { $at }). أعد تحميل الصفحة لرؤية النتيجة.
accessibility-passed = لم تُوجد أخطاء في { $views } من عروض الصفحات المفحوصة ({ $at }).
accessibility-failed = { $violations ->
    [one] وُجد خطأ واحد
   *[other] وُجد { $violations } من الأخطاء
} في { $views } من عروض الصفحات المفحوصة ({ $at }).
accessibility-error = لم يتمكن الفحص من فحص كل الصفحات ({ $at }).
accessibility-error-reference = تعذّر تشغيل الفحص. المرجع: { $reference }.
accessibility-state-queued = في الانتظار
accessibility-state-running = جارٍ
accessibility-state-passed = لا أخطاء
accessibility-state-failed = { $violations ->
    [one] خطأ واحد
   *[other] { $violations } أخطاء
}
accessibility-state-error = تعذّر التشغيل
accessibility-reload = إعادة التحميل
accessibility-run = افحص الإصدار { $version }
accessibility-run-again = افحص مرة أخرى
accessibility-axe = فُحص بـ axe-core { $version }.
accessibility-views = عروض الصفحات المفحوصة
accessibility-page = الصفحة
accessibility-start-page = صفحة البداية
accessibility-language = اللغة
accessibility-how = طريقة العرض
accessibility-first-shown = العرض الأول، مع JavaScript
accessibility-with-errors = مع رسائل الخطأ، بدون JavaScript
accessibility-result = النتيجة
accessibility-view-heading = { $page }، { $language }: { $how }
accessibility-impact = الخطورة: { $impact }
accessibility-help-link = عن القاعدة { $rule } (بالإنجليزية)
accessibility-elements = العناصر المخالفة للقاعدة
accessibility-open = التقرير
accessibility-open-label = تقرير الإصدار { $version }
accessibility-back = العودة إلى الإصدارات

## Statistics
statistics-open = الإحصاءات
statistics-summary-open = إحصاءات كل الخدمات
statistics-summary-title = كل الخدمات
statistics-title = الإحصاءات: { $title }
statistics-period = الفترة
statistics-from = من
statistics-to = إلى
statistics-show = اعرض
statistics-showing = من { $from } إلى { $to }، شاملاً اليومين.
statistics-error-date = أدخل التواريخ مثل 2026-12-01
statistics-error-order = يجب أن يكون تاريخ البدء قبل تاريخ الانتهاء
statistics-error-long = اختر فترة لا تزيد على 400 يوم
statistics-views = مشاهدات صفحة البداية
statistics-starts = بدأت
statistics-saved = حُفظت لوقت لاحق
statistics-submitted = أُرسلت
statistics-completion = نسبة من أرسلوا
statistics-median = الوقت الوسيط للتعبئة
statistics-e-id = أُرسلت بالهوية الإلكترونية
statistics-e-id-share = نسبة ما أُرسل بالهوية الإلكترونية
statistics-duration = { $minutes } د { $seconds } ث
statistics-funnel = من صفحة البداية إلى الإرسال
statistics-left-heading = أين يترك السكان الاستمارة
statistics-left-hint = مسودات لم تُرسل أبداً، حسب آخر صفحة كانوا عليها: ما انتهت صلاحيته في الفترة وما هو مفتوح الآن.
statistics-left-chart = المسودات غير المرسلة حسب الصفحة
statistics-page = الصفحة
statistics-left = تُركت (منتهية)
statistics-open-now = مفتوحة الآن
statistics-days-heading = حسب اليوم
statistics-days-chart = المرسل حسب اليوم
statistics-day = اليوم
statistics-services-heading = حسب الخدمة
statistics-services-chart = المرسل حسب الخدمة
statistics-total = المجموع
statistics-csv = نزّل بصيغة CSV
statistics-privacy = لا تحتوي الإحصاءات على بيانات شخصية: فقط أعداد حسب الخدمة واليوم والصفحة.

## The builder: a question's settings
builder-settings = الإعدادات
builder-error-setting = لا يمكن قراءة القيمة: انظر المثال تحت العنوان
builder-setting-min-length = أقل عدد من الأحرف
builder-setting-min-length-hint = عدد صحيح. فارغ: بلا حد.
builder-setting-max-length = أكبر عدد من الأحرف
builder-setting-max-length-hint = عدد صحيح. فارغ: بلا حد.
builder-setting-pattern = النمط الذي يجب أن يتبعه الجواب
builder-setting-pattern-hint = تعبير نمطي، مثلاً [A-Z]{"{"}3{"}"} ?[0-9]{"{"}2{"}"}[0-9A-Z] لرقم تسجيل. اكتب رسالة خطأ خاصة بك تقول ما هو متوقع.
builder-setting-min = أدنى قيمة
builder-setting-min-hint = رقم. فارغ: بلا حد.
builder-setting-max = أعلى قيمة
builder-setting-max-hint = رقم. فارغ: بلا حد.
builder-setting-unit = الوحدة (تظهر بعد الجواب)
builder-back-group = العودة إلى المجموعة
builder-inner-heading = الأسئلة في كل صف من { $key }
builder-add-inner = أضف سؤالًا إلى الصف
details-open = عن الخدمة: اللغات والمسؤولية وتسجيل الدخول والبيانات الشخصية وصفحة البداية والإيصال
details-heading = عن الخدمة: { $title }
details-intro = ما تقوله الخدمة عن نفسها إلى جانب اسمها. يظهر في صفحة البداية وفي الإيصال وللموظفين المعالجين.
details-languages = اللغات
details-default-language = اللغة الافتراضية: { $language } (متاحة دائمًا).
details-other-languages = متاحة أيضًا بـ
details-languages-hint = تُعلَّم كل نصوص اللغة الجديدة بأنها ناقصة حتى تُترجم. تُحفظ نصوص اللغة المحذوفة وتعود إذا أُتيحت مرة أخرى.
details-responsibility = المسؤولية وتسجيل الدخول
details-organisation = الإدارة المسؤولة
details-privacy = البيانات الشخصية
details-purpose = الغرض من استخدام البيانات الشخصية
details-start = صفحة البداية
details-need = ما تحتاجه (بند في كل سطر)
details-visit = زرنا (العنوان ومواعيد العمل)
details-receipt = الإيصال
details-receipt-none = لا يحتوي النموذج على سؤال عن البريد الإلكتروني، لذا لا يُرسل الإيصال بالبريد الإلكتروني.
details-receipt-to = أرسل الإيصال إلى العنوان المُدخل في
details-receipt-hint = يحتوي الإيصال على الإجابات. اختر فقط الأسئلة التي يُدخل فيها السكان عنوانهم الخاص.
details-save = احفظ البيانات
details-problems = ما يمنع النشر
statuses-open = الحالات التي تمر بها القضايا
statuses-heading = الحالات: { $title }
statuses-intro = تمر القضية بهذه الحالات. يرى السكان أسماءها في قضاياي وفي البريد الإلكتروني، ويختار الموظفون المعالجون منها. الحالات مستلمة وقيد المعالجة وبانتظار الاستكمال ومغلقة يحتاجها Blankett ولا يمكن حذفها.
statuses-blanketts = حالات Blankett
statuses-own = حالات الخدمة الخاصة
statuses-needed = مطلوبة
statuses-no-messages = لا يستطيع السكان الكتابة
statuses-own-hint = بحالات خاصة يمكن للخدمة أن تضم خطوات أكثر وأسماء أخرى وأن تحدد متى يكتب السكان إلى الموظفين المعالجين. حالات Blankett هي نقطة البداية.
statuses-use-own = استخدم حالات خاصة
statuses-use-blanketts = العودة إلى حالات Blankett
statuses-names = الأسماء والرسائل
statuses-name = الاسم
statuses-messages = يستطيع السكان الكتابة إلى الموظفين المعالجين ما دامت القضية في هذه الحالة
statuses-save = احفظ الحالات
statuses-add = أضف حالة
statuses-key = الاسم المختصر للحالة الجديدة
statuses-key-hint = أحرف لاتينية صغيرة وأرقام وشرطات، مثل inspection-booked. تُضاف قبل مغلقة.
statuses-new-name = اسم الحالة الجديدة
statuses-add-button = أضف الحالة
statuses-error-required = يحتاج Blankett هذه الحالة: لا يمكن حذفها.
builder-setting-processing-days = مدة المعالجة بالأيام
builder-setting-processing-days-hint = تُعرض للسكان في صفحة البداية وفي الإيصال. اتركها فارغة لعدم عرضها.
builder-setting-identification = تسجيل الدخول
builder-setting-identification-hint = هل يجب على السكان تسجيل الدخول بالهوية الإلكترونية، وبأي مستوى ضمان.
builder-setting-identification-anonymous = الجميع، بدون تسجيل دخول
builder-setting-identification-loa2 = هوية إلكترونية، مستوى الضمان 2
builder-setting-identification-loa3 = هوية إلكترونية، مستوى الضمان 3 (BankID، Freja eID+)
builder-setting-identification-loa4 = هوية إلكترونية، مستوى الضمان 4
builder-setting-legal-basis = الأساس القانوني
builder-setting-legal-basis-hint = أساس معالجة البيانات الشخصية (المادة 6 من اللائحة العامة لحماية البيانات). مع وجود أساس، يظهر إشعار البيانات الشخصية في صفحة البداية.
builder-setting-legal-basis-none = بدون إشعار بيانات شخصية
builder-setting-legal-basis-public_task = مهمة عامة أو سلطة رسمية
builder-setting-legal-basis-legal_obligation = التزام قانوني
builder-setting-legal-basis-consent = الموافقة
builder-setting-legal-basis-contract = عقد
builder-setting-legal-basis-vital_interests = مصالح حيوية
builder-setting-legal-basis-legitimate_interests = مصالح مشروعة
builder-setting-retention-months = يُحذف بعد (أشهر)
builder-setting-retention-months-hint = عدد الأشهر التي تُحفظ فيها القضية المغلقة قبل حذفها نهائيًا. مطلوب مع وجود أساس قانوني.
builder-setting-minutes = وقت التعبئة (دقائق)
builder-setting-minutes-hint = المدة التقريبية. اتركها فارغة لعدم عرضها.
builder-setting-phone = رقم الهاتف
builder-setting-phone-hint = لمن يفضّل الاتصال بدلًا من استخدام الخدمة الإلكترونية.
builder-setting-decimals = عدد المنازل العشرية
builder-setting-decimals-hint = 6 على الأكثر. فارغ: 2.
builder-setting-display = يُعرض كـ
builder-setting-display-hint = القائمة المنسدلة تناسب القوائم الطويلة.
builder-setting-display-radios = أزرار اختيار
builder-setting-display-select = قائمة منسدلة
builder-setting-min-selected = أقل عدد من الاختيارات
builder-setting-min-selected-hint = عدد صحيح. فارغ: بلا حد.
builder-setting-max-selected = أكبر عدد من الاختيارات
builder-setting-max-selected-hint = عدد صحيح. فارغ: بلا حد.
builder-setting-earliest = أبكر تاريخ
builder-setting-earliest-hint = تاريخ مثل 2026-01-01، أو today أو today+30 أو today-6570 (أيام من يوم تعبئة الاستمارة).
builder-setting-latest = آخر تاريخ
builder-setting-latest-hint = كما في أبكر تاريخ.
builder-setting-accept = أنواع الملفات المسموح بها
builder-setting-accept-hint = أنواع الوسائط مفصولة بفواصل، مثلاً application/pdf, image/*.
builder-setting-max-megabytes = أكبر حجم للملف بالميغابايت
builder-setting-max-megabytes-hint = عدد صحيح، 1 على الأقل.
builder-setting-max-files = أكبر عدد من الملفات
builder-setting-max-files-hint = عدد صحيح. فارغ: 1.
builder-setting-row-label = اسم الصف
builder-setting-min-rows = أقل عدد من الصفوف
builder-setting-min-rows-hint = عدد صحيح. فارغ: بلا حد.
builder-setting-max-rows = أكبر عدد من الصفوف
builder-setting-max-rows-hint = عدد صحيح. فارغ: بلا حد.
builder-setting-expression = الحساب
builder-setting-expression-hint = تعبير على أجوبة أخرى، مثلاً $count * 250.
builder-setting-text = النص (سطر فارغ بين الفقرات)
builder-setting-required-if = يجب الإجابة عندما (شرط)
builder-setting-required-if-hint = تعبير، مثلاً $kind == "other". فارغ: فقط إذا كان السؤال إلزامياً.
builder-rules = قواعد عبر عدة أسئلة
builder-rules-hint = القاعدة تعبير يجب أن يتحقق، مثلاً $to >= $from. وإلا تظهر الرسالة عند السؤال المختار.
builder-rule-check = التعبير الذي يجب أن يتحقق
builder-rule-check-hint = مثلاً $count <= 10 أو $to >= $from.
builder-rule-field = تظهر عند السؤال
builder-rule-message = الرسالة عندما لا تتحقق القاعدة
builder-rule-save = احفظ القاعدة { $key }
builder-rule-remove = احذف القاعدة { $key }
builder-rule-add = أضف قاعدة
builder-error-rule = اكتب التعبير والرسالة كليهما.
builder-autosave-saving = جارٍ الحفظ …
builder-autosave-saved = حُفظ
builder-autosave-failed = تعذّر الحفظ. استخدم الزر.
builder-option-up = انقل الخيار { $value } إلى الأعلى
builder-option-down = انقل الخيار { $value } إلى الأسفل

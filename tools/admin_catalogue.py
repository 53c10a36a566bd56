"""Writes src/aqyl/web/locale/{kk,ru}/LC_MESSAGES/django.po from the tables below and compiles them
(msgfmt): the admin's strings that Django's own Kazakh catalogue lacks or misreads, and the
register's model names. Run: python tools/admin_catalogue.py src/aqyl/web/locale"""
KK = {
 # the register's models and app
 "Register": "Тізілім", "HEI": "ЖОО", "HEIs": "ЖОО-лар", "HEI alias": "ЖОО-ның басқа атауы", "HEI aliases": "ЖОО-ның басқа атаулары",
 "submission": "есеп", "submissions": "есептер", "mobility record": "ұтқырлық жазбасы", "mobility records": "ұтқырлық жазбалары",
 "audit entry": "аудит жазбасы", "audit entries": "аудит журналы", "collection period": "жинау кезеңі",
 "collection periods": "жинау кезеңдері", "review": "тексеру шешімі", "reviews": "тексеру шешімдері", "profile": "профиль",
 "profiles": "профильдер", "role": "рөлі",
 # django-axes (sign-in limiting)
 "Axes": "Кіру әрекеттері", "access attempt": "кіру әрекеті", "access attempts": "кіру әрекеттері",
 "access failure": "сәтсіз кіру", "access failures": "сәтсіз кірулер", "access log": "кіру журналы", "access logs": "кіру журналы",
 "access attempt expiration": "кіру бұғатының мерзімі", "access attempt expirations": "кіру бұғаттарының мерзімдері",
 # Django's admin strings its Kazakh catalogue lacks
 "Administration": "Әкімшілік", "Empty": "Бос", "Not empty": "Бос емес", "Addition": "Қосу", "Deletion": "Жою",
 "Added “%(object)s”.": "«%(object)s» қосылды.", "Changed “%(object)s” — %(changes)s": "«%(object)s» өзгертілді — %(changes)s",
 "Deleted “%(object)s.”": "«%(object)s» жойылды.", "Added {name} “{object}”.": "{name} «{object}» қосылды.", "Added.": "Қосылды.",
 "Changed {fields} for {name} “{object}”.": "{name} «{object}»: {fields} өзгертілді.", "Changed {fields}.": "{fields} өзгертілді.",
 "Deleted {name} “{object}”.": "{name} «{object}» жойылды.",
 "Hold down “Control”, or “Command” on a Mac, to select more than one.": "Бірнешеуін таңдау үшін «Control» пернесін (Mac-та «Command») басып тұрыңыз.",
 "Select this object for an action - {}": "Әрекет үшін осы нысанды таңдау — {}",
 "The {name} “{obj}” was added successfully.": "{name} «{obj}» қосылды.", "You may edit it again below.": "Оны төменде қайта өзгертуге болады.",
 "The {name} “{obj}” was added successfully. You may add another {name} below.": "{name} «{obj}» қосылды. Төменде тағы біреуін қосуға болады.",
 "The {name} “{obj}” was changed successfully. You may edit it again below.": "{name} «{obj}» өзгертілді. Оны төменде қайта өзгертуге болады.",
 "The {name} “{obj}” was changed successfully. You may add another {name} below.": "{name} «{obj}» өзгертілді. Төменде тағы біреуін қосуға болады.",
 "The {name} “{obj}” was changed successfully.": "{name} «{obj}» өзгертілді.",
 "The %(name)s “%(obj)s” was deleted successfully.": "%(name)s «%(obj)s» жойылды.",
 "%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?": "«%(key)s» идентификаторы бар %(name)s жоқ. Мүмкін, ол жойылған шығар.",
 "View %s": "%s көру", "%(app)s administration": "%(app)s әкімшілігі",
 "We’re sorry, but the requested page could not be found.": "Кешіріңіз, сұралған бет табылмады.",
 "Breadcrumbs": "Навигация жолы", "Models in the %(name)s application": "%(name)s бөлімінің модельдері", "Model name": "Модель атауы",
 "Add link": "Қосу сілтемесі", "Change or view list link": "Тізімді өзгерту немесе көру сілтемесі", "View": "Көру",
 "You don’t have permission to view or edit anything.": "Сізде ештеңені көруге немесе өзгертуге құқық жоқ.",
 "After you’ve created a user, you’ll be able to edit more user options.": "Пайдаланушыны жасағаннан кейін оның басқа баптауларын өзгертуге болады.",
 "Error:": "Қате:", "Set password": "Құпиясөз орнату",
 "Disable password-based authentication": "Құпиясөзбен кіруді өшіру", "Enable password-based authentication": "Құпиясөзбен кіруді қосу",
 "Skip to main content": "Негізгі мазмұнға өту", "View site": "Сайтқа өту", "Hide counts": "Сандарды жасыру", "Show counts": "Сандарды көрсету",
 "Clear all filters": "Барлық сүзгілерді тазарту", "Remove from sorting": "Сұрыптаудан алып тастау",
 "Sorting priority: %(priority_number)s": "Сұрыптау басымдығы: %(priority_number)s", "Toggle sorting": "Сұрыптауды ауыстыру",
 "Toggle theme (current theme: auto)": "Тақырыпты ауыстыру (қазір: автоматты)", "Toggle theme (current theme: light)": "Тақырыпты ауыстыру (қазір: ашық)",
 "Toggle theme (current theme: dark)": "Тақырыпты ауыстыру (қазір: күңгірт)", "Objects": "Нысандар", "Yes, I’m sure": "Иә, сенімдімін",
 "No, take me back": "Жоқ, қайту", "Summary": "Қорытынды", "Recent actions": "Соңғы әрекеттер", "My actions": "Менің әрекеттерім",
 "Added:": "Қосылды:", "Changed:": "Өзгертілді:", "Deleted:": "Жойылды:",
 "You are authenticated as %(username)s, but are not authorized to access this page. Would you like to login to a different account?":
   "Сіз %(username)s ретінде кірдіңіз, бірақ бұл бетке құқығыңыз жоқ. Басқа есептік жазбамен кіргіңіз келе ме?",
 "Forgotten your login credentials?": "Кіру деректерін ұмыттыңыз ба?", "Toggle navigation": "Навигацияны ауыстыру", "Sidebar": "Бүйір тақта",
 "Start typing to filter…": "Сүзу үшін тере бастаңыз…", "Filter navigation items": "Навигация тармақтарын сүзу",
 "This object doesn’t have a change history. It probably wasn’t added via this admin site.": "Бұл нысанның өзгерістер тарихы жоқ. Мүмкін, ол әкімшілік беті арқылы қосылмаған.",
 "Popup closing…": "Терезе жабылуда…", "Save and view": "Сақтап, көру", "Close": "Жабу",
 "Change selected %(model)s": "Таңдалған %(model)s өзгерту", "Add another %(model)s": "Тағы %(model)s қосу",
 "Delete selected %(model)s": "Таңдалған %(model)s жою", "View selected %(model)s": "Таңдалған %(model)s көру",
 "Please enter your old password, for security’s sake, and then enter your new password twice so we can verify you typed it in correctly.":
   "Қауіпсіздік үшін қазіргі құпиясөзді, содан кейін жаңасын дұрыс терілгенін тексеру үшін екі рет енгізіңіз.",
 "Email address:": "Э-пошта мекенжайы:", "Select all objects on this page for an action": "Әрекет үшін осы беттегі барлық нысанды таңдау",
 "Select %s to view": "Көру үшін %s таңдаңыз", "Currently:": "Қазір:", "Change:": "Өзгерту:",
 "Please enter the correct %(username)s and password for a staff account. Note that both fields may be case-sensitive.":
   "Қызметкердің есептік жазбасының %(username)s және құпиясөзін дұрыс енгізіңіз. Екі өрісте де бас және кіші әріптер ажыратылуы мүмкін.",
 # Django's own Kazakh here reads wrongly ("0 of 61-ден 0 таңдалды", "әрәкет")
 "0 of %(cnt)s selected": "%(cnt)s ішінен 0 таңдалды", "Run the selected action": "Таңдалған әрекетті орындау", "Go": "Орындау",
 # django.contrib.auth
 "Authentication and Authorization": "Пайдаланушылар және құқықтар", "Reset password": "Құпиясөзді қалпына келтіру",
 "No password set.": "Құпиясөз орнатылмаған.", "The two password fields didn’t match.": "Екі құпиясөз сәйкес келмейді.",
 "Enter the same password as before, for verification.": "Тексеру үшін жоғарыдағы құпиясөзді қайталаңыз.",
 "Password-based authentication": "Құпиясөзбен кіру", "Enabled": "Қосулы", "Disabled": "Өшірулі",
 "Raw passwords are not stored, so there is no way to see the user’s password.": "Құпиясөздер ашық түрде сақталмайды, сондықтан пайдаланушының құпиясөзін көру мүмкін емес.",
 "Please enter a correct %(username)s and password. Note that both fields may be case-sensitive.": "%(username)s және құпиясөзді дұрыс енгізіңіз. Екі өрісте де бас және кіші әріптер ажыратылуы мүмкін.",
 "Email": "Э-пошта", "email address": "э-пошта мекенжайы",
 "The groups this user belongs to. A user will get all permissions granted to each of their groups.": "Пайдаланушы кіретін топтар. Пайдаланушы әр тобының барлық құқығын алады.",
 "Specific permissions for this user.": "Осы пайдаланушының жеке құқықтары.",
 "Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.": "Міндетті. 150 таңбаға дейін: әріптер, цифрлар және @/./+/-/_ ғана.",
 "The password is too similar to the %(verbose_name)s.": "Құпиясөз «%(verbose_name)s» өрісіне тым ұқсас.",
 "This password is too common.": "Бұл құпиясөз тым жиі қолданылады.", "This password is entirely numeric.": "Бұл құпиясөз тек цифрлардан тұрады.",
 "Your password can’t be too similar to your other personal information.": "Құпиясөз басқа жеке деректеріңізге тым ұқсас болмауы керек.",
 "Your password can’t be a commonly used password.": "Құпиясөз жиі қолданылатын құпиясөз болмауы керек.",
 "Your password can’t be entirely numeric.": "Құпиясөз тек цифрлардан тұрмауы керек.",
 "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.": "Пайдаланушы атын дұрыс енгізіңіз: тек әріптер, цифрлар және @/./+/-/_ таңбалары.",
 "Enter a valid username. This value may contain only unaccented lowercase a-z and uppercase A-Z letters, numbers, and @/./+/-/_ characters.": "Пайдаланушы атын дұрыс енгізіңіз: тек латын әріптері (a-z, A-Z), цифрлар және @/./+/-/_ таңбалары.",
 "Password reset sent": "Құпиясөзді қалпына келтіру сілтемесі жіберілді", "Enter new password": "Жаңа құпиясөзді енгізіңіз",
 "Password reset unsuccessful": "Құпиясөз қалпына келтірілмеді", "Password reset complete": "Құпиясөз қалпына келтірілді",
 "Password change successful": "Құпиясөз өзгертілді", "Set password: %s": "Құпиясөз орнату: %s",
 "Conflicting form data submitted. Please try again.": "Пішін деректері бір-біріне қайшы. Қайталап көріңіз.",
 "Password-based authentication was disabled.": "Құпиясөзбен кіру өшірілді.",
}
KK_PLURAL = {
 ("Please correct the error below.", "Please correct the errors below."): ("Төмендегі қатені түзетіңіз.", "Төмендегі қателерді түзетіңіз."),
 ("entry", "entries"): ("жазба", "жазба"),
 ("This password is too short. It must contain at least %d character.", "This password is too short. It must contain at least %d characters."):
   ("Құпиясөз тым қысқа: кемінде %d таңба болуы керек.", "Құпиясөз тым қысқа: кемінде %d таңба болуы керек."),
 ("Your password must contain at least %(min_length)d character.", "Your password must contain at least %(min_length)d characters."):
   ("Құпиясөз кемінде %(min_length)d таңбадан тұруы керек.", "Құпиясөз кемінде %(min_length)d таңбадан тұруы керек."),
}
RU = {
 "Register": "Реестр", "HEI": "Вуз", "HEIs": "Вузы", "HEI alias": "Другое название вуза", "HEI aliases": "Другие названия вузов",
 "submission": "отчёт", "submissions": "отчёты", "mobility record": "запись о мобильности", "mobility records": "записи о мобильности",
 "audit entry": "запись аудита", "audit entries": "журнал аудита", "collection period": "период сбора", "collection periods": "периоды сбора",
 "review": "решение проверки", "reviews": "решения проверки", "profile": "профиль", "profiles": "профили", "role": "роль",
 "Axes": "Попытки входа", "%(class_name)s %(instance)s": "%(class_name)s %(instance)s",
}


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def po(lang, single, plural):
    forms = "nplurals=2; plural=(n!=1);" if lang == "kk" else "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    out = ['# Aqyl: the admin\'s strings that Django\'s own catalogue lacks, and the register\'s model names.',
           'msgid ""', 'msgstr ""', f'"Language: {lang}\\n"', '"MIME-Version: 1.0\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Content-Transfer-Encoding: 8bit\\n"', f'"Plural-Forms: {forms}\\n"', '']
    for k, v in single.items():
        out += [f'msgid "{esc(k)}"', f'msgstr "{esc(v)}"', '']
    for (a, b), vals in plural.items():
        out += [f'msgid "{esc(a)}"', f'msgid_plural "{esc(b)}"']
        n = 2 if lang == "kk" else 3
        vals = list(vals) + [vals[-1]] * (n - len(vals))
        out += [f'msgstr[{i}] "{esc(v)}"' for i, v in enumerate(vals)] + ['']
    return "\n".join(out)


import pathlib  # noqa: E402
import sys  # noqa: E402

root = pathlib.Path(sys.argv[1])
for lang, single, plural in (("kk", KK, KK_PLURAL), ("ru", RU, {})):
    folder = root / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "django.po").write_text(po(lang, single, plural), encoding="utf-8")
    import subprocess

    subprocess.run(["msgfmt", "-o", str(folder / "django.mo"), str(folder / "django.po")], check=True)

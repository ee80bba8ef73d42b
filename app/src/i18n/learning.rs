//! German for learning: courses, quizzes, paths and certificates.

pub(super) const TEXT: super::Pairs = &[
    // learning/certificate.rs ("Expired" is shared with deals)
    ("Valid", "Gültig"),
    ("Revoked", "Widerrufen"),
    // learning/pages/catalogue.rs
    ("Learning", "Lernen"),
    (
        "Short courses on selling and running Acme Cloud, each closed by a quiz. Your place is kept on every device.",
        "Kurze Kurse zum Verkauf und Betrieb von Acme Cloud, jeder mit einem Quiz zum Abschluss. Ihr Stand bleibt auf jedem Gerät erhalten.",
    ),
    ("No course yet.", "Noch kein Kurs."),
    ("Courses", "Kurse"),
    ("{minutes} minutes · {lessons} lessons", "{minutes} Minuten · {lessons} Lektionen"),
    ("Lessons opened", "Geöffnete Lektionen"),
    ("{done} of {total}", "{done} von {total}"),
    ("Passed", "Bestanden"),
    // auth/pages/mod.rs (the home page's card)
    (
        "Short courses with a quiz each, on your phone or at your desk.",
        "Kurze Kurse mit je einem Quiz, auf dem Telefon oder am Schreibtisch.",
    ),
    // learning/pages/course.rs
    ("Course", "Kurs"),
    ("Start the course", "Kurs beginnen"),
    ("Resume where you left", "Dort weitermachen, wo Sie aufgehört haben"),
    ("Opened", "Geöffnet"),
    ("Lessons", "Lektionen"),
    ("Quiz", "Quiz"),
    ("{questions} questions; {pass_mark} % to pass.", "{questions} Fragen; {pass_mark} % zum Bestehen."),
    ("Attempts used: {used} of {max}.", "Genutzte Versuche: {used} von {max}."),
    ("Best mark: {best} %.", "Bestes Ergebnis: {best} %."),
    ("Your last attempt", "Ihr letzter Versuch"),
    ("You have used every attempt at this quiz.", "Sie haben alle Versuche für dieses Quiz genutzt."),
    // learning/pages/lesson.rs
    ("Lesson", "Lektion"),
    ("Previous lesson", "Vorige Lektion"),
    ("Next lesson", "Nächste Lektion"),
    ("Take the quiz", "Zum Quiz"),
    ("Breadcrumb", "Brotkrumen"),
    ("Lesson {n} of {total}", "Lektion {n} von {total}"),
    (
        "Watch the video (opens in a new tab)",
        "Video ansehen (öffnet in einem neuen Tab)",
    ),
    // learning/pages/quiz.rs
    ("Quiz: {course}", "Quiz: {course}"),
    (
        "Attempt {attempt} of {max}. {pass_mark} % to pass; tick every right answer where it says so.",
        "Versuch {attempt} von {max}. {pass_mark} % zum Bestehen; kreuzen Sie alle richtigen Antworten an, wo es verlangt ist.",
    ),
    ("Submit my answers", "Antworten abgeben"),
    ("Back to the course", "Zurück zum Kurs"),
    ("Tick every right answer.", "Kreuzen Sie alle richtigen Antworten an."),
    ("Pick one answer.", "Wählen Sie eine Antwort."),
    ("Quiz result", "Quiz-Ergebnis"),
    ("Not passed", "Nicht bestanden"),
    (
        "Read the lessons again where you went wrong; you have {left} attempts left.",
        "Lesen Sie die Lektionen dort noch einmal, wo Sie falsch lagen; Sie haben noch {left} Versuche.",
    ),
    ("Try again", "Noch einmal versuchen"),
    ("You scored {percent} %; {pass_mark} % passes.", "Sie haben {percent} % erreicht; {pass_mark} % bestehen."),
    ("Your answers", "Ihre Antworten"),
    ("Right", "Richtig"),
    ("Wrong", "Falsch"),
    ("All courses", "Alle Kurse"),
    // learning/server/quiz.rs
    ("You passed this quiz already.", "Sie haben dieses Quiz bereits bestanden."),
    ("This attempt was submitted already.", "Dieser Versuch wurde bereits abgegeben."),
    ("Answer the questions of this attempt.", "Beantworten Sie die Fragen dieses Versuchs."),
    (
        "Answer at least one question before you submit.",
        "Beantworten Sie mindestens eine Frage, bevor Sie abgeben.",
    ),
    // learning/pages/catalogue.rs: paths
    ("Your certification paths", "Ihre Zertifizierungspfade"),
    ("Certified until {date}", "Zertifiziert bis {date}"),
    ("Expired on {date}", "Abgelaufen am {date}"),
    ("Your certificate was revoked.", "Ihr Zertifikat wurde widerrufen."),
    ("Your certificate", "Ihr Zertifikat"),
    ("Valid {months} months", "{months} Monate gültig"),
    (" · counts toward your tier", " · zählt für Ihre Partnerstufe"),
    ("Courses passed", "Bestandene Kurse"),
    ("Courses of the path", "Kurse des Pfads"),
    // learning/pages/certificate.rs
    ("Holder", "Inhaber"),
    ("Certification", "Zertifizierung"),
    ("Issued", "Ausgestellt"),
    ("Valid until", "Gültig bis"),
    ("Certificate number", "Zertifikatsnummer"),
    ("Certificate", "Zertifikat"),
    ("Acme Cloud partner program", "Acme Cloud Partnerprogramm"),
    ("awarded to {name} of {organisation}", "verliehen an {name}, {organisation}"),
    ("QR code of the certificate's public check", "QR-Code zur öffentlichen Prüfung des Zertifikats"),
    ("Scan to check it", "Zum Prüfen scannen"),
    ("Anyone can check this certificate at", "Jeder kann dieses Zertifikat prüfen unter"),
    ("Certificate check", "Zertifikatsprüfung"),
    (
        "What Acme Cloud's partner portal knows of this certificate, as of now.",
        "Was das Partnerportal von Acme Cloud derzeit über dieses Zertifikat weiß.",
    ),
    ("This certificate is valid.", "Dieses Zertifikat ist gültig."),
    ("This certificate has expired.", "Dieses Zertifikat ist abgelaufen."),
    ("This certificate was revoked.", "Dieses Zertifikat wurde widerrufen."),
    // learning/path.rs
    ("Sales", "Vertrieb"),
    ("Technical", "Technik"),
    ("Marketing", "Marketing"),
    // learning/server/certification.rs
    ("Certificate issued: {path}", "Zertifikat ausgestellt: {path}"),
    (
        "Hello {name},\n\nYou passed every course of {path}. Your certificate is valid until {date}.\n\nYour printable certificate: {print}\nAnyone can check it here: {verify}\n",
        "Hallo {name},\n\nSie haben alle Kurse von {path} bestanden. Ihr Zertifikat ist gültig bis {date}.\n\nIhr Zertifikat zum Drucken: {print}\nJeder kann es hier prüfen: {verify}\n",
    ),
    // organisations/page.rs and people/mod.rs: the invitation's job function
    ("Works in", "Arbeitet im Bereich"),
    ("Choose what the person does.", "Wählen Sie, was die Person tut."),
    // learning/pages/quiz.rs: a pass that completes a path
    ("Certificate issued", "Zertifikat ausgestellt"),
    ("You are now {path}.", "Sie sind jetzt {path}."),
    ("It is on its way to you by email too.", "Es ist auch per E-Mail zu Ihnen unterwegs."),
    // learning/server/certification.rs: the expiry sweep
    (
        "Your certificate expires in {days} days: {path}",
        "Ihr Zertifikat läuft in {days} Tagen ab: {path}",
    ),
    (
        "Your {path} certificate is valid until {date}. Retake the courses the path asks again before then to keep it: {link}",
        "Ihr Zertifikat {path} ist gültig bis {date}. Wiederholen Sie bis dahin die Kurse, die der Pfad erneut verlangt, um es zu behalten: {link}",
    ),
    ("Your certificate has expired: {path}", "Ihr Zertifikat ist abgelaufen: {path}"),
    (
        "Your {path} certificate ended today and no longer counts toward your organisation's tier. Take the path again to renew it: {link}",
        "Ihr Zertifikat {path} ist heute abgelaufen und zählt nicht mehr für die Partnerstufe Ihrer Organisation. Durchlaufen Sie den Pfad erneut, um es zu erneuern: {link}",
    ),
    // learning/pages/catalogue.rs: a certificate near its end
    (
        "Certified until {date}: {days} days left to renew",
        "Zertifiziert bis {date}: noch {days} Tage zum Erneuern",
    ),
    ("Renew soon", "Bald erneuern"),
    // learning/pages/certificate.rs: the Open Badge
    ("Download the Open Badge", "Open Badge herunterladen"),
    (
        "(a signed credential for LinkedIn, wallets and other badge platforms)",
        "(ein signierter Nachweis für LinkedIn, Wallets und andere Badge-Plattformen)",
    ),
    // learning/pages/catalogue.rs: progress links and the suggested course
    ("Your team's learning", "Lernstand Ihres Teams"),
    ("Learning across the program", "Lernstand im ganzen Programm"),
    ("Progress", "Fortschritt"),
    ("It is the next course on your {path} path.", "Es ist der nächste Kurs auf Ihrem Pfad {path}."),
    (
        "{passed} of {peers} people in your role at {tier} partners have passed it.",
        "{passed} von {peers} Personen in Ihrer Funktion bei {tier}-Partnern haben ihn bestanden.",
    ),
    ("Suggested next", "Als Nächstes empfohlen"),
    ("Why: {reason}", "Warum: {reason}"),
    // learning/pages/certificate.rs: revoking
    ("Revoke this certificate", "Dieses Zertifikat widerrufen"),
    (
        "It stops holding at once: its check says revoked, its Open Badge is listed as revoked, and it no longer counts toward the partner's tier. The holder is told why.",
        "Es gilt sofort nicht mehr: Die Prüfung zeigt es als widerrufen, sein Open Badge steht auf der Widerrufsliste, und es zählt nicht mehr für die Partnerstufe. Der Inhaber erfährt den Grund.",
    ),
    ("Why (the holder reads this)", "Grund (der Inhaber liest ihn)"),
    ("Revoke", "Widerrufen"),
    // learning/pages/program.rs
    ("Program learning", "Lernstand im Programm"),
    (
        "Completion of every course and path across partner people, and the partners with no one certified.",
        "Abschlüsse aller Kurse und Pfade über alle Partnerpersonen, und die Partner ohne zertifizierte Person.",
    ),
    ("Path", "Pfad"),
    ("Enrolled", "Eingeschrieben"),
    ("Certified", "Zertifiziert"),
    ("Rate", "Quote"),
    ("Certification paths", "Zertifizierungspfade"),
    ("No path yet.", "Noch kein Pfad."),
    ("Started", "Begonnen"),
    ("Completion", "Abschlussquote"),
    ("Partner", "Partner"),
    ("Partners with no one certified", "Partner ohne zertifizierte Person"),
    ("Every live partner has someone certified.", "Jeder aktive Partner hat eine zertifizierte Person."),
    // learning/pages/team.rs
    ("Team learning", "Lernstand im Team"),
    ("Team learning: {organisation}", "Lernstand im Team: {organisation}"),
    (
        "Who is certified in what, how far everyone is on their paths, and what lapses next.",
        "Wer worin zertifiziert ist, wie weit alle auf ihren Pfaden sind und was als Nächstes abläuft.",
    ),
    ("as your tier counts them", "wie Ihre Stufe sie zählt"),
    ("Holding a certificate", "Mit gültigem Zertifikat"),
    ("valid today, earned in this portal", "heute gültig, in diesem Portal erworben"),
    ("Lapses next", "Läuft als Nächstes ab"),
    ("No one holds a valid certificate yet.", "Noch niemand hat ein gültiges Zertifikat."),
    ("until {date} ({days} days)", "bis {date} ({days} Tage)"),
    (
        "{function} · {lessons} lessons opened · {courses} courses passed",
        "{function} · {lessons} Lektionen geöffnet · {courses} Kurse bestanden",
    ),
    ("Not enrolled in a path.", "In keinem Pfad eingeschrieben."),
    ("Paths of {name}", "Pfade von {name}"),
    ("Used all {used} attempts at the {course} quiz", "Alle {used} Versuche im Quiz {course} verbraucht"),
    ("Give new attempts", "Neue Versuche geben"),
    ("until {date}", "bis {date}"),
    ("Not certified", "Nicht zertifiziert"),
    ("{path}: courses passed", "{path}: bestandene Kurse"),
    // learning/server/progress.rs
    ("{name} still has attempts at this quiz.", "{name} hat in diesem Quiz noch Versuche."),
    ("New attempts at the {course} quiz", "Neue Versuche im Quiz {course}"),
    (
        "You may take the {course} quiz again: {attempts} new attempts.",
        "Sie können das Quiz {course} wieder ablegen: {attempts} neue Versuche.",
    ),
    (
        "Say why, in at most 500 characters: the holder reads it.",
        "Nennen Sie den Grund in höchstens 500 Zeichen: Der Inhaber liest ihn.",
    ),
    ("This certificate was revoked already.", "Dieses Zertifikat wurde bereits widerrufen."),
    ("Your certificate was revoked: {path}", "Ihr Zertifikat wurde widerrufen: {path}"),
    (
        "Your {path} certificate no longer holds and no longer counts toward your organisation's tier. The reason given: {reason}",
        "Ihr Zertifikat {path} gilt nicht mehr und zählt nicht mehr für die Partnerstufe Ihrer Organisation. Der angegebene Grund: {reason}",
    ),
];

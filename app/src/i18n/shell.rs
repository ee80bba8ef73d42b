//! German for the frame every page sits in: navigation, theme, errors, the
//! landing page and the kit.

pub(super) const TEXT: super::Pairs = &[
    // Navigation and header
    ("Home", "Start"),
    ("Program", "Programm"),
    ("Sign in", "Anmelden"),
    ("Deals", "Deals"),
    ("Organisation", "Organisation"),
    ("Sessions", "Sitzungen"),
    ("Notifications", "Benachrichtigungen"),
    ("Notifications, {unread} unread", "Benachrichtigungen, {unread} ungelesen"),
    ("Sign out", "Abmelden"),
    ("Skip to content", "Zum Inhalt springen"),
    ("Primary", "Hauptnavigation"),
    ("Choose English or German.", "Wählen Sie Englisch oder Deutsch."),
    // Theme
    ("System", "System"),
    ("Light", "Hell"),
    ("Dark", "Dunkel"),
    ("Colour theme: {theme}. Switch to {next}", "Farbschema: {theme}. Wechseln zu {next}"),
    ("Choose system, light or dark.", "Wählen Sie System, Hell oder Dunkel."),
    // Kit
    ("Loading…", "Wird geladen …"),
    // Errors
    ("Please correct the highlighted fields.", "Bitte korrigieren Sie die markierten Felder."),
    ("Please sign in to continue.", "Bitte melden Sie sich an, um fortzufahren."),
    ("You do not have access to this.", "Darauf haben Sie keinen Zugriff."),
    ("We could not find that page or record.", "Diese Seite oder diesen Eintrag konnten wir nicht finden."),
    ("Too many attempts. Try again in {seconds} s.", "Zu viele Versuche. Versuchen Sie es in {seconds} s erneut."),
    (
        "The request could not be completed. Check your connection and try again.",
        "Die Anfrage konnte nicht abgeschlossen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    ),
    (
        "Something went wrong on our side (ref: {reference}).",
        "Bei uns ist etwas schiefgegangen (Ref.: {reference}).",
    ),
    ("Something went wrong", "Etwas ist schiefgegangen"),
    ("Back to the start page", "Zurück zur Startseite"),
    ("Unauthorized", "Nicht angemeldet"),
    ("Forbidden", "Kein Zugriff"),
    ("Not Found", "Nicht gefunden"),
    ("Conflict", "Konflikt"),
    ("Unprocessable Entity", "Eingaben prüfen"),
    ("Too Many Requests", "Zu viele Anfragen"),
    ("Bad Request", "Ungültige Anfrage"),
    ("Internal Server Error", "Interner Fehler"),
    ("Page not found", "Seite nicht gefunden"),
    (
        "The page you asked for does not exist or has moved. Check the address, or start again from the home page.",
        "Die gewünschte Seite gibt es nicht oder sie ist umgezogen. Prüfen Sie die Adresse oder beginnen Sie auf der Startseite neu.",
    ),
    ("Go to the home page", "Zur Startseite"),
    // Landing page
    (
        "Trellis: the Acme Cloud partner portal for deal registration, co-marketing, training and earnings.",
        "Trellis: das Partnerportal von Acme Cloud für Deal-Registrierung, Co-Marketing, Schulungen und Vergütung.",
    ),
    ("The partner portal partners pick", "Das Partnerportal, das Partner wählen"),
    ("Acme Cloud partner portal", "Acme Cloud Partnerportal"),
    ("Sell together, without the busywork.", "Gemeinsam verkaufen, ohne Papierkram."),
    ("The queue was updated.", "Die Warteschlange wurde aktualisiert."),
    (
        "Trellis is where Acme Cloud's resellers, managed service providers, integrators, software vendors and referral partners register deals, launch co-branded marketing, take training and see what they earn. Fast, few clicks, on your phone too. Your data is only ever yours.",
        "In Trellis registrieren die Reseller, Managed Service Provider, Integratoren, Softwarehersteller und Empfehlungspartner von Acme Cloud ihre Deals, starten Co-Branding-Marketing, absolvieren Schulungen und sehen, was sie verdienen. Schnell, mit wenigen Klicks, auch auf dem Smartphone. Ihre Daten gehören nur Ihnen.",
    ),
    ("See the partner program", "Zum Partnerprogramm"),
    ("What you can do", "Was Sie hier tun können"),
    ("Register a deal in under a minute", "Einen Deal in unter einer Minute registrieren"),
    (
        "Know at once whether the customer is free. Protection, expiry and approval clocks are in plain sight.",
        "Sofort wissen, ob der Kunde noch frei ist. Schutz, Ablauf und Freigabefristen immer im Blick.",
    ),
    ("Co-branded campaigns in a few clicks", "Co-Branding-Kampagnen mit wenigen Klicks"),
    (
        "Pick a template, see it with your logo, launch. Leads come straight back to you.",
        "Vorlage wählen, mit Ihrem Logo ansehen, starten. Leads kommen direkt zu Ihnen zurück.",
    ),
    ("Training that unlocks your next tier", "Schulungen, die Ihre nächste Stufe freischalten"),
    (
        "Courses, certifications and the assets you need to sell, on any device.",
        "Kurse, Zertifizierungen und die Materialien, die Sie zum Verkaufen brauchen, auf jedem Gerät.",
    ),
    ("See what you earn", "Sehen, was Sie verdienen"),
    (
        "Pipeline, won revenue, marketing funds and tier progress on one page.",
        "Pipeline, gewonnener Umsatz, Marketingmittel und Stufenfortschritt auf einer Seite.",
    ),
];

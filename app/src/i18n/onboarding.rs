//! German for onboarding: the checklist, the partner agreement and its
//! signed copy, the welcome kit, the overview and the reminders.

pub(super) const TEXT: super::Pairs = &[
    // onboarding/mod.rs
    ("Sign the partner agreement", "Partnervertrag unterzeichnen"),
    ("Complete your profile and logo", "Profil und Logo vervollständigen"),
    ("Read the welcome kit", "Willkommenspaket lesen"),
    ("Invite a colleague", "Eine Kollegin oder einen Kollegen einladen"),
    ("Start the training path", "Den Schulungspfad beginnen"),
    ("Register your first deal", "Den ersten Deal registrieren"),
    ("Done", "Erledigt"),
    ("Your next step", "Ihr nächster Schritt"),
    ("Pending", "Ausstehend"),
    ("Skipped by your channel manager", "Von Ihrem Channel-Manager übersprungen"),
    // onboarding/api.rs, server
    ("Type your full name (up to 120 characters).", "Geben Sie Ihren vollständigen Namen ein (bis zu 120 Zeichen)."),
    ("Type your job title (up to 120 characters).", "Geben Sie Ihre Position ein (bis zu 120 Zeichen)."),
    ("Tick the box to agree.", "Setzen Sie das Häkchen, um zuzustimmen."),
    ("This step is already skipped.", "Dieser Schritt ist bereits übersprungen."),
    (
        "This is not the agreement in force for your organisation. Reload the page.",
        "Dies ist nicht der für Ihre Organisation geltende Vertrag. Laden Sie die Seite neu.",
    ),
    (
        "Your organisation has already signed this version.",
        "Ihre Organisation hat diese Version bereits unterzeichnet.",
    ),
    (
        "Your organisation must sign the partner agreement before registering deals: a partner admin signs it at /agreement.",
        "Ihre Organisation muss den Partnervertrag unterzeichnen, bevor sie Deals registriert: Ein Partner-Admin unterzeichnet ihn unter /agreement.",
    ),
    ("{organisation} signed the partner agreement", "{organisation} hat den Partnervertrag unterzeichnet"),
    (
        "Hello {name},\n\n{person} signed \"{title}\" (version {version}) for {organisation}.\n",
        "Hallo {name},\n\n{person} hat „{title}“ (Version {version}) für {organisation} unterzeichnet.\n",
    ),
    ("Your next step with Acme Cloud", "Ihr nächster Schritt mit Acme Cloud"),
    (
        "Hello {name},\n\n{organisation} has not moved on its onboarding checklist for two weeks. The next step: {step}.\n\nPartners who sell within 90 days of joining do best; your channel manager is glad to help.\n",
        "Hallo {name},\n\n{organisation} ist auf der Onboarding-Checkliste seit zwei Wochen nicht weitergekommen. Der nächste Schritt: {step}.\n\nPartner, die in den ersten 90 Tagen verkaufen, sind am erfolgreichsten; Ihr Channel-Manager hilft gern.\n",
    ),
    ("{organisation} is stuck in onboarding", "{organisation} kommt im Onboarding nicht weiter"),
    (
        "Hello,\n\n{organisation} has made no onboarding progress for two weeks ({done} of {total} steps). Its admins were reminded.\n",
        "Hallo,\n\n{organisation} hat seit zwei Wochen keinen Onboarding-Fortschritt gemacht ({done} von {total} Schritten). Die Admins wurden erinnert.\n",
    ),
    ("Welcome to the Acme Cloud partner program", "Willkommen im Partnerprogramm von Acme Cloud"),
    (
        "Hello {name},\n\nWelcome to the Acme Cloud partner program. Your checklist in the portal takes you to your first deal; here is the welcome kit:\n\n{kit}\n",
        "Hallo {name},\n\nwillkommen im Partnerprogramm von Acme Cloud. Ihre Checkliste im Portal führt Sie zu Ihrem ersten Deal; hier ist das Willkommenspaket:\n\n{kit}\n",
    ),
    // onboarding/pages
    ("Welcome kit", "Willkommenspaket"),
    (
        "What to do first, who helps you, and where everything is.",
        "Was zuerst zu tun ist, wer Ihnen hilft und wo alles zu finden ist.",
    ),
    ("Back to your checklist", "Zurück zur Checkliste"),
    ("{done} of {total} steps", "{done} von {total} Schritten"),
    ("Onboarding steps", "Onboarding-Schritte"),
    ("Getting started", "Erste Schritte"),
    ("Open your checklist", "Checkliste öffnen"),
    (
        "Every partner still onboarding, who is stuck, and how long partners take to their first deal.",
        "Jeder Partner im Onboarding, wer nicht weiterkommt und wie lange Partner bis zum ersten Deal brauchen.",
    ),
    ("Each step ticks itself when it is done.", "Jeder Schritt hakt sich selbst ab, sobald er erledigt ist."),
    ("Partners onboarding", "Partner im Onboarding"),
    ("No partner is onboarding.", "Kein Partner ist im Onboarding."),
    ("Days to the first approved registration", "Tage bis zur ersten genehmigten Registrierung"),
    ("Days to the first won deal", "Tage bis zum ersten gewonnenen Deal"),
    ("{n} partners have no approved registration yet.", "{n} Partner haben noch keine genehmigte Registrierung."),
    ("1 partner has no approved registration yet.", "1 Partner hat noch keine genehmigte Registrierung."),
    ("Partners by days taken", "Partner nach benötigten Tagen"),
    ("Stuck: no progress in 14 days", "Kommt nicht weiter: kein Fortschritt seit 14 Tagen"),
    ("Step to skip", "Zu überspringender Schritt"),
    ("Skip step", "Schritt überspringen"),
    ("Median {days} days over {n} partners", "Median {days} Tage über {n} Partner"),
    ("No partner yet.", "Noch kein Partner."),
    ("Partner agreement", "Partnervertrag"),
    ("Version {version}, published {date}", "Version {version}, veröffentlicht am {date}"),
    ("Signed by {name} on {date}.", "Unterzeichnet von {name} am {date}."),
    ("Open the signed copy", "Unterzeichnete Fassung öffnen"),
    (
        "A new version: sign it by {date} to keep registering deals.",
        "Eine neue Version: Unterzeichnen Sie sie bis zum {date}, um weiter Deals zu registrieren.",
    ),
    ("Sign", "Unterzeichnen"),
    ("Your full name", "Ihr vollständiger Name"),
    (
        "I have read this agreement and sign it for my organisation.",
        "Ich habe diesen Vertrag gelesen und unterzeichne ihn für meine Organisation.",
    ),
    ("Sign the agreement", "Vertrag unterzeichnen"),
    (
        "A partner admin of your organisation signs the agreement.",
        "Ein Partner-Admin Ihrer Organisation unterzeichnet den Vertrag.",
    ),
    ("SHA-256 of this text: {hash}", "SHA-256 dieses Textes: {hash}"),
    ("Signed partner agreement", "Unterzeichneter Partnervertrag"),
    ("Signed copy for {organisation}, version {version}", "Unterzeichnete Fassung für {organisation}, Version {version}"),
    ("Signed by", "Unterzeichnet von"),
    ("Signed at", "Unterzeichnet am"),
    ("From address", "Von Adresse"),
    ("Browser", "Browser"),
    ("SHA-256 of the text signed", "SHA-256 des unterzeichneten Textes"),
    (
        "Print this page or save it as PDF from your browser's print dialog.",
        "Drucken Sie diese Seite oder speichern Sie sie über den Druckdialog Ihres Browsers als PDF.",
    ),
    // auth/pages/mod.rs
    ("Partners joining", "Neue Partner"),
    (
        "Applications to review, partners onboarding and who is stuck.",
        "Zu prüfende Bewerbungen, Partner im Onboarding und wer nicht weiterkommt.",
    ),
];

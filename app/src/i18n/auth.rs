//! German for the auth area: signing in, sessions, passwords and two-step
//! sign-in.

pub(super) const TEXT: super::Pairs = &[
    // api.rs
    ("Enter your email address and password.", "Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein."),
    (
        "That email and password do not match an account.",
        "Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto.",
    ),
    // mod.rs
    (
        "At least 8 characters; long passphrases are welcome. Very common passwords are refused.",
        "Mindestens 8 Zeichen; lange Passphrasen sind willkommen. Sehr verbreitete Passwörter werden abgelehnt.",
    ),
    // password.rs
    ("Use at least {min} characters.", "Verwenden Sie mindestens {min} Zeichen."),
    ("Use at most {max} characters.", "Verwenden Sie höchstens {max} Zeichen."),
    (
        "This password is on lists attackers try first. Choose another.",
        "Dieses Passwort steht auf Listen, die Angreifer zuerst ausprobieren. Wählen Sie ein anderes.",
    ),
    (
        "Do not use your email address as your password.",
        "Verwenden Sie nicht Ihre E-Mail-Adresse als Passwort.",
    ),
    // two_step.rs
    (
        "That code is not right or was already used. Enter the code your app shows now.",
        "Dieser Code ist falsch oder wurde bereits verwendet. Geben Sie den Code ein, den Ihre App jetzt anzeigt.",
    ),
    (
        "Hello {name},\n\nA recovery code was just used to sign in to your Trellis account. \
         {codes_left}\n\nIf this was not you, reset your password at once \
         and tell your channel manager.\n",
        "Hallo {name},\n\nsoeben wurde mit einem Wiederherstellungscode eine Anmeldung bei Ihrem \
         Trellis-Konto durchgeführt. {codes_left}\n\nWenn Sie das \
         nicht waren, setzen Sie sofort Ihr Passwort zurück und informieren Sie Ihren Channel-Manager.\n",
    ),
    ("1 unused code is left.", "Es ist noch 1 unbenutzter Code übrig."),
    ("{left} unused codes are left.", "Es sind noch {left} unbenutzte Codes übrig."),
    (
        "A recovery code was used on your Trellis account",
        "Für Ihr Trellis-Konto wurde ein Wiederherstellungscode verwendet",
    ),
    (
        "Nothing is being set up. Reload the page to start again.",
        "Es wird gerade nichts eingerichtet. Laden Sie die Seite neu, um von vorn zu beginnen.",
    ),
    (
        "That code is not right. Enter the 6-digit code your app shows now.",
        "Dieser Code ist falsch. Geben Sie den 6-stelligen Code ein, den Ihre App jetzt anzeigt.",
    ),
    ("Two-step sign-in is already on.", "Die Zwei-Schritt-Anmeldung ist bereits aktiv."),
    (
        "Hello {name},\n\nTwo-step sign-in is now on for your Trellis account: signing in asks \
         for a code from your authenticator app. Keep your recovery codes somewhere safe.\n\n\
         If this was not you, tell your channel manager at once.\n",
        "Hallo {name},\n\nfür Ihr Trellis-Konto ist jetzt die Zwei-Schritt-Anmeldung aktiv: Bei der \
         Anmeldung wird ein Code aus Ihrer Authenticator-App abgefragt. Bewahren Sie Ihre \
         Wiederherstellungscodes sicher auf.\n\nWenn Sie das nicht waren, informieren Sie sofort \
         Ihren Channel-Manager.\n",
    ),
    (
        "Two-step sign-in is on for your Trellis account",
        "Die Zwei-Schritt-Anmeldung ist für Ihr Trellis-Konto aktiv",
    ),
    // pages/mod.rs
    (
        "Partners and Acme Cloud staff sign in with the email address their invitation went to.",
        "Partner und Mitarbeitende von Acme Cloud melden sich mit der E-Mail-Adresse an, an die ihre Einladung ging.",
    ),
    ("Email address", "E-Mail-Adresse"),
    ("Password", "Passwort"),
    ("Remember this device for 30 days", "Dieses Gerät 30 Tage lang merken"),
    ("Forgot your password?", "Passwort vergessen?"),
    ("Welcome, {first}", "Willkommen, {first}"),
    ("Your organisation", "Ihre Organisation"),
    ("Profile, contact details and people.", "Profil, Kontaktdaten und Personen."),
    ("Outbox", "Postausgang"),
    ("Email the portal has sent or is sending.", "E-Mails, die das Portal gesendet hat oder gerade sendet."),
    ("Open the outbox", "Postausgang öffnen"),
    ("Audit log of every organisation", "Prüfprotokoll aller Organisationen"),
    ("Program settings", "Programmeinstellungen"),
    ("Your sessions", "Ihre Sitzungen"),
    (
        "See where you are signed in and sign other devices out.",
        "Sehen Sie, wo Sie angemeldet sind, und melden Sie andere Geräte ab.",
    ),
    ("Manage sessions", "Sitzungen verwalten"),
    ("Two-step sign-in", "Zwei-Schritt-Anmeldung"),
    (
        "Every device you are signed in on. Sign out any you do not recognise.",
        "Alle Geräte, auf denen Sie angemeldet sind. Melden Sie jedes ab, das Sie nicht kennen.",
    ),
    ("Unknown device", "Unbekanntes Gerät"),
    (
        "Signed in {signed_in} · last active {last_active}",
        "Angemeldet am {signed_in} · zuletzt aktiv am {last_active}",
    ),
    ("remembered", "gemerkt"),
    ("This device", "Dieses Gerät"),
    ("Sign out this device", "Dieses Gerät abmelden"),
    // pages/two_step.rs
    ("Enter your code", "Code eingeben"),
    (
        "Open your authenticator app and enter the 6-digit code it shows for Trellis. Lost your phone? Enter one of your recovery codes instead.",
        "Öffnen Sie Ihre Authenticator-App und geben Sie den 6-stelligen Code ein, den sie für Trellis anzeigt. Smartphone verloren? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein.",
    ),
    ("Code", "Code"),
    (
        "Do not ask for a code on this device for 30 days",
        "Auf diesem Gerät 30 Tage lang nicht nach einem Code fragen",
    ),
    ("Verify", "Bestätigen"),
    ("Start again", "Von vorn beginnen"),
    (
        "Acme Cloud requires two-step sign-in for your account. Set it up now to continue.",
        "Acme Cloud verlangt für Ihr Konto die Zwei-Schritt-Anmeldung. Richten Sie sie jetzt ein, um fortzufahren.",
    ),
    (
        "A code from an app on your phone, asked for after your password.",
        "Ein Code aus einer App auf Ihrem Smartphone, abgefragt nach Ihrem Passwort.",
    ),
    ("On since {date}", "Aktiv seit {date}"),
    ("{left} of 10 recovery codes unused.", "{left} von 10 Wiederherstellungscodes unbenutzt."),
    ("Two-step sign-in is off.", "Die Zwei-Schritt-Anmeldung ist nicht aktiv."),
    ("1. Add Trellis to your authenticator app", "1. Trellis zu Ihrer Authenticator-App hinzufügen"),
    (
        "Scan the code with Google Authenticator, Microsoft Authenticator, 1Password or any TOTP app, or type the key.",
        "Scannen Sie den Code mit Google Authenticator, Microsoft Authenticator, 1Password oder einer anderen TOTP-App oder geben Sie den Schlüssel ein.",
    ),
    ("QR code for your authenticator app", "QR-Code für Ihre Authenticator-App"),
    ("Key", "Schlüssel"),
    ("2. Save your recovery codes", "2. Wiederherstellungscodes sichern"),
    (
        "Each one signs you in once if you lose your phone. Keep them somewhere safe; they are not shown again.",
        "Mit jedem können Sie sich einmal anmelden, falls Sie Ihr Smartphone verlieren. Bewahren Sie sie sicher auf; sie werden nicht noch einmal angezeigt.",
    ),
    ("Recovery codes", "Wiederherstellungscodes"),
    ("3. Enter the code your app shows", "3. Code aus Ihrer App eingeben"),
    ("6-digit code", "6-stelliger Code"),
    ("Turn on two-step sign-in", "Zwei-Schritt-Anmeldung aktivieren"),
    ("Saved.", "Gespeichert."),
    ("Rules that apply to everyone in the program.", "Regeln, die für alle im Programm gelten."),
    (
        "Always required for Acme Cloud staff. Partners without it are asked to set it up at their next sign-in.",
        "Für Mitarbeitende von Acme Cloud immer erforderlich. Partner ohne sie werden bei ihrer nächsten Anmeldung gebeten, sie einzurichten.",
    ),
    (
        "Require two-step sign-in for partner people",
        "Zwei-Schritt-Anmeldung für Personen bei Partnern verlangen",
    ),
    ("Save settings", "Einstellungen speichern"),
];

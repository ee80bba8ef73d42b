//! German for the people area (invitations, password resets, role and
//! status changes), notifications, the audit log and the outbox.

pub(super) const TEXT: super::Pairs = &[
    // people/mod.rs
    (
        "Enter the person's name (up to 120 characters).",
        "Geben Sie den Namen der Person ein (bis zu 120 Zeichen).",
    ),
    (
        "Choose a role this organisation can have.",
        "Wählen Sie eine Rolle, die diese Organisation haben kann.",
    ),
    ("Choose active or disabled.", "Wählen Sie aktiv oder deaktiviert."),
    // people/api.rs
    (
        "You cannot change your own role or status.",
        "Ihre eigene Rolle und Ihren eigenen Status können Sie nicht ändern.",
    ),
    // people/pages/invitation.rs
    ("Join the partner portal", "Dem Partnerportal beitreten"),
    (
        "Choose a password to finish setting up your account.",
        "Wählen Sie ein Passwort, um die Einrichtung Ihres Kontos abzuschließen.",
    ),
    ("Set password and continue", "Passwort festlegen und fortfahren"),
    // people/pages/mod.rs
    ("New password", "Neues Passwort"),
    // people/pages/password_reset.rs
    ("Reset your password", "Passwort zurücksetzen"),
    (
        "We email you a link that works once, for one hour.",
        "Wir senden Ihnen per E-Mail einen Link, der einmal und eine Stunde lang gilt.",
    ),
    (
        "If an account exists for that address, we have sent a link to it. Check your inbox.",
        "Falls es zu dieser Adresse ein Konto gibt, haben wir einen Link dorthin gesendet. Sehen Sie in Ihrem Posteingang nach.",
    ),
    ("Send me a link", "Link zusenden"),
    ("Choose a new password", "Neues Passwort wählen"),
    (
        "Other devices signed in to your account will be signed out.",
        "Andere Geräte, die bei Ihrem Konto angemeldet sind, werden abgemeldet.",
    ),
    ("Save password and sign in", "Passwort speichern und anmelden"),
    // people/server/access.rs
    (
        "This link has expired or was already used. Ask for a new one.",
        "Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.",
    ),
    ("Reset your Trellis password", "Ihr Trellis-Passwort zurücksetzen"),
    (
        "Hello {name},\n\nSomeone asked to reset your Trellis password.\n\
         Open this link within an hour to choose a new one:\n\n{link}\n\n\
         If it was not you, ignore this email: your password stays as it is.\n",
        "Hallo {name},\n\njemand hat angefordert, Ihr Trellis-Passwort zurückzusetzen.\n\
         Öffnen Sie diesen Link innerhalb einer Stunde, um ein neues zu wählen:\n\n{link}\n\n\
         Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.\n",
    ),
    ("Your Trellis password was changed", "Ihr Trellis-Passwort wurde geändert"),
    (
        "Hello {name},\n\nThe password of your Trellis account was just changed, and every \
         device signed in to it was signed out.\n\nIf this was not you, reset your \
         password again at once and tell your channel manager.\n",
        "Hallo {name},\n\ndas Passwort Ihres Trellis-Kontos wurde soeben geändert, und alle \
         daran angemeldeten Geräte wurden abgemeldet.\n\nWenn Sie das nicht waren, setzen Sie \
         Ihr Passwort sofort erneut zurück und informieren Sie Ihren Channel-Manager.\n",
    ),
    // people/server/invite.rs
    (
        "That email address already has an account.",
        "Zu dieser E-Mail-Adresse gibt es bereits ein Konto.",
    ),
    (
        "You are invited to the Acme Cloud partner portal",
        "Sie sind zum Partnerportal von Acme Cloud eingeladen",
    ),
    (
        "Hello {name},\n\n{inviter} has invited you to the Acme Cloud partner portal.\n\
         Open this link within 7 days to set your password:\n\n{link}\n\n\
         If you did not expect this, you can ignore this email.\n",
        "Hallo {name},\n\n{inviter} hat Sie zum Partnerportal von Acme Cloud eingeladen.\n\
         Öffnen Sie diesen Link innerhalb von 7 Tagen, um Ihr Passwort festzulegen:\n\n{link}\n\n\
         Wenn Sie damit nicht gerechnet haben, können Sie diese E-Mail ignorieren.\n",
    ),
    // notifications/pages.rs
    (
        "What happened to your deals and account, newest first.",
        "Was mit Ihren Deals und Ihrem Konto geschehen ist, das Neueste zuerst.",
    ),
    ("Mark all {count} as read", "Alle {count} als gelesen markieren"),
    ("Nothing yet.", "Noch nichts."),
    ("New", "Neu"),
    // audit/page.rs
    (
        "Every change to this organisation's records: who, what, when and from where.",
        "Jede Änderung an den Daten dieser Organisation: wer, was, wann und von wo.",
    ),
    ("Audit entries", "Einträge im Prüfprotokoll"),
    ("When", "Wann"),
    ("Who", "Wer"),
    ("What", "Was"),
    ("Address", "Adresse"),
    // audit/page.rs: actions as the log shows them
    ("sign in", "Anmeldung"),
    ("sign in failed", "Anmeldung fehlgeschlagen"),
    ("sign in password accepted", "Anmeldung: Passwort akzeptiert"),
    (
        "sign in two step setup required",
        "Anmeldung: Einrichtung der Zwei-Schritt-Anmeldung erforderlich",
    ),
    ("sign out", "Abmeldung"),
    ("second factor failed", "Zweiter Faktor fehlgeschlagen"),
    ("session revoked", "Sitzung beendet"),
    ("two step enabled", "Zwei-Schritt-Anmeldung eingeschaltet"),
    ("security settings updated", "Sicherheitseinstellungen geändert"),
    ("person invited", "Person eingeladen"),
    ("invitation accepted", "Einladung angenommen"),
    ("password reset", "Passwort zurückgesetzt"),
    ("person updated", "Person geändert"),
    ("profile updated", "Profil geändert"),
    ("deal submitted", "Deal eingereicht"),
    ("deal decided", "Deal entschieden"),
    ("deal information given", "Weitere Informationen zum Deal gegeben"),
    ("deal won", "Deal gewonnen"),
    ("deal lost", "Deal verloren"),
    ("deal expired", "Deal abgelaufen"),
    ("deal extension requested", "Verlängerung des Deals beantragt"),
    ("deal extension granted", "Verlängerung des Deals gewährt"),
    ("deal extension refused", "Verlängerung des Deals abgelehnt"),
    ("deal co seller added", "Co-Seller zum Deal hinzugefügt"),
    ("deal touchpoint recorded", "Kontaktpunkt zum Deal erfasst"),
    ("direct accounts added", "Direktkunden hinzugefügt"),
    ("rules updated", "Regeln geändert"),
    // email/page.rs
    (
        "Email Trellis has queued, newest first, with its delivery status.",
        "E-Mails, die Trellis zum Versand eingereiht hat, die neuesten zuerst, mit ihrem Zustellstatus.",
    ),
    (
        "To {to} · {when} · {attempts} attempt(s)",
        "An {to} · {when} · {attempts} Versuch(e)",
    ),
    ("pending", "ausstehend"),
    ("sent", "gesendet"),
    ("failed", "fehlgeschlagen"),
];

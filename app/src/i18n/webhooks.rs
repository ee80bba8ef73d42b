//! German for signed webhooks: endpoints, the delivery log and replay.

pub(super) const TEXT: super::Pairs = &[
    // webhooks/mod.rs
    ("A lead arrives", "Ein Lead kommt herein"),
    ("A lead changes", "Ein Lead ändert sich"),
    ("Waiting to be sent", "Wartet auf Versand"),
    ("Gave up", "Aufgegeben"),
    ("Use an https:// address.", "Verwenden Sie eine https://-Adresse."),
    (
        "This is not a web address: https://host/path, without spaces or a user name.",
        "Das ist keine Webadresse: https://host/pfad, ohne Leerzeichen und Benutzernamen.",
    ),
    (
        "This address is inside a private network; use one the internet can reach.",
        "Diese Adresse liegt in einem privaten Netz; verwenden Sie eine, die aus dem Internet erreichbar ist.",
    ),
    // webhooks/server
    ("Choose the events to send.", "Wählen Sie die Ereignisse, die gesendet werden."),
    (
        "An organisation has at most 10 endpoints; pause one you no longer use.",
        "Eine Organisation hat höchstens 10 Endpunkte; pausieren Sie einen, den Sie nicht mehr brauchen.",
    ),
    (
        "This delivery is being sent right now; look again in a minute.",
        "Diese Zustellung wird gerade gesendet; sehen Sie in einer Minute wieder nach.",
    ),
    // webhooks/pages
    ("Webhooks", "Webhooks"),
    (
        "Trellis tells your CRM or automation tool about every new or changed lead, signed so it can check the message came from here.",
        "Trellis meldet Ihrem CRM oder Automatisierungswerkzeug jeden neuen oder geänderten Lead, signiert, damit es prüfen kann, dass die Nachricht von hier kommt.",
    ),
    (
        "Your endpoints hear of every lead. Of a lead a partner's campaign brought they get where it stands (status, partner, campaign, deal), never the person in it: that stays with the partner.",
        "Ihre Endpunkte erfahren von jedem Lead. Von einem Lead aus der Kampagne eines Partners erhalten sie den Stand (Status, Partner, Kampagne, Deal), nie die Person darin: die bleibt beim Partner.",
    ),
    (
        "Your endpoints hear of your own leads, with the person in each.",
        "Ihre Endpunkte erfahren von Ihren eigenen Leads, mit der Person darin.",
    ),
    ("Endpoints", "Endpunkte"),
    ("Add an endpoint", "Endpunkt hinzufügen"),
    (
        "Endpoint added. Its signing secret is in the list beside this form.",
        "Endpunkt hinzugefügt. Sein Signaturschlüssel steht in der Liste neben diesem Formular.",
    ),
    ("Address (https)", "Adresse (https)"),
    ("Add the endpoint", "Endpunkt hinzufügen"),
    ("Paused", "Pausiert"),
    (
        "{delivered} delivered · {waiting} waiting · {failed} given up",
        "{delivered} zugestellt · {waiting} wartend · {failed} aufgegeben",
    ),
    ("Pause", "Pausieren"),
    ("Resume", "Fortsetzen"),
    ("Show the signing secret", "Signaturschlüssel anzeigen"),
    ("Event", "Ereignis"),
    ("Last answer", "Letzte Antwort"),
    ("Delivery log", "Zustellprotokoll"),
    ("Nothing was sent yet.", "Noch nichts gesendet."),
    ("{when}: {what} ({ms} ms)", "{when}: {what} ({ms} ms)"),
    ("replayed", "erneut gesendet"),
    ("Message and attempts", "Nachricht und Versuche"),
    ("Message id", "Nachrichten-ID"),
    ("Send again", "Erneut senden"),
    ("Checking a delivery", "Eine Zustellung prüfen"),
    (
        "Each delivery is a JSON POST in the Standard Webhooks format, with the headers webhook-id (the same on every retry, so you can ignore one you already have), webhook-timestamp and webhook-signature. Verify it with any Standard Webhooks library and the endpoint's signing secret; refuse one older than five minutes.",
        "Jede Zustellung ist ein JSON-POST im Format Standard Webhooks, mit den Headern webhook-id (bei jeder Wiederholung gleich, damit Sie eine schon erhaltene ignorieren können), webhook-timestamp und webhook-signature. Prüfen Sie sie mit einer beliebigen Standard-Webhooks-Bibliothek und dem Signaturschlüssel des Endpunkts; weisen Sie eine zurück, die älter als fünf Minuten ist.",
    ),
    (
        "A delivery that is not answered with a 2xx status is tried again, waiting longer each time, for about a day and a half; you can send any delivery again from the log.",
        "Eine Zustellung, die nicht mit einem 2xx-Status beantwortet wird, wird etwa anderthalb Tage lang erneut versucht, mit jedes Mal längerer Pause; jede Zustellung können Sie aus dem Protokoll erneut senden.",
    ),
    ("One of your campaigns' social posts is due", "Ein Social-Media-Beitrag Ihrer Kampagnen ist fällig"),
];

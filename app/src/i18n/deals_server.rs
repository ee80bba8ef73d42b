//! German for what the deals area says from the server: field errors,
//! conflicts, notifications and emails.

pub(super) const TEXT: super::Pairs = &[
    // mod.rs: statuses
    ("Draft", "Entwurf"),
    ("Submitted", "Eingereicht"),
    ("More information requested", "Weitere Informationen angefordert"),
    ("Approved", "Freigegeben"),
    ("Rejected", "Abgelehnt"),
    ("Won", "Gewonnen"),
    ("Lost", "Verloren"),
    ("Expired", "Abgelaufen"),
    // mod.rs: partner roles ("Systems integrator" is in organisations.rs)
    ("Sourced the deal", "Deal selbst akquiriert"),
    ("Reseller", "Reseller"),
    ("Influence", "Influence"),
    ("Referral", "Empfehlung"),
    // mod.rs: conflicts
    ("Registered by another partner", "Von einem anderen Partner registriert"),
    ("Acme Cloud direct account", "Direktkunde von Acme Cloud"),
    ("Already registered by your organisation", "Bereits von Ihrer Organisation registriert"),
    (
        "Another partner holds a protected registration for this customer until {date}. You may still submit; the channel manager will review it.",
        "Ein anderer Partner hat für diesen Kunden eine geschützte Registrierung bis {date}. Sie können trotzdem einreichen; der Channel-Manager prüft sie.",
    ),
    (
        "Another partner has registered this customer and is waiting for approval. You may still submit; the channel manager will review it.",
        "Ein anderer Partner hat diesen Kunden registriert und wartet auf die Freigabe. Sie können trotzdem einreichen; der Channel-Manager prüft sie.",
    ),
    (
        "This customer is a named Acme Cloud direct account. You may still submit; the channel manager will review it.",
        "Dieser Kunde ist ein benannter Direktkunde von Acme Cloud. Sie können trotzdem einreichen; der Channel-Manager prüft sie.",
    ),
    (
        "Your organisation already has an open registration for this customer ({reference}).",
        "Ihre Organisation hat für diesen Kunden bereits eine offene Registrierung ({reference}).",
    ),
    (
        "Your organisation already has an open registration for this customer.",
        "Ihre Organisation hat für diesen Kunden bereits eine offene Registrierung.",
    ),
    // mod.rs: field errors
    ("Search for at most 200 characters.", "Suchen Sie nach höchstens 200 Zeichen."),
    ("Keep the reason under 1,000 characters.", "Die Begründung darf höchstens 1.000 Zeichen lang sein."),
    ("Enter the customer's company name.", "Geben Sie den Firmennamen des Kunden ein."),
    ("Keep the company name under 200 characters.", "Der Firmenname darf höchstens 200 Zeichen lang sein."),
    (
        "Enter the customer's web domain, like example.com.",
        "Geben Sie die Web-Domain des Kunden ein, etwa example.com.",
    ),
    (
        "Enter the name of your contact at the customer.",
        "Geben Sie den Namen Ihres Kontakts beim Kunden ein.",
    ),
    // "Keep the name under 120 characters." is in organisations.rs
    ("Enter the contact's email address.", "Geben Sie die E-Mail-Adresse des Kontakts ein."),
    (
        "Enter a phone number with digits, or leave it empty.",
        "Geben Sie eine Telefonnummer mit Ziffern ein oder lassen Sie das Feld leer.",
    ),
    ("Choose the customer's country.", "Wählen Sie das Land des Kunden."),
    ("Keep the country under 100 characters.", "Das Land darf höchstens 100 Zeichen lang sein."),
    (
        "Say which Acme Cloud products the customer wants.",
        "Geben Sie an, welche Produkte von Acme Cloud der Kunde möchte.",
    ),
    ("Keep the products under 500 characters.", "Die Produkte dürfen höchstens 500 Zeichen lang sein."),
    (
        "Enter the estimated value as a number, like 25000.",
        "Geben Sie den geschätzten Wert als Zahl ein, etwa 25000.",
    ),
    ("Choose a currency.", "Wählen Sie eine Währung."),
    ("Enter the expected close date.", "Geben Sie das voraussichtliche Abschlussdatum ein."),
    ("The expected close date is in the past.", "Das voraussichtliche Abschlussdatum liegt in der Vergangenheit."),
    ("Choose your role in this deal.", "Wählen Sie Ihre Rolle in diesem Deal."),
    ("Keep the notes under 2,000 characters.", "Die Notizen dürfen höchstens 2.000 Zeichen lang sein."),
    // cosell.rs
    ("Demo", "Demo"),
    ("Proof of concept", "Proof of Concept"),
    ("Implementation", "Implementierung"),
    ("Choose what happened.", "Wählen Sie aus, was passiert ist."),
    ("Enter the date it happened.", "Geben Sie das Datum ein, an dem es passiert ist."),
    ("The date is in the future.", "Das Datum liegt in der Zukunft."),
    ("The date is more than two years ago.", "Das Datum liegt mehr als zwei Jahre zurück."),
    ("Keep the note under 500 characters.", "Die Notiz darf höchstens 500 Zeichen lang sein."),
    // api.rs
    (
        "Choose approve, reject or ask for more.",
        "Wählen Sie Freigeben, Ablehnen oder Weitere Informationen anfordern.",
    ),
    (
        "Say why, so the partner knows what to do next.",
        "Geben Sie eine Begründung an, damit der Partner weiß, was als Nächstes zu tun ist.",
    ),
    ("Choose won or lost.", "Wählen Sie gewonnen oder verloren."),
    (
        "Say why the deal needs more time (up to 1,000 characters).",
        "Begründen Sie, warum der Deal mehr Zeit braucht (bis zu 1.000 Zeichen).",
    ),
    ("Choose grant or refuse.", "Wählen Sie Gewähren oder Ablehnen."),
    ("Write your answer (up to 2,000 characters).", "Schreiben Sie Ihre Antwort (bis zu 2.000 Zeichen)."),
    ("Choose the partner's role.", "Wählen Sie die Rolle des Partners."),
    ("Enter the partner's name.", "Geben Sie den Namen des Partners ein."),
    ("Cannot add it: {why}.", "Nicht hinzugefügt: {why}."),
    ("Nothing imported. Fix {lines}.", "Nichts importiert. Korrigieren Sie {lines}."),
    // program.rs
    ("a company name is needed", "ein Firmenname fehlt"),
    ("“{domain}” is not a web domain", "„{domain}“ ist keine Web-Domain"),
    ("line {number}: {why}", "Zeile {number}: {why}"),
    (
        "no accounts found: one “company,domain” per line",
        "keine Kunden gefunden: ein „Unternehmen,Domain“ pro Zeile",
    ),
    ("Enter whole hours between 1 and 720.", "Geben Sie ganze Stunden zwischen 1 und 720 ein."),
    ("Enter whole days between 1 and 730.", "Geben Sie ganze Tage zwischen 1 und 730 ein."),
    ("Keep the rules under 20,000 characters.", "Die Regeln dürfen höchstens 20.000 Zeichen lang sein."),
    // server/conflicts.rs: why two customers are the same (vendor staff read it)
    ("same web domain “{domain}”", "gleiche Web-Domain „{domain}“"),
    ("company name “{key}”", "Firmenname „{key}“"),
    ("same company name “{key}”", "gleicher Firmenname „{key}“"),
    ("company name “{key}”, {percent}% alike", "Firmenname „{key}“, zu {percent} % ähnlich"),
    // server/cosell.rs
    (
        "Partners can no longer be added: the registration is closed.",
        "Es können keine Partner mehr hinzugefügt werden: Die Registrierung ist abgeschlossen.",
    ),
    ("No partner is called “{organisation}”.", "Kein Partner heißt „{organisation}“."),
    ("That partner registered the deal.", "Dieser Partner hat den Deal registriert."),
    ("{partner_name} already co-sells this deal.", "{partner_name} ist bereits Co-Seller dieses Deals."),
    ("{partner_name} co-sells as {role}", "{partner_name} verkauft gemeinsam als {role}"),
    ("You are co-selling {customer}", "Sie verkaufen {customer} gemeinsam"),
    (
        "Hello {name},\n\n{actor} added {partner_name} to the deal for {customer} \
         ({reference}) as {role}.\n\nRecord your demos, proofs of concept and other \
         touchpoints on the deal page.\n",
        "Hallo {name},\n\n{actor} hat {partner_name} als {role} zum Deal für {customer} \
         ({reference}) hinzugefügt.\n\nErfassen Sie Ihre Demos, Proofs of Concept und \
         anderen Kontaktpunkte auf der Seite des Deals.\n",
    ),
    (
        "Touchpoints can no longer be recorded: the registration is closed.",
        "Es können keine Kontaktpunkte mehr erfasst werden: Die Registrierung ist abgeschlossen.",
    ),
    // server/lifecycle.rs
    ("Only an approved registration can be closed.", "Nur eine freigegebene Registrierung kann abgeschlossen werden."),
    ("Deal registration {reference}: {status}", "Deal-Registrierung {reference}: {status}"),
    (
        "Hello,\n\n{actor} marked the deal for {customer} ({reference}) {outcome}.\n",
        "Hallo,\n\n{actor} hat den Deal für {customer} ({reference}) als {outcome} markiert.\n",
    ),
    ("Protection for {customer} ends in {days} days", "Schutz für {customer} endet in {days} Tagen"),
    (
        "Hello {name},\n\nYour protection for {customer} ({reference}) ends on \
         {date}. If the deal needs more time, ask your channel manager for an \
         extension; if it closed, mark it won or lost in Trellis.\n",
        "Hallo {name},\n\nIhr Schutz für {customer} ({reference}) endet am \
         {date}. Wenn der Deal mehr Zeit braucht, bitten Sie Ihren Channel-Manager um eine \
         Verlängerung; wenn er abgeschlossen ist, markieren Sie ihn in Trellis als gewonnen oder verloren.\n",
    ),
    ("Protection ended", "Schutz beendet"),
    (
        "Hello {name},\n\nYour registration {reference} for {customer} has expired: \
         its protection ended on {date}. The customer is open to other registrations \
         again.\n",
        "Hallo {name},\n\nIhre Registrierung {reference} für {customer} ist abgelaufen: \
         Ihr Schutz endete am {date}. Der Kunde ist wieder für andere Registrierungen \
         offen.\n",
    ),
    (
        "Only an approved registration without a pending request can be extended.",
        "Nur eine freigegebene Registrierung ohne offenen Antrag kann verlängert werden.",
    ),
    ("No extension request is waiting.", "Es wartet kein Verlängerungsantrag."),
    ("Extension granted: {days} more day", "Verlängerung gewährt: {days} weiterer Tag"),
    ("Extension granted: {days} more days", "Verlängerung gewährt: {days} weitere Tage"),
    ("Extension refused: {reason}", "Verlängerung abgelehnt: {reason}"),
    ("Extension refused", "Verlängerung abgelehnt"),
    ("Deal registration {reference}: {note}", "Deal-Registrierung {reference}: {note}"),
    (
        "Hello,\n\n{note} for your registration {reference}.\n",
        "Hallo,\n\n{note} für Ihre Registrierung {reference}.\n",
    ),
    // server/register.rs
    ("\nFlagged: {kind}.\n", "\nMarkiert: {kind}.\n"),
    ("New deal registration {reference}", "Neue Deal-Registrierung {reference}"),
    (
        "Hello {name},\n\n{organisation} registered {customer} for {products} \
         ({reference}).\n{flag}\nReview it in the approval queue.\n",
        "Hallo {name},\n\n{organisation} hat {customer} für {products} registriert \
         ({reference}).\n{flag}\nPrüfen Sie die Registrierung in der Freigabe-Warteschlange.\n",
    ),
    // server/review.rs
    ("This registration was already decided.", "Über diese Registrierung wurde bereits entschieden."),
    (
        "Another open registration holds this customer. Reject or close that one first.",
        "Eine andere offene Registrierung hält diesen Kunden. Lehnen Sie diese zuerst ab oder schließen Sie sie ab.",
    ),
    (
        "\nThe customer is protected for you until {date}.\n",
        "\nDer Kunde ist für Sie geschützt bis {date}.\n",
    ),
    (
        "Hello {name},\n\nYour deal registration {reference} for {customer}: {status}.\n{why}{protection}",
        "Hallo {name},\n\nIhre Deal-Registrierung {reference} für {customer}: {status}.\n{why}{protection}",
    ),
    ("No question is waiting for an answer.", "Es wartet keine Frage auf eine Antwort."),
];

//! German for recruiting: the public application, the fit score and its
//! explanations, the review queue and the emails to applicants.

pub(super) const TEXT: super::Pairs = &[
    // recruit/mod.rs
    ("Healthcare", "Gesundheitswesen"),
    ("Financial services", "Finanzdienstleistungen"),
    ("Retail", "Einzelhandel"),
    ("Manufacturing", "Fertigung"),
    ("Public sector", "Öffentlicher Sektor"),
    ("Education", "Bildung"),
    ("Technology", "Technologie"),
    ("Energy", "Energie"),
    ("Cloud migration", "Cloud-Migration"),
    ("Security", "Sicherheit"),
    ("Data and analytics", "Daten und Analytik"),
    ("Managed operations", "Managed Operations"),
    ("DevOps", "DevOps"),
    ("Networking", "Netzwerke"),
    ("AI and machine learning", "KI und maschinelles Lernen"),
    ("Received", "Eingegangen"),
    ("Ask for more information", "Weitere Informationen anfordern"),
    ("Enter your company's name.", "Geben Sie den Namen Ihres Unternehmens ein."),
    (
        "Enter a real company name (letters, up to 200 characters).",
        "Geben Sie einen echten Firmennamen ein (Buchstaben, bis zu 200 Zeichen).",
    ),
    (
        "Enter your company's website, for example example.com.",
        "Geben Sie die Website Ihres Unternehmens ein, zum Beispiel example.com.",
    ),
    (
        "Enter your country (up to 80 characters).",
        "Geben Sie Ihr Land ein (bis zu 80 Zeichen).",
    ),
    ("Choose the region you sell in.", "Wählen Sie die Region, in der Sie verkaufen."),
    (
        "Choose how you would partner with us.",
        "Wählen Sie, wie Sie mit uns zusammenarbeiten möchten.",
    ),
    (
        "Enter how many people work at your company (a whole number).",
        "Geben Sie an, wie viele Menschen in Ihrem Unternehmen arbeiten (eine ganze Zahl).",
    ),
    ("Choose industries from the list.", "Wählen Sie Branchen aus der Liste."),
    (
        "Choose at least one industry you serve.",
        "Wählen Sie mindestens eine Branche, die Sie bedienen.",
    ),
    (
        "Choose specialisations from the list.",
        "Wählen Sie Spezialisierungen aus der Liste.",
    ),
    (
        "Keep the list of other vendors under 500 characters.",
        "Halten Sie die Liste anderer Hersteller unter 500 Zeichen.",
    ),
    (
        "Enter the yearly revenue you could bring, in US dollars, for example 250,000.",
        "Geben Sie den Jahresumsatz an, den Sie bringen könnten, in US-Dollar, zum Beispiel 250.000.",
    ),
    (
        "Enter your name (up to 120 characters).",
        "Geben Sie Ihren Namen ein (bis zu 120 Zeichen).",
    ),
    (
        "Enter an email address we can reach you at.",
        "Geben Sie eine E-Mail-Adresse ein, unter der wir Sie erreichen.",
    ),
    (
        "Keep your job title under 120 characters.",
        "Halten Sie Ihre Berufsbezeichnung unter 120 Zeichen.",
    ),
    (
        "Keep the message under 2,000 characters.",
        "Halten Sie die Nachricht unter 2.000 Zeichen.",
    ),
    (
        "Keep the note under 1,000 characters.",
        "Halten Sie die Notiz unter 1.000 Zeichen.",
    ),
    (
        "Say why, or what you need to know: the applicant reads it.",
        "Sagen Sie, warum, oder was Sie wissen müssen: Der Bewerber liest es.",
    ),
    // recruit/fit.rs
    ("Partner type", "Partnertyp"),
    ("Company size", "Unternehmensgröße"),
    ("Industries served", "Bediente Branchen"),
    ("Specialisations", "Spezialisierungen"),
    ("Revenue potential", "Umsatzpotenzial"),
    (
        "{value}, like {like} of your top {of} partners",
        "{value}, wie {like} Ihrer {of} besten Partner",
    ),
    (
        "sells in {value}, like {like} of your top {of} partners",
        "verkauft in {value}, wie {like} Ihrer {of} besten Partner",
    ),
    (
        "{employees} employees; your top partners' median is {median}",
        "{employees} Beschäftigte; der Median Ihrer besten Partner liegt bei {median}",
    ),
    (
        "serves {value} like {like} of your top {of} partners",
        "bedient {value} wie {like} Ihrer {of} besten Partner",
    ),
    (
        "names no industry your top partners serve",
        "nennt keine Branche, die Ihre besten Partner bedienen",
    ),
    (
        "specialised in {value} like {like} of your top {of} partners",
        "spezialisiert auf {value} wie {like} Ihrer {of} besten Partner",
    ),
    ("no specialisation named", "keine Spezialisierung genannt"),
    (
        "expects {expected} a year; your top partners' median is {median}",
        "erwartet {expected} im Jahr; der Median Ihrer besten Partner liegt bei {median}",
    ),
    (
        "no live partner to compare with yet",
        "noch kein aktiver Partner zum Vergleich",
    ),
    // recruit/api.rs
    ("Choose a value from the list.", "Wählen Sie einen Wert aus der Liste."),
    ("Give a weight for every factor.", "Geben Sie für jeden Faktor ein Gewicht an."),
    ("Enter a weight from 0 to 100.", "Geben Sie ein Gewicht von 0 bis 100 ein."),
    // recruit/server
    (
        "This company is already an Acme Cloud partner. Ask your partner admin to invite you.",
        "Dieses Unternehmen ist bereits Partner von Acme Cloud. Bitten Sie Ihren Partner-Admin, Sie einzuladen.",
    ),
    (
        "This email address already has an account. Sign in instead.",
        "Für diese E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich stattdessen an.",
    ),
    (
        "New partner application: {company}",
        "Neue Partnerbewerbung: {company}",
    ),
    (
        "Hello {name},\n\n{company} ({partner_type}, {country}) applied to join the partner program. Fit score: {score} of 100.\n\nReview it in the application queue.\n",
        "Hallo {name},\n\n{company} ({partner_type}, {country}) hat sich für das Partnerprogramm beworben. Passung: {score} von 100.\n\nPrüfen Sie die Bewerbung in der Bewerbungsliste.\n",
    ),
    ("We received your application", "Wir haben Ihre Bewerbung erhalten"),
    (
        "Hello {name},\n\nThank you for applying to the Acme Cloud partner program on behalf of {company}. A channel manager will review your application, usually within two business days, and write to you at this address.\n",
        "Hallo {name},\n\nvielen Dank für die Bewerbung von {company} für das Partnerprogramm von Acme Cloud. Ein Channel-Manager prüft Ihre Bewerbung, meist innerhalb von zwei Werktagen, und schreibt Ihnen an diese Adresse.\n",
    ),
    (
        "This application has already been decided.",
        "Über diese Bewerbung wurde bereits entschieden.",
    ),
    (
        "Hello {name},\n\nThank you for applying to the Acme Cloud partner program on behalf of {company}. We are not able to accept the application at this time:\n\n{reason}\n\nYou are welcome to apply again when this changes.\n",
        "Hallo {name},\n\nvielen Dank für die Bewerbung von {company} für das Partnerprogramm von Acme Cloud. Wir können die Bewerbung derzeit nicht annehmen:\n\n{reason}\n\nSie können sich gern erneut bewerben, wenn sich daran etwas ändert.\n",
    ),
    ("Your partner application", "Ihre Partnerbewerbung"),
    (
        "Hello {name},\n\nThank you for applying to the Acme Cloud partner program on behalf of {company}. Before we decide, we would like to know more:\n\n{question}\n\nPlease answer {manager} at {email}.\n",
        "Hallo {name},\n\nvielen Dank für die Bewerbung von {company} für das Partnerprogramm von Acme Cloud. Bevor wir entscheiden, möchten wir mehr wissen:\n\n{question}\n\nBitte antworten Sie {manager} unter {email}.\n",
    ),
    (
        "A question about your partner application",
        "Eine Frage zu Ihrer Partnerbewerbung",
    ),
    // db/unique.rs
    (
        "An application for this company's website is already being reviewed.",
        "Eine Bewerbung für die Website dieses Unternehmens wird bereits geprüft.",
    ),
    (
        "An organisation with this name already exists.",
        "Eine Organisation mit diesem Namen gibt es bereits.",
    ),
    // recruit/pages/apply.rs
    ("Apply to become a partner", "Partner werden"),
    (
        "Tell us about your company. A channel manager replies within two business days; once approved, you get an invitation to the portal.",
        "Erzählen Sie uns von Ihrem Unternehmen. Ein Channel-Manager antwortet innerhalb von zwei Werktagen; nach der Zusage erhalten Sie eine Einladung ins Portal.",
    ),
    ("Choose…", "Bitte wählen …"),
    ("Your company", "Ihr Unternehmen"),
    ("Company name", "Firmenname"),
    ("Region you sell in", "Region, in der Sie verkaufen"),
    ("How you would partner", "Wie Sie Partner wären"),
    ("Employees", "Beschäftigte"),
    ("What you do", "Was Sie tun"),
    ("Industries you serve", "Branchen, die Sie bedienen"),
    (
        "Specialisations and certifications you hold",
        "Ihre Spezialisierungen und Zertifizierungen",
    ),
    (
        "Products of other vendors you sell",
        "Produkte anderer Hersteller, die Sie verkaufen",
    ),
    (
        "For example Microsoft Azure, Datadog",
        "Zum Beispiel Microsoft Azure, Datadog",
    ),
    (
        "Yearly revenue you could bring us (US dollars)",
        "Jahresumsatz, den Sie uns bringen könnten (US-Dollar)",
    ),
    (
        "Once approved, this person becomes your organisation's partner admin.",
        "Nach der Zusage wird diese Person Partner-Admin Ihrer Organisation.",
    ),
    ("Your name", "Ihr Name"),
    ("Your email", "Ihre E-Mail-Adresse"),
    ("Your job title", "Ihre Position"),
    ("Anything else we should know", "Was wir sonst noch wissen sollten"),
    ("Leave this field empty", "Dieses Feld leer lassen"),
    ("Send application", "Bewerbung senden"),
    ("Application received", "Bewerbung erhalten"),
    (
        "Thank you: your application is on its way",
        "Danke: Ihre Bewerbung ist unterwegs",
    ),
    (
        "We sent a confirmation to the address you gave. A channel manager reviews every application, usually within two business days, and writes to you with the decision or a question.",
        "Wir haben eine Bestätigung an die angegebene Adresse geschickt. Ein Channel-Manager prüft jede Bewerbung, meist innerhalb von zwei Werktagen, und schreibt Ihnen die Entscheidung oder eine Rückfrage.",
    ),
    (
        "Read about the partner program while you wait",
        "Lesen Sie in der Zwischenzeit über das Partnerprogramm",
    ),
    // recruit/pages
    ("Fit {score}", "Passung {score}"),
    ("Partner applications", "Partnerbewerbungen"),
    (
        "Companies that applied to join, scored by how much they resemble your best partners.",
        "Unternehmen, die sich beworben haben, bewertet danach, wie sehr sie Ihren besten Partnern ähneln.",
    ),
    ("Filter applications", "Bewerbungen filtern"),
    ("Open", "Offen"),
    ("Sort by", "Sortieren nach"),
    ("Best fit first", "Beste Passung zuerst"),
    ("Waiting longest first", "Am längsten wartend zuerst"),
    ("No application matches.", "Keine Bewerbung passt."),
    ("Applications", "Bewerbungen"),
    (
        "{partner_type} · {country} · {employees} employees · applied {date}",
        "{partner_type} · {country} · {employees} Beschäftigte · beworben am {date}",
    ),
    (
        "No live partner to compare with yet: every score is 50.",
        "Noch kein aktiver Partner zum Vergleich: Jede Bewertung ist 50.",
    ),
    (
        "Scores compare with your top partners by won revenue over 12 months, then certified people, then PSAT: {names}.",
        "Die Bewertungen vergleichen mit Ihren besten Partnern nach gewonnenem Umsatz der letzten 12 Monate, dann zertifizierten Personen, dann PSAT: {names}.",
    ),
    ("Fit score weights", "Gewichte der Passung"),
    (
        "How much each factor counts, relative to the others. Open applications are rescored when you save.",
        "Wie stark jeder Faktor im Verhältnis zu den anderen zählt. Offene Bewerbungen werden beim Speichern neu bewertet.",
    ),
    ("Save weights", "Gewichte speichern"),
    ("Recruit next", "Als Nächstes gewinnen"),
    (
        "Applicants, open or turned away, and prospects that most resemble your best partners in what they are, whatever revenue they claim.",
        "Bewerber, offen oder abgelehnt, und Interessenten, die Ihren besten Partnern in ihrem Wesen am meisten ähneln, unabhängig vom angegebenen Umsatz.",
    ),
    ("No company to suggest yet.", "Noch kein Unternehmen vorzuschlagen."),
    ("Prospect", "Interessent"),
    ("Add a prospect", "Interessenten hinzufügen"),
    (
        "A company you would like as a partner that has not applied. It is ranked here with the applicants.",
        "Ein Unternehmen, das Sie gern als Partner hätten und das sich nicht beworben hat. Es wird hier mit den Bewerbern gereiht.",
    ),
    ("Where you came across it", "Wo Sie darauf gestoßen sind"),
    ("Add the prospect", "Interessenten hinzufügen"),
    (
        "This company is already an Acme Cloud partner.",
        "Dieses Unternehmen ist bereits Partner von Acme Cloud.",
    ),
    (
        "This company has applied already: find it in the application queue.",
        "Dieses Unternehmen hat sich bereits beworben: Sie finden es in der Bewerbungsliste.",
    ),
    (
        "This company's website is already on the prospect list.",
        "Die Website dieses Unternehmens steht bereits auf der Interessentenliste.",
    ),
    ("Enter the company's name.", "Geben Sie den Namen des Unternehmens ein."),
    (
        "Enter the company's website, for example example.com.",
        "Geben Sie die Website des Unternehmens ein, zum Beispiel example.com.",
    ),
    (
        "Enter the company's country (up to 80 characters).",
        "Geben Sie das Land des Unternehmens ein (bis zu 80 Zeichen).",
    ),
    ("Choose the region the company sells in.", "Wählen Sie die Region, in der das Unternehmen verkauft."),
    (
        "Choose how the company would partner with us.",
        "Wählen Sie, wie das Unternehmen mit uns zusammenarbeiten würde.",
    ),
    (
        "Enter how many people work at the company (a whole number).",
        "Geben Sie an, wie viele Menschen im Unternehmen arbeiten (eine ganze Zahl).",
    ),
    (
        "Choose at least one industry the company serves.",
        "Wählen Sie mindestens eine Branche, die das Unternehmen bedient.",
    ),
    ("Partner application", "Partnerbewerbung"),
    (
        "Possible duplicate: {name} has the same company name or website.",
        "Mögliches Duplikat: {name} hat denselben Firmennamen oder dieselbe Website.",
    ),
    ("Fit score: {score} of 100", "Passung: {score} von 100"),
    (
        "Starts at 50; each factor adds or takes away points by how much this company resembles your top partners.",
        "Beginnt bei 50; jeder Faktor gibt oder nimmt Punkte, je nachdem, wie sehr dieses Unternehmen Ihren besten Partnern ähnelt.",
    ),
    ("Why this score", "Warum diese Bewertung"),
    ("None named", "Keine genannt"),
    ("The company", "Das Unternehmen"),
    ("Other vendors sold", "Verkaufte andere Hersteller"),
    ("Yearly revenue it could bring", "Möglicher Jahresumsatz"),
    ("Applied", "Beworben"),
    ("Message", "Nachricht"),
    ("{status} by {name} on {date}.", "{status} von {name} am {date}."),
    ("Open the partner organisation", "Partnerorganisation öffnen"),
    ("Decide", "Entscheiden"),
    (
        "Approving creates the partner organisation in the first tier and invites the contact as its partner admin.",
        "Die Zusage legt die Partnerorganisation in der ersten Stufe an und lädt die Ansprechperson als Partner-Admin ein.",
    ),
    (
        "Reason or question (needed to reject or ask for more; the applicant reads it)",
        "Grund oder Frage (nötig für Ablehnung oder Rückfrage; der Bewerber liest es)",
    ),
    ("Approve and invite", "Zusagen und einladen"),
    // shell
    ("Apply", "Bewerben"),
];

//! German for the organisations area: organisation profiles, logos, the
//! vocabulary of partner types, regions, statuses and roles, and the public
//! program page.

pub(super) const TEXT: super::Pairs = &[
    // mod.rs: partner types
    ("Value-added reseller", "Value-Added-Reseller"),
    ("Managed service provider", "Managed-Service-Provider"),
    ("Systems integrator", "Systemintegrator"),
    ("Independent software vendor", "Unabhängiger Softwarehersteller"),
    ("Referral / influence partner", "Empfehlungs- / Influence-Partner"),
    ("Distributor", "Distributor"),
    (
        "Resells Acme Cloud with its own services on top.",
        "Verkauft Acme Cloud weiter, ergänzt um eigene Dienstleistungen.",
    ),
    (
        "Runs Acme Cloud for customers as a managed service.",
        "Betreibt Acme Cloud für Kunden als Managed Service.",
    ),
    (
        "Designs and implements projects that include Acme Cloud.",
        "Plant und setzt Projekte um, zu denen Acme Cloud gehört.",
    ),
    (
        "Builds software that integrates with or runs on Acme Cloud.",
        "Entwickelt Software, die sich in Acme Cloud integriert oder darauf läuft.",
    ),
    (
        "Introduces customers and earns a referral fee.",
        "Vermittelt Kunden und erhält dafür eine Empfehlungsprovision.",
    ),
    (
        "Supplies resellers in its region and runs their logistics.",
        "Beliefert Reseller in seiner Region und übernimmt deren Logistik.",
    ),
    // mod.rs: regions
    ("North America", "Nordamerika"),
    ("Latin America", "Lateinamerika"),
    ("Europe, Middle East & Africa", "Europa, Naher Osten & Afrika"),
    ("Asia Pacific", "Asien-Pazifik"),
    // mod.rs: partner statuses
    ("Applicant", "Bewerber"),
    ("Onboarding", "Onboarding"),
    ("Active", "Aktiv"),
    ("At risk", "Gefährdet"),
    ("Offboarded", "Ausgeschieden"),
    // mod.rs: roles
    ("Program admin", "Programm-Admin"),
    ("Channel manager", "Channel-Manager"),
    ("Marketer", "Marketer"),
    ("Partner admin", "Partner-Admin"),
    ("Partner user", "Partner-Benutzer"),
    // logo.rs
    ("Choose a file to upload.", "Wählen Sie eine Datei zum Hochladen aus."),
    (
        "That file is larger than 1 MB. Upload a smaller logo.",
        "Diese Datei ist größer als 1 MB. Laden Sie ein kleineres Logo hoch.",
    ),
    (
        "SVG files are not accepted (they can carry scripts). Upload a PNG, JPEG or WebP.",
        "SVG-Dateien werden nicht angenommen (sie können Skripte enthalten). Laden Sie ein PNG, JPEG oder WebP hoch.",
    ),
    (
        "That file is not a PNG, JPEG or WebP image.",
        "Diese Datei ist kein PNG-, JPEG- oder WebP-Bild.",
    ),
    (
        "That picture is larger than 4096 × 4096 pixels. Upload a smaller logo.",
        "Dieses Bild ist größer als 4096 × 4096 Pixel. Laden Sie ein kleineres Logo hoch.",
    ),
    (
        "That image is damaged or incomplete. Export it again and retry.",
        "Dieses Bild ist beschädigt oder unvollständig. Exportieren Sie es erneut und versuchen Sie es noch einmal.",
    ),
    // profile.rs
    ("Enter a web address like example.com.", "Geben Sie eine Webadresse wie example.com ein."),
    (
        "Keep the description under 1000 characters.",
        "Die Beschreibung darf höchstens 1000 Zeichen lang sein.",
    ),
    ("Keep the name under 120 characters.", "Der Name darf höchstens 120 Zeichen lang sein."),
    (
        "Enter an email address like name@company.com.",
        "Geben Sie eine E-Mail-Adresse wie name@company.com ein.",
    ),
    (
        "Enter a phone number: digits, spaces and + - ( ) only.",
        "Geben Sie eine Telefonnummer ein: nur Ziffern, Leerzeichen und + - ( ).",
    ),
    // page.rs
    ("Invite someone", "Jemanden einladen"),
    ("Name", "Name"),
    ("Role", "Rolle"),
    ("Send invitation", "Einladung senden"),
    ("Enable {name}", "{name} aktivieren"),
    ("Disable {name}", "{name} deaktivieren"),
    ("Role for {name}", "Rolle für {name}"),
    ("Save role for {name}", "Rolle für {name} speichern"),
    ("Save", "Speichern"),
    ("Website", "Website"),
    ("Contact person", "Ansprechpartner"),
    ("Contact email", "Kontakt-E-Mail"),
    ("Contact phone", "Kontakttelefon"),
    ("Edit profile", "Profil bearbeiten"),
    ("Description", "Beschreibung"),
    ("Save profile", "Profil speichern"),
    ("{name} logo", "Logo von {name}"),
    ("Logo saved.", "Logo gespeichert."),
    ("New logo", "Neues Logo"),
    (
        "PNG, JPEG or WebP, up to 1 MB. It is re-encoded and its metadata removed.",
        "PNG, JPEG oder WebP, bis 1 MB. Das Bild wird neu kodiert und seine Metadaten werden entfernt.",
    ),
    ("Upload logo", "Logo hochladen"),
    ("Logo", "Logo"),
    ("No logo yet.", "Noch kein Logo."),
    (
        "The vendor that runs the partner program.",
        "Der Hersteller, der das Partnerprogramm betreibt.",
    ),
    ("Details", "Details"),
    ("Status", "Status"),
    ("Tier", "Stufe"),
    ("Region", "Region"),
    ("Country", "Land"),
    ("People", "Personen"),
    ("Invited", "Eingeladen"),
    ("Disabled", "Deaktiviert"),
    ("Audit log", "Prüfprotokoll"),
    // program/page.rs
    ("Partner program", "Partnerprogramm"),
    ("{vendor} partner program", "{vendor} Partnerprogramm"),
    ("Our partner program", "Unser Partnerprogramm"),
    (
        "Four tiers, six ways to partner. Every tier protects the deals you register.",
        "Vier Stufen, sechs Arten der Partnerschaft. Jede Stufe schützt die Deals, die Sie registrieren.",
    ),
    ("Tiers and benefits", "Stufen und Vorteile"),
    ("The program has no tiers yet.", "Das Programm hat noch keine Stufen."),
    ("Ways to partner", "Arten der Partnerschaft"),
    ("Deal protection", "Deal-Schutz"),
    ("{days} day", "{days} Tag"),
    ("{days} days", "{days} Tage"),
    ("Discount", "Rabatt"),
    ("Marketing fund", "Marketingmittel"),
];

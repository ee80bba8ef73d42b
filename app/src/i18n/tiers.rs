//! German for tiers: the measures, the explanations, the partner's tier
//! panel, the program admin's rules and the emails about changes.

pub(super) const TEXT: super::Pairs = &[
    // tiers/rules.rs
    ("Sourced revenue", "Quellumsatz"),
    ("Influenced revenue", "Beeinflusster Umsatz"),
    ("Certified people", "Zertifizierte Personen"),
    ("Approved registrations", "Genehmigte Registrierungen"),
    ("Partner satisfaction (PSAT)", "Partnerzufriedenheit (PSAT)"),
    // tiers/mod.rs
    ("{amount} more sourced revenue", "{amount} mehr Quellumsatz"),
    ("{amount} more influenced revenue", "{amount} mehr beeinflusster Umsatz"),
    ("1 more certified person", "1 weitere zertifizierte Person"),
    ("{n} more certified people", "{n} weitere zertifizierte Personen"),
    ("1 more approved registration", "1 weitere genehmigte Registrierung"),
    ("{n} more approved registrations", "{n} weitere genehmigte Registrierungen"),
    ("PSAT {score} or more", "PSAT {score} oder mehr"),
    (
        "Enter an amount in US dollars, or leave it empty.",
        "Geben Sie einen Betrag in US-Dollar ein oder lassen Sie das Feld leer.",
    ),
    (
        "Enter a whole number, or leave it empty.",
        "Geben Sie eine ganze Zahl ein oder lassen Sie das Feld leer.",
    ),
    (
        "Enter a score from 0 to 10 with at most one decimal, or leave it empty.",
        "Geben Sie einen Wert von 0 bis 10 mit höchstens einer Nachkommastelle ein oder lassen Sie das Feld leer.",
    ),
    (
        "List at most 20 benefits of up to 200 characters each.",
        "Nennen Sie höchstens 20 Vorteile mit je bis zu 200 Zeichen.",
    ),
    // tiers/types.rs
    ("Tier changed", "Stufe geändert"),
    ("Falling below its tier", "Unter die eigene Stufe gefallen"),
    ("Back above its tier's thresholds", "Wieder über den Schwellen der Stufe"),
    ("Change waiting for approval", "Änderung wartet auf Freigabe"),
    ("Change approved", "Änderung freigegeben"),
    ("Change declined", "Änderung abgelehnt"),
    // tiers/api.rs, tiers/server
    (
        "Enter a number of days from 0 to 365.",
        "Geben Sie eine Anzahl Tage von 0 bis 365 ein.",
    ),
    (
        "No tier change is waiting for this partner.",
        "Für diesen Partner wartet keine Stufenänderung.",
    ),
    ("Your {tier} tier is at risk", "Ihre Stufe {tier} ist gefährdet"),
    (
        "Hello {name},\n\n{organisation} no longer meets the {tier} thresholds: {why}.\nUnless it meets them again by {date}, it moves to {to}.\n",
        "Hallo {name},\n\n{organisation} erfüllt die Schwellen der Stufe {tier} nicht mehr: {why}.\nWenn sie bis zum {date} nicht wieder erfüllt sind, wechselt die Organisation zu {to}.\n",
    ),
    ("Your {tier} tier is safe again", "Ihre Stufe {tier} ist wieder sicher"),
    (
        "Hello {name},\n\n{organisation} meets the {tier} thresholds again: {why}.\n",
        "Hallo {name},\n\n{organisation} erfüllt die Schwellen der Stufe {tier} wieder: {why}.\n",
    ),
    ("Your tier is now {tier}", "Ihre Stufe ist jetzt {tier}"),
    (
        "Hello {name},\n\n{organisation} moved from {from} to {to}. {why}\n",
        "Hallo {name},\n\n{organisation} wechselt von {from} zu {to}. {why}\n",
    ),
    // tiers/pages/panel.rs
    ("Tier: {tier}", "Stufe: {tier}"),
    (
        "Falls to {tier} on {date} unless these are met again:",
        "Fällt am {date} auf {tier}, wenn diese Schwellen nicht wieder erreicht werden:",
    ),
    (
        "A change to {tier} waits for the program admin's approval.",
        "Ein Wechsel zu {tier} wartet auf die Freigabe durch die Programmleitung.",
    ),
    ("This is the highest tier.", "Dies ist die höchste Stufe."),
    (
        "Every threshold of {tier} is met: the next recompute moves up.",
        "Jede Schwelle von {tier} ist erreicht: Die nächste Neuberechnung stuft hoch.",
    ),
    ("{missing} to {tier}", "{missing} bis {tier}"),
    ("{missing} and {last} to {tier}", "{missing} und {last} bis {tier}"),
    ("Tier history", "Stufenverlauf"),
    ("No change yet.", "Noch keine Änderung."),
    ("{from}: at risk of {to}", "{from}: droht {to}"),
    ("{from}: safe again", "{from}: wieder sicher"),
    ("{from} → {to} proposed", "{from} → {to} vorgeschlagen"),
    ("{from} → {to} declined", "{from} → {to} abgelehnt"),
    ("By {name}", "Von {name}"),
    // tiers/pages/rules.rs
    ("Tier rules", "Stufenregeln"),
    (
        "What each tier takes over the last twelve months. Every partner is placed again when you save, and nightly.",
        "Was jede Stufe in den letzten zwölf Monaten verlangt. Beim Speichern und jede Nacht wird jeder Partner neu eingestuft.",
    ),
    (
        "{tier} is where every partner starts; it takes nothing. Empty thresholds are not required.",
        "{tier} ist die Einstiegsstufe jedes Partners; sie verlangt nichts. Leere Schwellen sind nicht erforderlich.",
    ),
    ("Other benefits, one per line", "Weitere Vorteile, einer pro Zeile"),
    ("US dollars", "US-Dollar"),
    ("Save {tier}", "{tier} speichern"),
    ("Changes", "Änderungen"),
    (
        "Grace period before a downgrade (days)",
        "Schonfrist vor einer Herabstufung (Tage)",
    ),
    ("Every change waits for my approval", "Jede Änderung wartet auf meine Freigabe"),
    ("Waiting for approval", "Wartet auf Freigabe"),
    ("No change is waiting.", "Keine Änderung wartet."),
    ("Decline", "Ablehnen"),
];

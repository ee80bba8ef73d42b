//! German for vendor-to-partner lead distribution.

pub(super) const TEXT: super::Pairs = &[
    // campaigns/routing.rs
    ("Specialisation", "Spezialisierung"),
    ("Not used", "Nicht verwendet"),
    ("Preferred", "Bevorzugt"),
    ("Required", "Erforderlich"),
    ("Waiting for an answer", "Wartet auf Antwort"),
    ("Declined", "Abgelehnt"),
    ("Pulled back: not answered in time", "Zurückgezogen: nicht rechtzeitig beantwortet"),
    // campaigns/server/routing.rs
    (
        "A lead is offered to you: please answer within {hours} hours",
        "Ihnen wird ein Lead angeboten: bitte antworten Sie innerhalb von {hours} Stunden",
    ),
    (
        "The vendor offers you a lead. Accept it to see who to contact, or decline it with a reason so it can go to another partner. After {hours} hours it moves on by itself.",
        "Der Hersteller bietet Ihnen einen Lead an. Nehmen Sie ihn an, um zu sehen, wen Sie kontaktieren, oder lehnen Sie ihn mit Begründung ab, damit er an einen anderen Partner gehen kann. Nach {hours} Stunden geht er von selbst weiter.",
    ),
    ("Choose the region the lead is in.", "Wählen Sie die Region des Leads."),
    ("Choose a partner type from the list.", "Wählen Sie einen Partnertyp aus der Liste."),
    ("Choose a specialisation from the list.", "Wählen Sie eine Spezialisierung aus der Liste."),
    ("Choose a tier from the list.", "Wählen Sie eine Stufe aus der Liste."),
    (
        "This person at this company is already a lead being distributed.",
        "Diese Person bei diesem Unternehmen ist bereits ein Lead in der Verteilung.",
    ),
    (
        "Say why you decline it (3 to 500 characters): it helps route the next lead.",
        "Sagen Sie, warum Sie ablehnen (3 bis 500 Zeichen): das hilft, den nächsten Lead zuzuweisen.",
    ),
    (
        "Give partners between 1 and 720 hours to answer.",
        "Geben Sie Partnern zwischen 1 und 720 Stunden für die Antwort.",
    ),
    ("Choose how this counts.", "Wählen Sie, wie dies zählt."),
    // campaigns/pages
    (
        "Leads the vendor distributes: each goes to the partner the routing rules pick, who accepts it or declines it with a reason; unanswered, it moves on to the next partner.",
        "Leads, die der Hersteller verteilt: Jeder geht an den Partner, den die Regeln wählen; dieser nimmt ihn an oder lehnt ihn mit Begründung ab; unbeantwortet geht er an den nächsten Partner.",
    ),
    (
        "People who asked to be contacted through your campaigns' landing pages, and leads the vendor offers you.",
        "Menschen, die über die Landingpages Ihrer Kampagnen um Kontakt gebeten haben, und Leads, die der Hersteller Ihnen anbietet.",
    ),
    ("Overdue", "Überfällig"),
    ("Overdue: answer now", "Überfällig: jetzt antworten"),
    ("Answer within {hours} h ({when})", "Antwort binnen {hours} Std. ({when})"),
    ("Accept the lead", "Lead annehmen"),
    ("Decline…", "Ablehnen…"),
    ("Why not?", "Warum nicht?"),
    ("Decline the lead", "Lead ablehnen"),
    (" after {hours} h", " nach {hours} Std."),
    ("Routing history", "Verlauf der Zuweisung"),
    ("From the vendor", "Vom Hersteller"),
    ("Shown once you accept", "Sichtbar, sobald Sie annehmen"),
    ("Enter a lead", "Lead erfassen"),
    ("Routing rules", "Zuweisungsregeln"),
    (
        "Lead entered and routed; it is at the top of the list below.",
        "Lead erfasst und zugewiesen; er steht oben in der Liste unten.",
    ),
    ("Partner type wanted", "Gewünschter Partnertyp"),
    ("Tier wanted", "Gewünschte Stufe"),
    ("Specialisation needed", "Benötigte Spezialisierung"),
    ("What they asked for (optional)", "Worum gebeten wurde (optional)"),
    ("Enter and route the lead", "Lead erfassen und zuweisen"),
    (
        "A partner must match each required criterion the lead names; among those, the most preferred matches win; among equals, the partner offered a lead longest ago.",
        "Ein Partner muss jedes erforderliche Kriterium erfüllen, das der Lead nennt; unter diesen gewinnt, wer die meisten bevorzugten erfüllt; unter Gleichen der Partner, dem am längsten kein Lead angeboten wurde.",
    ),
    ("Partners answer within {hours} hours.", "Partner antworten innerhalb von {hours} Stunden."),
    ("Hours a partner has to answer", "Stunden, die ein Partner zum Antworten hat"),
    ("Save the rules", "Regeln speichern"),
];

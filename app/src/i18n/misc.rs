//! German for what the server answers before any page or server function
//! runs: refusals of malformed or cross-site requests.

pub(super) const TEXT: super::Pairs = &[
    // server/src/guard.rs
    (
        "Remove the control characters (such as NUL) from this field.",
        "Entfernen Sie die Steuerzeichen (etwa NUL) aus diesem Feld.",
    ),
    (
        "Keep this under {max} characters.",
        "Bleiben Sie unter {max} Zeichen.",
    ),
    ("This address is too long.", "Diese Adresse ist zu lang."),
    (
        "This address has control characters in it.",
        "Diese Adresse enthält Steuerzeichen.",
    ),
    ("This request is too large.", "Diese Anfrage ist zu groß."),
    (
        "This field was sent twice.",
        "Dieses Feld wurde zweimal gesendet.",
    ),
    // server/src/security.rs
    (
        "Use POST for this request.",
        "Verwenden Sie für diese Anfrage POST.",
    ),
    (
        "Cross-site requests are not accepted.",
        "Anfragen von anderen Websites werden nicht angenommen.",
    ),
];

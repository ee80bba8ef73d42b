//! Signed outgoing webhooks (the Standard Webhooks format): an
//! organisation's endpoints (the vendor's CRM, a partner's own), an outbox
//! of deliveries written in the same transaction as the change they tell
//! of, retried with backoff, and a delivery log its admins read and replay.
//! Leads are the first events; the public API adds its own to the same
//! outbox.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::WebhooksPage;
pub use types::{AttemptRow, DeliveryRow, EndpointCreated, EndpointRow, WebhooksView};

use crate::values::text_enum;

text_enum!(
    /// What an endpoint can be told of.
    WebhookEvent {
        LeadCreated => "lead.created", t!("A lead arrives");
        LeadUpdated => "lead.updated", t!("A lead changes");
        SocialPost => "social.post", t!("One of your campaigns' social posts is due");
    }
);

text_enum!(
    /// Where a delivery stands.
    DeliveryStatus {
        Pending => "pending", t!("Waiting to be sent");
        Delivered => "delivered", t!("Delivered");
        Failed => "failed", t!("Gave up");
    }
);

/// Attempts before a delivery is given up (about a day and a half of
/// backoff); a person can still replay it from the log.
pub const MAX_ATTEMPTS: i64 = 12;

/// Seconds to wait after failed attempt number `attempts` (1, 2, ...):
/// 30 s doubling, at most about four and a half hours.
pub fn backoff(attempts: i64) -> i64 {
    30 * (1_i64 << attempts.clamp(1, 9))
}

/// Which addresses an endpoint may have. Production sends only to the
/// public internet over HTTPS, so a webhook cannot be aimed at the
/// portal's own network; development and the tests also allow
/// `http://127.0.0.1` (or `localhost`), where their receivers listen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reach {
    #[default]
    Public,
    PublicAndLoopback,
}

/// Why an endpoint address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    NotHttps,
    Malformed,
    PrivateAddress,
}

impl UrlProblem {
    pub fn message(self) -> &'static str {
        match self {
            UrlProblem::NotHttps => t!("Use an https:// address."),
            UrlProblem::Malformed => {
                t!("This is not a web address: https://host/path, without spaces or a user name.")
            }
            UrlProblem::PrivateAddress => {
                t!("This address is inside a private network; use one the internet can reach.")
            }
        }
    }
}

/// An endpoint address that was checked: `https://host[:port][/path]`
/// (or loopback `http://` where [`Reach`] allows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointUrl {
    url: String,
    host: String,
}

impl EndpointUrl {
    pub fn parse(input: &str, reach: Reach) -> Result<EndpointUrl, UrlProblem> {
        let url = input.trim();
        let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(UrlProblem::NotHttps);
        };
        if url.len() > 2000
            || url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
        {
            return Err(UrlProblem::Malformed);
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() || authority.contains('@') {
            return Err(UrlProblem::Malformed);
        }
        let host = host_of(authority).ok_or(UrlProblem::Malformed)?;
        let loopback = is_loopback_name(&host);
        let plain_allowed = loopback && reach == Reach::PublicAndLoopback;
        if !(https || plain_allowed) {
            return Err(UrlProblem::NotHttps);
        }
        if loopback {
            return match reach {
                Reach::PublicAndLoopback => Ok(EndpointUrl {
                    url: url.to_owned(),
                    host,
                }),
                Reach::Public => Err(UrlProblem::PrivateAddress),
            };
        }
        if let Ok(ip) = host.parse::<std::net::IpAddr>() {
            if !is_public(ip) {
                return Err(UrlProblem::PrivateAddress);
            }
        } else if !host.contains('.')
            || host.ends_with(".local")
            || host.ends_with(".internal")
            || !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            return Err(UrlProblem::PrivateAddress);
        }
        Ok(EndpointUrl {
            url: url.to_owned(),
            host,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The host name or address, lower case, without brackets or port.
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// The host of `authority` (`host`, `host:port`, `[v6]:port`), lower case;
/// `None` when the port is not a number.
fn host_of(authority: &str) -> Option<String> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if port.is_some_and(|p| p.parse::<u16>().is_err()) || host.is_empty() {
        return None;
    }
    Some(host.to_ascii_lowercase())
}

fn is_loopback_name(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// An address on the public internet: not loopback, private, link-local
/// (cloud metadata lives there), shared, documentation or unspecified.
pub fn is_public(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b)))
        }
        std::net::IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            match v6.to_ipv4_mapped() {
                Some(v4) => is_public(std::net::IpAddr::V4(v4)),
                None => {
                    !(v6.is_loopback()
                        || v6.is_unspecified()
                        || v6.is_multicast()
                        || (first & 0xfe00) == 0xfc00
                        || (first & 0xffc0) == 0xfe80)
                }
            }
        }
    }
}

/// The Standard Webhooks signature of one message: `v1,` and the base64
/// HMAC-SHA256, keyed with the secret's bytes, of `id.timestamp.body`.
#[cfg(feature = "ssr")]
pub fn signature(secret: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let mut mac =
        Hmac::<sha2::Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    )
}

/// A fresh signing secret, as stored: 24 random bytes in base64 (shown
/// with `whsec_` before it).
#[cfg(feature = "ssr")]
pub fn new_secret() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).expect("the operating system has randomness");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The bytes of a secret written `whsec_<base64>`.
#[cfg(feature = "ssr")]
pub fn secret_bytes(secret: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_addresses() {
        let ok = |u: &str| EndpointUrl::parse(u, Reach::Public);
        assert_eq!(
            ok("https://crm.example.com/hooks/trellis?x=1").map(|u| u.host().to_owned()),
            Ok("crm.example.com".to_owned())
        );
        assert!(ok(" https://hooks.zapier.com:8443/a ").is_ok());
        assert_eq!(ok("http://crm.example.com/"), Err(UrlProblem::NotHttps));
        assert_eq!(ok("ftp://crm.example.com/"), Err(UrlProblem::NotHttps));
        assert_eq!(ok("javascript:alert(1)"), Err(UrlProblem::NotHttps));
        assert_eq!(
            ok("https://user@crm.example.com/"),
            Err(UrlProblem::Malformed)
        );
        assert_eq!(
            ok("https://crm.example.com/a b"),
            Err(UrlProblem::Malformed)
        );
        assert_eq!(
            ok("https://crm.example.com:http/"),
            Err(UrlProblem::Malformed)
        );
        assert_eq!(ok("https:///path"), Err(UrlProblem::Malformed));
        for private in [
            "https://127.0.0.1/",
            "https://localhost/",
            "https://10.1.2.3/",
            "https://192.168.0.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[fd00::1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://intranet/",
            "https://crm.internal/",
        ] {
            assert_eq!(ok(private), Err(UrlProblem::PrivateAddress), "{private}");
        }
        assert!(ok("https://8.8.8.8/").is_ok());
        let dev = |u: &str| EndpointUrl::parse(u, Reach::PublicAndLoopback);
        assert!(dev("http://127.0.0.1:4100/hook").is_ok());
        assert!(dev("http://localhost:4100/hook").is_ok());
        assert_eq!(dev("http://10.0.0.1/"), Err(UrlProblem::NotHttps));
        assert_eq!(dev("https://10.0.0.1/"), Err(UrlProblem::PrivateAddress));
    }

    /// The example from the Standard Webhooks specification's reference
    /// libraries: a signature any receiver verifies.
    #[cfg(feature = "ssr")]
    #[test]
    fn signature_matches_the_standard() {
        let secret = secret_bytes("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").expect("base64");
        assert_eq!(
            signature(
                &secret,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                r#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        assert_ne!(
            signature(
                &secret,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265331,
                r#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn backoff_grows_and_stops_growing() {
        assert_eq!(backoff(1), 60);
        assert!(backoff(2) > backoff(1));
        assert_eq!(backoff(20), backoff(9));
    }
}

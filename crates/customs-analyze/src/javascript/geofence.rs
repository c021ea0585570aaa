//! Geofencing: code that acts only on machines in some countries. Protestware (node-ipc's
//! wiper, peacenotwar) and much malware (payloads that spare or target a region) compare
//! where the machine is, its time zone or the country an IP-geolocation service returns
//! for it, with a list of countries. The place comes from [`Taint::LOCALE`]; what it is
//! compared with must name a targeted country. A locale or language alone is not read:
//! choosing a translation compares it with country codes all the time.

use oxc_ast::ast::{self, Argument, CallExpression, Expression};

use super::Walker;
use super::fold;
use crate::BehaviourKind;
use crate::signals::clip;
use crate::value::{Taint, Val};

/// Time zones of the countries that geofenced code singles out.
const ZONES: &[&str] = &[
    "europe/moscow",
    "europe/minsk",
    "europe/kaliningrad",
    "europe/samara",
    "europe/volgograd",
    "europe/kirov",
    "europe/simferopol",
    "asia/yekaterinburg",
    "asia/omsk",
    "asia/novosibirsk",
    "asia/krasnoyarsk",
    "asia/irkutsk",
    "asia/yakutsk",
    "asia/vladivostok",
    "asia/magadan",
    "asia/kamchatka",
    "europe/kiev",
    "europe/kyiv",
    "asia/tehran",
    "asia/pyongyang",
];

/// Country names and ISO codes, for the country a geolocation service returns.
const COUNTRIES: &[&str] = &[
    "russia",
    "russian federation",
    "belarus",
    "ukraine",
    "iran",
    "north korea",
    "ru",
    "by",
    "ua",
    "ir",
    "kp",
];

/// Field names of a geolocation answer that hold the country.
pub(crate) const COUNTRY_FIELDS: &[&str] = &[
    "country_code",
    "country_name",
    "countryCode",
    "countryName",
    "country",
];

/// Whether `prop` of `base` reads where the machine is: a time zone, or the country a
/// geolocation answer names (data from the network, or any object's `country_code`).
pub(crate) fn is_place(base: &Val, prop: &str) -> bool {
    match prop {
        // `Intl.DateTimeFormat().resolvedOptions().timeZone`, an options object's zone.
        "timeZone" => true,
        "country" => base.taint & Taint::DOWNLOADED != 0,
        _ => COUNTRY_FIELDS.contains(&prop),
    }
}

/// The targeted places a constant (a string, or a list) names, if any.
fn targets(value: &Val) -> Option<String> {
    let text = value.exact_text()?;
    if text.len() > 4096 {
        return None;
    }
    named_places(text.split(fold::SEP))
}

/// The targeted time zones and countries among `items`, joined, if any.
pub(crate) fn named_places<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let named: Vec<&str> = items
        .map(str::trim)
        .filter(|item| {
            let lower = item.to_ascii_lowercase();
            ZONES.contains(&lower.as_str()) || COUNTRIES.contains(&lower.as_str())
        })
        .collect();
    (!named.is_empty()).then(|| named.join(", "))
}

/// Judges a comparison of two values: a place of the machine against targeted places.
fn compare(w: &mut Walker<'_>, a: &Val, b: &Val, offset: u32) {
    let found = if a.taint & Taint::LOCALE != 0 {
        targets(b)
    } else if b.taint & Taint::LOCALE != 0 {
        targets(a)
    } else {
        None
    };
    if let Some(places) = found {
        w.push(
            BehaviourKind::AntiAnalysis,
            offset,
            format!(
                "acts only where the machine's time zone or country is {} (geofencing)",
                clip(&places, 80)
            ),
        );
    }
}

/// `tz === 'Europe/Moscow'`, `country != 'RU'`.
pub(crate) fn on_binary(w: &mut Walker<'_>, it: &ast::BinaryExpression<'_>) {
    if !w.place_seen.get() || !it.operator.is_equality() {
        return;
    }
    let (a, b) = (w.eval(&it.left), w.eval(&it.right));
    compare(w, &a, &b, it.span.start);
}

/// `zones.includes(tz)`, `new Set([...]).has(tz)`, `country.includes('russia')`.
pub(crate) fn on_call(w: &mut Walker<'_>, it: &CallExpression<'_>) {
    if !w.place_seen.get() {
        return;
    }
    let Expression::StaticMemberExpression(m) = it.callee.get_inner_expression() else {
        return;
    };
    if !matches!(
        m.property.name.as_str(),
        "includes" | "has" | "indexOf" | "startsWith" | "endsWith" | "some" | "find"
    ) {
        return;
    }
    let Some(arg) = it.arguments.first().and_then(Argument::as_expression) else {
        return;
    };
    let (receiver, arg) = (w.eval(&m.object), w.eval(arg));
    compare(w, &receiver, &arg, it.span.start);
}

//! Browser payloads: code that hooks `fetch`, `XMLHttpRequest` or a wallet provider,
//! swaps wallet addresses in what the page sends or the user copies, or skims payment
//! forms. Each piece alone is ordinary (monitoring wraps `fetch`, copy buttons write
//! the clipboard, validators match addresses); the behaviour is their combination in
//! one file, judged when the file has been walked.

use oxc_ast::ast::{self, Argument, Expression, MemberExpression};

use super::Walker;
use crate::BehaviourKind;
use crate::value::normalize;

/// Where a piece was seen: offset, at top level, and the function it sits in.
type Place = (u32, bool, u32);

/// What one file does in the browser.
#[derive(Default)]
pub(crate) struct Seen {
    /// A global regular expression for wallet addresses (`/0x[a-fA-F0-9]{40}/g`): a
    /// search for every address in a text, not a check of one.
    wallet_search: Option<Place>,
    /// `fetch` or `XMLHttpRequest` replaced by a wrapper.
    network_hook: Option<(Place, String)>,
    /// The clipboard written (`clipboardData.setData`, `navigator.clipboard.writeText`)
    /// or its writer replaced.
    clipboard: Option<Place>,
    /// Form fields of payment cards or passwords named in a selector.
    card_fields: Option<Place>,
    /// `navigator.sendBeacon` or an image request used to send data.
    beacon: Option<Place>,
    /// Listeners of `submit`, `input` or `change` events.
    form_listener: bool,
    /// What a hooked `fetch` or `XMLHttpRequest` is handed, sent on with a beacon or an
    /// image request: where, and how.
    page_copy: Option<(Place, String)>,
    /// Functions of the file that beacon out what their parameters hold.
    param_beacons: Vec<u32>,
    /// Calls handing what a hooked `fetch` or `XMLHttpRequest` is handed to a function
    /// of the file, by name.
    page_calls: Vec<(String, Place)>,
}

fn place(w: &Walker<'_>, offset: u32) -> Place {
    (offset, w.top_level(), w.reach.current)
}

fn push_at(w: &mut Walker<'_>, (offset, top, function): Place, detail: String) {
    w.facts
        .push(BehaviourKind::BrowserHijack, top, w.base + offset, detail);
    if !top && let Some(last) = w.facts.behaviours.last_mut() {
        last.function = function;
    }
}

const PROVIDER_METHODS: &[&str] = &[
    "request",
    "send",
    "sendAsync",
    "signTransaction",
    "signAndSendTransaction",
    "signAllTransactions",
    "signMessage",
];

/// `window.fetch = ...`, `XMLHttpRequest.prototype.send = ...`,
/// `window.ethereum.request = ...`, `navigator.clipboard.writeText = ...`.
pub(crate) fn on_member_assignment(
    w: &mut Walker<'_>,
    m: &MemberExpression<'_>,
    right: &Expression<'_>,
    offset: u32,
) {
    // Only these names are hooked; most assignments are left before any evaluation.
    let named = m.static_property_name();
    if named.is_some_and(|p| {
        !matches!(
            p,
            "fetch"
                | "open"
                | "send"
                | "src"
                | "writeText"
                | "ethereum"
                | "solana"
                | "require"
                | "_load"
        ) && !PROVIDER_METHODS.contains(&p)
    }) {
        return;
    }
    let prop = match m {
        MemberExpression::ComputedMemberExpression(c) => match w.eval(&c.expression).exact_text() {
            Some(k) => k.to_owned(),
            None => return,
        },
        other => match other.static_property_name() {
            Some(p) => p.to_owned(),
            None => return,
        },
    };
    if matches!(
        right.get_inner_expression(),
        Expression::StringLiteral(_) | Expression::NumericLiteral(_) | Expression::NullLiteral(_)
    ) {
        return;
    }
    let object = w.eval(m.object());
    let Some(q) = object.qual.as_deref() else {
        return;
    };
    let target = normalize(&format!("{q}.{prop}")).into_owned();
    if target == "global.Image.src" {
        let sent = w.eval(right);
        page_copy(w, &sent, "an image request", offset);
    }
    hooked(w, &target, offset);
    // The module loader replaced: the wrapper runs at every `require` of the
    // application from now on, as surely as the module's own code.
    if matches!(
        target.as_str(),
        "module.prototype.require"
            | "module.Module.prototype.require"
            | "module._load"
            | "module.Module._load"
    ) && let Some(start) = super::function_start(right)
    {
        w.iife.insert(start);
    }
    if NETWORK_HOOKS.contains(&target.as_str())
        && let Some(start) = super::function_start(right)
    {
        w.hook_wrappers.insert(start);
    }
}

/// What a page sends through: replacing one of these sees every request.
const NETWORK_HOOKS: &[&str] = &[
    "global.fetch",
    "global.XMLHttpRequest.prototype.send",
    "global.WebSocket.prototype.send",
];

/// `value` sent out by `how`: what a hooked request was handed, copied elsewhere.
fn page_copy(w: &mut Walker<'_>, value: &crate::value::Val, how: &str, offset: u32) {
    if value.taint & crate::value::Taint::PAGE != 0 && w.browser.page_copy.is_none() {
        let at = place(w, offset);
        w.browser.page_copy = Some((at, how.to_owned()));
    }
}

fn hooked(w: &mut Walker<'_>, target: &str, offset: u32) {
    let at = place(w, offset);
    let shown = target.trim_start_matches("global.");
    let provider = (target.contains(".ethereum") || target.contains(".solana"))
        && (PROVIDER_METHODS
            .iter()
            .any(|p| target.ends_with(&format!(".{p}")))
            || matches!(target, "global.ethereum" | "global.solana"));
    if provider {
        push_at(
            w,
            at,
            format!(
                "replaces the wallet provider's {shown} with a wrapper (transactions can be rewritten)"
            ),
        );
    } else if matches!(
        target,
        "global.fetch"
            | "global.XMLHttpRequest.prototype.open"
            | "global.XMLHttpRequest.prototype.send"
            | "global.WebSocket.prototype.send"
    ) {
        w.browser.network_hook.get_or_insert((at, shown.to_owned()));
    } else if target == "global.Image.src" {
        w.browser.beacon.get_or_insert(at);
    } else if target == "global.navigator.clipboard.writeText" {
        w.browser.clipboard.get_or_insert(at);
    }
}

/// Calls that matter in the browser: `Object.defineProperty(window, 'fetch', ...)`,
/// clipboard writes, beacons, event listeners.
pub(crate) fn on_call(w: &mut Walker<'_>, qual: &str, arguments: &[Argument<'_>], offset: u32) {
    let arg_text = |w: &Walker<'_>, i: usize| {
        arguments
            .get(i)
            .map(|a| w.eval_arg(a))
            .and_then(|v| v.exact_text().map(str::to_owned))
    };
    match qual {
        "global.Object.defineProperty" => {
            let Some(object) = arguments
                .first()
                .map(|a| w.eval_arg(a))
                .and_then(|v| v.qual)
            else {
                return;
            };
            if let Some(prop) = arg_text(w, 1) {
                let target = normalize(&format!("{object}.{prop}")).into_owned();
                hooked(w, &target, offset);
            }
        }
        "global.navigator.clipboard.writeText" => {
            let at = place(w, offset);
            w.browser.clipboard.get_or_insert(at);
        }
        "global.navigator.sendBeacon" => {
            let at = place(w, offset);
            w.browser.beacon.get_or_insert(at);
            for a in arguments {
                let sent = w.eval_arg(a);
                page_copy(w, &sent, "navigator.sendBeacon", offset);
                let f = w.reach.current;
                if sent.taint & crate::value::Taint::PARAM != 0
                    && f < crate::reach::UNKNOWN
                    && !w.browser.param_beacons.contains(&f)
                {
                    w.browser.param_beacons.push(f);
                }
            }
        }
        q if q.ends_with(".addEventListener") => {
            if let Some("submit" | "input" | "change" | "keyup" | "blur") =
                arg_text(w, 0).as_deref()
            {
                w.browser.form_listener = true;
            }
        }
        _ => {}
    }
}

/// `event.clipboardData.setData(...)`: the copied text is replaced.
pub(crate) fn on_method(w: &mut Walker<'_>, m: &ast::StaticMemberExpression<'_>, offset: u32) {
    if m.property.name == "setData"
        && let Expression::StaticMemberExpression(o) = m.object.get_inner_expression()
        && o.property.name == "clipboardData"
    {
        let at = place(w, offset);
        w.browser.clipboard.get_or_insert(at);
    }
}

/// A regular expression literal: a global search for wallet addresses is noted.
pub(crate) fn on_regex(w: &mut Walker<'_>, re: &ast::RegExpLiteral<'_>) {
    if !re.regex.flags.contains(ast::RegExpFlags::G) || w.browser.wallet_search.is_some() {
        return;
    }
    let p = re.regex.pattern.text.as_str();
    let ethereum = p.contains("0x") && p.contains("{40}");
    let bitcoin = p.contains("bc1") || (p.contains("[13]") && p.contains("{25"));
    let base58 = p.contains("HJ-NP") && p.contains("{3");
    if ethereum || bitcoin || base58 {
        let at = place(w, re.span.start);
        w.browser.wallet_search = Some(at);
    }
}

/// A string naming payment-card or password fields in a selector.
pub(crate) fn on_text(w: &mut Walker<'_>, text: &str, offset: u32) {
    // Selectors name fields in brackets (`input[name*=card]`): most strings have none.
    if w.browser.card_fields.is_some()
        || text.len() > 512
        || memchr::memchr(b'[', text.as_bytes()).is_none()
    {
        return;
    }
    static CARD: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "cc-number",
                "cc-csc",
                "cardnumber",
                "card-number",
                "card_number",
                "=card",
                "cvv",
                "cvc",
            ])
            .expect("the needles are valid")
    });
    let selector = true;
    let card = CARD.is_match(text);
    if selector && card {
        let at = place(w, offset);
        w.browser.card_fields = Some(at);
    }
}

/// `name(...)` handed what a hooked request carries (only once `fetch` or
/// `XMLHttpRequest` is hooked): judged with what `name` does once the file is walked.
pub(crate) fn page_handed(w: &mut Walker<'_>, name: &str, offset: u32) {
    if w.browser.network_hook.is_some() && w.browser.page_calls.len() < 16 {
        let at = place(w, offset);
        w.browser.page_calls.push((name.to_owned(), at));
    }
}

/// The combinations that make a browser payload, judged once the file is walked.
pub(crate) fn finish(w: &mut Walker<'_>) {
    let mut seen = std::mem::take(&mut w.browser);
    if seen.page_copy.is_none()
        && let Some((name, at)) = seen.page_calls.iter().find(|(name, _)| {
            w.reach
                .lookup(name)
                .is_some_and(|f| seen.param_beacons.contains(&f))
        })
    {
        seen.page_copy = Some((*at, format!("navigator.sendBeacon (through {name}())")));
    }
    if let Some(search) = seen.wallet_search {
        if let Some((at, what)) = &seen.network_hook {
            push_at(
                w,
                *at,
                format!(
                    "replaces {what} with a wrapper in a file that searches text for wallet addresses (address swapping in requests and responses)"
                ),
            );
        }
        if let Some(at) = seen.clipboard {
            push_at(
                w,
                at,
                "writes the clipboard in a file that searches text for wallet addresses (clipboard hijacking)".into(),
            );
        }
        if seen.network_hook.is_none() && seen.clipboard.is_none() {
            let _ = search;
        }
    }
    if let (Some((_, hooked)), Some((at, how))) = (&seen.network_hook, &seen.page_copy) {
        push_at(
            w,
            *at,
            format!(
                "replaces {hooked} with a wrapper that copies what the page sends out with {how} (request skimming)"
            ),
        );
    }
    if let (Some(fields), Some(beacon)) = (seen.card_fields, seen.beacon)
        && seen.form_listener
    {
        let _ = fields;
        push_at(
            w,
            beacon,
            "listens to payment or password form fields and beacons data out (form skimming)"
                .into(),
        );
    }
}

//! The Terraform functions the evaluator knows.
//!
//! Each function gets evaluated arguments and answers `None` where Terraform would reject
//! the call; the dispatcher turns that into `Error` when every argument is known (so that
//! `try` and `can` behave as in Terraform) and into `Unknown` otherwise, since with an
//! unknown argument nobody knows whether the call would fail. A function that is known
//! but cannot compute some case (a formatting verb soc2gate lacks, a path outside the
//! scan) answers `Some(Unknown)`. A function the library does not have is `Unknown`:
//! a wrong guess would be worse than no answer.
//!
//! `try`, `can` and `templatefile` need the evaluator and live there.

mod collections;
pub(crate) mod encoding;
pub(crate) mod files;
mod network;
mod numbers;
mod strings;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Mutex;

pub(crate) use files::FileAccess;

use crate::value::Val;

type Func = fn(Vec<Val>) -> Option<Val>;

/// Functions that need nothing but their arguments.
fn lookup(name: &str) -> Option<Func> {
    Some(match name {
        // Collections.
        "alltrue" => collections::alltrue,
        "anytrue" => collections::anytrue,
        "chunklist" => collections::chunklist,
        "coalesce" => collections::coalesce,
        "coalescelist" => collections::coalescelist,
        "compact" => collections::compact,
        "concat" => collections::concat,
        "contains" => collections::contains,
        "distinct" => collections::distinct,
        "element" => collections::element,
        "flatten" => collections::flatten,
        "index" => collections::index,
        "keys" => collections::keys,
        "length" => collections::length,
        "lookup" => collections::lookup,
        "matchkeys" => collections::matchkeys,
        "merge" => collections::merge,
        "one" => collections::one,
        "range" => collections::range,
        "reverse" => collections::reverse,
        "setintersection" => collections::setintersection,
        "setproduct" => collections::setproduct,
        "setsubtract" => collections::setsubtract,
        "setunion" => collections::setunion,
        "slice" => collections::slice,
        "sort" => collections::sort,
        "sum" => collections::sum,
        "tolist" => collections::tolist,
        "tomap" => collections::tomap,
        "toset" => collections::toset,
        "transpose" => collections::transpose,
        "values" => collections::values,
        "zipmap" => collections::zipmap,
        // Numbers.
        "abs" => numbers::abs,
        "ceil" => numbers::ceil,
        "floor" => numbers::floor,
        "log" => numbers::log,
        "max" => numbers::max,
        "min" => numbers::min,
        "parseint" => numbers::parseint,
        "pow" => numbers::pow,
        "signum" => numbers::signum,
        "tonumber" => numbers::tonumber,
        // Strings.
        "chomp" => strings::chomp,
        "endswith" => strings::endswith,
        "format" => strings::format,
        "formatlist" => strings::formatlist,
        "indent" => strings::indent,
        "join" => strings::join,
        "lower" => strings::lower,
        "regex" => strings::regex,
        "regexall" => strings::regexall,
        "replace" => strings::replace,
        "split" => strings::split,
        "startswith" => strings::startswith,
        "strcontains" => strings::strcontains,
        "strrev" => strings::strrev,
        "substr" => strings::substr,
        "title" => strings::title,
        "tobool" => strings::tobool,
        "tostring" => strings::tostring,
        "trim" => strings::trim,
        "trimprefix" => strings::trimprefix,
        "trimspace" => strings::trimspace,
        "trimsuffix" => strings::trimsuffix,
        "upper" => strings::upper,
        // Encoding and hashing.
        "base64decode" => encoding::base64decode,
        "base64encode" => encoding::base64encode,
        "base64sha256" => encoding::base64sha256,
        "base64sha512" => encoding::base64sha512,
        "jsondecode" => encoding::jsondecode,
        "jsonencode" => encoding::jsonencode,
        "md5" => encoding::md5,
        "sha1" => encoding::sha1,
        "sha256" => encoding::sha256,
        "sha512" => encoding::sha512,
        "urlencode" => encoding::urlencode,
        "yamlencode" => encoding::yamlencode,
        // Networking.
        "cidrhost" => network::cidrhost,
        "cidrnetmask" => network::cidrnetmask,
        "cidrsubnet" => network::cidrsubnet,
        "cidrsubnets" => network::cidrsubnets,
        // Paths that need no file system.
        "basename" => files::basename,
        "dirname" => files::dirname,
        // Marks that do not change the value.
        "sensitive" | "nonsensitive" | "ephemeralasnull" => identity,
        _ => return None,
    })
}

/// Functions whose result is known only after apply, or differs between runs: asking
/// for them is not a gap in the library, so they are not counted as missing.
const UNKNOWABLE: &[&str] = &[
    "timestamp",
    "plantimestamp",
    "uuid",
    "bcrypt",
    "abspath",
    "pathexpand",
];

/// Calls the function `name` (`core::` prefix already removed) on evaluated arguments.
pub(crate) fn call(name: &str, args: Vec<Val>, files: &FileAccess) -> Val {
    if args.iter().any(Val::is_error) {
        return Val::Error;
    }
    let all_known = args.iter().all(Val::is_wholly_known);
    let result = match name {
        "file" => files.file(args),
        "fileexists" => files.fileexists(args),
        "filebase64" => files.filebase64(args),
        "filesha256" => files.filesha256(args),
        "filebase64sha256" => files.filebase64sha256(args),
        "filemd5" => files.filemd5(args),
        "filesha1" => files.filesha1(args),
        "fileset" => files.fileset(args),
        _ => match lookup(name) {
            Some(f) => f(args),
            None => {
                // Counted only where the library is the reason for the unknown.
                if all_known && !UNKNOWABLE.contains(&name) {
                    record_missing(name);
                }
                return Val::Unknown;
            }
        },
    };
    match result {
        Some(v) => v,
        None if all_known => Val::Error,
        None => Val::Unknown,
    }
}

thread_local! {
    /// Set when a function declined to build a result past the size limit.
    static TOO_LARGE: Cell<bool> = const { Cell::new(false) };
}

/// The answer of a function whose result would be larger than
/// [`crate::limits::MAX_VALUE_SIZE`]: unknown, noted so that the evaluator warns.
pub(super) fn too_large() -> Option<Val> {
    TOO_LARGE.with(|t| t.set(true));
    Some(Val::Unknown)
}

/// True when the last calls declined a result for its size (and clears the mark).
pub(crate) fn take_too_large() -> bool {
    TOO_LARGE.with(|t| t.replace(false))
}

/// True when a string of about `len` bytes is past the size limit.
pub(super) fn over_limit(len: usize) -> bool {
    len > crate::limits::MAX_VALUE_SIZE
}

static MISSING: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());

pub(crate) fn record_missing(name: &str) {
    if let Ok(mut missing) = MISSING.lock() {
        *missing.entry(name.to_string()).or_insert(0) += 1;
    }
}

/// How often each function the library lacks was called since the last call of this
/// function (process-wide), most frequent first.
pub(crate) fn take_missing() -> Vec<(String, usize)> {
    let taken = MISSING
        .lock()
        .map(|mut m| std::mem::take(&mut *m))
        .unwrap_or_default();
    let mut list: Vec<(String, usize)> = taken.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

fn identity(args: Vec<Val>) -> Option<Val> {
    single(args)
}

pub(super) fn single(args: Vec<Val>) -> Option<Val> {
    let [arg]: [Val; 1] = args.try_into().ok()?;
    Some(arg)
}

pub(super) fn pair(args: Vec<Val>) -> Option<(Val, Val)> {
    let [a, b]: [Val; 2] = args.try_into().ok()?;
    Some((a, b))
}

pub(super) fn triple(args: Vec<Val>) -> Option<(Val, Val, Val)> {
    let [a, b, c]: [Val; 3] = args.try_into().ok()?;
    Some((a, b, c))
}

/// A whole number argument (Terraform rejects fractions where it wants an index).
pub(super) fn integer(v: &Val) -> Option<i64> {
    let n = v.to_number()?;
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

#[cfg(test)]
mod tests;

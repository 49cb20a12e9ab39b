//! Numeric functions.

use super::{pair, single};
use crate::value::Val;

fn number(args: Vec<Val>) -> Option<f64> {
    single(args)?.to_number()
}

fn finite(n: f64) -> Option<Val> {
    n.is_finite().then_some(Val::Number(n))
}

pub(super) fn abs(args: Vec<Val>) -> Option<Val> {
    finite(number(args)?.abs())
}

pub(super) fn ceil(args: Vec<Val>) -> Option<Val> {
    finite(number(args)?.ceil())
}

pub(super) fn floor(args: Vec<Val>) -> Option<Val> {
    finite(number(args)?.floor())
}

pub(super) fn signum(args: Vec<Val>) -> Option<Val> {
    let n = number(args)?;
    Some(Val::Number(if n == 0.0 { 0.0 } else { n.signum() }))
}

pub(super) fn log(args: Vec<Val>) -> Option<Val> {
    let (x, base) = pair(args)?;
    finite(x.to_number()?.ln() / base.to_number()?.ln())
}

pub(super) fn pow(args: Vec<Val>) -> Option<Val> {
    let (x, y) = pair(args)?;
    finite(x.to_number()?.powf(y.to_number()?))
}

fn numbers(args: &[Val]) -> Option<Vec<f64>> {
    if args.is_empty() {
        return None;
    }
    args.iter().map(Val::to_number).collect()
}

pub(super) fn max(args: Vec<Val>) -> Option<Val> {
    numbers(&args)?
        .into_iter()
        .reduce(f64::max)
        .map(Val::Number)
}

pub(super) fn min(args: Vec<Val>) -> Option<Val> {
    numbers(&args)?
        .into_iter()
        .reduce(f64::min)
        .map(Val::Number)
}

pub(super) fn parseint(args: Vec<Val>) -> Option<Val> {
    let (s, base) = pair(args)?;
    let s = s.to_str()?;
    let base = super::integer(&base)?;
    if !(2..=62).contains(&base) {
        return None;
    }
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: f64 = 0.0;
    for c in digits.chars() {
        // Terraform's digits: 0-9, then a-z, then A-Z (lowercase first above base 36).
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => return None,
        };
        if d >= base {
            return None;
        }
        n = n * base as f64 + d as f64;
    }
    finite(if negative { -n } else { n })
}

pub(super) fn tonumber(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        v @ (Val::Number(_) | Val::String(_)) => v.to_number().map(Val::Number),
        _ => None,
    }
}

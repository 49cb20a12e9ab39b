//! Collection functions. Lists, tuples and sets are all `Val::List`; a set is a list whose
//! members are distinct and ordered as Terraform orders them (see `types::to_set`).

use std::collections::BTreeMap;

use super::{integer, pair, single, triple};
use crate::types::to_set;
use crate::value::Val;

// Results larger than this are not built (a typo in `range` must not exhaust memory).
const MAX_LEN: usize = 100_000;

fn list(v: Val) -> Option<Vec<Val>> {
    match v {
        Val::List(items) => Some(items),
        _ => None,
    }
}

fn object(v: Val) -> Option<BTreeMap<String, Val>> {
    match v {
        Val::Object(fields) => Some(fields),
        _ => None,
    }
}

pub(super) fn merge(args: Vec<Val>) -> Option<Val> {
    let mut out = BTreeMap::new();
    for arg in args {
        match arg {
            Val::Null => {}
            Val::Object(fields) => out.extend(fields),
            // Without the keys of every argument, no key of the result is certain.
            _ => return None,
        }
    }
    Some(Val::Object(out))
}

pub(super) fn concat(args: Vec<Val>) -> Option<Val> {
    let mut out = Vec::new();
    for arg in args {
        out.extend(list(arg)?);
    }
    Some(Val::List(out))
}

pub(super) fn flatten(args: Vec<Val>) -> Option<Val> {
    fn walk(items: Vec<Val>, out: &mut Vec<Val>) -> Option<()> {
        for item in items {
            match item {
                Val::List(inner) => walk(inner, out)?,
                // It might be a list to flatten: the result's length is unknown.
                Val::Unknown => return None,
                v => out.push(v),
            }
        }
        Some(())
    }
    let mut out = Vec::new();
    walk(list(single(args)?)?, &mut out)?;
    Some(Val::List(out))
}

pub(super) fn distinct(args: Vec<Val>) -> Option<Val> {
    let items = list(single(args)?)?;
    if !items.iter().all(Val::is_wholly_known) {
        return Some(Val::Unknown);
    }
    let mut out: Vec<Val> = Vec::new();
    for v in items {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Some(Val::List(out))
}

pub(super) fn compact(args: Vec<Val>) -> Option<Val> {
    let items = list(single(args)?)?;
    let mut out = Vec::new();
    for v in items {
        match v {
            Val::Null => {}
            Val::String(s) if s.is_empty() => {}
            Val::String(_) => out.push(v),
            // A JSON document is never empty, whatever its unknown parts.
            Val::PartialJson(_) => out.push(v),
            // An unknown element may be "" or null.
            Val::Unknown => return Some(Val::Unknown),
            other => out.push(Val::String(other.to_str()?)),
        }
    }
    Some(Val::List(out))
}

pub(super) fn lookup(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let map = object(args.next()?)?;
    let key = args.next()?.to_str()?;
    let default = args.next();
    if args.next().is_some() {
        return None;
    }
    match map.get(&key) {
        Some(v) => Some(v.clone()),
        None => default,
    }
}

pub(super) fn element(args: Vec<Val>) -> Option<Val> {
    let (l, i) = pair(args)?;
    let mut items = list(l)?;
    let i = integer(&i)?;
    if items.is_empty() || i < 0 {
        return None;
    }
    let n = items.len();
    Some(items.swap_remove(i as usize % n))
}

pub(super) fn index(args: Vec<Val>) -> Option<Val> {
    let (l, v) = pair(args)?;
    let items = list(l)?;
    for (i, item) in items.iter().enumerate() {
        if !item.is_wholly_known() {
            return Some(Val::Unknown);
        }
        if *item == v {
            return Some(Val::Number(i as f64));
        }
    }
    None
}

pub(super) fn keys(args: Vec<Val>) -> Option<Val> {
    let fields = object(single(args)?)?;
    Some(Val::List(fields.into_keys().map(Val::String).collect()))
}

pub(super) fn values(args: Vec<Val>) -> Option<Val> {
    let fields = object(single(args)?)?;
    Some(Val::List(fields.into_values().collect()))
}

pub(super) fn length(args: Vec<Val>) -> Option<Val> {
    let n = match single(args)? {
        Val::List(items) => items.len(),
        Val::Object(fields) => fields.len(),
        Val::String(s) => s.chars().count(),
        _ => return None,
    };
    Some(Val::Number(n as f64))
}

pub(super) fn contains(args: Vec<Val>) -> Option<Val> {
    let (l, v) = pair(args)?;
    let items = list(l)?;
    if !v.is_wholly_known() {
        return Some(Val::Unknown);
    }
    if items.contains(&v) {
        return Some(Val::Bool(true));
    }
    if items.iter().all(Val::is_wholly_known) {
        Some(Val::Bool(false))
    } else {
        Some(Val::Unknown)
    }
}

pub(super) fn coalesce(args: Vec<Val>) -> Option<Val> {
    for arg in args {
        match arg {
            Val::Null => {}
            Val::String(ref s) if s.is_empty() => {}
            // It may be null or empty, in which case a later argument wins.
            Val::Unknown => return Some(Val::Unknown),
            v => return Some(v),
        }
    }
    None
}

pub(super) fn coalescelist(args: Vec<Val>) -> Option<Val> {
    for arg in args {
        match arg {
            Val::List(items) if items.is_empty() => {}
            Val::List(items) => return Some(Val::List(items)),
            Val::Unknown => return Some(Val::Unknown),
            _ => return None,
        }
    }
    None
}

pub(super) fn zipmap(args: Vec<Val>) -> Option<Val> {
    let (k, v) = pair(args)?;
    let (keys, values) = (list(k)?, list(v)?);
    if keys.len() != values.len() {
        return None;
    }
    let mut out = BTreeMap::new();
    for (k, v) in keys.into_iter().zip(values) {
        out.insert(k.to_str()?, v);
    }
    Some(Val::Object(out))
}

pub(super) fn range(args: Vec<Val>) -> Option<Val> {
    let nums: Vec<f64> = args.iter().map(Val::to_number).collect::<Option<_>>()?;
    let (start, limit, step) = match nums.as_slice() {
        [limit] => (0.0, *limit, 1.0),
        [start, limit] => (*start, *limit, if start <= limit { 1.0 } else { -1.0 }),
        [start, limit, step] => (*start, *limit, *step),
        _ => return None,
    };
    if step == 0.0 || (step > 0.0 && start > limit) || (step < 0.0 && start < limit) {
        return if start == limit {
            Some(Val::List(vec![]))
        } else {
            None
        };
    }
    let count = ((limit - start) / step).ceil();
    if !(0.0..=MAX_LEN as f64).contains(&count) {
        return super::too_large();
    }
    Some(Val::List(
        (0..count as usize)
            .map(|i| Val::Number(start + step * i as f64))
            .collect(),
    ))
}

pub(super) fn one(args: Vec<Val>) -> Option<Val> {
    let mut items = list(single(args)?)?;
    match items.len() {
        0 => Some(Val::Null),
        1 => items.pop(),
        _ => None,
    }
}

pub(super) fn sort(args: Vec<Val>) -> Option<Val> {
    let items = list(single(args)?)?;
    let mut strings = Vec::with_capacity(items.len());
    for v in items {
        if !v.is_known() {
            return Some(Val::Unknown);
        }
        strings.push(v.to_str()?);
    }
    strings.sort();
    Some(Val::List(strings.into_iter().map(Val::String).collect()))
}

pub(super) fn reverse(args: Vec<Val>) -> Option<Val> {
    let mut items = list(single(args)?)?;
    items.reverse();
    Some(Val::List(items))
}

fn sets(args: Vec<Val>) -> Option<Vec<Vec<Val>>> {
    let sets: Vec<Vec<Val>> = args.into_iter().map(list).collect::<Option<_>>()?;
    Some(sets)
}

pub(super) fn setunion(args: Vec<Val>) -> Option<Val> {
    let sets = sets(args)?;
    if sets.is_empty() {
        return None;
    }
    Some(to_set(sets.into_iter().flatten().collect()))
}

pub(super) fn setintersection(args: Vec<Val>) -> Option<Val> {
    let mut sets = sets(args)?.into_iter();
    let first = sets.next()?;
    let rest: Vec<Vec<Val>> = sets.collect();
    if !first
        .iter()
        .chain(rest.iter().flatten())
        .all(Val::is_wholly_known)
    {
        return Some(Val::Unknown);
    }
    let kept = first
        .into_iter()
        .filter(|v| rest.iter().all(|s| s.contains(v)))
        .collect();
    Some(to_set(kept))
}

pub(super) fn setsubtract(args: Vec<Val>) -> Option<Val> {
    let (a, b) = pair(args)?;
    let (a, b) = (list(a)?, list(b)?);
    if !a.iter().chain(&b).all(Val::is_wholly_known) {
        return Some(Val::Unknown);
    }
    Some(to_set(a.into_iter().filter(|v| !b.contains(v)).collect()))
}

pub(super) fn setproduct(args: Vec<Val>) -> Option<Val> {
    let sets = sets(args)?;
    if sets.is_empty() {
        return None;
    }
    let total: usize = sets.iter().map(Vec::len).product();
    if total > MAX_LEN {
        return super::too_large();
    }
    let mut out: Vec<Vec<Val>> = vec![vec![]];
    for set in &sets {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                set.iter().map(move |v| {
                    let mut p = prefix.clone();
                    p.push(v.clone());
                    p
                })
            })
            .collect();
    }
    Some(Val::List(out.into_iter().map(Val::List).collect()))
}

pub(super) fn slice(args: Vec<Val>) -> Option<Val> {
    let (l, start, end) = triple(args)?;
    let items = list(l)?;
    let (start, end) = (integer(&start)?, integer(&end)?);
    if start < 0 || end < start || end as usize > items.len() {
        return None;
    }
    Some(Val::List(items[start as usize..end as usize].to_vec()))
}

pub(super) fn sum(args: Vec<Val>) -> Option<Val> {
    let items = list(single(args)?)?;
    if items.is_empty() {
        return None;
    }
    let mut total = 0.0;
    for v in &items {
        total += v.to_number()?;
    }
    Some(Val::Number(total))
}

pub(super) fn alltrue(args: Vec<Val>) -> Option<Val> {
    let items = list(single(args)?)?;
    let mut unknown = false;
    for v in &items {
        match v.to_bool() {
            Some(false) => return Some(Val::Bool(false)),
            Some(true) => {}
            None if !v.is_known() => unknown = true,
            None => return None,
        }
    }
    Some(if unknown {
        Val::Unknown
    } else {
        Val::Bool(true)
    })
}

pub(super) fn anytrue(args: Vec<Val>) -> Option<Val> {
    let items = list(single(args)?)?;
    let mut unknown = false;
    for v in &items {
        match v.to_bool() {
            Some(true) => return Some(Val::Bool(true)),
            Some(false) => {}
            None if !v.is_known() => unknown = true,
            None => return None,
        }
    }
    Some(if unknown {
        Val::Unknown
    } else {
        Val::Bool(false)
    })
}

pub(super) fn chunklist(args: Vec<Val>) -> Option<Val> {
    let (l, size) = pair(args)?;
    let items = list(l)?;
    let size = integer(&size)?;
    if size < 0 {
        return None;
    }
    if size == 0 {
        return Some(Val::List(vec![Val::List(items)]));
    }
    Some(Val::List(
        items
            .chunks(size as usize)
            .map(|c| Val::List(c.to_vec()))
            .collect(),
    ))
}

pub(super) fn matchkeys(args: Vec<Val>) -> Option<Val> {
    let (values, keys, search) = triple(args)?;
    let (values, keys, search) = (list(values)?, list(keys)?, list(search)?);
    if values.len() != keys.len() {
        return None;
    }
    if !keys.iter().chain(&search).all(Val::is_wholly_known) {
        return Some(Val::Unknown);
    }
    Some(Val::List(
        values
            .into_iter()
            .zip(keys)
            .filter(|(_, k)| search.contains(k))
            .map(|(v, _)| v)
            .collect(),
    ))
}

pub(super) fn transpose(args: Vec<Val>) -> Option<Val> {
    let map = object(single(args)?)?;
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in map {
        for item in list(v)? {
            out.entry(item.to_str()?).or_default().push(k.clone());
        }
    }
    Some(Val::Object(
        out.into_iter()
            .map(|(k, v)| (k, Val::List(v.into_iter().map(Val::String).collect())))
            .collect(),
    ))
}

pub(super) fn tolist(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        v @ (Val::Null | Val::List(_)) => Some(v),
        _ => None,
    }
}

pub(super) fn toset(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        Val::List(items) => Some(to_set(items)),
        _ => None,
    }
}

pub(super) fn tomap(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        v @ (Val::Null | Val::Object(_)) => Some(v),
        _ => None,
    }
}

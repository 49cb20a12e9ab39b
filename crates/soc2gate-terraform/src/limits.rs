//! Bounds on the work one module may cause. A pull request can hold `count = 999999`, a
//! string doubled forty times through locals or `for` expressions nested over large
//! ranges: evaluated as written, each hangs the scan or exhausts memory. Past a bound the
//! value becomes unknown, a warning names the place and the bound, and the scan goes on.
//! The README lists these numbers; real configurations stay far below them.

use crate::value::Val;

/// Instances of one `resource`, `data` or `module` block (`count`, `for_each`). Beyond
/// it, one instance with unknown `count.index` / `each.*` stands for all of them.
pub(crate) const MAX_INSTANCES: usize = 10_000;

/// Size of one value: list elements, object attributes and characters of strings, each
/// counted once, all levels together.
pub(crate) const MAX_VALUE_SIZE: usize = 1_000_000;

/// Expressions evaluated for one module instance (a root, or one instance of a module
/// call). The largest module of the benchmark corpus needs a few ten thousand.
pub(crate) const MAX_STEPS: usize = 5_000_000;

/// The size of `v` as [`MAX_VALUE_SIZE`] counts it, or `None` when it exceeds `limit`
/// (counting stops there, so a huge value costs no more than the limit).
pub(crate) fn size_within(v: &Val, limit: usize) -> Option<usize> {
    let mut total = 0usize;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        total += match v {
            Val::String(s) => s.len().max(1),
            Val::List(items) => {
                if total + items.len() > limit {
                    return None;
                }
                stack.extend(items);
                1
            }
            Val::Object(fields) => {
                stack.extend(fields.values());
                1 + fields.keys().map(String::len).sum::<usize>()
            }
            Val::PartialJson(inner) => {
                stack.push(inner);
                1
            }
            _ => 1,
        };
        if total > limit {
            return None;
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_counts_elements_and_characters_and_stops_at_the_limit() {
        let v = Val::List(vec![Val::String("abc".into()), Val::Number(1.0)]);
        assert_eq!(size_within(&v, 100), Some(5));
        assert_eq!(size_within(&v, 4), None);
        let big = Val::List(vec![Val::Null; 10]);
        assert_eq!(size_within(&big, 5), None);
    }
}

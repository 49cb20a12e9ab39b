//! Attribute paths: how `unknown`, the source map and a finding's `attribute` name a
//! place inside a resource's values.
//!
//! The text form is Terraform's: object keys joined with `.`, list indices in brackets,
//! e.g. `versioning[0].enabled`, `tags.owner`, `statement[1].principals[0].identifiers[2]`.
//! A key that is not a plain identifier is quoted: `tags["kubernetes.io/role"]`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct AttrPath(pub Vec<PathSegment>);

impl AttrPath {
    pub fn root() -> Self {
        AttrPath(Vec::new())
    }

    pub fn key(&self, k: impl Into<String>) -> Self {
        let mut p = self.clone();
        p.0.push(PathSegment::Key(k.into()));
        p
    }

    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(PathSegment::Index(i));
        p
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The path without its last segment, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        if self.0.is_empty() {
            None
        } else {
            Some(AttrPath(self.0[..self.0.len() - 1].to_vec()))
        }
    }

    /// True when `self` equals `other` or lies inside it.
    pub fn starts_with(&self, other: &AttrPath) -> bool {
        self.0.starts_with(&other.0)
    }

    /// Parses the text form. Lenient: a malformed path (from a user policy) still yields
    /// the segments that could be read, so locating falls back to an enclosing block.
    pub fn parse(text: &str) -> Self {
        let mut segs = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut cur = String::new();
        while let Some((_, c)) = chars.next() {
            match c {
                '.' => {
                    if !cur.is_empty() {
                        segs.push(PathSegment::Key(std::mem::take(&mut cur)));
                    }
                }
                '[' => {
                    if !cur.is_empty() {
                        segs.push(PathSegment::Key(std::mem::take(&mut cur)));
                    }
                    let mut inner = String::new();
                    let mut quoted = false;
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '"' => quoted = !quoted,
                            '\\' if quoted => {
                                if let Some((_, e)) = chars.next() {
                                    inner.push(e);
                                }
                            }
                            ']' if !quoted => break,
                            _ => inner.push(c),
                        }
                    }
                    match inner.parse::<usize>() {
                        Ok(i) => segs.push(PathSegment::Index(i)),
                        Err(_) => segs.push(PathSegment::Key(inner)),
                    }
                }
                _ => cur.push(c),
            }
        }
        if !cur.is_empty() {
            segs.push(PathSegment::Key(cur));
        }
        AttrPath(segs)
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for AttrPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSegment::Key(k) if is_identifier(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                PathSegment::Key(k) => write!(f, "[{}]", serde_json::to_string(k).unwrap())?,
                PathSegment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text_form() {
        for text in [
            "versioning[0].enabled",
            "tags.owner",
            r#"tags["kubernetes.io/role"]"#,
            "statement[1].principals[0].identifiers[2]",
            "",
        ] {
            assert_eq!(AttrPath::parse(text).to_string(), text);
        }
    }

    #[test]
    fn parent_and_prefix() {
        let p = AttrPath::parse("a[0].b");
        assert_eq!(p.parent().unwrap().to_string(), "a[0]");
        assert!(p.starts_with(&AttrPath::parse("a")));
        assert!(!AttrPath::parse("ab").starts_with(&AttrPath::parse("a[0]")));
    }
}

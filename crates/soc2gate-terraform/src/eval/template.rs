//! String templates: interpolations, `%{ if }` and `%{ for }` directives, strip markers,
//! and `templatefile`.

use std::collections::BTreeMap;

use hcl_edit::template::{Directive, Element, Strip, Template};

use super::{Bindings, Scope};
use crate::functions::files::Read;
use crate::value::{hole, partial_json, Val};

/// The text rendered so far, with a placeholder for each unknown interpolation.
#[derive(Default)]
struct Out {
    text: String,
    holes: usize,
    /// The next literal loses its leading whitespace (a `~}` before it).
    strip_next: bool,
}

impl Out {
    fn literal(&mut self, s: &str) {
        let s = if std::mem::take(&mut self.strip_next) {
            s.trim_start()
        } else {
            s
        };
        self.text.push_str(s);
    }

    /// A `{~` strips the whitespace before it.
    fn open(&mut self, strip: &Strip) {
        if strip.strip_start() {
            let len = self.text.trim_end().len();
            self.text.truncate(len);
        }
        self.strip_next = false;
    }

    /// A `~}` strips the whitespace after it.
    fn close(&mut self, strip: &Strip) {
        self.strip_next = strip.strip_end();
    }
}

impl Scope<'_> {
    /// A string template or heredoc: known when every part is; else, if the text with a
    /// placeholder for each unknown part is a JSON document, that document with unknown
    /// leaves; else unknown.
    pub(super) fn template(&self, t: &Template, b: &Bindings) -> Val {
        // `"${x}"` is x itself, not x converted to a string.
        if let Some(Element::Interpolation(i)) = t.as_single_element() {
            return self.eval(&i.expr, b);
        }
        let mut out = Out::default();
        if let Err(v) = self.render(t, b, &mut out) {
            return v;
        }
        if out.holes == 0 {
            Val::String(out.text)
        } else {
            partial_json(&out.text).map_or(Val::Unknown, |doc| Val::PartialJson(Box::new(doc)))
        }
    }

    /// Renders elements into `out`; `Err` with the template's value when it cannot have
    /// a text (an error, or an unknown directive condition or collection).
    fn render(&self, t: &Template, b: &Bindings, out: &mut Out) -> Result<(), Val> {
        for element in t.iter() {
            match element {
                Element::Literal(lit) => out.literal(lit.value()),
                Element::Interpolation(interp) => {
                    out.open(&interp.strip);
                    let v = self.eval(&interp.expr, b);
                    match v.to_str() {
                        Some(s) => out.text.push_str(&s),
                        None if v.is_error() => return Err(Val::Error),
                        None if !v.is_known() => {
                            out.text.push_str(&hole(out.holes));
                            out.holes += 1;
                        }
                        // null, lists and objects cannot be interpolated.
                        None => return Err(Val::Error),
                    }
                    out.close(&interp.strip);
                }
                Element::Directive(directive) => match directive.as_ref() {
                    Directive::If(d) => {
                        out.open(&d.if_expr.strip);
                        let cond = self.eval(&d.if_expr.cond_expr, b);
                        let taken = match cond.to_bool() {
                            Some(c) => c,
                            None if cond.is_known() || cond.is_error() => return Err(Val::Error),
                            // Which text appears is unknown, so the whole text is.
                            None => return Err(Val::Unknown),
                        };
                        if taken {
                            out.close(&d.if_expr.strip);
                            self.render(&d.if_expr.template, b, out)?;
                            match &d.else_expr {
                                Some(e) => out.open(&e.strip),
                                None => out.open(&d.endif_expr.strip),
                            }
                        } else if let Some(e) = &d.else_expr {
                            out.close(&e.strip);
                            self.render(&e.template, b, out)?;
                            out.open(&d.endif_expr.strip);
                        }
                        out.close(&d.endif_expr.strip);
                    }
                    Directive::For(d) => {
                        let f = &d.for_expr;
                        out.open(&f.strip);
                        let items: Vec<(Val, Val)> = match self.eval(&f.collection_expr, b) {
                            Val::List(items) => items
                                .into_iter()
                                .enumerate()
                                .map(|(i, v)| (Val::Number(i as f64), v))
                                .collect(),
                            Val::Object(fields) => fields
                                .into_iter()
                                .map(|(k, v)| (Val::String(k), v))
                                .collect(),
                            Val::Unknown | Val::PartialJson(_) => return Err(Val::Unknown),
                            _ => return Err(Val::Error),
                        };
                        for (key, value) in items {
                            let mut inner = b.with(f.value_var.as_str(), value);
                            if let Some(k) = &f.key_var {
                                inner = inner.with(k.as_str(), key);
                            }
                            out.close(&f.strip);
                            self.render(&f.template, &inner, out)?;
                            out.open(&d.endfor_expr.strip);
                        }
                        out.close(&d.endfor_expr.strip);
                    }
                },
            }
        }
        Ok(())
    }

    /// `templatefile(path, vars)`: the file is read inside the scan roots and rendered
    /// with only `vars` in scope.
    pub(super) fn templatefile(&self, args: Vec<Val>) -> Val {
        let [path, vars]: [Val; 2] = match args.try_into() {
            Ok(a) => a,
            Err(_) => return Val::Error,
        };
        let (Some(path), Val::Object(vars)) = (path.to_str(), vars) else {
            return Val::Unknown;
        };
        let text = match self.ctx.files.read(&path) {
            Read::Text(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => return Val::Error,
            },
            Read::Missing => return Val::Error,
            Read::Forbidden => return Val::Unknown,
        };
        let Ok(template) = hcl_edit::parser::parse_template(&text) else {
            return Val::Error;
        };
        let mut b = Bindings {
            items: Vec::new(),
            isolated: true,
        };
        let vars: BTreeMap<String, Val> = vars;
        for (name, value) in vars {
            b = b.with(&name, value);
        }
        match self.template(&template, &b) {
            // A template file always renders to a string, even `${x}` alone.
            Val::String(s) => Val::String(s),
            Val::Number(n) => Val::String(crate::value::number_text(n)),
            Val::Bool(x) => Val::String(x.to_string()),
            v @ (Val::Unknown | Val::PartialJson(_) | Val::Error) => v,
            _ => Val::Error,
        }
    }
}

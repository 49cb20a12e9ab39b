//! Unit tests of the function library.

use std::collections::BTreeMap;

use super::*;

fn call(name: &str, args: Vec<Val>) -> Val {
    super::call(name, args, &FileAccess::default())
}

fn s(x: &str) -> Val {
    Val::String(x.into())
}

fn obj(fields: &[(&str, Val)]) -> Val {
    Val::Object(
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

#[test]
fn known_functions() {
    assert_eq!(call("lower", vec![s("AbC")]), s("abc"));
    assert_eq!(call("upper", vec![s("AbC")]), s("ABC"));
    assert_eq!(
        call(
            "join",
            vec![s(","), Val::List(vec![s("a"), Val::Number(2.0)])]
        ),
        s("a,2")
    );
    assert_eq!(
        call(
            "concat",
            vec![Val::List(vec![s("a")]), Val::List(vec![s("b")])]
        ),
        Val::List(vec![s("a"), s("b")])
    );
    assert_eq!(
        call(
            "merge",
            vec![
                obj(&[("a", s("1")), ("b", s("1"))]),
                Val::Null,
                obj(&[("b", s("2"))])
            ]
        ),
        obj(&[("a", s("1")), ("b", s("2"))])
    );
    assert_eq!(call("tostring", vec![Val::Number(5.0)]), s("5"));
    assert_eq!(call("tonumber", vec![s("5")]), Val::Number(5.0));
    assert_eq!(call("tobool", vec![s("true")]), Val::Bool(true));
    assert_eq!(
        call("toset", vec![Val::List(vec![s("b"), s("a"), s("b")])]),
        Val::List(vec![s("a"), s("b")])
    );
    assert_eq!(
        call("jsondecode", vec![s(r#"{"a":[1,true]}"#)]),
        obj(&[("a", Val::List(vec![Val::Number(1.0), Val::Bool(true)]))])
    );
}

#[test]
fn format_verbs() {
    let f = |spec: &str, args: Vec<Val>| {
        let mut all = vec![s(spec)];
        all.extend(args);
        call("format", all)
    };
    assert_eq!(
        f(
            "%s-%d %v %q 100%%",
            vec![s("a"), Val::Number(3.0), Val::Bool(true), s("x\"")]
        ),
        s(r#"a-3 true "x\"" 100%"#)
    );
    // What Terraform rejects is an error (which `try` sees); an unknown argument is unknown.
    assert_eq!(f("%d", vec![Val::Number(1.5)]), Val::Error);
    assert_eq!(f("%s", vec![]), Val::Error);
    assert_eq!(f("%s", vec![s("a"), s("b")]), Val::Error);
    assert_eq!(f("%s", vec![Val::Unknown]), Val::Unknown);
    assert_eq!(
        f(
            "%05d|%-4s|%4s|%.2f|%x|%+d",
            vec![
                Val::Number(1.0),
                s("ab"),
                s("ab"),
                Val::Number(1.23456),
                Val::Number(255.0),
                Val::Number(5.0)
            ]
        ),
        s("00001|ab  |  ab|1.23|ff|+5")
    );
    assert_eq!(f("%[2]s-%[1]s", vec![s("a"), s("b")]), s("b-a"));
    assert_eq!(
        f("%#v %v", vec![s("x"), Val::List(vec![Val::Number(1.0)])]),
        s("\"x\" [1]")
    );
    assert_eq!(f("%e", vec![Val::Number(1500.0)]), s("1.500000e+03"));
}

#[test]
fn unknown_in_unknown_out() {
    assert_eq!(call("lower", vec![Val::Unknown]), Val::Unknown);
    assert_eq!(call("merge", vec![obj(&[]), Val::Unknown]), Val::Unknown);
    assert_eq!(call("concat", vec![Val::Unknown]), Val::Unknown);
    assert_eq!(call("nosuchfunction", vec![s("a")]), Val::Unknown);
    assert_eq!(call("lower", vec![]), Val::Error);
    assert_eq!(call("jsondecode", vec![s("{")]), Val::Error);
    assert_eq!(call("lower", vec![Val::Error]), Val::Error);
    assert_eq!(call("timestamp", vec![]), Val::Unknown);
    // A partly unknown list is still a list of known length.
    assert_eq!(
        call(
            "concat",
            vec![Val::List(vec![Val::Unknown]), Val::List(vec![s("b")])]
        ),
        Val::List(vec![Val::Unknown, s("b")])
    );
}

#[test]
fn jsonencode_known_and_partial() {
    assert_eq!(
        call(
            "jsonencode",
            vec![obj(&[("b", Val::Number(1.0)), ("a", s("x"))])]
        ),
        s(r#"{"a":"x","b":1}"#)
    );
    let partial = obj(&[("a", Val::Unknown)]);
    let encoded = call("jsonencode", vec![partial.clone()]);
    assert_eq!(encoded, Val::PartialJson(Box::new(partial.clone())));
    assert!(!encoded.is_known());
    assert_eq!(call("jsondecode", vec![encoded]), partial);
    assert_eq!(call("jsonencode", vec![Val::Unknown]), Val::Unknown);
}

fn l(items: &[Val]) -> Val {
    Val::List(items.to_vec())
}

fn n(x: f64) -> Val {
    Val::Number(x)
}

#[test]
fn collection_functions() {
    assert_eq!(
        call(
            "flatten",
            vec![l(&[l(&[s("a")]), s("b"), l(&[l(&[s("c")])])])]
        ),
        l(&[s("a"), s("b"), s("c")])
    );
    assert_eq!(call("flatten", vec![l(&[Val::Unknown])]), Val::Unknown);
    assert_eq!(
        call("distinct", vec![l(&[s("a"), s("b"), s("a")])]),
        l(&[s("a"), s("b")])
    );
    assert_eq!(
        call("compact", vec![l(&[s("a"), s(""), Val::Null, s("b")])]),
        l(&[s("a"), s("b")])
    );
    assert_eq!(call("lookup", vec![obj(&[("a", n(1.0))]), s("a")]), n(1.0));
    assert_eq!(
        call("lookup", vec![obj(&[("a", n(1.0))]), s("b"), s("d")]),
        s("d")
    );
    assert_eq!(
        call("lookup", vec![obj(&[("a", n(1.0))]), s("b")]),
        Val::Error
    );
    assert_eq!(call("element", vec![l(&[s("a"), s("b")]), n(3.0)]), s("b"));
    assert_eq!(
        call("keys", vec![obj(&[("b", n(1.0)), ("a", n(2.0))])]),
        l(&[s("a"), s("b")])
    );
    assert_eq!(
        call("values", vec![obj(&[("b", n(1.0)), ("a", n(2.0))])]),
        l(&[n(2.0), n(1.0)])
    );
    assert_eq!(call("length", vec![s("héllo")]), n(5.0));
    assert_eq!(call("length", vec![l(&[Val::Unknown])]), n(1.0));
    assert_eq!(
        call("contains", vec![l(&[s("a"), Val::Unknown]), s("a")]),
        Val::Bool(true)
    );
    assert_eq!(
        call("contains", vec![l(&[s("a"), Val::Unknown]), s("b")]),
        Val::Unknown
    );
    assert_eq!(
        call("contains", vec![l(&[s("a")]), s("b")]),
        Val::Bool(false)
    );
    assert_eq!(
        call("coalesce", vec![Val::Null, s(""), s("x"), Val::Unknown]),
        s("x")
    );
    assert_eq!(call("coalesce", vec![Val::Unknown, s("x")]), Val::Unknown);
    assert_eq!(
        call("coalescelist", vec![l(&[]), l(&[s("x")])]),
        l(&[s("x")])
    );
    assert_eq!(
        call("zipmap", vec![l(&[s("a"), s("b")]), l(&[n(1.0), n(2.0)])]),
        obj(&[("a", n(1.0)), ("b", n(2.0))])
    );
    assert_eq!(call("range", vec![n(3.0)]), l(&[n(0.0), n(1.0), n(2.0)]));
    assert_eq!(
        call("range", vec![n(1.0), n(8.0), n(3.0)]),
        l(&[n(1.0), n(4.0), n(7.0)])
    );
    assert_eq!(
        call("range", vec![n(3.0), n(0.0)]),
        l(&[n(3.0), n(2.0), n(1.0)])
    );
    assert_eq!(call("min", vec![n(3.0), n(1.0)]), n(1.0));
    assert_eq!(call("max", vec![n(3.0), s("7")]), n(7.0));
    assert_eq!(call("abs", vec![n(-2.0)]), n(2.0));
    assert_eq!(call("ceil", vec![n(1.2)]), n(2.0));
    assert_eq!(call("floor", vec![n(1.8)]), n(1.0));
    assert_eq!(call("one", vec![l(&[])]), Val::Null);
    assert_eq!(call("one", vec![l(&[s("a")])]), s("a"));
    assert_eq!(call("one", vec![l(&[s("a"), s("b")])]), Val::Error);
    assert_eq!(
        call("sort", vec![l(&[s("b"), s("a"), s("c")])]),
        l(&[s("a"), s("b"), s("c")])
    );
    assert_eq!(
        call("reverse", vec![l(&[s("a"), s("b")])]),
        l(&[s("b"), s("a")])
    );
    assert_eq!(
        call("setunion", vec![l(&[s("b"), s("a")]), l(&[s("c"), s("a")])]),
        l(&[s("a"), s("b"), s("c")])
    );
    assert_eq!(
        call(
            "setintersection",
            vec![l(&[s("b"), s("a")]), l(&[s("c"), s("a")])]
        ),
        l(&[s("a")])
    );
    assert_eq!(
        call("setsubtract", vec![l(&[s("b"), s("a")]), l(&[s("a")])]),
        l(&[s("b")])
    );
    assert_eq!(
        call("slice", vec![l(&[s("a"), s("b"), s("c")]), n(1.0), n(3.0)]),
        l(&[s("b"), s("c")])
    );
    assert_eq!(
        call("tomap", vec![obj(&[("a", n(1.0))])]),
        obj(&[("a", n(1.0))])
    );
    assert_eq!(call("sum", vec![l(&[n(1.0), n(2.5)])]), n(3.5));
    assert_eq!(
        call("alltrue", vec![l(&[Val::Bool(true), s("true")])]),
        Val::Bool(true)
    );
    assert_eq!(
        call("anytrue", vec![l(&[Val::Bool(false), Val::Unknown])]),
        Val::Unknown
    );
    assert_eq!(
        call(
            "transpose",
            vec![obj(&[("a", l(&[s("1"), s("2")])), ("b", l(&[s("2")]))])]
        ),
        obj(&[("1", l(&[s("a")])), ("2", l(&[s("a"), s("b")]))])
    );
    let mut product = BTreeMap::new();
    product.insert("x".to_string(), n(1.0));
    assert_eq!(
        call("setproduct", vec![l(&[s("a"), s("b")]), l(&[n(1.0)])]),
        l(&[l(&[s("a"), n(1.0)]), l(&[s("b"), n(1.0)])])
    );
}

#[test]
fn string_functions() {
    assert_eq!(
        call("formatlist", vec![s("%s-%s"), l(&[s("a"), s("b")]), s("x")]),
        l(&[s("a-x"), s("b-x")])
    );
    assert_eq!(
        call("split", vec![s(","), s("a,b,,c")]),
        l(&[s("a"), s("b"), s(""), s("c")])
    );
    assert_eq!(
        call("replace", vec![s("a-b-c"), s("-"), s("_")]),
        s("a_b_c")
    );
    assert_eq!(
        call("replace", vec![s("hello world"), s("/w(or)ld/"), s("$1")]),
        s("hello or")
    );
    assert_eq!(call("trimspace", vec![s("  a \n")]), s("a"));
    assert_eq!(call("trimprefix", vec![s("arn:x"), s("arn:")]), s("x"));
    assert_eq!(call("trimsuffix", vec![s("x.tf"), s(".tf")]), s("x"));
    assert_eq!(call("substr", vec![s("hello"), n(1.0), n(3.0)]), s("ell"));
    assert_eq!(call("substr", vec![s("hello"), n(-3.0), n(-1.0)]), s("llo"));
    assert_eq!(
        call("startswith", vec![s("arn:aws"), s("arn:")]),
        Val::Bool(true)
    );
    assert_eq!(
        call("endswith", vec![s("arn:aws"), s("aws")]),
        Val::Bool(true)
    );
    assert_eq!(call("title", vec![s("hello world-x")]), s("Hello World-X"));
    assert_eq!(call("regex", vec![s("[a-z]+"), s("53abc")]), s("abc"));
    assert_eq!(
        call("regex", vec![s("(\\d+)-(\\d+)"), s("1-2")]),
        l(&[s("1"), s("2")])
    );
    assert_eq!(
        call("regex", vec![s("(?P<a>\\d+)"), s("x7")]),
        obj(&[("a", s("7"))])
    );
    assert_eq!(call("regex", vec![s("z"), s("abc")]), Val::Error);
    assert_eq!(call("regex", vec![s("("), s("abc")]), Val::Error);
    assert_eq!(
        call("regexall", vec![s("\\d"), s("a1b2")]),
        l(&[s("1"), s("2")])
    );
    assert_eq!(call("tostring", vec![l(&[])]), Val::Error);
    assert_eq!(call("indent", vec![n(2.0), s("a\nb")]), s("a\n  b"));
    assert_eq!(call("chomp", vec![s("a\n\n")]), s("a"));
}

#[test]
fn encoding_functions() {
    assert_eq!(call("base64encode", vec![s("hello")]), s("aGVsbG8="));
    assert_eq!(call("base64decode", vec![s("aGVsbG8=")]), s("hello"));
    assert_eq!(call("base64decode", vec![s("%%%")]), Val::Error);
    assert_eq!(
        call("sha256", vec![s("")]),
        s("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
    assert_eq!(call("urlencode", vec![s("a b&c")]), s("a+b%26c"));
    assert_eq!(
        call(
            "yamlencode",
            vec![obj(&[
                ("bar", s("baz")),
                (
                    "foo",
                    l(&[n(1.0), obj(&[("a", s("b")), ("c", s("d"))]), n(3.0)])
                )
            ])]
        ),
        s("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")
    );
    assert_eq!(
        call("yamlencode", vec![obj(&[("a", obj(&[("b", l(&[]))]))])]),
        s("\"a\":\n  \"b\": []\n")
    );
    assert_eq!(call("basename", vec![s("a/b/c.txt")]), s("c.txt"));
    assert_eq!(call("dirname", vec![s("a/b/c.txt")]), s("a/b"));
    assert_eq!(call("dirname", vec![s("c.txt")]), s("."));
}

#[test]
fn file_functions_stay_inside_the_roots() {
    let dir = std::env::temp_dir().join(format!("soc2gate-files-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("scan/sub")).unwrap();
    std::fs::write(dir.join("scan/sub/p.json"), "{\"a\":1}").unwrap();
    std::fs::write(dir.join("secret.txt"), "no").unwrap();
    let files = FileAccess::new(&dir, &["scan".to_string()]);
    let f = |name: &str, p: &str| super::call(name, vec![s(p)], &files);
    assert_eq!(f("file", "scan/sub/p.json"), s("{\"a\":1}"));
    assert_eq!(f("fileexists", "scan/sub/p.json"), Val::Bool(true));
    assert_eq!(f("fileexists", "scan/sub/none.json"), Val::Bool(false));
    // Missing inside the scan: Terraform fails. Outside: not looked at.
    assert_eq!(f("file", "scan/sub/none.json"), Val::Error);
    assert_eq!(f("file", "secret.txt"), Val::Unknown);
    assert_eq!(f("file", "scan/../secret.txt"), Val::Unknown);
    assert_eq!(f("fileexists", "/etc/passwd"), Val::Unknown);
    let none = FileAccess::default();
    assert_eq!(
        super::call("file", vec![s("scan/sub/p.json")], &none),
        Val::Unknown
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

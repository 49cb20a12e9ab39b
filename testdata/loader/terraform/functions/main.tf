# The function library, file functions inside the scan root, and function errors.
locals {
  names = ["b", "a", "", "b"]
}

resource "aws_iam_policy" "merged" {
  name = format("%s-%03d", "policy", 7)
  # An IAM policy assembled with merge and concat.
  policy = jsonencode(merge(
    { Version = "2012-10-17" },
    {
      Statement = concat(
        [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }],
        [for a in ["s3:PutObject", "s3:DeleteObject"] : { Effect = "Deny", Action = a, Resource = "*" }]
      )
    }
  ))
}

resource "t_x" "functions" {
  compacted    = compact(local.names)
  distinct     = distinct(local.names)
  sorted       = sort(distinct(compact(local.names)))
  flattened    = flatten([["a"], [["b"]], "c"])
  lookup       = lookup({ a = 1 }, "b", 2)
  element      = element(["x", "y"], 3)
  keys         = keys({ b = 1, a = 2 })
  values       = values({ b = 1, a = 2 })
  length       = length("héllo")
  contains     = contains(["a"], "a")
  coalesce     = coalesce("", null, "first")
  coalescelist = coalescelist([], ["x"])
  formatlist   = formatlist("%s=%d", ["a", "b"], [1, 2])
  split        = split("/", "a/b/c")
  replace      = replace("a-b", "/[-]/", "_")
  trims        = [trimspace("  x "), trimprefix("arn:x", "arn:"), trimsuffix("x.tf", ".tf")]
  substr       = substr("hello", 1, 3)
  conversions  = [tostring(1), tonumber("2"), tobool("true")]
  collections  = [tolist(["a"]), toset(["b", "a"]), tomap({ k = "v" })]
  zipmap       = zipmap(["a", "b"], [1, 2])
  range        = range(1, 4)
  numbers      = [min(3, 1), max(3, 1), abs(-2), ceil(1.2), floor(1.8)]
  prefixes     = [startswith("arn:aws", "arn:"), endswith("x.tf", ".tf")]
  regex        = regex("^(\\w+)-(\\d+)$", "web-12")
  regexall     = regexall("\\d", "a1b2")
  one          = one(["only"])
  reversed     = reverse(["a", "b"])
  union        = setunion(["b"], ["a", "b"])
  yaml         = yamlencode({ a = [1, "x"] })
  decoded      = jsondecode("{\"k\": true}")
  cidr         = cidrsubnet("10.0.0.0/16", 8, 3)
  lower_upper  = [lower("AbC"), upper("AbC")]
}

resource "t_x" "files" {
  policy   = file("${path.module}/policy.json")
  exists   = fileexists("${path.module}/policy.json")
  absent   = fileexists("${path.module}/nope.json")
  rendered = templatefile("${path.module}/templates/user_data.tpl", { name = "web", ports = [80, 443] })
  # Outside the scan root: not read, unknown.
  outside  = file("${path.module}/../../../../Cargo.toml")
  # Missing inside the root: Terraform fails; the value is unknown.
  missing  = file("${path.module}/nope.json")
}

resource "t_x" "errors" {
  bad_number   = tonumber("not a number")
  bad_index    = element([], 0)
  bad_regex    = regex("(", "x")
  no_match     = regex("z", "abc")
  missing_func = notafunction("x")
  provider_fn  = provider::aws::arn_parse("arn:aws:s3:::b")
  fine         = "still here"
}

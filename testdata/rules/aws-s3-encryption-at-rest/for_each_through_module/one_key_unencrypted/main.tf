# soc2gate-test: no findings
# The finding is in ../modules/lake, through `module "lake"` below.
module "lake" {
  source = "../modules/lake"
  buckets = {
    raw     = "acme-lake-raw"
    curated = "acme-lake-curated"
    scratch = "acme-lake-scratch"
  }
  unencrypted = ["scratch"]
}

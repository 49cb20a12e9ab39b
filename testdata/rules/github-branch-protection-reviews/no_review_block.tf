# No required_pull_request_reviews block: no review is required, so none is
# dismissed when stale and code owners need not review either.
resource "github_branch_protection" "main" { # expect: github-branch-protection-reviews, github-branch-protection-dismiss-stale, github-branch-protection-code-owners
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }
}

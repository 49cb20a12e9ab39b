variable "reviews" {
  type = number
}

# The review count comes from the caller's input.
resource "github_branch_protection" "main" {
  repository_id  = "app"
  pattern        = "main"
  enforce_admins = true
  required_pull_request_reviews {
    required_approving_review_count = var.reviews
  }
}

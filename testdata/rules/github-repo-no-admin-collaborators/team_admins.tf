# soc2gate-test: no findings
# Admin through a team; people get push (the default) or maintain.
resource "github_team_repository" "admins" {
  team_id    = "platform-admins"
  repository = "api"
  permission = "admin"
}

resource "github_repository_collaborator" "ana_push" {
  repository = "api"
  username   = "ana"
}

resource "github_repository_collaborator" "bo" {
  repository = "api"
  username   = "bo"
  permission = "maintain"
}

resource "github_repository_collaborator" "ana" {
  repository = "api"
  username   = "ana"
  permission = "admin" # expect: github-repo-no-admin-collaborators
}

resource "github_repository_collaborators" "web" {
  repository = "web"

  team {
    team_id    = "platform-admins"
    permission = "admin"
  }

  user {
    username   = "bo"
    permission = "push"
  }

  user {
    username   = "cy"
    permission = "admin" # expect: github-repo-no-admin-collaborators
  }
}

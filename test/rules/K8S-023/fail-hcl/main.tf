resource "kubernetes_role" "editor" {
  metadata {
    name      = "editor"
    namespace = "hrss-social-insurance"
  }
  rule {
    api_groups = [""]
    resources  = ["*"]
    verbs      = ["get", "list", "update"]
  }
}

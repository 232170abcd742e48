resource "kubernetes_stateful_set_v1" "db" {
  metadata {
    name      = "db"
    namespace = "hrss-social-insurance"
  }
  spec {
    service_name = "db"
    selector {
      match_labels = { app = "db" }
    }
    template {
      metadata = "db"
      spec {
        service_account_name            = "db"
        automount_service_account_token = false
        container = 42
      }
    }
  }
}

resource "kubernetes_namespace_v1" "hrss" {
  metadata {
    name = "hrss-social-insurance"
  }
}

resource "kubernetes_job_v1" "web" {
  metadata {
    name      = "web"
    namespace = kubernetes_namespace_v1.hrss.metadata[0].name
  }
  spec {
    selector {
      match_labels = { app = "web" }
    }
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
        service_account_name            = "web"
        automount_service_account_token = false
        security_context {
          run_as_non_root = true
          run_as_user     = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        dynamic "container" {
          for_each = "app"
          content {
            name = container.value
          }
        }
      }
    }
  }
}

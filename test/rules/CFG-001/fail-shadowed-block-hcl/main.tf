# hcl2json keeps the argument and drops the block: privileged = true was never seen.
resource "kubernetes_namespace_v1" "hrss" {
  metadata {
    name = "hrss-social-insurance"
  }
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = kubernetes_namespace_v1.hrss.metadata[0].name
  }
  spec {
    replicas = 2
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
        container {
          name              = "app"
          image             = "registry.xjbt.gov.cn/hrss/web:1.4.2@sha256:a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2beef"
          image_pull_policy = "Always"
          security_context = { privileged = false, allow_privilege_escalation = false, read_only_root_filesystem = true }
          security_context {
            privileged = true
          }
          resources {
            limits   = { cpu = "500m", memory = "512Mi" }
            requests = { cpu = "250m", memory = "256Mi" }
          }
        }
      }
    }
  }
}

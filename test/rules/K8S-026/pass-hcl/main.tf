# A fully hardened deployment written as plain HCL (btyun check --tf DIR).
# The namespace is a reference: unresolved, so K8S-020 (a "must not" rule) accepts it.
variable "replicas" {
  type    = number
  default = 2
}

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
    replicas = var.replicas
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
          security_context {
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            capabilities {
              drop = ["ALL"]
            }
          }
          resources {
            limits   = { cpu = "500m", memory = "512Mi" }
            requests = { cpu = "250m", memory = "256Mi" }
          }
          port {
            container_port = 8080
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
        }
      }
    }
  }
}

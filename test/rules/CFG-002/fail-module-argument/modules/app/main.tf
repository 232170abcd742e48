variable "privileged" {
  type    = bool
  default = false
}

resource "kubernetes_pod_v1" "app" {
  metadata {
    name      = "app"
    namespace = "hrss-social-insurance"
  }
  spec {
    container {
      name  = "app"
      image = "registry.xjbt.gov.cn/hrss/web:1.4.2@sha256:a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2beef"
      security_context {
        privileged = var.privileged
      }
    }
  }
}

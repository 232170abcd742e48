variable "privileged" {
  type = bool
}

resource "kubernetes_pod" "debug" {
  metadata {
    name      = "debug"
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

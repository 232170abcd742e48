variable "namespace" {
  type = string
}

resource "kubernetes_pod_v1" "web" {
  metadata {
    name      = "web"
    namespace = var.namespace
  }
  spec {
    container {
      name  = "app"
      image = "registry.xjbt.gov.cn/hrss/web:1.4.2"
    }
  }
}

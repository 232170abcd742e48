# Provider v1 style: limits and requests as nested blocks, not maps.
resource "kubernetes_deployment" "web" {
  metadata {
    name      = "web"
    namespace = "hrss-social-insurance"
  }
  spec {
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
        container {
          name  = "app"
          image = "registry.xjbt.gov.cn/hrss/web:1.4.2"
          resources {
            limits {
              cpu = "500m"
            }
            requests {
              cpu    = "250m"
              memory = "256Mi"
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "probe" {
  metadata {
    name      = "probe"
    namespace = "hrss-social-insurance"
  }
  spec {
    container {
      name  = "probe"
      image = "registry.xjbt.gov.cn/hrss/probe:2.1"
      port {
        container_port = 9100
        host_port      = 9100
      }
    }
  }
}

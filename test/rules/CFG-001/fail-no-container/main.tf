resource "kubernetes_pod_v1" "job" {
  metadata {
    name      = "job"
    namespace = "hrss-social-insurance"
  }
  spec {
    service_account_name            = "job"
    automount_service_account_token = false
  }
}

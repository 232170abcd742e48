module "web" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.8.4"
}

resource "kubernetes_namespace_v1" "hrss" {
  metadata {
    name = "hrss-social-insurance"
  }
}

variable "namespace" {
  default = "hrss-social-insurance"
}

module "web" {
  source    = "./modules/web"
  namespace = var.namespace
}

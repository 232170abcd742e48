variable "privileged" {
  type = bool
}

module "app" {
  source     = "./modules/app"
  privileged = var.privileged
}

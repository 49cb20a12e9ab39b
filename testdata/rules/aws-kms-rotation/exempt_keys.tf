# soc2gate-test: no findings
# Keys AWS cannot rotate automatically: asymmetric and HMAC keys, and a key in a custom
# key store.
resource "aws_kms_key" "signing" {
  description              = "Signs release artifacts"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "envelope" {
  description              = "Encrypts small payloads for partners"
  customer_master_key_spec = "RSA_4096"
  key_usage                = "ENCRYPT_DECRYPT"
}

resource "aws_kms_key" "tokens" {
  description              = "Signs session tokens"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

resource "aws_kms_key" "hsm" {
  description         = "Key material in our CloudHSM cluster"
  custom_key_store_id = "cks-0a1b2c3d4e5f67890"
}

#!/usr/bin/env bash
# Creates the five key sets of Veilig Melden as Key Vault secrets, each
#   { "active": "<kid>", "keys": { "<kid>": "<base64 of 32 random bytes>" } }
# named <prefix>-content, -identity, -address, -relay, -pseudonym, -exclusion. A secret that already exists is
# left alone (re-running never replaces keys: data sealed with them would be lost).
#
#   VAULT_NAME=<vault> [KEY_VAULT_SECRET_PREFIX=vm-keys] infra/scripts/create-key-sets.sh
#
# Needs: az (logged in, with "Key Vault Secrets Officer" on the vault) and python3 or openssl.
# The key material goes from this process to Key Vault through a temporary file (mode 0600,
# removed at exit); it is never printed or passed on a command line.
# infra/modules/keyVault.bicep runs this same script as a deployment script on first deployment.
set -euo pipefail

: "${VAULT_NAME:?set VAULT_NAME to the Key Vault name}"
PREFIX="${KEY_VAULT_SECRET_PREFIX:-vm-keys}"
KID="k$(date -u +%Y%m%d)"

random_key() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())'
  else
    openssl rand -base64 32
  fi
}

umask 077
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

for purpose in content identity address relay pseudonym exclusion; do
  name="$PREFIX-$purpose"
  if az keyvault secret show --vault-name "$VAULT_NAME" --name "$name" --query id --output none 2>/dev/null; then
    echo "$name: exists, left as it is"
    continue
  fi
  printf '{"active":"%s","keys":{"%s":"%s"}}' "$KID" "$KID" "$(random_key)" > "$tmp"
  az keyvault secret set --vault-name "$VAULT_NAME" --name "$name" --file "$tmp" --content-type application/json --output none
  echo "$name: created with key id $KID"
done

#!/usr/bin/env bash
# Makes a throwaway CA and certificates for trying https on one machine (and for the tests,
# which run this same script into a temporary directory). Nothing here is secret or lasting:
# keys are unencrypted, the CA lives in DIR only.
#
#   Scenarios/tls/make-certs.sh DIR
#
# DIR gets:
#   ca.pem, ca.key                 the throwaway CA (trust it with --cacert DIR/ca.pem)
#   server.pem, server.key         for 127.0.0.1, ::1 and localhost, signed by the CA
#   expired.pem, expired.key       the same names, signed by the CA, expired in 2020
#   wrong-host.pem, wrong-host.key signed by the CA for wrong.example only
#   self-signed.pem, self-signed.key  for 127.0.0.1 and localhost, signed by itself
#   client.pem, client.key         a client certificate signed by the CA (mutual TLS)
#   other-ca.pem, other-client.pem, other-client.key  a client certificate from another CA
#
# Then, for example:
#   airudder-sim receive --port 8443 --tls-cert DIR/server.pem --tls-key DIR/server.key
#   airudder-sim run Scenarios/smoke.json --url https://127.0.0.1:8443/ --cacert DIR/ca.pem
set -euo pipefail
dir=${1:?usage: make-certs.sh DIR}
mkdir -p "$dir"
cd "$dir"
days=30

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# The CA (and another one, whose client certificates the receiver must refuse).
for ca in ca other-ca; do
  key "$ca.key"
  openssl req -x509 -new -key "$ca.key" -sha256 -days "$days" -subj "/CN=airudder-sim throwaway $ca" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$ca.pem"
done

# sign NAME CA SUBJECT_ALT_NAMES EXTENDED_KEY_USAGE [START END]: NAME.key and NAME.pem.
sign() {
  local name=$1 ca=$2 san=$3 usage=$4
  key "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$name" -out "$name.csr"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\n%s\n' \
    "$usage" "${san:+subjectAltName=$san}" >"$name.ext"
  if [ $# -ge 6 ]; then
    # A validity in the past needs `openssl ca` (x509 -req only counts days from now).
    mkdir -p ca-db && : >ca-db/index.txt && echo 01 >ca-db/serial
    cat >ca-db/ca.cnf <<CNF
[ca]
default_ca = throwaway
[throwaway]
database = ca-db/index.txt
serial = ca-db/serial
new_certs_dir = ca-db
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[anything]
commonName = supplied
CNF
    openssl ca -batch -config ca-db/ca.cnf -cert "$ca.pem" -keyfile "$ca.key" -in "$name.csr" -out "$name.pem" \
      -startdate "$5" -enddate "$6" -extfile "$name.ext" -notext 2>/dev/null
    rm -rf ca-db
  else
    openssl x509 -req -in "$name.csr" -CA "$ca.pem" -CAkey "$ca.key" -CAcreateserial -days "$days" -sha256 \
      -extfile "$name.ext" -out "$name.pem" 2>/dev/null
  fi
  rm -f "$name.csr" "$name.ext"
}

local_names="IP:127.0.0.1,IP:::1,DNS:localhost"
sign server ca "$local_names" serverAuth
sign expired ca "$local_names" serverAuth 20200101000000Z 20200201000000Z
sign wrong-host ca "DNS:wrong.example" serverAuth
sign client ca "" clientAuth
sign other-client other-ca "" clientAuth
key self-signed.key
openssl req -x509 -new -key self-signed.key -sha256 -days "$days" -subj "/CN=self-signed" \
  -addext "subjectAltName=$local_names" -out self-signed.pem
rm -f ./*.srl
echo "certificates in $dir: trust them with --cacert $dir/ca.pem"

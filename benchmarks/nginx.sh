# Sourced by the benchmark scripts: installs nginx if needed and starts one answering `{}`
# to every request, with one worker, until `stop_nginx`: plain http on 127.0.0.1:$NGINX_PORT
# and https on 127.0.0.1:$NGINX_TLS_PORT with a self-signed certificate for 127.0.0.1
# ($NGINX_CERT, which clients trust with `--cacert $NGINX_CERT`), TLS 1.2 and 1.3, session
# tickets and a session cache (so reconnecting clients can resume).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
NGINX_PORT=${NGINX_PORT:-$(free_port)}
NGINX_TLS_PORT=${NGINX_TLS_PORT:-$(free_port)}
if ! command -v nginx >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq nginx-light >/dev/null
fi
nginx_dir=$(mktemp -d)
chmod 755 "$nginx_dir"
NGINX_CERT=$nginx_dir/cert.pem
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$nginx_dir/key.pem" -out "$NGINX_CERT" \
  -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
cat >"$nginx_dir/nginx.conf" <<CONF
worker_processes 1;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $nginx_dir/body;
  keepalive_requests 10000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { default_type application/json; return 200 '{}'; }
  }
  server {
    listen 127.0.0.1:$NGINX_TLS_PORT ssl;
    ssl_certificate $NGINX_CERT;
    ssl_certificate_key $nginx_dir/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:SSL:10m;
    ssl_session_tickets on;
    location / { default_type application/json; return 200 '{}'; }
  }
}
CONF
nginx -c "$nginx_dir/nginx.conf"
stop_nginx() { nginx -c "$nginx_dir/nginx.conf" -s stop 2>/dev/null; rm -rf "$nginx_dir"; }
trap stop_nginx EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done
for _ in $(seq 50); do curl -s -o /dev/null --cacert "$NGINX_CERT" "https://127.0.0.1:$NGINX_TLS_PORT/" && break; sleep 0.1; done

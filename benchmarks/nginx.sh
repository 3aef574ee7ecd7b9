# Sourced by the benchmark scripts: installs nginx if needed and starts one answering `{}`
# to every request on 127.0.0.1:$NGINX_PORT, with one worker, until `stop_nginx`.
NGINX_PORT=${NGINX_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
if ! command -v nginx >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq nginx-light >/dev/null
fi
nginx_dir=$(mktemp -d)
chmod 755 "$nginx_dir"
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
}
CONF
nginx -c "$nginx_dir/nginx.conf"
stop_nginx() { nginx -c "$nginx_dir/nginx.conf" -s stop 2>/dev/null; rm -rf "$nginx_dir"; }
trap stop_nginx EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done

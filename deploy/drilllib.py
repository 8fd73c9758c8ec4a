"""The drill's machinery: checks, a scratch PostgreSQL cluster, the processes it
starts (and stops), a local SMTP sink, and reading README.md and .env.example."""

import os
import re
import shutil
import socket
import socketserver
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

PG_BIN = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1])
AS_ROOT = os.geteuid() == 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Checks:
    """Each check prints its result; the first that fails stops the drill."""

    class Failed(Exception):
        pass

    def __init__(self) -> None:
        self.passed: list[str] = []
        self.started = time.monotonic()

    def expect(self, name: str, ok: bool, detail: Any = "") -> None:
        if not ok:
            print(f"FAIL {name}: {detail}", flush=True)
            raise self.Failed(f"{name}: {detail}")
        print(f"ok   {time.monotonic() - self.started:5.1f}s  {name}", flush=True)
        self.passed.append(name)


def production_commands(readme: Path) -> list[str]:
    """The commands between <!-- drill:start --> and <!-- drill:end --> in the
    README, one a line, comments and blank lines left out."""
    text = readme.read_text()
    block = text.split("<!-- drill:start -->", 1)[1].split("<!-- drill:end -->", 1)[0]
    commands = []
    for line in block.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith(("```", "#")):
            commands.append(line)
    return commands


def read_env_example(path: Path) -> list[str]:
    return [
        line.split("=", 1)[0].strip()
        for line in path.read_text().splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    ]


class Services:
    """The processes the drill starts, their logs, and stopping them all."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.logs: dict[str, Path] = {}
        self.app_servers: list[str] = []
        self.closers: list[Callable[[], None]] = []
        self.certificate = scratch / "tls" / "cert.pem"

    def start(
        self,
        name: str,
        command: list[str],
        *,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        app_server: bool = False,
    ) -> None:
        log = self.scratch / f"{name}.log"
        handle = log.open("wb")
        self.processes[name] = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT
        )
        self.logs[name] = log
        if app_server:
            self.app_servers.append(name)

    def add_closer(self, closer: Callable[[], None]) -> None:
        self.closers.append(closer)

    def stop(self) -> None:
        for closer in reversed(self.closers):
            closer()
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def wait_http(self, port: int, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/healthz", headers={"Host": "rooted.example.org"}
                )
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"nothing answered /healthz on port {port} in {seconds} s")

    def start_nginx(
        self,
        site: Path,
        host: str,
        https_port: int,
        http_port: int,
        app_ports: list[int],
        media: Path,
    ) -> None:
        """deploy/nginx.conf as shipped, with the drill's ports, certificate and
        media folder in place of the examples, under a minimal main config."""
        tls = self.certificate.parent
        tls.mkdir()
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", f"/CN={host}", "-addext", f"subjectAltName=DNS:{host}",
             "-keyout", str(tls / "key.pem"), "-out", str(self.certificate)],
            check=True, capture_output=True,
        )  # fmt: skip
        media.mkdir(parents=True, exist_ok=True)
        text = site.read_text()
        replacements = {
            "listen 80;": f"listen 127.0.0.1:{http_port};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
            f"/etc/letsencrypt/live/{host}/fullchain.pem": str(self.certificate),
            f"/etc/letsencrypt/live/{host}/privkey.pem": str(tls / "key.pem"),
            "/var/lib/rooted/media/": f"{media}/",
            "127.0.0.1:8001": f"127.0.0.1:{app_ports[0]}",
            "127.0.0.1:8002": f"127.0.0.1:{app_ports[1]}",
        }
        for example, value in replacements.items():
            assert example in text, example
            text = text.replace(example, value)
        # The drill listens on the loopback only; IPv6 may not exist where it runs.
        text = re.sub(r"\n\s*listen \[::\]:[^\n]*", "", text)
        (self.scratch / "rooted.conf").write_text(text)
        nginx = self.scratch / "nginx"
        nginx.mkdir()
        main = f"""
daemon off;
worker_processes 1;
pid {nginx}/nginx.pid;
error_log {self.scratch}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {nginx}/body;
    proxy_temp_path {nginx}/proxy;
    fastcgi_temp_path {nginx}/fastcgi;
    uwsgi_temp_path {nginx}/uwsgi;
    scgi_temp_path {nginx}/scgi;
    include {self.scratch}/rooted.conf;
}}
"""
        (self.scratch / "nginx-main.conf").write_text(main)
        nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
        test = subprocess.run(
            [nginx_bin, "-t", "-c", str(self.scratch / "nginx-main.conf")],
            capture_output=True, text=True,
        )  # fmt: skip
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t: {test.stderr}")
        self.start("nginx", [nginx_bin, "-c", str(self.scratch / "nginx-main.conf")])
        self.logs["nginx-error"] = self.scratch / "nginx-error.log"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", https_port)) == 0:
                    return
            time.sleep(0.2)
        raise RuntimeError("nginx did not start")

    def _log_text(self, name: str) -> str:
        path = self.logs[name]
        return path.read_text(errors="replace") if path.exists() else ""

    def server_errors(self) -> list[str]:
        """Django logs every 5xx response on django.request at ERROR."""
        found = []
        for name in self.app_servers:
            found += [
                f"{name}: {line}"
                for line in self._log_text(name).splitlines()
                if re.search(r"(Internal Server Error|Service Unavailable|Bad Gateway):", line)
            ]
        return found

    def tracebacks(self) -> list[str]:
        return [
            name
            for name in self.logs
            if "Traceback (most recent call last)" in self._log_text(name)
            or (name.startswith("postgres") and "PANIC" in self._log_text(name))
        ]

    def show_logs(self) -> None:
        for name in self.logs:
            text = self._log_text(name)
            if text.strip():
                print(f"\n--- {name} (last 60 lines)\n" + "\n".join(text.splitlines()[-60:]))


class Cluster:
    """A PostgreSQL cluster of the drill's own, in a scratch folder, on its own port:
    a primary (initdb) or a streaming replica of one (pg_basebackup)."""

    def __init__(self, directory: Path, port: int, services: Services, name: str = "primary"):
        self.directory = directory
        self.port = port
        self.services = services
        self.name = name

    def _as_postgres(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command] if AS_ROOT else command

    def _own(self, path: Path) -> None:
        if AS_ROOT:
            shutil.chown(path, "postgres", "postgres")

    def run(self, command: list[str], chown: Path | None = None) -> str:
        if chown is not None:
            self._own(chown)
        binary = PG_BIN / command[0]
        full = [str(binary), *command[1:], "--host", "127.0.0.1", "--port", str(self.port),
                "--username", "postgres"]  # fmt: skip
        result = subprocess.run(self._as_postgres(full), capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {result.stderr}")
        return result.stdout

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self.run(["psql", "--no-psqlrc", "-At", "-d", database, "-c", sql])

    def init(self) -> None:
        self._own(self.directory.parent)
        self.directory.mkdir()
        self._own(self.directory)
        subprocess.run(
            self._as_postgres([str(PG_BIN / "initdb"), "-D", str(self.directory), "-A", "trust",
                               "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"]),
            check=True, capture_output=True,
        )  # fmt: skip

    def start(self) -> None:
        command = [
            str(PG_BIN / "postgres"), "-D", str(self.directory), "-p", str(self.port),
            "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.directory}",
            "-c", "fsync=off", "-c", "wal_level=replica", "-c", "max_wal_senders=4",
            "-c", "shared_buffers=32MB",
        ]  # fmt: skip
        self.services.start(f"postgres-{self.name}", self._as_postgres(command))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [
                    str(PG_BIN / "pg_isready"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "-q",
                    "-U",
                    "postgres",
                ]
            )
            if ready.returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL ({self.name}) did not start")

    def stop(self) -> None:
        process = self.services.processes[f"postgres-{self.name}"]
        process.terminate()
        process.wait(timeout=30)

    def basebackup(self, replica: "Cluster") -> None:
        """A streaming replica of this cluster: pg_basebackup with -R writes its
        standby.signal and primary_conninfo."""
        replica.directory.mkdir(mode=0o700)
        self._own(replica.directory)
        self.run(["pg_basebackup", "-D", str(replica.directory), "-R", "-X", "stream",
                  "--checkpoint=fast"])  # fmt: skip

    def wait_for_replay(self, primary: "Cluster", seconds: float = 30) -> None:
        target = primary.psql("SELECT pg_current_wal_lsn()").strip()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            caught_up = self.psql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")
            if caught_up.strip() == "t":
                return
            time.sleep(0.2)
        raise RuntimeError("the replica did not catch up")

    def app_queries(self) -> list[str]:
        """What the app's connections to this cluster last ran."""
        rows = self.psql(
            "SELECT query FROM pg_stat_activity WHERE datname = 'rooted' "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return [row for row in rows.splitlines() if row.strip()]


class _SmtpHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        sink: SmtpSink = self.server.sink  # type: ignore[attr-defined]
        self.wfile.write(b"220 drill SMTP sink\r\n")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-drill\r\n250 8BITMIME\r\n")
            elif verb == "DATA":
                self.wfile.write(b"354 end with .\r\n")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                sink.receive(b"".join(lines))
                self.wfile.write(b"250 queued\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


class SmtpSink:
    """A local SMTP server that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
        self.server.sink = self  # type: ignore[attr-defined]
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.lock = threading.Lock()

    def receive(self, message: bytes) -> None:
        with self.lock:
            self.messages.append(message)

    def wait_for(self, needle: str, seconds: float = 20) -> str:
        """The first message (decoded) containing `needle`."""
        import email
        from email import policy

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self.lock:
                messages = list(self.messages)
            for raw in messages:
                parsed = email.message_from_bytes(raw, policy=policy.default)
                body = parsed.get_body(preferencelist=("plain",))
                text = f"{parsed['To']}\n{body.get_content() if body else ''}"
                if needle in text:
                    return text
            time.sleep(0.2)
        raise RuntimeError(f"no email with {needle!r} reached the sink")

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

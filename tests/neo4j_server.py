"""Start and stop a real Neo4j 5.26 LTS server for the test suite.

The server is the small Java launcher in ``tools/neo4j-server`` (Neo4j's own
``neo4j-harness`` plus the ``neo4j-browser`` static files, all from Maven
Central).  This module:

* builds the launcher once with Maven (artifacts are cached in ``~/.m2``, so
  later builds are offline and fast; a file lock keeps parallel test processes
  from building at the same time),
* picks free loopback ports, starts ``java geokg.Neo4jTestServer`` with a
  throw-away data directory and waits for its ``READY`` line,
* stops it again (terminate, wait, kill on timeout).

It has no pytest dependency: ``tests/conftest_neo4j.py`` wraps it in fixtures,
and it can be used by hand::

    from tests.neo4j_server import start_neo4j
    with start_neo4j() as server:
        print(server.bolt_uri, server.browser_url)

Environment knobs:

* ``GEOKG_NEO4J_STARTUP_TIMEOUT`` seconds to wait for READY (default 180).
* ``GEOKG_NEO4J_JAVA_OPTS`` replaces the default JVM options (split on spaces).
* ``JAVA_HOME`` selects the JVM (otherwise ``java`` on PATH).
"""

from __future__ import annotations

import atexit
import os
import queue
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX only; without it the build simply runs unlocked.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

REPO_ROOT = Path(__file__).resolve().parent.parent
LAUNCHER_DIR = REPO_ROOT / "tools" / "neo4j-server"
POM = LAUNCHER_DIR / "pom.xml"
TARGET_DIR = LAUNCHER_DIR / "target"
LAUNCHER_JAR = TARGET_DIR / "neo4j-test-server-1.0.0.jar"  # artifactId-version in pom.xml
CLASSPATH_FILE = TARGET_DIR / "classpath.txt"
# Touched after each successful build: Maven leaves classpath.txt (and an unchanged jar)
# with their old mtimes, so those can't tell whether the sources changed since.
BUILD_STAMP = TARGET_DIR / ".build-stamp"
BUILD_LOCK = TARGET_DIR / ".build.lock"  # target/ is build output (gitignored)
MAIN_CLASS = "geokg.Neo4jTestServer"

MIN_JAVA = 17
DEFAULT_STARTUP_TIMEOUT = 180.0
BUILD_TIMEOUT = 1800.0  # first build downloads ~150 MB from Maven Central
STOP_TIMEOUT = 30.0

# What Neo4j's own start script passes on Java 17 (avoids the slower fallback paths it
# warns about otherwise), a bounded heap, and C1-only JIT + serial GC, which start a
# short-lived test server noticeably faster on small CI machines.
DEFAULT_JAVA_OPTS = [
    "-Xmx1g",
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]

_READY_RE = re.compile(r"^READY (bolt://\S+) (http://\S+)\s*$")


class Neo4jServerError(RuntimeError):
    """The launcher could not be built or the server did not come up."""


# --------------------------------------------------------------------------- prerequisites


def java_executable() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("java")


def java_version(java: str | None = None) -> int | None:
    """Major version of ``java`` (e.g. 17), or None if it can't be run."""
    java = java or java_executable()
    if not java:
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    # e.g. 'openjdk version "17.0.15" 2025-04-15' or 'java version "1.8.0_392"'
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        return None
    major = int(match.group(1))
    if major == 1 and match.group(2):  # 1.8 -> 8
        major = int(match.group(2))
    return major


def java_available() -> bool:
    """True if a Java >= 17 runtime is available to run Neo4j 5.26."""
    version = java_version()
    return version is not None and version >= MIN_JAVA


def maven_executable() -> str | None:
    return shutil.which("mvn")


def javac_executable() -> str | None:
    """Building the launcher needs a JDK (javac), not just a JRE."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "javac").is_file():
        return str(Path(java_home) / "bin" / "javac")
    return shutil.which("javac")


def launcher_is_built() -> bool:
    """The launcher jar and its classpath exist, are newer than their sources, and every
    classpath entry is still present (``~/.m2`` may have been wiped)."""
    if not (LAUNCHER_JAR.is_file() and CLASSPATH_FILE.is_file() and BUILD_STAMP.is_file()):
        return False
    built = BUILD_STAMP.stat().st_mtime
    sources = [POM, *sorted((LAUNCHER_DIR / "src").rglob("*"))]
    if any(p.is_file() and p.stat().st_mtime > built for p in sources):
        return False
    entries = [e for e in CLASSPATH_FILE.read_text().strip().split(os.pathsep) if e]
    return bool(entries) and all(Path(e).exists() for e in entries)


def missing_prerequisites() -> str | None:
    """A human-readable reason the server can't be started here, or None if it can."""
    version = java_version()
    if version is None:
        return "no Java runtime found (java on PATH or $JAVA_HOME)"
    if version < MIN_JAVA:
        return f"Java {version} found, Neo4j 5.26 needs Java {MIN_JAVA}+"
    if not launcher_is_built():
        if not maven_executable():
            return "Maven (mvn) not found and the launcher in tools/neo4j-server is not built"
        if not javac_executable():
            return "no javac (a JRE, not a JDK) and the launcher in tools/neo4j-server is not built"
    return None


# --------------------------------------------------------------------------------- build


@contextmanager
def _build_lock() -> Iterator[None]:
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    with open(BUILD_LOCK, "a+") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def build_launcher(force: bool = False) -> list[str]:
    """Build tools/neo4j-server if needed; return the java classpath as a list."""
    with _build_lock():  # checked under the lock: another process may be mid-build
        if force or not launcher_is_built():
            mvn = maven_executable()
            if not mvn:
                raise Neo4jServerError("Maven (mvn) is needed to build tools/neo4j-server")
            cmd = [
                mvn,
                "-q",
                "-B",
                "-f",
                str(POM),
                "package",
                "dependency:build-classpath",
                f"-Dmdep.outputFile={CLASSPATH_FILE}",
            ]
            started = time.monotonic()
            BUILD_STAMP.unlink(missing_ok=True)
            try:
                result = subprocess.run(
                    cmd,
                    cwd=LAUNCHER_DIR,
                    capture_output=True,
                    text=True,
                    timeout=BUILD_TIMEOUT,
                    stdin=subprocess.DEVNULL,
                )
            except subprocess.TimeoutExpired as exc:
                raise Neo4jServerError(
                    f"Maven build of tools/neo4j-server timed out after {BUILD_TIMEOUT:.0f}s"
                ) from exc
            if result.returncode == 0:
                BUILD_STAMP.touch()
            if result.returncode != 0 or not launcher_is_built():
                raise Neo4jServerError(
                    f"Maven build failed (exit {result.returncode}): {' '.join(cmd)}\n"
                    f"{_tail(result.stdout + result.stderr)}"
                )
            build_launcher.last_build_seconds = time.monotonic() - started  # type: ignore[attr-defined]
        entries = CLASSPATH_FILE.read_text().strip().split(os.pathsep)
    return [str(LAUNCHER_JAR), *[e for e in entries if e]]


# -------------------------------------------------------------------------------- server


def free_port() -> int:
    """A port free on 127.0.0.1 right now (the OS may hand it out again; see retries)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(text: str, limit: int = 8000) -> str:
    return text if len(text) <= limit else "...\n" + text[-limit:]


class Neo4jServer:
    """A running Neo4j started by :func:`start_neo4j`. Call :meth:`stop` when done."""

    def __init__(
        self,
        process: subprocess.Popen,
        bolt_uri: str,
        http_uri: str,
        work_dir: Path,
        stderr_path: Path,
        startup_seconds: float,
    ) -> None:
        self.process = process
        self.bolt_uri = bolt_uri  # e.g. bolt://127.0.0.1:41234
        self.http_uri = http_uri  # e.g. http://127.0.0.1:41235
        self.browser_url = http_uri.rstrip("/") + "/browser/"
        self.work_dir = work_dir
        self.stderr_path = stderr_path
        self.startup_seconds = startup_seconds
        self._stopped = False
        atexit.register(self.stop)  # safety net if a caller forgets

    @property
    def bolt_port(self) -> int:
        return int(self.bolt_uri.rsplit(":", 1)[1])

    @property
    def http_port(self) -> int:
        return int(self.http_uri.rsplit(":", 1)[1])

    def is_running(self) -> bool:
        return self.process.poll() is None

    def stderr_text(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stop the server (idempotent): close stdin + SIGTERM, wait, SIGKILL on timeout."""
        if self._stopped:
            return
        self._stopped = True
        _stop_process(self.process, timeout)
        atexit.unregister(self.stop)
        shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> Neo4jServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"Neo4jServer(bolt_uri={self.bolt_uri!r}, http_uri={self.http_uri!r})"


def _stop_process(process: subprocess.Popen, timeout: float) -> None:
    if process.poll() is None:
        # Either signal makes the launcher close the store cleanly (~1 s).
        try:
            if process.stdin:
                process.stdin.close()
        except OSError:
            pass
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)
    for stream in (process.stdin, process.stdout):
        try:
            if stream:
                stream.close()
        except OSError:
            pass


def _launch_once(classpath: list[str], java_opts: list[str], timeout: float) -> Neo4jServer:
    java = java_executable()
    if not java:
        raise Neo4jServerError("no Java runtime found (java on PATH or $JAVA_HOME)")
    work_dir = Path(tempfile.mkdtemp(prefix="geokg-neo4j-"))
    stderr_path = work_dir / "server.stderr.log"
    bolt_port = free_port()
    http_port = free_port()
    while http_port == bolt_port:
        http_port = free_port()
    # The classpath (~240 jars) goes in a java @argfile: keeps the command line (ps, error
    # messages) short.
    argfile = work_dir / "classpath.args"
    cp = os.pathsep.join(classpath).replace("\\", "\\\\").replace('"', '\\"')
    argfile.write_text(f'-cp "{cp}"\n')
    cmd = [
        java,
        *java_opts,
        f"@{argfile}",
        MAIN_CLASS,
        "--bolt-port",
        str(bolt_port),
        "--http-port",
        str(http_port),
        "--dir",
        str(work_dir / "neo4j"),
    ]
    started = time.monotonic()
    # stderr goes to a file, not a pipe, so a chatty server can never block on it.
    with open(stderr_path, "wb") as stderr_file:
        process = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr_file,
            cwd=work_dir,
            text=True,
            bufsize=1,
        )

    # Read stdout in a thread so the wait below can time out; keep draining afterwards.
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)  # EOF

    threading.Thread(target=pump, name="neo4j-stdout", daemon=True).start()

    deadline = started + timeout
    seen: list[str] = []
    failure = None
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            failure = f"no READY line within {timeout:.0f}s"
            break
        try:
            line = lines.get(timeout=min(remaining, 1.0))
        except queue.Empty:
            continue
        if line is None:
            process.wait(timeout=STOP_TIMEOUT)
            failure = f"server exited with code {process.returncode} before READY"
            break
        match = _READY_RE.match(line)
        if match:
            return Neo4jServer(
                process,
                match.group(1),
                match.group(2),
                work_dir,
                stderr_path,
                time.monotonic() - started,
            )
        seen.append(line)

    _stop_process(process, 10.0)
    try:
        stderr = stderr_path.read_text(errors="replace")
    except OSError:
        stderr = ""
    # The data dir is kept on failure: Neo4j's own logs are under work_dir/neo4j/*/logs.
    error = Neo4jServerError(
        f"Neo4j test server failed to start: {failure}\n"
        f"command: {' '.join(cmd)}\n"
        f"work dir (kept for its logs): {work_dir}\n"
        f"--- stdout ---\n{_tail(''.join(seen), 2000)}\n"
        f"--- stderr ---\n{_tail(stderr)}"
    )
    error.work_dir = work_dir  # type: ignore[attr-defined]
    raise error


def start_neo4j(
    startup_timeout: float | None = None,
    java_opts: list[str] | None = None,
    attempts: int = 3,
) -> Neo4jServer:
    """Build the launcher if needed and start a fresh, empty Neo4j on free loopback ports.

    Auth is disabled: connect with ``neo4j.GraphDatabase.driver(server.bolt_uri, auth=None)``.
    Retries a couple of times if a picked port was grabbed by someone else meanwhile.
    """
    if startup_timeout is None:
        startup_timeout = float(
            os.environ.get("GEOKG_NEO4J_STARTUP_TIMEOUT", DEFAULT_STARTUP_TIMEOUT)
        )
    if java_opts is None:
        env_opts = os.environ.get("GEOKG_NEO4J_JAVA_OPTS")
        java_opts = env_opts.split() if env_opts is not None else list(DEFAULT_JAVA_OPTS)
    classpath = build_launcher()
    for attempt in range(1, attempts + 1):
        try:
            return _launch_once(classpath, java_opts, startup_timeout)
        except Neo4jServerError as exc:
            port_clash = "Address already in use" in str(exc) or "BindException" in str(exc)
            if not port_clash or attempt == attempts:
                raise
            shutil.rmtree(getattr(exc, "work_dir", ""), ignore_errors=True)
    raise AssertionError("unreachable")  # pragma: no cover


if __name__ == "__main__":  # manual check: python -m tests.neo4j_server
    t0 = time.monotonic()
    srv = start_neo4j()
    print(
        f"{srv!r} browser={srv.browser_url} up in {srv.startup_seconds:.1f}s "
        f"(total {time.monotonic() - t0:.1f}s incl. build check)"
    )
    t1 = time.monotonic()
    srv.stop()
    print(f"stopped in {time.monotonic() - t1:.1f}s")

"""The plugin's one Spark Connect session: connecting, Spark errors as opsbench errors,
progress from Spark's stages, and Ctrl-C as an interrupt of the running Spark jobs."""
import os
import threading
import uuid

from opsbench_plugin import Cancelled, CommandError

DEFAULT_URL = "sc://localhost:15002"
START_HINT = ("start a local server with scripts/spark/start, or name one: spark connect sc://HOST:PORT",
              "用 scripts/spark/start 启动本地服务器，或指定一个：spark connect sc://主机:端口")
SETUP_HINT = ("install the client: scripts/spark/setup (a venv under ~/.cache/opsbench)",
              "安装客户端：scripts/spark/setup（虚拟环境在 ~/.cache/opsbench 下）")


def _spark_modules():
    """pyspark's Connect session class and its exception base, imported on first use (it takes seconds)."""
    os.environ.setdefault("SPARK_CONNECT_MODE_ENABLED", "1")  # pyspark.ml then talks Connect, not a local JVM
    import logging
    logging.getLogger("pyspark").setLevel(logging.CRITICAL)  # Spark's errors come back as protocol errors
    try:
        from pyspark.errors import PySparkException
        from pyspark.sql.connect.client.retries import DefaultPolicy
        from pyspark.sql.connect.session import SparkSession
    except ImportError as error:
        raise CommandError(f"pyspark is not installed for {os.sys.executable}: {error}", hint=SETUP_HINT[0], code="plugin")
    return SparkSession, PySparkException, DefaultPolicy


def spark_message(error):
    """The first line of Spark's own message (no query plan, no JVM stack trace), and its error class."""
    text = str(error).split("\n\nJVM stacktrace:")[0].strip().split("\n")[0]
    condition = getattr(error, "getCondition", None) or getattr(error, "getErrorClass", None)
    try:
        condition = condition() if condition else None
    except Exception:  # some client-side errors carry no class
        condition = None
    return text, condition or ""


class Connection:
    """One Spark Connect session for the plugin's life (the plugin is kept alive for the opsbench session)."""

    def __init__(self):
        self.url = os.environ.get("OPSBENCH_SPARK_URL") or DEFAULT_URL
        self.session = None
        self._lock = threading.Lock()
        self._progress = None
        self._scratch = []

    def scratch_view(self, frame):
        """Registers `frame` as a temporary view for this call's SQL; dropped when the call ends."""
        view = "opsbench_scratch_" + uuid.uuid4().hex[:12]
        frame.createOrReplaceTempView(view)
        self._scratch.append(view)
        return view

    def connect(self, url=None):
        """The session for `url` (default: the current one), made on first use."""
        with self._lock:
            if url and url != self.url:
                self.close()
                self.url = url
            if self.session is not None:
                return self.session
            SparkSession, _, DefaultPolicy = _spark_modules()
            try:
                session = SparkSession.builder.remote(self.url).create()
                # fail in seconds, not after the client's default ten minutes of retries, when no server answers
                session._client.set_retry_policies([DefaultPolicy(max_retries=4, max_backoff=2000)])
                session.conf.set("spark.sql.session.timeZone", "UTC")
            except Exception as error:
                raise self.unreachable(error)
            session.registerProgressHandler(self._on_progress)
            self.session = session
            return session

    def close(self):
        if self.session is not None:
            try:
                self.session.stop()
            except Exception:  # a dead server: nothing to release
                pass
            self.session = None

    def unreachable(self, error):
        return CommandError(f"cannot reach Spark Connect at {self.url}: {_transport_reason(error)}",
                            hint=START_HINT[0], code="io")

    def _on_progress(self, stages, inflight_tasks, operation_id, done):
        report = self._progress
        if report is None or not stages:
            return
        stages = list(stages)
        total = sum(s.num_tasks for s in stages)
        completed = sum(s.num_completed_tasks for s in stages)
        report(completed, total or None, f"{len(stages)} stage(s), {inflight_tasks} task(s) running")

    def run(self, ctx, label, work):
        """Runs `work(session)` as one opsbench call: Spark's task counts as progress, Ctrl-C interrupts
        the Spark jobs it started, Spark's errors become opsbench errors with Spark's message."""
        session = self.connect()
        SparkSession, PySparkException, _ = _spark_modules()
        SparkSession._set_default_and_active_session(session)  # each call runs on its own thread; MLlib needs it active
        tag = "opsbench-" + uuid.uuid4().hex[:12]
        session.addTag(tag)
        ctx.on_cancel(lambda: _quietly(lambda: session.interruptTag(tag)))
        self._progress = lambda completed, total, detail: ctx.progress(completed, total, f"{label}: {detail}")
        try:
            ctx.check_cancelled()
            return work(session)
        except PySparkException as error:
            ctx.check_cancelled()  # an interrupted job fails with Spark's OPERATION_CANCELED
            raise translate(error, self) from None
        except (ConnectionError, OSError) as error:
            raise self.unreachable(error) from None
        finally:
            self._progress = None
            for view in self._scratch:
                _quietly(lambda: session.catalog.dropTempView(view))
            self._scratch = []
            _quietly(lambda: session.removeTag(tag))


def _transport_reason(error):
    """What gRPC said about a failed connection (e.g. "failed to connect to all addresses"), not its repr."""
    seen = error
    while seen is not None:
        details = getattr(seen, "details", None)
        if callable(details):
            try:
                return str(details()).split("; last error")[0]
            except Exception:  # not a gRPC error after all
                pass
        seen = seen.__cause__ or seen.__context__
    text, _ = spark_message(error)
    return text or type(error).__name__


def _quietly(action):
    """Runs a clean-up step that may fail when the server is gone (the call then fails on its own)."""
    try:
        action()
    except Exception:
        pass


def translate(error, connection):
    """A pyspark error as an opsbench error: Spark's message, a code from its error class."""
    text, condition = spark_message(error)
    if "UNAVAILABLE" in text or "Connection refused" in text or "failed to connect" in text.lower():
        return connection.unreachable(error)
    code = "failed"
    if condition.startswith("UNRESOLVED_COLUMN") or condition.startswith("AMBIGUOUS_REFERENCE"):
        code = "unknown-column"
    elif condition.startswith("TABLE_OR_VIEW_NOT_FOUND") or condition.startswith("PATH_NOT_FOUND"):
        code = "unknown-dataset"
    elif condition.startswith("PARSE_SYNTAX_ERROR"):
        code = "invalid-value"
    hint = {"invalid-value": "Spark SQL's dialect: https://spark.apache.org/docs/latest/sql-ref.html",
            "unknown-dataset": "a local dataset reaches Spark with spark push NAME; spark tables lists Spark's"}.get(code)
    return CommandError(f"Spark: {text}", hint=hint, code=code)


__all__ = ["Connection", "Cancelled", "translate", "spark_message"]

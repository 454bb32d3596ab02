"""opsbench plugin SDK: write opsbench commands in Python (standard library only).

A plugin is an executable that speaks the opsbench plugin protocol (JSON lines
over stdin/stdout, docs/plugin-protocol.md). This module does the protocol;
you declare commands and write functions:

    from opsbench_plugin import Plugin, Option

    plugin = Plugin("hello", "0.1.0", summary=("Greetings", "问候"))

    @plugin.command("greet", abstract=("Say hello", "打招呼"),
                    options=[Option("--name", help=("Who to greet", "问候谁"), default="world")],
                    examples=["hello greet --name 小明"])
    def greet(ctx, name):
        ctx.print(f"hello, {name}")

    plugin.main()

Datasets arrive as CSV files in a scratch folder (`ctx.dataset(name)` reads
one as a dict of column lists); results go back with `ctx.store(name, columns)`
and are committed to the workspace only if the command succeeds.

An engine plugin (Spark) holds remote datasets and runs opsbench's own commands
on them: `@plugin.core(["segment", "rfm"], options=[...])` declares one (in the
handshake, with the options it adds there); its function gets (ctx, args), the
command's bound arguments (`CoreArguments`), and either stores results or hands
prepared data back with `ctx.finish_locally(name, path, schema)`.
"""

import csv
import json
import os
import sys
import threading
import traceback

PROTOCOL = "opsbench-plugin"
VERSION = "1.1"
FEATURES = ["csv", "inline", "progress", "cancel", "completion", "handles", "engine"]


def _localized(text):
    """("english", "中文"), {"en":..,"zh":..} or one string for both."""
    if text is None:
        return None
    if isinstance(text, dict):
        return {"en": text["en"], "zh": text.get("zh", text["en"])}
    if isinstance(text, (tuple, list)):
        return {"en": text[0], "zh": text[1] if len(text) > 1 else text[0]}
    return {"en": str(text), "zh": str(text)}


class CommandError(Exception):
    """An error the user can fix: shown as `error: message` / `hint: hint`."""

    def __init__(self, message, hint=None, code="failed", option=None):
        super().__init__(message)
        self.message, self.hint, self.code, self.option = message, hint, code, option


class Cancelled(Exception):
    """Raised by ctx.check_cancelled() after the user pressed Ctrl-C."""


class Option:
    """An option, flag or positional argument.

    kind: "option", "flag" or "positional"; value: "text", "integer", "number",
    "duration" or "choice" (with choices=[(value, help), ...]); minimum/maximum
    give a range; list=True for comma lists; completion: "dataset",
    "columns" (of the first positional), ("columns", "--other") or "file".
    """

    def __init__(self, name, help="", kind="option", value="text", default=None, required=None,
                 choices=None, minimum=None, maximum=None, list=False, auto=False, completion=None,
                 repeating=False):
        self.name, self.kind, self.value, self.default = name, kind, value, default
        self.help, self.choices, self.minimum, self.maximum = help, choices or [], minimum, maximum
        self.list, self.auto, self.completion, self.repeating = list, auto, completion, repeating
        self.required = (default is None and kind != "flag") if required is None else required
        self.key = name.lstrip("-").replace("-", "_")

    def descriptor(self):
        names = [] if self.kind == "positional" else [self.name]
        spec = None
        if self.kind != "flag":
            kind = "choice" if self.choices else self.value
            spec = {"kind": kind, "isList": self.list, "acceptsAuto": self.auto,
                    "choices": [{"value": c[0], "help": _localized(c[1])} if isinstance(c, (tuple, list))
                                else {"value": c} for c in self.choices]}
            if self.minimum is not None or self.maximum is not None:
                spec["range"] = {"lower": self.minimum, "upper": self.maximum}
        completion = {"none": {}}
        if self.completion == "dataset":
            completion = {"dataset": {}}
        elif self.completion == "file":
            completion = {"file": {}}
        elif self.completion == "columns":
            completion = {"columns": {}}
        elif isinstance(self.completion, (tuple, list)):
            completion = {"columns": {"of": self.completion[1]}}
        return {"kind": self.kind, "names": names, "valueName": self.name.lstrip("-"),
                "help": _localized(self.help), "value": spec,
                "defaultValue": None if self.default is None else str(self.default),
                "isRequired": self.required, "isRepeating": self.repeating,
                "takesValuesUpToNextOption": False, "completion": completion, "isHidden": False}

    def convert(self, values, flags):
        """The Python value of this argument from the host's bound arguments."""
        if self.kind == "flag":
            return self.name in flags
        if not values:
            if self.default is None:
                return None
            values = [str(self.default)]
        items = [v for raw in values for v in raw.replace("，", ",").split(",") if v.strip()] if self.list else values
        converted = [self._one(v.strip()) for v in items]
        return converted if (self.list or self.repeating) else converted[-1]

    def _one(self, text):
        if self.auto and text.lower() == "auto":
            return "auto"
        if self.value == "integer":
            return int(text)
        if self.value == "number":
            return float(text)
        if self.value == "duration":
            for suffix, scale in (("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)):
                if text.endswith(suffix) and text[:-len(suffix)].replace(".", "", 1).isdigit():
                    return float(text[:-len(suffix)]) * scale
            return float(text)
        if self.choices:
            for choice in self.choices:
                value = choice[0] if isinstance(choice, (tuple, list)) else choice
                if value.lower() == text.lower():
                    return value
        return text


class CoreArguments:
    """The bound arguments of a core command run by an engine plugin (defaults filled in by opsbench)."""

    def __init__(self, bound):
        self.options = bound.get("options", {})
        self.flags = set(bound.get("flags", []))
        self.positionals = bound.get("positionals", {})

    def value(self, name, default=None):
        """The last value of an option (`--k`) or positional (`dataset`), else `default`."""
        values = self.options.get(name) or self.positionals.get(name.lstrip("-"))
        return values[-1] if values else default

    def values(self, name):
        """Every value of an option or positional; comma lists split (Chinese commas too)."""
        raw = self.options.get(name) or self.positionals.get(name.lstrip("-")) or []
        return [v.strip() for r in raw for v in r.replace("，", ",").split(",") if v.strip()]

    def integer(self, name, default=None):
        value = self.value(name)
        return default if value is None else int(value)

    def number(self, name, default=None):
        value = self.value(name)
        return default if value is None else float(value)

    def flag(self, name):
        return name in self.flags


class Context:
    """What a running command may use: datasets, output, progress, cancellation."""

    def __init__(self, plugin, request):
        self._plugin, self._id = plugin, request["id"]
        self._datasets = request.get("datasets", {})
        self.scratch = request["scratch"]
        self.seed = request.get("seed", 42)
        self.language = request.get("language", "en")
        self.command_line = request.get("commandLine", "")
        self.results = {}
        self.local = {}
        self._on_cancel = []

    @property
    def dataset_names(self):
        """The names of the datasets the host passed to this call."""
        return list(self._datasets)

    def text(self, en, zh):
        """The English or the Chinese text, whichever the interface is in."""
        return zh if self.language == "zh" else en

    def print(self, text=""):
        self._plugin._send({"type": "output", "id": self._id, "text": str(text) + "\n", "kind": "text"})

    def warn(self, text):
        self._plugin._send({"type": "output", "id": self._id, "text": str(text), "kind": "warning"})

    def note(self, text):
        self._plugin._send({"type": "output", "id": self._id, "text": str(text), "kind": "note"})

    def progress(self, completed, total=None, label=None):
        self._plugin._send({"type": "progress", "id": self._id, "completed": completed, "total": total, "label": label})

    def check_cancelled(self):
        """Raise Cancelled once the host asked to stop this call (Ctrl-C). Call it in long loops."""
        if self._id in self._plugin._cancelled:
            raise Cancelled()

    def on_cancel(self, callback):
        """Calls `callback()` (on the reading thread) when the host cancels this call, e.g. to interrupt a remote job."""
        self._on_cancel.append(callback)
        if self._id in self._plugin._cancelled:
            callback()

    def payload(self, name):
        """How the host passed dataset `name`: {"format": "csv"|"inline"|"handle", ...} (docs/plugin-protocol.md)."""
        payload = self._datasets.get(name)
        if payload is None:
            raise CommandError(self.text(f"dataset '{name}' was not passed to the plugin",
                                         f"数据集 '{name}' 没有传给插件"), code="unknown-dataset")
        return payload

    def store_handle(self, name, reference, schema, rows=None):
        """Returns dataset `name` as a handle: its rows stay in the plugin (e.g. on a cluster); a later command
        naming it gets {"format": "handle", "handle": {"reference": reference, ...}} back. schema: [(column, type)]."""
        self.results[name] = {"format": "handle", "handle": {
            "plugin": self._plugin.name, "reference": reference, "rows": rows,
            "schema": [{"name": n, "type": t} for n, t in schema]}}

    def finish_locally(self, name, path, schema, rows=None):
        """For a core command: the command finishes in opsbench, reading this CSV file as dataset `name`
        in place of the remote one (e.g. the feature table built here, or the first rows for show)."""
        self.local[name] = {"format": "csv", "path": path, "rows": rows,
                            "schema": [{"name": n, "type": t} for n, t in schema]}

    def store_file(self, name, path, schema=None, rows=None):
        """Returns the UTF-8 CSV file at `path` (with a header) as dataset `name`; schema: [(column, type)]."""
        self.results[name] = {"format": "csv", "path": path, "rows": rows,
                              "schema": None if schema is None else [{"name": n, "type": t} for n, t in schema]}

    def dataset(self, name):
        """The dataset `name` (given as an argument) as {column: [values]}; numbers as float/int, empty cells None."""
        payload = self.payload(name)
        if payload.get("format") == "inline":
            return {c["name"]: c["values"] for c in payload["columns"]}
        types = {c["name"]: c["type"] for c in payload.get("schema") or []}
        with open(payload["path"], newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            header = next(reader, [])
            columns = {h: [] for h in header}
            for row in reader:
                for h, cell in zip(header, row):
                    columns[h].append(_cell(cell, types.get(h)))
        return columns

    def store(self, name, columns, inline=None):
        """Returns `columns` ({name: [values]}) as the dataset `name`: inline when small, else as a CSV file."""
        rows = len(next(iter(columns.values()), []))
        if inline is None:
            inline = rows * max(1, len(columns)) <= 10000
        if inline:
            self.results[name] = {"format": "inline", "rows": rows,
                                  "columns": [{"name": k, "values": list(v)} for k, v in columns.items()]}
        else:
            path = os.path.join(self.scratch, f"result-{name}.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(list(columns))
                for row in zip(*columns.values()):
                    writer.writerow(["" if v is None else v for v in row])
            self.results[name] = {"format": "csv", "path": path, "rows": rows}


def _cell(text, kind):
    if text == "":
        return None
    if kind in ("integer",):
        return int(text)
    if kind in ("double",):
        return float(text)
    if kind == "bool":
        return text.lower() == "true"
    return text


class Plugin:
    """A plugin: a name, a version, a summary and commands. Call main() at the end of the file."""

    def __init__(self, name, version, summary="", keep_alive=False):
        self.name, self.version, self.summary, self.keep_alive = name, version, _localized(summary), keep_alive
        self._commands, self._cancelled, self._running = {}, set(), {}
        self._core = {}
        self._lock = threading.Lock()
        self._out = sys.stdout
        sys.stdout = sys.stderr  # stray print() calls must not corrupt the protocol stream

    def command(self, name, abstract="", discussion=None, options=(), examples=(), rules=()):
        """Decorator: declares a command; the function gets (ctx, **arguments by option key)."""
        def register(function):
            self._commands[name] = (function, list(options), {
                "path": [self.name, name], "abstract": _localized(abstract),
                "discussion": _localized(discussion),
                "arguments": [o.descriptor() for o in options], "rules": list(rules),
                "examples": [{"line": e} if isinstance(e, str) else {"line": e[0], "comment": _localized(e[1])}
                             for e in examples]})
            return function
        return register

    def core(self, path, options=()):
        """Decorator: runs opsbench's core command `path` (["segment", "rfm"]) on this plugin's remote datasets;
        `options` are the Options it takes there besides the core ones (one named like a core option replaces it).
        The function gets (ctx, args: CoreArguments)."""
        def register(function):
            self._core[tuple(path)] = (function, {"path": list(path), "arguments": [o.descriptor() for o in options]})
            return function
        return register

    def _send(self, message):
        line = json.dumps(message, ensure_ascii=False)
        with self._lock:
            self._out.write(line + "\n")
            self._out.flush()

    def _error(self, call_id, message, hint=None, code="failed", option=None):
        self._send({"type": "error", "id": call_id,
                    "error": {"message": message, "hint": hint, "code": code, "option": option}})

    def main(self):
        """Serves requests until stdin closes or the host sends shutdown."""
        workers = []
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
            except ValueError:
                self._error(None, f"not JSON: {line[:60]!r}", code="plugin")
                continue
            kind, call_id = request.get("type"), request.get("id")
            if kind == "hello":
                major = str(request.get("version", "0")).split(".")[0]
                if request.get("protocol") != PROTOCOL or major != VERSION.split(".")[0]:
                    self._error(None, f"{self.name} speaks {PROTOCOL} {VERSION}", code="plugin")
                    return
                hello = {"type": "hello", "protocol": PROTOCOL, "version": VERSION, "features": FEATURES,
                         "plugin": {"name": self.name, "version": self.version, "summary": self.summary},
                         "keepAlive": self.keep_alive}
                if self._core:
                    hello["engine"] = {"commands": [c[1] for c in self._core.values()]}
                self._send(hello)
            elif kind == "signature":
                self._send({"type": "result", "id": call_id, "commands": [c[2] for c in self._commands.values()]})
            elif kind == "run":
                worker = threading.Thread(target=self._run, args=(request,), daemon=True)
                worker.start()
                workers.append(worker)
            elif kind == "complete":
                self._send({"type": "result", "id": call_id, "values": []})
            elif kind == "cancel":
                self._cancelled.add(call_id)
                for callback in list(getattr(self._running.get(call_id), "_on_cancel", [])):
                    callback()
            elif kind == "shutdown":
                break
            else:
                self._error(call_id, f"unknown message type {kind!r}", code="plugin")
        for worker in workers:
            worker.join(timeout=1)

    def _run(self, request):
        call_id = request["id"]
        bound = request.get("arguments", {})
        if request.get("core"):
            core = self._core.get(tuple(request["core"]))
            if core is None:
                return self._error(call_id, f"{self.name} does not run {' '.join(request['core'])!r}",
                                   code="unknown-command")
            call = lambda ctx: core[0](ctx, CoreArguments(bound))  # noqa: E731
        else:
            entry = self._commands.get(request.get("command"))
            if entry is None:
                return self._error(call_id, f"unknown command {request.get('command')!r}", code="unknown-command")
            function, options, _ = entry
            values = {}
            for o in options:
                raw = bound.get("positionals", {}).get(o.name.lstrip("-")) if o.kind == "positional" \
                    else bound.get("options", {}).get(o.name)
                values[o.key] = o.convert(raw or [], bound.get("flags", []))
            call = lambda ctx: function(ctx, **values)  # noqa: E731
        ctx = Context(self, request)
        self._running[call_id] = ctx
        try:
            call(ctx)
            ctx.check_cancelled()
            reply = {"type": "result", "id": call_id, "datasets": ctx.results}
            if ctx.local:
                reply["local"] = ctx.local
            self._send(reply)
        except Cancelled:
            self._error(call_id, "cancelled", code="cancelled")
        except CommandError as e:
            self._error(call_id, e.message, e.hint, e.code, e.option)
        except Exception as e:  # a bug in the plugin: reported (its traceback on stderr), the session goes on
            traceback.print_exc(file=sys.stderr)
            self._error(call_id, f"{type(e).__name__}: {e}", code="plugin")
        finally:
            self._running.pop(call_id, None)

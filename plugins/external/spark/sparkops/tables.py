"""Datasets on the Spark side: handles (remote datasets opsbench names), uploads of
local datasets, and pulls of remote rows into CSV files for the workspace."""
import json
import os

from opsbench_plugin import CommandError

# opsbench column types -> Spark SQL types (uploads) and back (schemas, pulls)
_SPARK_TYPES = {"integer": "bigint", "double": "double", "string": "string", "date": "date",
                "datetime": "timestamp", "bool": "boolean"}


def opsbench_type(spark_type):
    """The opsbench column type of a Spark data type (decimals as double, anything else as text)."""
    name = spark_type.typeName()
    if name in ("byte", "short", "integer", "long"):
        return "integer"
    if name in ("float", "double", "decimal"):
        return "double"
    if name == "date":
        return "date"
    if name in ("timestamp", "timestamp_ntz"):
        return "datetime"
    if name == "boolean":
        return "bool"
    return "string"


def schema_of(frame):
    return [(field.name, opsbench_type(field.dataType)) for field in frame.schema.fields]


def quote(name):
    """A Spark SQL identifier for any column or view name (Chinese, spaces, backticks)."""
    return "`" + str(name).replace("`", "``") + "`"


def literal(text):
    return "'" + str(text).replace("\\", "\\\\").replace("'", "\\'") + "'"


def check_columns(frame, columns):
    """An opsbench error naming the option when a column is missing; Spark matches names without
    regard to case, so two columns that differ only in case are refused as ambiguous."""
    names = [f.name for f in frame.schema.fields]
    for option, column in columns:
        if column is None:
            continue
        if column not in names:
            folded = [n for n in names if n.lower() == column.lower()]
            hint = f"did you mean {folded[0]}?" if folded else "columns: " + ", ".join(names)
            raise CommandError(f"unknown column '{column}' in {option}", hint=hint, code="unknown-column",
                               option=option)
        if sum(1 for n in names if n.lower() == column.lower()) > 1:
            raise CommandError(f"{option} {column}: Spark does not tell apart columns that differ only in case "
                               f"({', '.join(n for n in names if n.lower() == column.lower())})",
                               hint="rename one before sending the data to Spark", code="conflict", option=option)


class Datasets:
    """The remote datasets of this session, by opsbench name. Each is a temporary view of the same
    name in the Spark session (so `spark sql` can name it); its handle's reference records how to
    make the view again (table, SQL or path) when the Spark session was replaced."""

    def __init__(self, connection):
        self.connection = connection
        self.live = {}

    def attach(self, session, name, source):
        """Makes `name` a view of a table, a query or files; returns the frame."""
        if "table" in source:
            frame = session.table(source["table"])
        elif "sql" in source:
            frame = session.sql(source["sql"])
        else:
            reader = session.read
            if source["format"] == "csv":
                reader = reader.option("header", "true").option("inferSchema", "true")
            frame = reader.format(source["format"]).load(source["path"])
        return self.keep(name, frame, source)

    def keep(self, name, frame, source=None):
        """Registers `frame` as the view `name`; the reference to hand to opsbench."""
        frame.createOrReplaceTempView(quote(name))
        self.live[name] = json.dumps({"view": name, "source": source}, ensure_ascii=False)
        return frame

    def reference(self, name):
        return self.live[name]

    def frame(self, ctx, session, name):
        """The dataset `name` of this call as a Spark frame: a handle's view, or a local dataset uploaded."""
        payload = ctx.payload(name)
        if payload.get("format") != "handle":
            return self.upload(session, payload)
        reference = json.loads(payload["handle"]["reference"])
        view = reference["view"]
        if view not in self.live:
            if reference.get("source") is None:
                raise CommandError(
                    f"{name} was computed in an earlier Spark session that has ended (the plugin or server restarted)",
                    hint="run the command that made it again", code="unknown-dataset")
            self.attach(session, view, reference["source"])
        return session.table(quote(view))

    def upload(self, session, payload):
        """A local dataset (CSV file or inline columns from opsbench) as a Spark frame, types kept."""
        import pyarrow as pa
        import pyarrow.csv as pacsv

        if payload.get("format") == "inline":
            table = pa.table({c["name"]: c["values"] for c in payload["columns"]})
        else:
            arrow_types = {"integer": pa.int64(), "double": pa.float64(), "string": pa.string(), "bool": pa.bool_(),
                           "date": pa.date32(), "datetime": pa.timestamp("s")}
            types = {c["name"]: arrow_types[c["type"]] for c in payload.get("schema") or []}
            table = pacsv.read_csv(payload["path"], convert_options=pacsv.ConvertOptions(
                column_types=types, strings_can_be_null=True, quoted_strings_can_be_null=False,
                true_values=["true"], false_values=["false"]))
        folded = {}
        for column in table.column_names:
            if column.lower() in folded:
                raise CommandError(f"columns '{folded[column.lower()]}' and '{column}' differ only in case, "
                                   "which Spark does not tell apart", hint="rename one (sql ... AS ...)",
                                   code="conflict")
            folded[column.lower()] = column
        return session.createDataFrame(table)


def pull(frame, ctx, scratch, name, limit=None, guard=1_000_000):
    """Brings the frame's rows home as a CSV file result `name`, refusing more than `guard` rows
    unless `limit` says how many to take; nothing is stored unless the whole pull succeeds."""
    path, schema, rows = write_rows(frame, ctx, scratch, name, limit=limit, guard=guard)
    ctx.store_file(name, path, schema=schema, rows=rows)
    return rows


def write_rows(frame, ctx, scratch, name, limit=None, guard=None):
    """Streams the frame's rows into a CSV file in `scratch`, batch by batch as Spark sends them
    (10,000 rows each): progress per batch, Ctrl-C between batches. Refuses more than `guard` rows
    unless `limit` says how many to take. Returns (path, schema, rows); the file is only a
    scratch file, so a failure midway (the server died) leaves nothing behind in the workspace."""
    import pyarrow.csv as pacsv

    if limit is not None:
        frame = frame.limit(limit)
    elif guard is not None:
        frame = frame.limit(guard + 1)
    schema = schema_of(frame)
    path = os.path.join(scratch, f"pull-{len(os.listdir(scratch))}.csv")
    session = frame.sparkSession
    rows, writer = 0, None
    try:
        for part in session.client.to_table_as_iterator(frame._plan.to_proto(session.client), frame._plan.observations):
            if not hasattr(part, "num_rows"):
                continue  # the schema message
            ctx.check_cancelled()
            rows += part.num_rows
            if limit is None and guard is not None and rows > guard:
                raise CommandError(
                    ctx.text(f"{name} has more than the {guard:,} rows a pull brings home at once",
                             f"{name} 超过一次拉取的上限 {guard:,} 行"),
                    hint=ctx.text("take part with --limit N, or aggregate it in Spark first (spark sql)",
                                  "用 --limit N 只取一部分，或先在 Spark 中汇总（spark sql）"), code="out-of-range",
                    option="--limit")
            table = part.cast(_plain(part.schema), safe=False)
            if writer is None:
                writer = pacsv.CSVWriter(path, table.schema, write_options=pacsv.WriteOptions(quoting_style="needed"))
            writer.write_table(table)
            ctx.progress(rows, None, ctx.text(f"{rows:,} rows of {name}", f"{name} 的 {rows:,} 行"))
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # no rows: a header only
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(",".join(_csv_name(n) for n, _ in schema) + "\n")
    return path, schema, rows


def _csv_name(name):
    return '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\n\r') else name


def _plain(schema):
    """Arrow types the CSV writer and opsbench read alike: decimals as doubles, times without zones."""
    import pyarrow as pa

    fields = []
    for field in schema:
        kind = field.type
        if pa.types.is_decimal(kind):
            kind = pa.float64()
        elif pa.types.is_timestamp(kind):
            kind = pa.timestamp("s")
        elif not (pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_string(kind)
                  or pa.types.is_boolean(kind) or pa.types.is_date(kind)):
            kind = pa.string()
        fields.append(pa.field(field.name, kind))
    return pa.schema(fields)

"""Files as Chinese offices have them, for `load`'s sample: a GBK CSV saved the
way Excel on Chinese Windows saves it (formatted money, percentages, slash
dates) and a small .xlsx workbook (shared strings, date styles, booleans, two
sheets) built with the standard library's zipfile. Deterministic: a fixed
seed and fixed zip timestamps give byte-identical files."""

import datetime as dt
import zipfile
from xml.sax.saxutils import escape

CITIES = ["上海", "北京", "广州", "深圳", "杭州", "成都", "南京", "武汉"]
STORE_HEADER = ["门店编号", "门店", "城市", "月销售额", "同比", "开业日期", "店长"]
MANAGERS = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄强"]


def store_rows(rng, count=40):
    for k in range(count):
        city = CITIES[k % len(CITIES)]
        sales = rng.uniform(80_000, 2_500_000)
        growth = rng.uniform(-20, 45)
        opened = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3600))
        yield [
            f"S{k + 1:04d}", f"{city}{['中心', '东', '西', '南', '北'][k % 5]}店", city,
            f"￥{sales:,.2f}", f"{growth:.1f}%", f"{opened.year}/{opened.month}/{opened.day}",
            MANAGERS[rng.randrange(len(MANAGERS))] if k % 9 else "无",
        ]


def write_gbk_csv(path, rng):
    """CSV in GBK with CRLF line ends, quoting only what needs it, as Excel writes it."""
    lines = []
    count = 0
    for row in [STORE_HEADER] + list(store_rows(rng)):
        lines.append(",".join(f'"{v}"' if "," in v else v for v in row))
        count += 1
    with open(path, "wb") as handle:
        handle.write(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return count - 1


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(path, rng, months=24):
    """A monthly report: sheet 汇总 (月份 as date cells, 城市, 销售额, 订单数, 达标) and sheet 说明."""
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    header = ["月份", "城市", "销售额", "订单数", "达标"]
    rows = []
    for m in range(months):
        month = dt.date(2024 + m // 12, m % 12 + 1, 1)
        serial = (month - dt.date(1899, 12, 30)).days
        for city in CITIES[:4]:
            sales = round(rng.uniform(200_000, 900_000), 2)
            rows.append([("d", serial), ("s", shared(city)), ("n", sales), ("n", rng.randrange(800, 5000)),
                         ("b", 1 if sales > 500_000 else 0)])
    cells = ["<row r=\"1\">" + "".join(
        f"<c r=\"{_column(c)}1\" t=\"s\"><v>{shared(h)}</v></c>" for c, h in enumerate(header)) + "</row>"]
    for r, row in enumerate(rows, start=2):
        out = []
        for c, (kind, value) in enumerate(row):
            ref = f"{_column(c)}{r}"
            if kind == "d":
                out.append(f"<c r=\"{ref}\" s=\"1\"><v>{value}</v></c>")
            elif kind == "s":
                out.append(f"<c r=\"{ref}\" t=\"s\"><v>{value}</v></c>")
            elif kind == "b":
                out.append(f"<c r=\"{ref}\" t=\"b\"><v>{value}</v></c>")
            else:
                out.append(f"<c r=\"{ref}\"><v>{value}</v></c>")
        cells.append(f"<row r=\"{r}\">" + "".join(out) + "</row>")
    sheet1 = f"<worksheet xmlns=\"{MAIN}\"><sheetData>{''.join(cells)}</sheetData></worksheet>"
    notes = ["说明", "销售额单位为元（含税）", "达标：月销售额超过 50 万元"]
    sheet2 = f"<worksheet xmlns=\"{MAIN}\"><sheetData>" + "".join(
        f"<row r=\"{i + 1}\"><c r=\"A{i + 1}\" t=\"inlineStr\"><is><t>{escape(t)}</t></is></c></row>"
        for i, t in enumerate(notes)) + "</sheetData></worksheet>"
    sst = f"<sst xmlns=\"{MAIN}\" count=\"{len(strings)}\" uniqueCount=\"{len(strings)}\">" + "".join(
        f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"
    parts = {
        "[Content_Types].xml": (
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            "</Types>"),
        "_rels/.rels": f"<Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        "xl/workbook.xml": (
            f"<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"汇总\" sheetId=\"1\" r:id=\"rId1\"/>"
            "<sheet name=\"说明\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f"<Relationships xmlns=\"{PKG}\">"
            f"<Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            f"<Relationship Id=\"rId2\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
            f"<Relationship Id=\"rId3\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>"
            f"<Relationship Id=\"rId4\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
        "xl/styles.xml": (
            f"<styleSheet xmlns=\"{MAIN}\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
            "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
            "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
            "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
        "xl/worksheets/sheet1.xml": sheet1,
        "xl/worksheets/sheet2.xml": sheet2,
        "xl/sharedStrings.xml": sst,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return len(rows)

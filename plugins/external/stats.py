#!/usr/bin/env python3
"""`stats ttest`: Welch's two-sample t-test (unequal variances) with a two-sided p-value."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opsbench_plugin import CommandError, Option, Plugin  # noqa: E402

plugin = Plugin("stats", "0.1.0", summary=("Statistical tests", "统计检验"))


def betainc(a, b, x):
    """Regularized incomplete beta I_x(a, b), by the continued fraction (modified Lentz)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x > (a + 1) / (a + b + 2):
        return 1.0 - betainc(b, a, 1 - x)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)) / a
    tiny, c, d = 1e-300, 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    f = d
    for m in range(1, 500):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            f *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return front * f


def welch(x, y):
    """t, degrees of freedom and the two-sided p-value of Welch's t-test."""
    n1, n2 = len(x), len(y)
    m1, m2 = sum(x) / n1, sum(y) / n2
    v1 = sum((v - m1) ** 2 for v in x) / (n1 - 1)
    v2 = sum((v - m2) ** 2 for v in y) / (n2 - 1)
    s1, s2 = v1 / n1, v2 / n2
    if s1 + s2 == 0:
        raise CommandError("both groups are constant: the t statistic is undefined", code="failed")
    t = (m1 - m2) / math.sqrt(s1 + s2)
    df = (s1 + s2) ** 2 / (s1 ** 2 / (n1 - 1) + s2 ** 2 / (n2 - 1))
    p = betainc(df / 2, 0.5, df / (df + t * t))
    return t, df, p, m1, m2


@plugin.command(
    "ttest", abstract=("Welch's t-test: do two groups differ in mean?", "韦尔奇 t 检验：两组均值是否不同？"),
    discussion=("Compares the mean of --value between the two groups of --by (or the two named by --groups), "
                "without assuming equal variances; prints t, the Welch–Satterthwaite degrees of freedom and the "
                "two-sided p-value, and stores them as a one-row dataset.",
                "比较 --by 的两组（或 --groups 指定的两组）在 --value 上的均值，不假定方差相等；输出 t 值、"
                "Welch–Satterthwaite 自由度和双侧 p 值，并存为一行的数据集。"),
    options=[
        Option("dataset", kind="positional", help=("Dataset with one row per observation", "每行一个观测的数据集"),
               completion="dataset"),
        Option("--value", help=("Numeric column to compare", "要比较的数值列"), completion="columns"),
        Option("--by", help=("Column naming each row's group", "标明分组的列"), completion="columns"),
        Option("--groups", help=("The two groups to compare (default: the only two)", "要比较的两组（默认：仅有的两组）"),
               list=True, required=False),
        Option("--as", help=("Name of the result dataset", "结果数据集的名称"), default="ttest"),
    ],
    examples=[("stats ttest orders --value amount --by channel",
               ("the sample orders have two channels", "示例订单有两个渠道"))])
def ttest(ctx, dataset, value, by, groups, **rest):
    table = ctx.dataset(dataset)
    for column, option in ((value, "--value"), (by, "--by")):
        if column not in table:
            raise CommandError(ctx.text(f"unknown column '{column}' in {option}", f"{option} 中的列 '{column}' 不存在"),
                               hint=", ".join(table), code="unknown-column", option=option)
    samples = {}
    for v, g in zip(table[value], table[by]):
        if v is None or g is None:
            continue
        try:
            samples.setdefault(str(g), []).append(float(v))
        except ValueError:
            raise CommandError(ctx.text(f"{value} is not numeric ('{v}')", f"{value} 不是数值列（'{v}'）"),
                               code="invalid-value", option="--value")
    names = list(groups) if groups else sorted(samples)
    if len(names) != 2 or any(n not in samples for n in names):
        raise CommandError(ctx.text(f"--by {by} must name exactly two groups (found {', '.join(sorted(samples))})",
                                    f"--by {by} 必须恰好两组（实际为 {', '.join(sorted(samples))}）"),
                           hint=ctx.text("choose two with --groups A,B", "用 --groups A,B 选两组"),
                           code="invalid-value", option="--groups")
    x, y = samples[names[0]], samples[names[1]]
    if min(len(x), len(y)) < 2:
        raise CommandError(ctx.text("each group needs at least two values", "每组至少需要两个值"), code="failed")
    t, df, p, m1, m2 = welch(x, y)
    ctx.print(ctx.text(f"Welch's t-test of {value} by {by}: {names[0]} (n={len(x)}, mean {m1:.4g}) vs "
                       f"{names[1]} (n={len(y)}, mean {m2:.4g})",
                       f"{value} 按 {by} 的韦尔奇 t 检验：{names[0]}（n={len(x)}，均值 {m1:.4g}）对 "
                       f"{names[1]}（n={len(y)}，均值 {m2:.4g}）"))
    ctx.print(f"t = {t:.4f}, df = {df:.2f}, p = {p:.4g}")
    ctx.store(rest["as"], {
        "group_a": [names[0]], "group_b": [names[1]], "mean_a": [m1], "mean_b": [m2],
        "t": [t], "df": [df], "p_value": [p]})


if __name__ == "__main__":
    plugin.main()

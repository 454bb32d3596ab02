"""RFM scores in Spark SQL, equal to `segment rfm` (plugins/Segment/RFM/RFMScores.swift):
quantile edges as pandas' qcut takes them (linear interpolation, which Spark's exact
`percentile` also uses), a value scores the number of edges below it; recency reversed;
frequency scored on first-ranks with ties broken by customer order; the 10-cell grid map."""
from sparkops.tables import quote

# The grid map on (R, F) of plugins/Segment/RFM/RFMMaps.swift, first match wins, and the names of
# plugins/Segment/Strings.swift (segmentName), so the same customers get the same words.
GRID = [
    ("r <= 2 AND f <= 2", "Hibernating", "休眠客户"),
    ("r <= 2 AND f <= 4", "At Risk", "流失风险"),
    ("r <= 2", "Can't Lose", "不能失去"),
    ("r = 3 AND f <= 2", "About to Sleep", "即将沉睡"),
    ("r = 3 AND f = 3", "Need Attention", "需要关注"),
    ("r <= 4 AND f >= 4", "Loyal", "忠诚客户"),
    ("r = 4 AND f = 1", "Promising", "有潜力客户"),
    ("r = 5 AND f = 1", "New", "新客户"),
    ("f <= 3", "Potential Loyalist", "潜在忠诚客户"),
]
CHAMPIONS = ("Champions", "冠军客户")


def grid_case(language):
    """SQL CASE naming each customer's segment from r and f (bins = 5)."""
    pick = 2 if language == "zh" else 1
    arms = " ".join(f"WHEN {rule[0]} THEN '{rule[pick].replace(chr(39), chr(39) * 2)}'" for rule in GRID)
    return f"CASE {arms} ELSE '{CHAMPIONS[pick - 1].replace(chr(39), chr(39) * 2)}' END"


def rfm_sql(customers_sql, customer_name, bins, language):
    """The RFM table: the customer column under its own name, recency, frequency, monetary, r, f, m
    (and segment when bins = 5), one row per customer in ascending customer order."""
    edges = ", ".join(repr(i / bins) for i in range(1, bins))
    segment = f", {grid_case(language)} AS segment" if bins == 5 else ""
    return f"""
        WITH customers AS ({customers_sql}),
        ranked AS (
            SELECT customer, datediff(reference, last_day) AS recency, frequency, monetary,
                   row_number() OVER (ORDER BY frequency, customer) AS frequency_rank
            FROM customers
        ), edges AS (
            SELECT percentile(recency, array({edges})) AS re, percentile(frequency_rank, array({edges})) AS fe,
                   percentile(monetary, array({edges})) AS me
            FROM ranked
        ), scored AS (
            SELECT customer, recency, frequency, monetary,
                   {bins} - size(filter(re, e -> recency > e)) AS r,
                   size(filter(fe, e -> frequency_rank > e)) + 1 AS f,
                   size(filter(me, e -> monetary > e)) + 1 AS m
            FROM ranked CROSS JOIN edges
        )
        SELECT customer AS {quote(customer_name)}, CAST(recency AS BIGINT) AS recency, CAST(frequency AS BIGINT) AS frequency,
               monetary, CAST(r AS BIGINT) AS r, CAST(f AS BIGINT) AS f, CAST(m AS BIGINT) AS m{segment}
        FROM scored ORDER BY customer"""

"""Users and their orders (users.csv, orders.csv), generated together so they agree.

Each user belongs to a latent segment that drives how often and what they buy
and when they last visited; 购买频率 and 购买金额 in users.csv are then computed
from that user's orders, so the two files can be joined and checked.
"""

import datetime as dt

from .common import TODAY, iso, money

START = dt.date(2025, 11, 1)
DAYS = [START + dt.timedelta(days=i) for i in range((TODAY - START).days + 1)]

# name, share, orders (mean, min, max), browse (mean, sd), category weights, price taste,
# order window in days back from TODAY (oldest, newest), and the last visit: ("recent", n) is
# within n days of TODAY (and not before the last order), ("after", n) within n days after the last order.
SEGMENTS = [
    ("高价值常客", 0.12, (14, 9, 20), (130, 22),
     {"手机": 0.8, "电脑": 0.3, "平板": 0.5, "耳机": 1.5, "家电": 1.2, "美妆": 2.5, "运动": 1, "服饰": 3, "食品": 2}, 0.0,
     (364, 0), ("recent", 7)),
    ("价格敏感", 0.26, (7, 4, 12), (70, 14),
     {"食品": 5, "服饰": 3, "配件": 3, "耳机": 1, "美妆": 1, "家电": 0.5, "运动": 1}, -1.0,
     (364, 0), ("recent", 21)),
    ("浏览不买", 0.20, (0.25, 0, 1), (115, 18),
     {"耳机": 1, "服饰": 2, "美妆": 1, "食品": 2, "配件": 1}, -0.8,
     (300, 0), ("recent", 40)),
    ("新用户", 0.22, (1.4, 1, 3), (45, 8),
     {"食品": 2, "服饰": 2, "耳机": 1, "配件": 1, "美妆": 1, "手机": 0.4, "运动": 1}, -0.3,
     (60, 0), ("after", 10)),
    ("流失风险", 0.20, (6, 4, 9), (8, 3),
     {"手机": 0.6, "耳机": 1, "家电": 1, "服饰": 3, "食品": 3, "美妆": 2, "配件": 1}, -0.4,
     (364, 185), ("after", 90)),
]

CITIES = [("上海", 14), ("北京", 13), ("广州", 9), ("深圳", 10), ("杭州", 8), ("成都", 7), ("南京", 5),
          ("武汉", 5), ("重庆", 5), ("西安", 4), ("苏州", 4), ("天津", 3), ("长沙", 3), ("郑州", 3),
          ("青岛", 2), ("厦门", 2), ("宁波", 2), ("合肥", 2), ("沈阳", 1.5), ("昆明", 1.5)]
CHANNELS = {
    "default": [("App", 40), ("小程序", 28), ("网站", 12), ("抖音", 10), ("线下门店", 6), ("朋友推荐", 4)],
    "新用户": [("App", 20), ("小程序", 35), ("网站", 5), ("抖音", 30), ("线下门店", 3), ("朋友推荐", 7)],
    "高价值常客": [("App", 60), ("小程序", 15), ("网站", 12), ("抖音", 3), ("线下门店", 7), ("朋友推荐", 3)],
}
VISITS_FROM = dt.date(2026, 1, 2)
ELECTRONICS_BRANDS = [("Apple", 4), ("华为", 4), ("小米", 3), ("OPPO", 1), ("vivo", 1), ("三星", 0.6)]
#: Share of users who left 城市 empty.
CITY_NULL_RATE = 0.012


def _day_weight(day):
    """Relative order volume on a day: weekends, 双11, 双12, 618 and the Spring Festival lull."""
    weight = 1.15 if day.weekday() >= 5 else 1.0
    if day.month == 11 and day.day <= 11:
        weight *= 5.0 if day.day == 11 else 2.0
    elif day.month == 12 and day.day == 12:
        weight *= 2.0
    elif day.month == 6 and day.day <= 18:
        weight *= 3.5 if day.day == 18 else 1.6
    if dt.date(2026, 2, 12) <= day <= dt.date(2026, 2, 24):
        weight *= 0.45
    return weight


DAY_WEIGHTS = [_day_weight(d) for d in DAYS]


class Shop:
    """Indexes the catalogue for the choices a shopper makes."""

    def __init__(self, products):
        self.by_category = {}
        for p in products:
            self.by_category.setdefault(p["category"], []).append(p)
        self.accessories = self.by_category["配件"]

    def pick(self, rng, category, taste, brand=None, loyalty=0.0):
        """A product of a category, favouring the user's brand and price taste."""
        pool = self.by_category[category]
        if brand and rng.random() < loyalty:
            branded = [p for p in pool if p["brand"] == brand]
            pool = branded or pool
        return rng.choices(pool, weights=[p["price"] ** taste for p in pool])[0]

    def companions(self, rng, item, taste, brand):
        """Items bought alongside `item` in the same order (accessories, basket fill)."""
        category, extra = item["category"], []
        if category in ("手机", "电脑", "平板", "耳机"):
            fitting = [a for a in self.accessories if a["fits"][0] == category
                       and a["fits"][1] in (None, item["brand"])]
            chance = {"手机": 0.6, "电脑": 0.5, "平板": 0.55, "耳机": 0.2}[category]
            if fitting and rng.random() < chance:
                same = [a for a in fitting if a["fits"][1] == item["brand"]]
                extra.append(rng.choice(same if same and rng.random() < 0.7 else fitting))
            if category == "手机" and rng.random() < 0.3:
                extra.append(self.pick(rng, "耳机", taste, item["brand"], 0.8))
            if category == "手机" and rng.random() < 0.25 and fitting:
                extra.append(rng.choice(fitting))
        elif category in ("食品", "服饰", "美妆"):
            more = {"食品": 0.55, "服饰": 0.35, "美妆": 0.3}[category]
            while rng.random() < more and len(extra) < 4:
                extra.append(self.pick(rng, category, taste, brand, 0.2))
                more *= 0.6
        unique, seen = [], {item["id"]}
        for p in extra:
            if p["id"] not in seen:
                seen.add(p["id"])
                unique.append(p)
        return unique


def _quantity(rng, product):
    if product["category"] == "食品":
        return rng.choices([1, 2, 3, 4, 6], weights=[45, 30, 12, 8, 5])[0]
    if product["category"] in ("服饰", "配件", "美妆"):
        return rng.choices([1, 2, 3], weights=[78, 18, 4])[0]
    return 1 if rng.random() < 0.96 else 2


def _status(rng, order_day):
    """Fulfilment status and ship date: recent orders are not yet delivered."""
    age = (TODAY - order_day).days
    if age == 0:
        status = "待发货" if rng.random() < 0.8 else "已发货"
    elif age == 1:
        status = "待发货" if rng.random() < 0.35 else "已发货"
    elif age <= 3:
        status = "已发货" if rng.random() < 0.4 else "配送中"
    elif age <= 6:
        status = "配送中" if rng.random() < 0.4 else "已签收"
    else:
        status = "已签收"
    if status == "待发货":
        return status, None
    lag = min(age, rng.choice([0, 1, 1, 2]))
    return status, order_day + dt.timedelta(days=lag)


def _order_count(rng, mean, low, high):
    if mean < 1:
        return 1 if rng.random() < mean else 0
    return max(low, min(high, int(round(rng.gauss(mean, mean * 0.2)))))


def build(rng, products):
    """Return (users, orders): users as dicts, orders as (day, user, items, status, ship)."""
    shop = Shop(products)
    n_users = 1200
    labels = []
    for seg in SEGMENTS:
        labels += [seg] * int(round(seg[1] * n_users))
    labels = (labels + [SEGMENTS[0]] * n_users)[:n_users]
    rng.shuffle(labels)

    users, orders = [], []
    for index, seg in enumerate(labels, start=1):
        name, _, counts, browse, categories, taste, window, (visit_rule, visit_days) = seg
        uid = f"U{index:04d}"
        brand = rng.choices([b for b, _ in ELECTRONICS_BRANDS], weights=[w for _, w in ELECTRONICS_BRANDS])[0]
        favourites = dict(categories)
        for cat in rng.sample(sorted(categories), 2):
            favourites[cat] *= 3.0  # personal taste on top of the segment's
        oldest, newest = window
        lo, hi = len(DAYS) - 1 - oldest, len(DAYS) - 1 - newest
        n = _order_count(rng, *counts)
        days = sorted(rng.choices(DAYS[lo:hi + 1], weights=DAY_WEIGHTS[lo:hi + 1], k=n))
        spent = 0.0
        for day in days:
            cat = rng.choices(sorted(favourites), weights=[favourites[c] for c in sorted(favourites)])[0]
            main = shop.pick(rng, cat, taste, brand, 0.65)
            items = [(p, _quantity(rng, p)) for p in [main] + shop.companions(rng, main, taste, brand)]
            spent += sum(p["price"] * q for p, q in items)
            status, ship = _status(rng, day)
            orders.append((day, uid, items, status, ship))
        if visit_rule == "recent" or not days:
            last_visit = TODAY - dt.timedelta(days=rng.randint(0, visit_days))
            last_visit = max(last_visit, days[-1]) if days else last_visit
        else:
            last_visit = days[-1] + dt.timedelta(days=rng.randint(0, min(visit_days, (TODAY - days[-1]).days)))
        if last_visit < VISITS_FROM:  # every user in the sample visited during 2026
            last_visit = VISITS_FROM + dt.timedelta(days=rng.randint(0, 60))
        city = rng.choices([c for c, _ in CITIES], weights=[w for _, w in CITIES])[0]
        if rng.random() < CITY_NULL_RATE:
            city = None
        channels = CHANNELS.get(name, CHANNELS["default"])
        channel = rng.choices([c for c, _ in channels], weights=[w for _, w in channels])[0]
        visits = max(len(days) + 1, int(round(rng.gauss(*browse))))
        users.append({"id": uid, "segment": name, "city": city, "visits": visits, "spent": spent,
                      "orders": len(days), "last_visit": last_visit, "channel": channel})
    orders.sort(key=lambda o: (o[0], o[1]))
    return users, orders


USER_HEADER = ["用户ID", "城市", "浏览次数", "购买金额", "购买频率", "最近访问", "注册渠道"]
ORDER_HEADER = ["order_id", "customer_id", "order_date", "product_id", "quantity", "unit_price",
                "amount", "status", "ship_date"]


def user_rows(users):
    for u in users:
        yield [u["id"], u["city"] or "", u["visits"], money(u["spent"]), u["orders"],
               iso(u["last_visit"]), u["channel"]]


def order_rows(orders):
    for number, (day, uid, items, status, ship) in enumerate(orders, start=10001):
        for product, quantity in items:
            yield [number, uid, iso(day), product["id"], quantity, money(product["price"]),
                   money(product["price"] * quantity), status, iso(ship)]

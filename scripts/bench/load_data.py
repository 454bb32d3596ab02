"""Writes the seeded CSV for scripts/bench/load: ROWS rows, 8 columns of mixed
types with Chinese text (order id, user id, city, product title, amount,
quantity, order date, paid flag; a few empty cells as nulls)."""
import sys

import numpy as np
import pandas as pd

path, rows, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(seed)
cities = np.array(["上海", "北京", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京",
                   "苏州", "天津", "长沙", "郑州", "东莞", "青岛", "沈阳", "宁波", "昆明", "合肥"])
brands = np.array(["华为", "小米", "苹果", "联想", "美的", "海尔", "格力", "耐克", "安踏", "李宁"])
kinds = np.array(["智能手机", "无线耳机", "笔记本电脑", "空气净化器", "跑步鞋", "保温杯", "电饭煲", "机械键盘"])
tags = np.array(["大屏幕", "高性能", "长续航", "轻薄", "降噪", "新款", "限时特惠", "包邮"])
titles = (brands[rng.integers(0, len(brands), rows)].astype(object) + " "
          + kinds[rng.integers(0, len(kinds), rows)].astype(object) + " "
          + tags[rng.integers(0, len(tags), rows)].astype(object) + ","
          + tags[rng.integers(0, len(tags), rows)].astype(object))
amount = np.round(rng.lognormal(4.5, 1.0, rows), 2).astype(object)
amount[rng.random(rows) < 0.01] = ""
frame = pd.DataFrame({
    "order_id": np.arange(10_000_001, 10_000_001 + rows),
    "user_id": pd.Series(rng.integers(1, 200_000, rows)).map("U{:06d}".format),
    "城市": cities[rng.integers(0, len(cities), rows)],
    "商品": titles,
    "金额": amount,
    "数量": rng.integers(1, 10, rows),
    "下单日期": (np.datetime64("2024-01-01") + rng.integers(0, 730, rows)).astype(str),
    "已支付": np.where(rng.random(rows) < 0.9, "true", "false"),
})
frame.to_csv(path, index=False)

"""Seeded data for scripts/bench/sql: a 1,000,000-row x 8-column fact table
(orders: ids, a Chinese city of 300, channel, spend, quantity, day, user,
score) and the 300-row dimension table cities (city, region)."""
import sys

import numpy as np
import pandas as pd

out, rows, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(seed)
regions = ["华东", "华北", "华南", "西南", "西北", "东北"]
cities = [f"城市{i:03d}" for i in range(300)]
pd.DataFrame({"city": cities, "region": [regions[i % len(regions)] for i in range(300)]}).to_csv(
    f"{out}/cities.csv", index=False)
days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, rows), unit="D")
pd.DataFrame({
    "order_id": np.arange(1, rows + 1),
    "city": np.array(cities)[rng.zipf(1.3, rows) % 300],
    "channel": rng.choice(["app", "web", "store", "mini"], rows),
    "spend": np.round(rng.gamma(2.0, 250.0, rows), 2),
    "qty": rng.integers(1, 10, rows),
    "day": days.strftime("%Y-%m-%d"),
    "user_id": rng.integers(1, 200_000, rows),
    "score": np.round(rng.random(rows), 4),
}).to_csv(f"{out}/big.csv", index=False)

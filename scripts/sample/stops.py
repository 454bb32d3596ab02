"""Delivery stops (stops.csv): a depot and 60 Shanghai-style stores on a 50×50 km plane.

Travel is 1 km per minute. Every window is at least 60 minutes wide and can be
served by a direct trip from the depot that returns before the depot closes.
"""

import math

N_STOPS = 60
DEPOT = (25.0, 25.0)
HORIZON = 600
PLACES = ["浦东", "张江", "陆家嘴", "徐汇", "徐家汇", "静安", "长宁", "虹桥", "普陀", "闸北", "虹口", "五角场",
          "杨浦", "闵行", "莘庄", "七宝", "宝山", "嘉定", "南翔", "松江", "九亭", "青浦", "金山", "奉贤",
          "南汇", "川沙", "外高桥", "金桥", "世纪公园", "前滩", "田子坊", "中山公园", "大宁", "江湾", "北蔡",
          "周浦", "航头", "唐镇", "曹路", "高行", "三林", "古美", "漕河泾", "龙华", "梅陇", "颛桥", "马桥",
          "安亭", "江桥", "真如", "长风", "曹家渡", "新天地", "人民广场", "老西门", "打浦桥", "花木", "惠南",
          "泗泾", "朱家角"]
KINDS = ["仓店", "门店", "超市", "便利店", "生鲜店", "社区店"]


def build(rng):
    """Return rows: depot D0 first, then S01…S60."""
    rows = [["D0", "中心配送仓", f"{DEPOT[0]:.1f}", f"{DEPOT[1]:.1f}", 0, 0, HORIZON, 0]]
    centres = [(rng.uniform(8, 42), rng.uniform(8, 42)) for _ in range(5)]
    names = rng.sample(PLACES, N_STOPS)
    demands = [rng.randint(1, 20) for _ in range(N_STOPS)]
    while not 610 <= sum(demands) <= 670:  # about 6–7 vans of capacity 100
        i = rng.randrange(N_STOPS)
        demands[i] = max(1, min(20, demands[i] + (1 if sum(demands) < 610 else -1)))
    for k in range(N_STOPS):
        if rng.random() < 0.6:  # clustered around business districts
            cx, cy = rng.choice(centres)
            x, y = rng.gauss(cx, 4.0), rng.gauss(cy, 4.0)
        else:
            x, y = rng.uniform(0, 50), rng.uniform(0, 50)
        x, y = round(min(50.0, max(0.0, x)), 1), round(min(50.0, max(0.0, y)), 1)
        distance = math.hypot(x - DEPOT[0], y - DEPOT[1])
        service = rng.randint(5, 15)
        latest = int(HORIZON - service - math.ceil(distance))  # latest start that still gets home
        if rng.random() < 0.15:
            ready, due = 0, latest  # open all day
        else:
            width = rng.choice([60, 90, 120, 120, 180])
            ready = rng.randint(0, latest - width) // 10 * 10
            due = ready + width
        rows.append([f"S{k + 1:02d}", names[k] + rng.choice(KINDS), f"{x:.1f}", f"{y:.1f}",
                     demands[k], ready, due, service])
    return rows


HEADER = ["id", "name", "x", "y", "demand", "ready", "due", "service"]

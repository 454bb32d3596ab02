#!/usr/bin/env python3
"""Generate opsbench's synthetic e-commerce sample data (standard library only).

    scripts/generate_sample.py [--seed 42] [--out examples]

Writes users.csv, products.csv, orders.csv, daily_sales.csv, stops.csv, faq.csv
and utterances.csv, plus stores_gbk.csv (GBK, as Excel on Chinese Windows saves
it) and monthly_report.xlsx (a two-sheet workbook). The same seed always gives byte-identical files.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sample import catalog, common, customers, faq, office, sales, stops, utterances  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", default="examples", help="output directory (default examples)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    def write(name, header, rows):
        path = os.path.join(args.out, name)
        count = common.write_csv(path, header, rows)
        print(f"{path}: {count} rows, {os.path.getsize(path):,} bytes")

    products = catalog.build(common.stream(args.seed, "products"))
    users, orders = customers.build(common.stream(args.seed, "customers"), products)
    write("users.csv", customers.USER_HEADER, customers.user_rows(users))
    write("products.csv", catalog.HEADER, catalog.rows(products))
    write("orders.csv", customers.ORDER_HEADER, customers.order_rows(orders))
    write("daily_sales.csv", sales.HEADER, sales.build(common.stream(args.seed, "sales")))
    write("stops.csv", stops.HEADER, stops.build(common.stream(args.seed, "stops")))
    write("faq.csv", faq.HEADER, faq.rows())
    write("utterances.csv", utterances.HEADER, utterances.build(common.stream(args.seed, "utterances")))
    for name, make in [("stores_gbk.csv", office.write_gbk_csv), ("monthly_report.xlsx", office.write_xlsx)]:
        path = os.path.join(args.out, name)
        count = make(path, common.stream(args.seed, name))
        print(f"{path}: {count} rows, {os.path.getsize(path):,} bytes")


if __name__ == "__main__":
    main()

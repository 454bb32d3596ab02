print("opsbench")

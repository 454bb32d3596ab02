"""Runs a peer solver (PyVRP or OR-Tools guided local search) on one VRPLIB or
Solomon instance under a time limit, with the same distance convention as
opsbench (CVRPLIB: nearest integer; Solomon: DIMACS, truncated to one decimal,
computed in integer tenths), and writes the routes as CSV (vehicle, seq, id)
for `route check`. Prints one JSON line: cost, routes, solve seconds.

usage: route_peers.py pyvrp|ortools FILE SECONDS OUT.csv
"""
import json
import math
import sys
import time


def parse(path):
    lines = open(path).read().splitlines()
    if any(line.strip().upper() == "VEHICLE" for line in lines):
        rows, fleet, capacity, state = [], None, None, 0
        for line in lines:
            parts = line.split()
            if not parts:
                continue
            if parts[0].upper() == "VEHICLE":
                state = 1
            elif parts[0].upper() == "CUSTOMER":
                state = 2
            elif parts[0].replace(".", "").isdigit():
                if state == 1:
                    fleet, capacity = int(parts[0]), int(parts[1])
                else:
                    rows.append([float(p) for p in parts])
        ids = [int(r[0]) for r in rows]
        return dict(ids=ids, x=[r[1] for r in rows], y=[r[2] for r in rows], demand=[int(r[3]) for r in rows],
                    ready=[int(r[4]) for r in rows], due=[int(r[5]) for r in rows],
                    service=[int(r[6]) for r in rows], capacity=capacity, fleet=fleet, scale=10)
    header, coords, demand, section = {}, [], {}, ""
    for line in lines:
        text = line.strip()
        if not text or text == "EOF":
            continue
        if text.upper().endswith("_SECTION"):
            section = text.upper()
            continue
        if ":" in text and not section:
            key, value = text.split(":", 1)
            header[key.strip().upper()] = value.strip()
            continue
        parts = text.split()
        if section == "NODE_COORD_SECTION":
            coords.append((int(parts[0]), float(parts[1]), float(parts[2])))
        elif section == "DEMAND_SECTION":
            demand[int(parts[0])] = int(parts[1])
    return dict(ids=[c[0] for c in coords], x=[c[1] for c in coords], y=[c[2] for c in coords],
                demand=[demand[c[0]] for c in coords], ready=None, due=None, service=None,
                capacity=int(header["CAPACITY"]), fleet=int(header["VEHICLES"]) if "VEHICLES" in header else None,
                scale=1)


def matrix(inst):
    n = len(inst["x"])
    d = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            e = math.hypot(inst["x"][i] - inst["x"][j], inst["y"][i] - inst["y"][j])
            d[i][j] = int(math.floor(10 * e)) if inst["scale"] == 10 else int(math.floor(e + 0.5))
    return d


def fleet_size(inst):
    if inst["fleet"]:
        return inst["fleet"]
    n = len(inst["x"]) - 1
    bound = math.ceil(sum(inst["demand"]) / inst["capacity"])
    return min(n, math.ceil(1.5 * bound) + 2)


def solve_pyvrp(inst, d, seconds):
    from pyvrp import Model
    from pyvrp.stop import MaxRuntime

    s, tw = inst["scale"], inst["ready"] is not None
    m = Model()
    locations = [m.add_location(x, y) for x, y in zip(inst["x"], inst["y"])]
    depot = m.add_depot(locations[0], tw_early=inst["ready"][0] * s if tw else 0,
                        tw_late=inst["due"][0] * s if tw else 2**62)
    n = len(locations)
    m.add_vehicle_type(num_available=inst["fleet"] or n - 1, capacity=inst["capacity"], start_depot=depot, end_depot=depot,
                       tw_early=inst["ready"][0] * s if tw else 0, tw_late=inst["due"][0] * s if tw else 2**62)
    for i in range(1, n):
        if tw:
            m.add_client(locations[i], delivery=inst["demand"][i], service_duration=inst["service"][i] * s,
                         tw_early=inst["ready"][i] * s, tw_late=inst["due"][i] * s)
        else:
            m.add_client(locations[i], delivery=inst["demand"][i])
    for i in range(n):
        for j in range(n):
            if i != j:
                m.add_edge(locations[i], locations[j], distance=d[i][j], duration=d[i][j] if tw else 0)
    result = m.solve(stop=MaxRuntime(seconds), seed=1, display=False)
    if not result.is_feasible():
        return None
    # client activities carry the client's index; locations count the one depot first
    return [[a.idx + 1 for a in route if a.is_client()] for route in result.best.routes()]


def solve_ortools(inst, d, seconds):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n, s, tw = len(d), inst["scale"], inst["ready"] is not None
    vehicles = fleet_size(inst)
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    dist = routing.RegisterTransitCallback(lambda a, b: d[manager.IndexToNode(a)][manager.IndexToNode(b)])
    routing.SetArcCostEvaluatorOfAllVehicles(dist)
    demand = routing.RegisterUnaryTransitCallback(lambda a: inst["demand"][manager.IndexToNode(a)])
    routing.AddDimensionWithVehicleCapacity(demand, 0, [inst["capacity"]] * vehicles, True, "load")
    if tw:
        def travel(a, b):
            i, j = manager.IndexToNode(a), manager.IndexToNode(b)
            return inst["service"][i] * s + d[i][j]
        time_cb = routing.RegisterTransitCallback(travel)
        horizon = inst["due"][0] * s
        routing.AddDimension(time_cb, horizon, horizon, False, "time")
        dim = routing.GetDimensionOrDie("time")
        for node in range(1, n):
            dim.CumulVar(manager.NodeToIndex(node)).SetRange(inst["ready"][node] * s, inst["due"][node] * s)
        for v in range(vehicles):
            dim.CumulVar(routing.Start(v)).SetRange(inst["ready"][0] * s, horizon)
            dim.CumulVar(routing.End(v)).SetRange(inst["ready"][0] * s, horizon)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(params)
    if solution is None:
        return None
    routes = []
    for v in range(vehicles):
        index, route = solution.Value(routing.NextVar(routing.Start(v))), []
        while not routing.IsEnd(index):
            route.append(manager.IndexToNode(index))
            index = solution.Value(routing.NextVar(index))
        if route:
            routes.append(route)
    return routes


def main():
    solver, path, seconds, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    inst = parse(path)
    d = matrix(inst)
    start = time.perf_counter()
    routes = (solve_pyvrp if solver == "pyvrp" else solve_ortools)(inst, d, seconds)
    elapsed = time.perf_counter() - start
    if routes is None:
        print(json.dumps(dict(solver=solver, feasible=False, seconds=elapsed)))
        return
    with open(out, "w") as f:
        f.write("vehicle,seq,id\n")
        for v, route in enumerate(routes, 1):
            for k, node in enumerate(route, 1):
                f.write(f"{v},{k},{inst['ids'][node]}\n")
    cost = sum(d[a][b] for r in routes for a, b in zip([0] + r, r + [0])) / inst["scale"]
    print(json.dumps(dict(solver=solver, feasible=True, cost=cost, routes=len(routes), seconds=round(elapsed, 2))))


if __name__ == "__main__":
    main()

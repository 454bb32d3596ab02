import Foundation
import OpsKit

/// Every user-facing text of the route plugin, in both interface languages.
enum Strings {
    static var summary: Localized {
        .init(en: "Logistics: capacitated vehicle routing with time windows from a depot",
              zh: "物流：从配送中心出发、带容量和时间窗约束的车辆路径规划")
    }

    // MARK: Instance files
    static func syntaxError(file: String, line: Int, problem: String) -> String {
        L("\(file):\(line): \(problem)", "\(file) 第 \(line) 行：\(problem)")
    }
    static func notANumber(_ token: String) -> String { L("'\(token)' is not a number", "'\(token)' 不是数值") }
    static func notAnId(_ token: String) -> String {
        L("'\(token)' is not a whole-number id (at most \(Int64(RouteLimits.id)))", "'\(token)' 不是整数编号（最大 \(Int64(RouteLimits.id))）")
    }
    static func tooLarge(_ token: String, limit: Double) -> String {
        L("'\(token)' is out of range (the limit is ±\(ValueFormat.double(limit)))", "'\(token)' 超出范围（上限为 ±\(ValueFormat.double(limit))）")
    }
    static func expectedFields(_ names: String, _ found: Int) -> String {
        L("expected the fields \(names), found \(found) field(s)", "应有字段 \(names)，实际有 \(found) 个字段")
    }
    static func unexpectedLine(_ line: String) -> String {
        L("unexpected line '\(line.prefix(40))' outside any section", "在任何段之外出现了意外的行 '\(line.prefix(40))'")
    }
    static func unsupportedWeightType(file: String, _ type: String) -> String {
        L("\(file): EDGE_WEIGHT_TYPE \(type) is not supported (only EUC_2D)", "\(file)：不支持 EDGE_WEIGHT_TYPE \(type)（只支持 EUC_2D）")
    }
    static func missingHeader(file: String, _ name: String) -> String { L("\(file): no \(name) found", "\(file)：没有找到 \(name)") }
    static func dimensionMismatch(file: String, _ dimension: Int, _ found: Int) -> String {
        L("\(file): DIMENSION is \(dimension) but NODE_COORD_SECTION has \(found) nodes",
          "\(file)：DIMENSION 为 \(dimension)，但 NODE_COORD_SECTION 有 \(found) 个节点")
    }
    static func missingDepot(file: String, _ id: String) -> String {
        L("\(file): depot \(id) is not among the nodes", "\(file)：配送中心 \(id) 不在节点之中")
    }
    static func missingDemand(file: String, _ id: Int64) -> String {
        L("\(file): node \(id) has no demand in DEMAND_SECTION", "\(file)：节点 \(id) 在 DEMAND_SECTION 中没有需求量")
    }
}

extension Strings {
    // MARK: Help
    static var solveAbstract: Localized {
        .init(en: "Plan vehicle routes from a depot: capacities, optional time windows.",
              zh: "规划从配送中心出发的车辆路线：车辆容量，可选时间窗。")
    }
    static var solveDiscussion: Localized {
        .init(
            en: """
                Builds routes with Clarke–Wright savings, improves them with granular local search \
                (relocate, swap, 2-opt, 2-opt*, Or-opt, SWAP*), then searches with SISR ruin-and-recreate \
                under simulated annealing for --iterations, or until --time-limit (default 5s). \
                Distances are Euclidean on x/y (--round: CVRPLIB integer rounding; --geo: great-circle km). \
                Writes one row per visit: vehicle, seq, the stop id, arrival, load (served so far) and \
                distance (driven so far). The same seed and iteration count give the same routes; \
                Ctrl-C stops the search and keeps the best routes found.
                """,
            zh: """
                先用 Clarke–Wright 节约算法构造路线，再用粒度化局部搜索（relocate、swap、2-opt、2-opt*、Or-opt、SWAP*）改进，\
                然后在模拟退火下用 SISR 破坏-重建搜索，共 --iterations 次迭代，或直到 --time-limit（默认 5s）。\
                距离为 x/y 上的欧氏距离（--round：按 CVRPLIB 取整；--geo：大圆距离，单位公里）。\
                每次到访写一行：vehicle、seq、站点编号、arrival、load（已配送量）和 distance（已行驶距离）。\
                相同的种子和迭代次数给出相同的路线；Ctrl-C 停止搜索并保留已找到的最佳路线。
                """)
    }
    static var importAbstract: Localized {
        .init(en: "Read a VRPLIB/CVRPLIB or Solomon instance file into a stops dataset.",
              zh: "把 VRPLIB/CVRPLIB 或 Solomon 算例文件读入为站点数据集。")
    }
    static var importDiscussion: Localized {
        .init(
            en: """
                Writes NAME (columns id, x, y, demand, and ready, due, service for Solomon files) and \
                NAME_meta (key, value: capacity, depot, vehicles, distance convention, time windows), \
                so that `route solve NAME` and `route check ROUTES --stops NAME` need no other option. \
                VRPLIB files use rounded distances, Solomon files the DIMACS one-decimal truncation.
                """,
            zh: """
                写入 NAME（列 id、x、y、demand，Solomon 文件另有 ready、due、service）和 \
                NAME_meta（key、value：容量、配送中心、车辆数、距离约定、时间窗），\
                因此 `route solve NAME` 和 `route check ROUTES --stops NAME` 无需其他选项。\
                VRPLIB 文件使用取整距离，Solomon 文件使用 DIMACS 的保留一位小数截断。
                """)
    }
    static var checkAbstract: Localized {
        .init(en: "Validate a routes dataset against its stops and recompute its cost.",
              zh: "对照站点校验路线数据集，并重新计算其成本。")
    }
    static var checkDiscussion: Localized {
        .init(
            en: """
                Checks that every stop is visited exactly once, that no route exceeds the capacity or the \
                fleet, and that time windows hold; prints the recomputed distance per route. Fails, listing \
                the problems, when the routes are not valid.
                """,
            zh: """
                检查每个站点恰好到访一次、没有路线超出车辆容量或车队规模、时间窗得到满足；\
                打印每条路线重新计算的距离。路线无效时列出问题并报错。
                """)
    }

    // MARK: Option help
    static var stopsArgumentHelp: Localized {
        .init(en: "The stops dataset (one row per stop, the depot included).", zh: "站点数据集（每个站点一行，含配送中心）。")
    }
    static var timeLimitHelp: Localized {
        .init(en: "Longest search time, e.g. 5s, 500ms, 2m (default 5s without --iterations).",
              zh: "最长搜索时间，如 5s、500ms、2m（未给 --iterations 时默认 5s）。")
    }
    static var iterationsHelp: Localized {
        .init(en: "Run exactly this many search iterations: the same seed and count give the same routes.",
              zh: "恰好运行这么多次搜索迭代：相同的种子和次数给出相同的路线。")
    }
    static var idHelp: Localized { .init(en: "Column with the stop ids (default: id).", zh: "站点编号所在的列（默认：id）。") }
    static var xHelp: Localized {
        .init(en: "Column with x, or longitude with --geo (default: x).", zh: "x 坐标所在的列，用 --geo 时为经度（默认：x）。")
    }
    static var yHelp: Localized {
        .init(en: "Column with y, or latitude with --geo (default: y).", zh: "y 坐标所在的列，用 --geo 时为纬度（默认：y）。")
    }
    static var demandHelp: Localized {
        .init(en: "Column with each stop's demand (default: demand).", zh: "各站点需求量所在的列（默认：demand）。")
    }
    static var depotHelp: Localized { .init(en: "Id of the depot stop.", zh: "配送中心的站点编号。") }
    static var capacityHelp: Localized { .init(en: "Capacity of each vehicle, in demand units.", zh: "每辆车的容量，以需求量为单位。") }
    static var vehiclesHelp: Localized {
        .init(en: "Number of vehicles available (default: as many as needed).", zh: "可用车辆数（默认：按需不限）。")
    }
    static var readyHelp: Localized {
        .init(en: "Column with the earliest service start (time windows).", zh: "最早开始服务时间所在的列（时间窗）。")
    }
    static var dueHelp: Localized {
        .init(en: "Column with the latest service start (time windows).", zh: "最晚开始服务时间所在的列（时间窗）。")
    }
    static var serviceHelp: Localized {
        .init(en: "Column with the service duration at each stop.", zh: "各站点服务时长所在的列。")
    }
    static var geoHelp: Localized {
        .init(en: "Great-circle kilometres: x is longitude, y is latitude.", zh: "按大圆距离（公里）计算：x 为经度，y 为纬度。")
    }
    static var roundHelp: Localized {
        .init(en: "Round each distance to the nearest integer (CVRPLIB convention).", zh: "把每段距离四舍五入为整数（CVRPLIB 约定）。")
    }
    static var routesArgumentHelp: Localized {
        .init(en: "The routes dataset (columns vehicle, seq and the stop id).", zh: "路线数据集（列 vehicle、seq 和站点编号）。")
    }
    static var checkStopsHelp: Localized { .init(en: "The stops dataset the routes visit.", zh: "路线所到访的站点数据集。") }
    static var instanceFileHelp: Localized {
        .init(en: "A VRPLIB (.vrp) or Solomon (.txt) instance file.", zh: "VRPLIB（.vrp）或 Solomon（.txt）算例文件。")
    }

    // MARK: Input errors
    static func missingId(row: Int) -> String { L("row \(row) has no stop id", "第 \(row) 行没有站点编号") }
    static func duplicateId(_ id: String) -> String { L("stop id '\(id)' appears more than once", "站点编号 '\(id)' 出现了不止一次") }
    static var duplicateIdHint: String {
        L("each stop needs a unique id; choose another column with --id", "每个站点需要唯一的编号；请用 --id 选择另一列")
    }
    static func badCoordinates(_ id: String) -> String {
        L("stop '\(id)' has a missing or non-finite coordinate", "站点 '\(id)' 的坐标缺失或不是有限数值")
    }
    static func coordinateOutOfRange(_ id: String) -> String {
        L("stop '\(id)' has a coordinate beyond ±\(ValueFormat.double(RouteLimits.coordinate))",
          "站点 '\(id)' 的坐标超出 ±\(ValueFormat.double(RouteLimits.coordinate))")
    }
    static func demandOutOfRange(_ id: String) -> String {
        L("stop '\(id)' has a demand beyond \(ValueFormat.double(RouteLimits.quantity))",
          "站点 '\(id)' 的需求量超过 \(ValueFormat.double(RouteLimits.quantity))")
    }
    static var badCoordinatesHint: String {
        L("fill in x and y for every stop (with --geo: longitude and latitude)", "请为每个站点填写 x 和 y（用 --geo 时为经度和纬度）")
    }
    static func badDemand(_ id: String) -> String { L("stop '\(id)' has a missing or negative demand", "站点 '\(id)' 的需求量缺失或为负") }
    static var needDepot: String { L("no depot given", "没有给出配送中心") }
    static var needDepotHint: String { L("name the depot's id with --depot, e.g. --depot D0", "请用 --depot 给出配送中心的编号，如 --depot D0") }
    static var needCapacity: String { L("no vehicle capacity given", "没有给出车辆容量") }
    static var needCapacityHint: String {
        L("give the capacity of each vehicle with --capacity, e.g. --capacity 100", "请用 --capacity 给出每辆车的容量，如 --capacity 100")
    }
    static var depotKind: String { L("depot id", "配送中心编号") }
    static var idsLabel: String { L("ids", "编号") }
    static func badMetadata(_ dataset: String, _ key: String) -> String {
        L("\(dataset): \(key) must be positive", "\(dataset)：\(key) 必须为正数")
    }
    static func demandExceeds(_ id: String, _ demand: Double, _ capacity: Double) -> String {
        L("stop '\(id)' needs \(ValueFormat.double(demand)), more than a vehicle's capacity \(ValueFormat.double(capacity))",
          "站点 '\(id)' 需要 \(ValueFormat.double(demand))，超过单车容量 \(ValueFormat.double(capacity))")
    }
    static var demandExceedsHint: String {
        L("raise --capacity or split the stop's demand over several rows", "请提高 --capacity，或把该站点的需求拆成多行")
    }
    static func serviceWithoutWindows(_ column: String) -> String {
        L("--service \(column) needs time windows: give --ready and --due too", "--service \(column) 需要时间窗：请同时给出 --ready 和 --due")
    }
    static func tooFewVehicles(_ vehicles: Int, _ bound: Int) -> String {
        L("\(vehicles) vehicle(s) cannot carry the total demand: at least \(bound) are needed",
          "\(vehicles) 辆车装不下总需求：至少需要 \(bound) 辆")
    }
    static func tooFewVehiclesHint(_ bound: Int) -> String {
        L("use --vehicles \(bound) or more, or raise --capacity", "请使用 --vehicles \(bound) 或更多，或提高 --capacity")
    }
    static func badWindow(_ id: String) -> String {
        L("stop '\(id)' has a missing ready, due or service value", "站点 '\(id)' 缺少 ready、due 或 service 的取值")
    }
    static func unreachableWindow(_ id: String, arrival: Double, due: Double) -> String {
        L("stop '\(id)' cannot be reached in its time window: a direct trip from the depot arrives at \(ValueFormat.fixed(arrival, digits: 1)), after its due time \(ValueFormat.double(due))",
          "站点 '\(id)' 无法在其时间窗内到达：从配送中心直达也要在 \(ValueFormat.fixed(arrival, digits: 1)) 到达，晚于最晚时间 \(ValueFormat.double(due))")
    }
    static func cannotReturn(_ id: String, back: Double, close: Double) -> String {
        L("stop '\(id)' cannot be served in time: a direct trip returns to the depot at \(ValueFormat.fixed(back, digits: 1)), after it closes at \(ValueFormat.double(close))",
          "站点 '\(id)' 无法按时服务：直达往返要在 \(ValueFormat.fixed(back, digits: 1)) 才回到配送中心，晚于其关闭时间 \(ValueFormat.double(close))")
    }
    static var unreachableWindowHint: String {
        L("widen the stop's window (or the depot's), or check the time units of ready/due/service",
          "请放宽该站点（或配送中心）的时间窗，或检查 ready/due/service 的时间单位")
    }
    static func unassigned(_ ids: [String]) -> String {
        L("no feasible routes found within the fleet for \(ids.count) stop(s): ", "在车队规模内找不到可行路线的站点有 \(ids.count) 个：")
            + ids.prefix(10).joined(separator: ", ")
    }
    static var unassignedHint: String {
        L("allow more vehicles (--vehicles), raise --capacity, widen time windows or search longer",
          "请增加车辆（--vehicles）、提高 --capacity、放宽时间窗或延长搜索")
    }
    static func cannotRead(_ file: String) -> String { L("cannot read '\(file)'", "无法读取 '\(file)'") }
    static var cannotReadHint: String {
        L("check the path; relative paths start at the workbench's current directory", "请检查路径；相对路径从工作台的当前目录算起")
    }
    static func notText(_ file: String) -> String { L("'\(file)' is not UTF-8 text", "'\(file)' 不是 UTF-8 文本") }

    // MARK: Check
    static func missingVehicle(row: Int) -> String { L("row \(row) has no vehicle or seq", "第 \(row) 行没有 vehicle 或 seq") }
    static func unknownStop(_ id: String, row: Int) -> String { L("row \(row) visits unknown stop '\(id)'", "第 \(row) 行到访了未知站点 '\(id)'") }
    static func notVisited(_ id: String) -> String { L("stop '\(id)' is not visited", "站点 '\(id)' 没有被到访") }
    static func visitedTwice(_ id: String, _ count: Int) -> String { L("stop '\(id)' is visited \(count) times", "站点 '\(id)' 被到访了 \(count) 次") }
    static func tooManyRoutes(_ routes: Int, _ fleet: Int) -> String {
        L("\(routes) routes but only \(fleet) vehicles", "有 \(routes) 条路线，但只有 \(fleet) 辆车")
    }
    static func overCapacity(route: Int, load: String, capacity: String) -> String {
        L("route \(route) carries \(load), over the capacity \(capacity)", "路线 \(route) 载货 \(load)，超过容量 \(capacity)")
    }
    static func lateArrival(route: Int, stop: String, arrival: String, due: String) -> String {
        L("route \(route) reaches stop '\(stop)' at \(arrival), after its due time \(due)",
          "路线 \(route) 在 \(arrival) 到达站点 '\(stop)'，晚于其最晚时间 \(due)")
    }
    static func lateReturn(route: Int, time: String, due: String) -> String {
        L("route \(route) returns at \(time), after the depot closes at \(due)", "路线 \(route) 在 \(time) 返回，晚于配送中心的关闭时间 \(due)")
    }
    static func moreProblems(_ count: Int) -> String { L("… and \(count) more", "… 另有 \(count) 个") }
    static func invalidRoutes(_ name: String, _ count: Int) -> String {
        L("'\(name)' is not a valid solution: \(count) problem(s)", "'\(name)' 不是有效的方案：有 \(count) 个问题")
    }
    static func validRoutes(_ name: String, distance: String) -> String {
        L("'\(name)' is valid: total distance \(distance)", "'\(name)' 有效：总距离 \(distance)")
    }

    // MARK: Reports
    static var searching: String { L("route search", "路线搜索") }
    static func bestCost(_ cost: String) -> String { L("best \(cost)", "最优 \(cost)") }
    static var stoppedEarly: String {
        L("search stopped early (Ctrl-C): these are the best routes found so far", "搜索已提前停止（Ctrl-C）：以下是目前找到的最佳路线")
    }
    static func searchSummary(initial: String, iterations: Int, seed: UInt64) -> String {
        L("savings construction gave \(initial); \(iterations) ruin-and-recreate iterations, seed \(seed)",
          "节约算法构造得到 \(initial)；破坏-重建迭代 \(iterations) 次，随机种子 \(seed)")
    }
    static func solutionHeadline(name: String?, distance: String, routes: Int, stops: Int, fleet: Int?, convention: String) -> String {
        let target = name.map { L("\($0): ", "\($0)：") } ?? ""
        let fleetText = fleet.map { L(" (fleet \($0))", "（车队 \($0) 辆）") } ?? ""
        return target + L("\(routes) routes\(fleetText) visit \(stops) stops, total distance \(distance) (\(convention))",
                          "\(routes) 条路线\(fleetText)到访 \(stops) 个站点，总距离 \(distance)（\(convention)）")
    }
    static func conventionLabel(_ convention: DistanceConvention) -> String {
        switch convention {
        case .euclidean: return L("Euclidean", "欧氏距离")
        case .rounded: return L("Euclidean rounded to integers, CVRPLIB", "欧氏距离取整，CVRPLIB")
        case .dimacs: return L("Euclidean truncated to one decimal, DIMACS", "欧氏距离截断到一位小数，DIMACS")
        case .geo: return L("great-circle km", "大圆距离（公里）")
        }
    }
    static var vehicleHeader: String { L("vehicle", "车辆") }
    static var stopsHeader: String { L("stops", "站点数") }
    static var loadHeader: String { L("load", "载货量") }
    static var utilisationHeader: String { L("utilisation", "装载率") }
    static var distanceHeader: String { L("distance", "距离") }
    static var returnHeader: String { L("back at depot", "返回时间") }
    static var slackHeader: String { L("min slack", "最小余量") }
    static func utilisationLine(_ share: String, lowerBound: Int) -> String {
        L("average utilisation \(share)%; the demand needs at least \(lowerBound) vehicle(s)",
          "平均装载率 \(share)%；总需求至少需要 \(lowerBound) 辆车")
    }
    static var mapLegend: String {
        L("map: @ depot, 1-9 A-Z a-z: the stops of route 1, 2, …", "地图：@ 为配送中心，1-9 A-Z a-z 为第 1、2、… 条路线的站点")
    }
    static var mapLegendCycled: String {
        L("map: @ depot, 1-9 A-Z a-z: the stops of route 1, 2, … (symbols repeat after 61 routes)",
          "地图：@ 为配送中心，1-9 A-Z a-z 为第 1、2、… 条路线的站点（61 条路线之后符号循环使用）")
    }
    static func imported(
        instance: String, name: String, customers: Int, depot: String, capacity: String, vehicles: Int?, lowerBound: Int,
        convention: String, timeWindows: Bool
    ) -> String {
        let fleet = vehicles.map { L("fleet \($0)", "车队 \($0) 辆") } ?? L("fleet unlimited", "车队不限")
        let windows = timeWindows ? L(", time windows", "，带时间窗") : ""
        return L("imported \(instance) as \(name) (+ \(name)_meta): \(customers) customers and depot \(depot), capacity \(capacity), \(fleet) (at least \(lowerBound) needed), \(convention) distances\(windows)",
                 "已导入 \(instance) 为 \(name)（及 \(name)_meta）：\(customers) 个客户和配送中心 \(depot)，容量 \(capacity)，\(fleet)（至少需要 \(lowerBound) 辆），距离：\(convention)\(windows)")
    }
}

import Foundation
import OpsKit

/// A benchmark instance read from a VRPLIB (CVRPLIB) or Solomon file.
public struct InstanceFile: Sendable {
    public var name: String
    public var ids: [Int64]
    public var x: [Double]
    public var y: [Double]
    public var demand: [Double]
    public var ready: [Double]?
    public var due: [Double]?
    public var service: [Double]?
    public var capacity: Double
    /// Row index of the depot.
    public var depotRow: Int
    /// Fixed fleet size, when the file gives one.
    public var vehicles: Int?
    public var convention: DistanceConvention

    /// Reads `text`; errors name the file and line.
    public static func parse(_ text: String, file: String) throws -> InstanceFile {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let isSolomon = lines.contains { $0.trimmingWhitespace().uppercased() == "VEHICLE" }
        return isSolomon ? try parseSolomon(lines, file: file) : try parseVRPLIB(lines, file: file)
    }

    private static func fields(_ line: String) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
    }

    /// A finite number within ±`limit` (coordinates, demands, times).
    private static func number(_ token: Substring, file: String, line: Int, limit: Double = RouteLimits.coordinate) throws -> Double {
        guard let value = Double(token), value.isFinite else {
            throw OpsError(Strings.syntaxError(file: file, line: line, problem: Strings.notANumber(String(token))))
        }
        guard abs(value) <= limit else {
            throw OpsError(Strings.syntaxError(file: file, line: line, problem: Strings.tooLarge(String(token), limit: limit)))
        }
        return value
    }

    /// A whole number usable as a node id or a count.
    private static func integer(_ token: Substring, file: String, line: Int) throws -> Int64 {
        guard let value = Double(token), value.isFinite, value.rounded() == value, abs(value) <= RouteLimits.id else {
            throw OpsError(Strings.syntaxError(file: file, line: line, problem: Strings.notAnId(String(token))))
        }
        return Int64(value)
    }

    // MARK: VRPLIB

    private static func parseVRPLIB(_ lines: [String], file: String) throws -> InstanceFile {
        var header: [String: String] = [:]
        var coords: [(id: Int64, x: Double, y: Double)] = []
        var demands: [Int64: Double] = [:]
        var depots: [Int64] = []
        var section = ""
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingWhitespace()
            if line.isEmpty { continue }
            let upper = line.uppercased()
            if upper == "EOF" { break }
            if upper.hasSuffix("_SECTION") {
                section = upper
                continue
            }
            if let colon = line.firstIndex(of: ":"), section.isEmpty || Double(fields(line)[0]) == nil {
                let key = line[..<colon].trimmingWhitespace().uppercased()
                header[key] = line[line.index(after: colon)...].trimmingWhitespace()
                section = ""
                continue
            }
            let parts = fields(line)
            func bad(_ problem: String) -> OpsError {
                OpsError(Strings.syntaxError(file: file, line: lineNumber, problem: problem))
            }
            switch section {
            case "NODE_COORD_SECTION":
                guard parts.count >= 3 else { throw bad(Strings.expectedFields("id x y", parts.count)) }
                let id = try integer(parts[0], file: file, line: lineNumber)
                coords.append((id, try number(parts[1], file: file, line: lineNumber), try number(parts[2], file: file, line: lineNumber)))
            case "DEMAND_SECTION":
                guard parts.count >= 2 else { throw bad(Strings.expectedFields("id demand", parts.count)) }
                demands[try integer(parts[0], file: file, line: lineNumber)] = try number(parts[1], file: file, line: lineNumber, limit: RouteLimits.quantity)
            case "DEPOT_SECTION":
                let id = try integer(parts[0], file: file, line: lineNumber)
                if id >= 0 { depots.append(id) }
            default:
                throw bad(Strings.unexpectedLine(line))
            }
        }
        let weightType = header["EDGE_WEIGHT_TYPE"]?.uppercased() ?? "EUC_2D"
        guard weightType == "EUC_2D" else { throw OpsError(Strings.unsupportedWeightType(file: file, weightType)) }
        guard let capacityText = header["CAPACITY"], let capacity = Double(capacityText), capacity > 0, capacity <= RouteLimits.quantity else {
            throw OpsError(Strings.missingHeader(file: file, "CAPACITY"))
        }
        guard !coords.isEmpty else { throw OpsError(Strings.missingHeader(file: file, "NODE_COORD_SECTION")) }
        if let dimension = header["DIMENSION"].flatMap({ Int($0) }), dimension != coords.count {
            throw OpsError(Strings.dimensionMismatch(file: file, dimension, coords.count))
        }
        let depotId = depots.first ?? coords[0].id
        guard let depotRow = coords.firstIndex(where: { $0.id == depotId }) else {
            throw OpsError(Strings.missingDepot(file: file, String(depotId)))
        }
        var demand: [Double] = []
        for node in coords {
            guard let q = demands[node.id] else { throw OpsError(Strings.missingDemand(file: file, node.id)) }
            demand.append(q)
        }
        return InstanceFile(
            name: header["NAME"] ?? file, ids: coords.map(\.id), x: coords.map(\.x), y: coords.map(\.y),
            demand: demand, capacity: capacity, depotRow: depotRow,
            vehicles: header["VEHICLES"].flatMap { Int($0) }, convention: .rounded)
    }

    // MARK: Solomon

    private static func parseSolomon(_ lines: [String], file: String) throws -> InstanceFile {
        var vehicles: Int?, capacity: Double?
        var rows: [[Double]] = []
        var name = ""
        var state = 0  // 0 name, 1 after VEHICLE, 2 after CUSTOMER
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingWhitespace()
            if line.isEmpty { continue }
            let upper = line.uppercased()
            if upper == "VEHICLE" { state = 1; continue }
            if upper == "CUSTOMER" { state = 2; continue }
            let parts = fields(line)
            if Double(parts[0]) == nil {
                if name.isEmpty { name = line }
                continue
            }
            switch state {
            case 1:
                guard parts.count == 2 else { throw OpsError(Strings.syntaxError(file: file, line: lineNumber, problem: Strings.expectedFields("number capacity", parts.count))) }
                vehicles = Int(try integer(parts[0], file: file, line: lineNumber))
                capacity = try number(parts[1], file: file, line: lineNumber, limit: RouteLimits.quantity)
            case 2:
                guard parts.count == 7 else {
                    throw OpsError(Strings.syntaxError(file: file, line: lineNumber, problem: Strings.expectedFields("no x y demand ready due service", parts.count)))
                }
                guard let id = Double(parts[0]), id.rounded() == id, abs(id) <= RouteLimits.id else {
                    throw OpsError(Strings.syntaxError(file: file, line: lineNumber, problem: Strings.notAnId(String(parts[0]))))
                }
                rows.append(try parts.map { try number($0, file: file, line: lineNumber) })
            default:
                throw OpsError(Strings.syntaxError(file: file, line: lineNumber, problem: Strings.unexpectedLine(line)))
            }
        }
        guard let capacity, capacity > 0 else { throw OpsError(Strings.missingHeader(file: file, "VEHICLE")) }
        if let row = rows.first(where: { $0[3] < 0 || $0[3] > RouteLimits.quantity }) {
            throw OpsError(Strings.demandOutOfRange(ValueFormat.double(row[0])))
        }
        guard !rows.isEmpty else { throw OpsError(Strings.missingHeader(file: file, "CUSTOMER")) }
        return InstanceFile(
            name: name.isEmpty ? file : name, ids: rows.map { Int64($0[0]) }, x: rows.map { $0[1] }, y: rows.map { $0[2] },
            demand: rows.map { $0[3] }, ready: rows.map { $0[4] }, due: rows.map { $0[5] }, service: rows.map { $0[6] },
            capacity: capacity, depotRow: 0, vehicles: vehicles, convention: .dimacs)
    }
}

extension InstanceFile {
    /// The instance in solver form, the depot moved to node 0.
    public func makeInstance() -> Instance {
        var order = [depotRow]
        order += (0..<ids.count).filter { $0 != depotRow }
        return Instance(
            x: order.map { x[$0] }, y: order.map { y[$0] }, demand: order.map { $0 == depotRow ? 0 : demand[$0] },
            capacity: capacity, maxVehicles: vehicles, convention: convention,
            ready: ready.map { r in order.map { r[$0] } }, due: due.map { d in order.map { d[$0] } },
            service: service.map { s in order.map { s[$0] } })
    }
}

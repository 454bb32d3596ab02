import ArgumentParser
import Foundation
import OpsKit

/// `route import FILE`: a VRPLIB/CVRPLIB or Solomon instance as a stops dataset plus its metadata.
struct ImportCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: Strings.importAbstract.encoded, discussion: Strings.importDiscussion.encoded)
    static let examples = [
        "route import ../shared/data/vrp/A-n32-k5.vrp --as a32",
        "route import ../shared/data/vrp/C101.txt --as c101",
    ]

    @Argument(help: ArgumentHelp(Strings.instanceFileHelp), completion: Completion.file)
    var file: String
    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw OpsError(Strings.cannotRead(file), hint: Strings.cannotReadHint)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw OpsError(Strings.notText(file)) }
        let parsed = try InstanceFile.parse(text, file: url.lastPathComponent)
        let name = result.name(or: "stops")
        var columns = [
            Column(name: "id", integers: parsed.ids), Column(name: "x", doubles: parsed.x),
            Column(name: "y", doubles: parsed.y), Column(name: "demand", doubles: parsed.demand),
        ]
        if let ready = parsed.ready, let due = parsed.due, let service = parsed.service {
            columns += [Column(name: "ready", doubles: ready), Column(name: "due", doubles: due), Column(name: "service", doubles: service)]
        }
        let depot = String(parsed.ids[parsed.depotRow])
        let meta = StopsMetadata(
            capacity: parsed.capacity, depot: depot, vehicles: parsed.vehicles, convention: parsed.convention,
            timeWindows: parsed.ready != nil)
        try context.store(try Dataset(columns: columns), as: name)
        try context.store(try meta.dataset(source: url.lastPathComponent), as: StopsMetadata.name(for: name))
        let customers = parsed.ids.count - 1
        let bound = Int((parsed.demand.reduce(0, +) / parsed.capacity - 1e-9).rounded(.up))
        context.print(Strings.imported(
            instance: parsed.name, name: name, customers: customers, depot: depot,
            capacity: ValueFormat.double(parsed.capacity), vehicles: parsed.vehicles, lowerBound: bound,
            convention: Strings.conventionLabel(parsed.convention), timeWindows: parsed.ready != nil))
    }
}

import Foundation
import OpsKit

/// Where each lesson stands, kept in the workspace as the dataset `_lessons`
/// (one row per lesson: its title, file, the next step, hints shown at it, finished),
/// so a student can stop and resume in a later session; `sql` can read it.
struct LessonProgress: Equatable {
    static let datasetName = "_lessons"

    struct Record: Equatable {
        var title: String
        var file: String
        /// The step to do next, from 0; equal to the step count when finished.
        var step: Int
        /// Hints shown so far at that step.
        var hints: Int
    }

    private(set) var records: [Record] = []

    /// The progress stored in `workspace` (none when it has no `_lessons`).
    static func load(from workspace: Workspace) throws -> LessonProgress {
        guard workspace.datasetNames.contains(datasetName) else { return LessonProgress() }
        let data = try workspace.dataset(named: datasetName)
        guard let titles = data.texts("lesson"), let files = data.texts("file"), let steps = data.numbers("step"),
            let hints = data.numbers("hints")
        else { throw LessonMessages.damagedProgress }
        var progress = LessonProgress()
        for row in 0..<data.rowCount where steps[row].isFinite && hints[row].isFinite {
            progress.records.append(Record(title: titles[row], file: files[row], step: Int(steps[row]), hints: Int(hints[row])))
        }
        return progress
    }

    func record(for lesson: Lesson) -> Record? { records.first { $0.title == lesson.title } }

    mutating func update(_ record: Record) {
        if let i = records.firstIndex(where: { $0.title == record.title }) { records[i] = record } else { records.append(record) }
    }

    mutating func remove(title: String) { records.removeAll { $0.title == title } }

    /// Writes the progress to the workspace in one commit (no "stored" message: it is bookkeeping).
    func save(to workspace: Workspace, command: String) throws {
        let data = try Dataset(columns: [
            Column(name: "lesson", strings: records.map(\.title)), Column(name: "file", strings: records.map(\.file)),
            Column(name: "step", integers: records.map { Int64($0.step) }), Column(name: "hints", integers: records.map { Int64($0.hints) }),
        ])
        let provenance = Provenance(command: command, inputs: [], seed: nil)
        _ = try workspace.apply([.put(StagedDataset(name: Self.datasetName, dataset: data, provenance: provenance))])
    }
}

import Foundation
import OpsKit

/// Where lessons are found: a file path, or a name among the bundled lessons
/// (`examples/lessons/*.lesson` under the current folder, or the folders in `$OPSBENCH_LESSONS`).
enum LessonLibrary {
    static let fileExtension = "lesson"

    /// The folders searched for lesson names, in order.
    static var folders: [String] {
        if let list = ProcessInfo.processInfo.environment["OPSBENCH_LESSONS"], !list.isEmpty {
            return list.split(separator: ":").map(String.init)
        }
        return [FileManager.default.currentDirectoryPath + "/examples/lessons"]
    }

    /// Every lesson file in the folders, by name.
    static func bundled() -> [String] {
        folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { folder + "/" + $0 }
        }
    }

    /// The lesson file for `reference`: an existing path, or the bundled lesson of that name (with or without extension).
    static func resolve(_ reference: String) throws -> String {
        let path = FilePath.expandingTilde(reference)
        if FileManager.default.fileExists(atPath: path) { return path }
        let stem = reference.hasSuffix("." + fileExtension) ? String(reference.dropLast(fileExtension.count + 1)) : reference
        if let match = bundled().first(where: { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension == stem }) {
            return match
        }
        throw OpsError(LessonMessages.noSuchLesson(reference), hint: LessonMessages.seeLessonList)
    }

    static func load(_ path: String) throws -> Lesson {
        try LessonParser.parse(try ScriptSource.text(at: path), path: path)
    }
}

import OpsKit

/// Runs a step's checks against the student's datasets (through the read-only `sql`).
enum LessonCheck {
    /// The outcome of one check.
    enum Outcome: Equatable {
        case passed
        /// The query ran but gave `got` (nil: no rows).
        case wrong(got: String?)
        /// The query could not run (a dataset or column is missing): the error's message.
        case failed(String)
    }

    static func run(_ check: Lesson.Check, in workspace: Workspace) -> Outcome {
        let result: Dataset
        do { result = try workspace.query(check.query) } catch let error as OpsError {
            return .failed(error.message)
        } catch {
            return .failed(String(describing: error))
        }
        guard result.rowCount > 0, let column = result.columns.first else { return .wrong(got: nil) }
        let value = column.isNull(0) ? nil : column.formatted(at: 0)
        guard let expected = check.expected else { return truthy(column, value) ? .passed : .wrong(got: value) }
        guard let value else { return .wrong(got: nil) }
        if let want = Double(expected), let got = Double(value) {
            let tolerance = check.tolerance ?? Tolerance(relative: 1e-9, absolute: 1e-12)
            return tolerance.accepts(want, got) ? .passed : .wrong(got: value)
        }
        return value.trimmingWhitespace() == expected ? .passed : .wrong(got: value)
    }

    /// A predicate's value: a non-zero number, `true`, or the text `true`/`1`.
    private static func truthy(_ column: Column, _ value: String?) -> Bool {
        guard let value else { return false }
        if let number = Double(value) { return number != 0 }
        return value.lowercased() == "true"
    }
}

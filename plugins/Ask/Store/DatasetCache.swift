import Foundation
import OpsKit

/// Keeps the object built from a stored dataset (an index, a model) while the
/// dataset is unchanged, so repeated questions do not rebuild it.
final class DatasetCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (dataset: Dataset, value: Value)] = [:]

    func value(for name: String, dataset: Dataset, build: () throws -> Value) rethrows -> Value {
        lock.lock()
        let cached = entries[name]
        lock.unlock()
        if let cached, cached.dataset == dataset { return cached.value }
        let value = try build()
        lock.lock()
        entries[name] = (dataset, value)
        lock.unlock()
        return value
    }
}

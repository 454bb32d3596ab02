/// A dataset source backed by a dictionary: for tests and embedding.
public final class InMemoryDatasets: DatasetSource {
    public private(set) var datasets: [String: Dataset]

    public init(_ datasets: [String: Dataset] = [:]) { self.datasets = datasets }

    public func dataset(named name: String) throws -> Dataset {
        guard let dataset = datasets[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }
        return dataset
    }

    public var datasetNames: [String] { datasets.keys.sorted() }

    /// Adds the datasets a command staged, as the session does when a command succeeds.
    public func commit(_ staged: [StagedDataset]) {
        for item in staged { datasets[item.name] = item.dataset }
    }
}

/// An output sink that keeps everything written: for tests and transcripts.
public final class TextBuffer: OutputSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }

    /// Returns what was written so far and empties the buffer.
    public func take() -> String {
        defer { text = "" }
        return text
    }
}

import Foundation
import OpsKit
import Testing

@testable import Workbench

/// `show` reads only the rows it prints from a dataset's file.
@Suite struct WorkspacePreviewTests {
    @Test func previewEqualsTheHeadOfTheFullDataset() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-preview-\(UUID().uuidString)")
        let rows = 1000
        let dataset = try Dataset(columns: [
            Column(name: "id", integers: (0..<rows).map { Int64($0) }),
            Column(name: "名称", strings: (0..<rows).map { $0 % 7 == 0 ? nil : "商品 \($0) 智能手机,大屏幕,高性能" }),
            Column(name: "价格", doubles: (0..<rows).map { $0 % 5 == 0 ? nil : Double($0) / 3 }),
            Column(name: "有货", bools: (0..<rows).map { $0 % 3 == 0 ? nil : $0 % 2 == 0 }),
            Column(name: "日期", days: (0..<rows).map { Int64(20_000 + $0) }),
        ])
        try Workspace(directory: directory).apply([
            .put(StagedDataset(name: "items", dataset: dataset, provenance: Provenance(command: "t", inputs: [], seed: nil)))
        ])
        let reopened = try Workspace(directory: directory)
        for count in [0, 1, 10, 999, 1000, 5000] {
            #expect(try reopened.preview(named: "items", rows: count) == dataset.head(count))
        }
        #expect(try reopened.dataset(named: "items") == dataset)
        #expect(throws: OpsError.self) { try reopened.preview(named: "nothing", rows: 3) }
    }
}

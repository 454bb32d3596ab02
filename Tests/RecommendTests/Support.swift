import OpsKit

@testable import Recommend

/// The content example of the issue.
func phoneCatalogue() throws -> Dataset {
    try Dataset(columns: [
        Column(name: "商品ID", strings: ["P1", "P2", "P3", "P4"]),
        Column(name: "描述", strings: ["智能手机,大屏幕,高性能", "平板电脑,轻薄便携", "智能手机,拍照功能强", "笔记本电脑,续航长"]),
    ])
}

/// The string values of a column.
func strings(_ dataset: Dataset, _ column: String) throws -> [String] {
    try dataset.column(column).stringValues().map { $0 ?? "" }
}

/// The numbers of a column.
func numbers(_ dataset: Dataset, _ column: String) throws -> [Double] {
    try dataset.column(column).requireNumeric()
}

import Foundation
import OpsKit

/// User-facing messages of the workspace store, SQL and statistics.
enum StorageMessages {
    static func cannotOpenCatalog(_ path: String, _ detail: String) -> OpsError {
        OpsError("cannot open the workspace catalogue \(path): \(detail)", hint: "check that the workspace folder is writable")
    }

    static func cannotCreateWorkspace(_ path: String, _ detail: String) -> OpsError {
        OpsError("cannot create the workspace at \(path): \(detail)", hint: "choose another folder with --workspace")
    }

    // MARK: Recognising a workspace

    static func notAFolder(_ path: String) -> OpsError {
        OpsError(
            L("cannot open the workspace \(path): it is a file, not a folder",
              "无法打开工作区 \(path)：它是文件，不是文件夹"),
            hint: L("choose a folder with --workspace", "请用 --workspace 指定一个文件夹"))
    }

    static func notAWorkspace(_ path: String, example: String) -> OpsError {
        OpsError(
            L("\(path) is not an opsbench workspace (it holds other files, e.g. \(example)); nothing in it was changed",
              "\(path) 不是 opsbench 工作区（其中有其他文件，例如 \(example)）；其中的文件均未改动"),
            hint: L("use a new or empty folder, e.g. --workspace \(path)/.opsbench",
                    "请使用新的或空的文件夹，例如 --workspace \(path)/.opsbench"))
    }

    static func notACatalogue(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is not an opsbench workspace catalogue; nothing in the folder was changed",
              "\(path) 不是 opsbench 工作区目录库；文件夹中的文件均未改动"),
            hint: L("use a new or empty folder with --workspace", "请用 --workspace 指定新的或空的文件夹"))
    }

    static func newerCatalogue(_ path: String, _ version: Int) -> OpsError {
        OpsError(
            L("the workspace catalogue \(path) was written by a newer opsbench (layout \(version))",
              "工作区目录库 \(path) 由更新版本的 opsbench 写入（布局 \(version)）"),
            hint: L("open it with that opsbench version", "请用该版本的 opsbench 打开"))
    }

    static func catalogueMissing(_ path: String, dataFiles: Int) -> OpsError {
        OpsError(
            L("the workspace \(path) has \(dataFiles) dataset file(s) in data/ but no catalogue (catalog.sqlite is missing or empty); nothing was deleted",
              "工作区 \(path) 的 data/ 中有 \(dataFiles) 个数据集文件，但没有目录库（catalog.sqlite 缺失或为空）；没有删除任何文件"),
            hint: L("put catalog.sqlite back from a backup, or open another folder with --workspace",
                    "请从备份恢复 catalog.sqlite，或用 --workspace 打开其他文件夹"))
    }

    static func dataIsSymlink(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is a symbolic link; the workspace refuses to use it (nothing was changed)",
              "\(path) 是符号链接；工作区拒绝使用它（没有改动任何文件）"),
            hint: L("make data/ a real folder inside the workspace, or open another folder with --workspace",
                    "请让 data/ 成为工作区中的真实文件夹，或用 --workspace 打开其他文件夹"))
    }

    static func invalidStoredName(_ file: String) -> OpsError {
        OpsError(
            L("the catalogue names the file '\(file)', which is not a workspace data file name; it is not used",
              "目录库记录的文件名 '\(file)' 不是工作区数据文件名；不予使用"),
            hint: L("restore an earlier version (datasets --versions NAME), or load the data again",
                    "请恢复较早的版本（datasets --versions 名称），或重新载入数据"))
    }

    static func sqliteFailed(_ detail: String) -> OpsError {
        OpsError("workspace catalogue error: \(detail)", hint: "another opsbench may be writing this workspace; try again")
    }

    /// A dataset whose file cannot be used; names the dataset, the file and what is wrong.
    static func damagedFile(_ dataset: String, _ file: String, _ damage: ColumnarFile.Damage?) -> OpsError {
        OpsError(
            L("the stored data of '\(dataset)' (data/\(file)) is damaged: \(describe(damage)); the other datasets are not affected",
              "数据集 '\(dataset)' 的存储文件（data/\(file)）已损坏：\(describe(damage))；其他数据集不受影响"),
            hint: damagedHint(dataset))
    }

    static func damagedHint(_ dataset: String) -> String {
        L("nothing was deleted; load or compute '\(dataset)' again to replace it",
          "没有删除任何文件；请重新载入或计算 '\(dataset)' 以替换它")
    }

    private static func describe(_ damage: ColumnarFile.Damage?) -> String {
        switch damage {
        case nil: return L("it does not match the catalogue", "与目录库记录不符")
        case .unreadable(let detail): return L("it cannot be read (\(detail))", "无法读取（\(detail)）")
        case .notAColumnarFile: return L("it is not a workspace data file", "不是工作区数据文件")
        case .truncated: return L("it is truncated or a length in it is wrong", "文件被截断或其中的长度有误")
        case .badChecksum(let column?): return L("checksum mismatch in column '\(column)'", "列 '\(column)' 校验和不符")
        case .badChecksum(nil): return L("checksum mismatch in its header", "文件头校验和不符")
        case .inconsistent(let column?): return L("column '\(column)' is inconsistent", "列 '\(column)' 数据不一致")
        case .inconsistent(nil): return L("its header is inconsistent", "文件头数据不一致")
        }
    }

    static func datasetExists(_ name: String) -> OpsError {
        OpsError("a dataset named '\(name)' already exists", hint: "drop it first, or choose another name")
    }

    // MARK: SQL

    static func sqlError(_ detail: String, datasets: [String]) -> OpsError {
        let prefix = "no such table: "
        if detail.hasPrefix(prefix) {
            return OpsError.unknownDataset(String(detail.dropFirst(prefix.count)), available: datasets)
        }
        return OpsError("sql: \(detail)", hint: "datasets are tables and their columns are columns; quote names with \"...\"")
    }

    static let sqlNotAQuery = OpsError(
        "sql runs queries only (SELECT or WITH ... SELECT)",
        hint: "datasets change through commands: store a query's result with --as NAME")

    static let sqlOneStatement = OpsError(
        "sql runs one statement at a time", hint: "remove the text after the first ';'")

    static let sqlEmpty = OpsError("sql: the query is empty", hint: "for example: sql \"SELECT * FROM users LIMIT 5\"")
}

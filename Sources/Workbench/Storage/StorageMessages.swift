import Foundation
import OpsKit

/// User-facing messages of the workspace store, SQL and statistics.
enum StorageMessages {
    static func cannotOpenCatalog(_ path: String, _ detail: String) -> OpsError {
        OpsError(L("cannot open the workspace catalogue \(path): \(detail)", "无法打开工作区目录库 \(path)：\(detail)"),
                 hint: L("check that the workspace folder is writable", "请检查工作区文件夹是否可写"))
    }

    static func cannotCreateWorkspace(_ path: String, _ detail: String) -> OpsError {
        OpsError(L("cannot create the workspace at \(path): \(detail)", "无法在 \(path) 创建工作区：\(detail)"),
                 hint: L("choose another folder with --workspace", "请用 --workspace 选择另一个文件夹"))
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

    /// A SQLite error of the catalogue; the hint follows the error code (`SQLITE_BUSY` and
    /// `SQLITE_LOCKED` alone mean another process is writing).
    static func sqliteFailed(_ detail: String, code: Int32) -> OpsError {
        let hint: String
        switch code & 0xFF {
        case 5, 6:  // SQLITE_BUSY, SQLITE_LOCKED
            hint = L("another opsbench is writing this workspace; try again", "另一个 opsbench 正在写入此工作区；请重试")
        case 11, 26:  // SQLITE_CORRUPT, SQLITE_NOTADB
            hint = L("the catalogue is damaged; nothing was deleted — put catalog.sqlite back from a backup",
                     "目录库已损坏；没有删除任何文件——请从备份恢复 catalog.sqlite")
        case 8, 13:  // SQLITE_READONLY, SQLITE_FULL
            hint = L("check that the workspace folder is writable and the disk has space",
                     "请检查工作区文件夹是否可写、磁盘是否有空间")
        default:
            hint = L("check the workspace folder (--workspace)", "请检查工作区文件夹（--workspace）")
        }
        return OpsError(L("workspace catalogue error: \(detail)", "工作区目录库错误：\(detail)"), hint: hint)
    }

    /// A dataset whose file cannot be used; names the dataset, the file and what is wrong.
    static func damagedFile(_ dataset: String, _ file: String, _ damage: ColumnarFile.Damage?, hint: String) -> OpsError {
        OpsError(
            L("the stored data of '\(dataset)' (data/\(file)) is damaged: \(describe(damage)); the other datasets are not affected",
              "数据集 '\(dataset)' 的存储文件（data/\(file)）已损坏：\(describe(damage))；其他数据集不受影响"),
            hint: hint)
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

    // MARK: Versions

    static func damagedEntry(_ dataset: String, hint: String) -> OpsError {
        OpsError(
            L("the catalogue entry of '\(dataset)' is damaged (its checksum does not match); the other datasets are not affected",
              "数据集 '\(dataset)' 的目录库记录已损坏（校验和不符）；其他数据集不受影响"),
            hint: hint)
    }

    static func damagedHint(_ dataset: String, restorable version: Int?) -> String {
        if let version {
            return L("nothing was deleted; bring back the earlier version with: restore \(dataset)@\(version) (see datasets --versions \(dataset))",
                     "没有删除任何文件；可用 restore \(dataset)@\(version) 恢复较早的版本（参见 datasets --versions \(dataset)）")
        }
        return L("nothing was deleted; load or compute '\(dataset)' again to replace it",
                 "没有删除任何文件；请重新载入或计算 '\(dataset)' 以替换它")
    }

    static func replaced(_ replacement: Replacement) -> String {
        let (name, old, new) = (replacement.name, replacement.previous, replacement.current)
        return L("replaced \(name) (v\(old) → v\(new); the previous version: restore \(name)@\(old))",
                 "已替换 \(name)（v\(old) → v\(new)；之前的版本：restore \(name)@\(old)）")
    }

    static func restored(_ name: String, version: Int, as new: Int, previous: Int?) -> String {
        if let previous {
            return L("restored \(name)@\(version) as \(name) v\(new) (it replaced v\(previous): restore \(name)@\(previous) undoes this)",
                     "已将 \(name)@\(version) 恢复为 \(name) v\(new)（替换了 v\(previous)：restore \(name)@\(previous) 可撤销）")
        }
        return L("restored \(name)@\(version) as \(name) v\(new)", "已将 \(name)@\(version) 恢复为 \(name) v\(new)")
    }

    static func undoDrop(_ name: String) -> String {
        L(" (restore \(name) brings it back)", "（restore \(name) 可恢复）")
    }

    static func unknownVersion(_ name: String, _ version: Int, kept: [Int]) -> OpsError {
        OpsError(
            L("'\(name)' has no kept version \(version)", "'\(name)' 没有保留的版本 \(version)"),
            hint: kept.isEmpty
                ? L("no versions of '\(name)' are kept", "没有保留 '\(name)' 的任何版本")
                : L("kept versions: ", "保留的版本：") + kept.map { "\(name)@\($0)" }.joined(separator: ", "))
    }

    static func noVersions(_ name: String, available: [String]) -> OpsError {
        let error = OpsError.unknownDataset(name, available: available)
        return OpsError(
            L("'\(name)' has no kept versions", "'\(name)' 没有保留的版本"),
            hint: error.hint)
    }

    static func nothingEarlier(_ name: String, current: Int) -> OpsError {
        OpsError(
            L("'\(name)' has no version before v\(current) to restore", "'\(name)' 没有早于 v\(current) 的版本可恢复"),
            hint: L("see the kept versions with: datasets --versions \(name)", "查看保留的版本：datasets --versions \(name)"))
    }

    static func alreadyCurrent(_ name: String, _ version: Int) -> OpsError {
        OpsError(
            L("\(name)@\(version) is already the current version", "\(name)@\(version) 已是当前版本"),
            hint: L("see the kept versions with: datasets --versions \(name)", "查看保留的版本：datasets --versions \(name)"))
    }

    static func badVersionReference(_ text: String) -> OpsError {
        OpsError(
            L("'\(text)' is not NAME or NAME@N (N a version number from 1)", "'\(text)' 不是 名称 或 名称@N（N 为从 1 起的版本号）"),
            hint: L("for example: restore rfm@2", "例如：restore rfm@2"))
    }

    static var restoreAbstract: Localized {
        .init(en: "Bring back a kept version of a dataset (undo a replace or a drop).",
              zh: "恢复数据集的保留版本（撤销替换或删除）。")
    }

    static var restoreDiscussion: Localized {
        .init(
            en: "Without @N, restores the version before the current one (or the last one, after a drop). The restored data becomes a new version, so a restore can be undone too. datasets --versions NAME lists the kept versions.",
            zh: "不带 @N 时恢复当前版本之前的版本（删除之后则恢复最后一个版本）。恢复的数据成为新版本，因此恢复也可以撤销。datasets --versions 名称 列出保留的版本。")
    }

    static var restoreTargetHelp: Localized {
        .init(en: "Dataset to restore, NAME or NAME@N.", zh: "要恢复的数据集：名称 或 名称@N。")
    }

    static var versionsHelp: Localized {
        .init(en: "List the kept versions of this dataset.", zh: "列出该数据集保留的版本。")
    }

    static var versionHeaders: [String] {
        [L("version", "版本"), L("stored", "存储时间"), L("rows", "行数"), L("columns", "列数"), L("made by", "来源命令")]
    }

    static func currentMark(_ version: Int) -> String { L("v\(version) (current)", "v\(version)（当前）") }

    static func nonFinite(column: String, dataset: String, command: String) -> OpsError {
        OpsError(
            L("'\(command)' computed NaN or infinite values in column '\(column)' of '\(dataset)' from finite input (an overflow); nothing was stored",
              "'\(command)' 由有限的输入在 '\(dataset)' 的列 '\(column)' 中算出了 NaN 或无穷大（数值溢出）；未存储任何结果"),
            hint: L("rescale the input (e.g. smaller units) or filter out the extreme values, then run it again",
                    "请缩放输入（例如换用更小的单位）或过滤极端值后重试"))
    }

    static func datasetExists(_ name: String) -> OpsError {
        OpsError(L("a dataset named '\(name)' already exists", "已存在名为 '\(name)' 的数据集"),
                 hint: L("drop it first, or choose another name", "请先删除它，或换一个名称"))
    }

    // MARK: SQL

    static func sqlError(_ detail: String, datasets: [String]) -> OpsError {
        let prefix = "no such table: "
        if detail.hasPrefix(prefix) {
            return OpsError.unknownDataset(String(detail.dropFirst(prefix.count)), available: datasets)
        }
        return OpsError(L("sql: \(detail)", "sql：" + SQLMessages.inChinese(detail)),
                        hint: L("datasets are tables and their columns are columns; quote names with \"...\"",
                                "数据集就是表，其列就是表的列；名称请用 \"...\" 括起来"))
    }

    static var sqlNotAQuery: OpsError {
        OpsError(
            L("sql runs queries only (SELECT or WITH ... SELECT)", "sql 只运行查询（SELECT 或 WITH ... SELECT）"),
            hint: L("datasets change through commands: store a query's result with --as NAME",
                    "数据集只能通过命令修改：用 --as 名称 保存查询结果"))
    }

    static var sqlOneStatement: OpsError {
        OpsError(L("sql runs one statement at a time", "sql 一次只运行一条语句"),
                 hint: L("remove the text after the first ';'", "请删除第一个 ';' 之后的文字"))
    }

    static var sqlEmpty: OpsError {
        OpsError(L("sql: the query is empty", "sql：查询为空"),
                 hint: L("for example: sql \"SELECT * FROM users LIMIT 5\"", "例如：sql \"SELECT * FROM users LIMIT 5\""))
    }
}

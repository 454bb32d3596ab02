import OpsKit

/// Messages about remote datasets (rows in an engine plugin such as Spark), in both interface languages.
enum RemoteText {
    /// The fallback when local code reads a remote dataset's rows.
    static func notLocal(_ name: String, engine: String) -> OpsError {
        OpsError(
            L("\(name) is a remote dataset: its rows are in \(engine), and this command reads local data",
              "\(name) 是远程数据集：数据在 \(engine) 中，而该命令读取本地数据"),
            hint: pullHint(name, engine: engine), code: .unknownDataset)
    }

    static func cannotRun(_ command: String, _ name: String, engine: String) -> OpsError {
        OpsError(
            L("'\(command)' cannot run on the remote dataset \(name) (its rows are in \(engine), which does not run '\(command)')",
              "'\(command)' 无法在远程数据集 \(name) 上运行（数据在 \(engine) 中，而 \(engine) 不支持 '\(command)'）"),
            hint: pullHint(name, engine: engine), code: .unknownDataset)
    }

    static func pullHint(_ name: String, engine: String) -> String {
        L("bring it home first: \(engine) pull \(name) --as \(name)_local", "先拉回本地：\(engine) pull \(name) --as \(name)_local")
    }

    static func twoEngines(_ first: String, _ second: String) -> OpsError {
        OpsError(
            L("\(first) and \(second) are remote datasets of different engines; one command runs in one engine",
              "\(first) 和 \(second) 是不同引擎中的远程数据集；一条命令只能在一个引擎中运行"),
            hint: L("bring one of them home with pull", "用 pull 把其中一个拉回本地"), code: .conflict)
    }

    static func engineMissing(_ name: String, engine: String) -> OpsError {
        OpsError(
            L("\(name) is a remote dataset of plugin \(engine), which is not added to this session",
              "\(name) 是插件 \(engine) 的远程数据集，而本会话没有添加该插件"),
            hint: L("add it: plugin add PATH (for Spark: plugin add plugins/external/spark/spark.py)",
                    "请添加：plugin add 路径（Spark：plugin add plugins/external/spark/spark.py）"),
            code: .plugin)
    }

    static func otherEngine(_ name: String, engine: String, plugin: String) -> OpsError {
        OpsError(
            L("\(name) is a remote dataset of \(engine); plugin \(plugin) cannot read it",
              "\(name) 是 \(engine) 的远程数据集；插件 \(plugin) 无法读取"),
            hint: pullHint(name, engine: engine), code: .unknownDataset)
    }

    static func sqlMixed(local: String, remote: String, engine: String) -> OpsError {
        OpsError(
            L("the query reads the local dataset \(local) and the remote dataset \(remote): sql runs where all its datasets are",
              "查询同时读取本地数据集 \(local) 和远程数据集 \(remote)：sql 只在其全部数据集所在之处运行"),
            hint: L("send \(local) up (\(engine) push \(local)) or bring \(remote) home (\(engine) pull \(remote) --as \(remote)_local)",
                    "上传 \(local)（\(engine) push \(local)），或把 \(remote) 拉回本地（\(engine) pull \(remote) --as \(remote)_local）"),
            code: .conflict)
    }

    /// After a command stored a remote dataset.
    static func stored(_ name: String, engine: String) -> String {
        L("\(name) is a remote dataset in \(engine): its rows stay there (\(engine) pull \(name) brings them home)",
          "\(name) 是 \(engine) 中的远程数据集：数据留在那里（\(engine) pull \(name) 可拉回本地）")
    }

    /// After `drop` of a remote dataset: only the workspace forgets it.
    static func forgotten(_ engine: String) -> String {
        L(" (only its handle; the rows in \(engine) are not touched)", "（仅删除句柄；\(engine) 中的数据未改动）")
    }

    /// The `datasets` column saying where a dataset lives.
    static var locationHeader: String { L("where", "位置") }
    static var local: String { L("local", "本地") }
    static func lives(in engine: String) -> String { L("remote, in \(engine)", "远程，在 \(engine) 中") }
    static var unknownRows: String { L("?", "?") }
    /// `schema` of a remote dataset: where its rows are.
    static func location(_ engine: String) -> String { L("rows in: \(engine) (remote)", "数据位于：\(engine)（远程）") }
}

import Foundation

/// Recognises a workspace folder before anything in it is written or deleted.
///
/// A folder is opened as a workspace only when it is absent or empty (a new
/// workspace is created), or when it holds a catalogue (`catalog.sqlite`,
/// checked for the workspace marker by ``WorkspaceCatalog``). A folder with
/// other files — a project with its own `data/` folder, or a workspace whose
/// catalogue is missing — is refused and left exactly as it was.
enum WorkspaceFolder {
    static let catalogName = "catalog.sqlite"
    static let dataName = "data"
    /// Files the store creates next to the catalogue.
    private static let ownNames: Set<String> = ["lock", catalogName, dataName]

    enum State {
        /// Absent or empty: the store may create a workspace in it.
        case new
        /// Holds a catalogue.
        case existing
    }

    /// What `directory` is; creates it (and `data/`) when it is new. Throws,
    /// touching nothing, when it is not a workspace or is one in a state the
    /// store must not repair by itself.
    static func prepare(_ directory: URL) throws -> State {
        let manager = FileManager.default
        let data = directory.appendingPathComponent(dataName)
        let catalog = directory.appendingPathComponent(catalogName)
        if let kind = fileKind(directory.path), kind != S_IFDIR, kind != S_IFLNK {
            throw StorageMessages.notAFolder(directory.path)
        }
        if let kind = fileKind(data.path) {
            if kind == S_IFLNK { throw StorageMessages.dataIsSymlink(data.path) }
            if kind != S_IFDIR { throw StorageMessages.notAWorkspace(directory.path, example: dataName) }
        }
        let state: State
        if let size = fileSize(catalog.path), size > 0 {
            state = .existing
        } else {
            let entries = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            let dataEntries = ((try? manager.contentsOfDirectory(atPath: data.path)) ?? []).sorted()
            let storeFiles = dataEntries.filter(StoreFileNames.isDataFile)
            if !storeFiles.isEmpty { throw StorageMessages.catalogueMissing(directory.path, dataFiles: storeFiles.count) }
            if let foreign = entries.first(where: { !ownNames.contains($0) }) ?? dataEntries.first.map({ "\(dataName)/\($0)" }) {
                throw StorageMessages.notAWorkspace(directory.path, example: foreign)
            }
            state = .new
        }
        do {
            try manager.createDirectory(at: data, withIntermediateDirectories: true)
        } catch {
            throw StorageMessages.cannotCreateWorkspace(directory.path, (error as NSError).localizedDescription)
        }
        return state
    }

    /// The file type bits (`S_IFDIR`, `S_IFLNK`, ...) of `path` itself, not following a link; nil when absent.
    static func fileKind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}

/// The workspace's `data/` folder: paths of validated store file names, and
/// removal that never follows a symbolic link and never touches a file the
/// store did not name.
struct DataFolder {
    let url: URL

    /// The path of a stored file; throws when the name is not one the store writes.
    func path(of file: String) throws -> String {
        guard StoreFileNames.isDataFile(file) else { throw StorageMessages.invalidStoredName(file) }
        return url.appendingPathComponent(file).path
    }

    /// Names in the folder that the store wrote (data and temporary files).
    func ownedFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter(StoreFileNames.isOwned)
    }

    /// Unlinks the named store files (other names are ignored) through a
    /// descriptor of the folder opened without following links; fsyncs the
    /// folder. Returns how many were removed.
    @discardableResult
    func remove<S: Sequence>(_ files: S) -> Int where S.Element == String {
        let owned = files.filter(StoreFileNames.isOwned)
        guard !owned.isEmpty else { return 0 }
        let folder = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return 0 }
        defer { close(folder) }
        var removed = 0
        for file in owned where unlinkat(folder, file, 0) == 0 { removed += 1 }
        if removed > 0 { fsync(folder) }
        return removed
    }
}

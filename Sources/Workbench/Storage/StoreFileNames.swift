import Foundation

/// The names of the files the store writes in a workspace's `data/` folder,
/// and the checks that recognise them.
///
/// The store only ever deletes files whose names it could have written: a
/// data file is a lowercase UUID with the `.opscol` extension, and a
/// temporary file is what ``AtomicFileWriter`` makes of such a name
/// (`.<uuid>.opscol.tmp-<pid>-<random>`). A name read from the catalogue is
/// checked the same way before it is used as a path, so a crafted catalogue
/// cannot point outside `data/`.
enum StoreFileNames {
    static let dataExtension = ".opscol"

    /// A fresh data file name.
    static func newDataFile() -> String { UUID().uuidString.lowercased() + dataExtension }

    /// Whether `name` is a data file name the store writes (no `/`, no `..`).
    static func isDataFile(_ name: String) -> Bool {
        guard name.hasSuffix(dataExtension) else { return false }
        let stem = String(name.dropLast(dataExtension.count))
        return stem.utf8.count == 36 && stem == stem.lowercased() && UUID(uuidString: stem) != nil
    }

    /// Whether `name` is a temporary file the store's writer leaves when killed.
    static func isTemporaryFile(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-") else { return false }
        let target = name[name.index(after: name.startIndex)..<marker.lowerBound]
        let suffix = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        return isDataFile(String(target)) && suffix.count == 2
            && suffix.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Whether the store may remove `name` when nothing references it.
    static func isOwned(_ name: String) -> Bool { isDataFile(name) || isTemporaryFile(name) }
}

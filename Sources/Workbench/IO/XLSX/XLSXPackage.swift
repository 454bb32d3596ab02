import Foundation
import OpsKit
import ZIPFoundation

/// The zip container of an .xlsx workbook (through ZIPFoundation), with the
/// ways a file named .xlsx can fail to be one told apart: an old .xls, a
/// password-protected workbook (both OLE2 compound files), a zip of something else.
struct XLSXPackage {
    let path: String
    private let archive: Archive

    init(path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOMessages.missingFile(path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw IOMessages.isDirectory(path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw XLSXMessages.notRegular(path) }
        let head = try Self.head(of: path)
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw Self.isEncrypted(path) ? XLSXMessages.passwordProtected(path) : XLSXMessages.legacyXLS(path)
        }
        guard head.starts(with: [0x50, 0x4B]) else { throw XLSXMessages.notAZip(path) }
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw XLSXMessages.damaged(path, detail: "\(error)")
        }
        guard archive["xl/workbook.xml"] != nil || archive["[Content_Types].xml"] != nil else {
            let names = archive.prefix(5).map(\.path)
            throw XLSXMessages.notAWorkbook(path, entries: names)
        }
    }

    /// The bytes of a part (`xl/workbook.xml`), or `nil` when the package lacks it.
    func part(_ name: String, cancelled: () -> Bool = { false }) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 31)))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { chunk in
                if cancelled() { throw CommandCancelled() }
                data.append(chunk)
            }
        } catch let cancelled as CommandCancelled {
            throw cancelled
        } catch {
            throw XLSXMessages.damaged(path, detail: "\(name): \(error)")
        }
        return data
    }

    private static func head(of path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOMessages.unreadable(path, errno: errno) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8)
        let n = read(fd, &buffer, 8)
        return Array(buffer.prefix(max(0, n)))
    }

    /// An OLE2 file holding an `EncryptedPackage` stream is a password-protected OOXML workbook.
    private static func isEncrypted(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 26)) ?? Data()
        let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: marker) != nil
    }
}

import Foundation
import OpsKit
import Testing

@testable import Workbench

/// `text` in `encoding` through glibc's iconv, as a Chinese back-office system or Excel would save it.
func encoded(_ text: String, _ encoding: String) -> [UInt8] {
    let converter = Iconv(from: "UTF-8", to: encoding)!
    let input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let result = input.withUnsafeBytes { i in output.withUnsafeMutableBytes { converter.convert(i, into: $0) } }
    precondition(result.error == 0, "iconv cannot write this text in \(encoding)")
    return Array(output[..<result.produced])
}

@Suite struct EncodingTests {
    let scratch = ScratchFolder()
    let orders = "订单号,城市,金额,下单日期\n1001,上海,12.50,2025-11-11\n1002,北京,8.00,2025-11-12\n1003,深圳,99.90,2025-11-12\n"

    @Test func gbkFileIsDetectedAndReadExactly() throws {
        let path = scratch.file("gbk.csv", bytes: encoded(orders, "GBK"))
        let report = try DatasetReader.read(path: path)
        #expect(report.encoding?.encoding == .gbk)
        #expect(report.encoding?.forced == false)
        #expect(report.dataset.columnNames == ["订单号", "城市", "金额", "下单日期"])
        #expect((try? report.dataset.column("城市"))?.formatted(at: 2) == "深圳")
        #expect((try? report.dataset.column("金额"))?.type == .double)
        #expect((try? report.dataset.column("下单日期"))?.type == .date)
    }

    @Test func gb18030FourByteCharactersDecode() throws {
        // 𠮷 (U+20BB7) has no GBK form: GB18030 writes it in four bytes.
        let text = "名称,数量\n𠮷野家,3\n吉野家,4\n上海店,5\n"
        let path = scratch.file("gb18030.csv", bytes: encoded(text, "GB18030"))
        let report = try DatasetReader.read(path: path)
        #expect(report.encoding?.encoding == .gbk)
        #expect((try? report.dataset.column("名称"))?.formatted(at: 0) == "𠮷野家")
    }

    @Test func big5FileIsTellFromGBK() throws {
        let text = "門市,營業額\n臺北信義店,1200\n高雄左營店,980\n臺中西屯店,1500\n"
        let path = scratch.file("big5.csv", bytes: encoded(text, "BIG5"))
        let report = try DatasetReader.read(path: path)
        #expect(report.encoding?.encoding == .big5)
        #expect((try? report.dataset.column("門市"))?.formatted(at: 0) == "臺北信義店")
    }

    @Test func utf16WithBOMAndUTF8WithBOM() throws {
        let le = scratch.file("le.csv", bytes: [0xFF, 0xFE] + encoded(orders, "UTF-16LE"))
        let be = scratch.file("be.csv", bytes: [0xFE, 0xFF] + encoded(orders, "UTF-16BE"))
        let bom = scratch.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(orders.utf8))
        for (path, encoding) in [(le, TextEncoding.utf16LE), (be, .utf16BE), (bom, .utf8)] {
            let report = try DatasetReader.read(path: path)
            #expect(report.encoding?.encoding == encoding)
            #expect(report.encoding?.bom == true)
            #expect(report.dataset.columnNames.first == "订单号")
            #expect(report.dataset.rowCount == 3)
        }
    }

    @Test func forcedEncodingWins() throws {
        let path = scratch.file("forced.csv", bytes: encoded("名,值\n甲,1\n", "GBK"))
        let report = try DatasetReader.read(path: path, options: ReadOptions(encoding: .gbk))
        #expect(report.encoding?.forced == true)
        #expect(report.dataset.columnNames == ["名", "值"])
        // Forcing UTF-8 on GBK bytes fails with the place and the bytes.
        let error = loadError(path, ReadOptions(encoding: .utf8))
        #expect(error.contains("UTF-8"))
    }

    @Test func undecidableEncodingNamesTheCandidates() throws {
        // Two bytes that are a common character in both GBK (中) and Big5 (丅-like): no way to tell.
        let path = scratch.file("ambiguous.csv", bytes: Array("a\n".utf8) + [0xD6, 0xD0] + [0x0A])
        let error = loadError(path)
        #expect(error.contains("--encoding gbk") && error.contains("big5"), "\(error)")
        let bad = scratch.file("bad.csv", bytes: Array("a,b\n1,".utf8) + [0xFF, 0xFE, 0x80] + [0x0A])
        let invalid = loadError(bad)
        #expect(invalid.contains("bad.csv:2:3") && invalid.contains("UTF-8") && invalid.contains("Big5"), "\(invalid)")
    }

    @Test func mixedEncodingsAreReportedByLine() throws {
        let bytes = Array("城市,金额\n上海,1\n".utf8) + encoded("北京,2\n", "GBK")
        let error = loadError(scratch.file("mixed.csv", bytes: bytes))
        #expect(error.contains("mixes encodings") && error.contains("line 1") && error.contains("line 3"), "\(error)")
    }

    @Test func carriageReturnOnlyFilesLoad() throws {
        let path = scratch.file("mac.csv", "a,b\r1,\"x\ry\"\r2,z\r")
        let data = try load(path)
        #expect(data.columnNames == ["a", "b"])
        #expect(data.rowCount == 2)
        #expect((try? data.column("b"))?.formatted(at: 0) == "x\ry")
    }

    @Test func carriageReturnInsideQuotesIsKept() throws {
        let path = scratch.file("crlf.csv", "a,b\r\n1,\"x\ry\"\r\n2,\"p\r\nq\"\r\n")
        let data = try load(path)
        #expect((try? data.column("b"))?.formatted(at: 0) == "x\ry")
        #expect((try? data.column("b"))?.formatted(at: 1) == "p\r\nq")
        let copy = scratch.path("copy.csv")
        try DatasetWriter.writeCSV(data, to: copy)
        #expect(same(try load(copy), data))
    }

    @Test func twentyThousandDuplicateHeadersAreLinear() throws {
        let header = Array(repeating: "x", count: 20_000).joined(separator: ",")
        let row = Array(repeating: "1", count: 20_000).joined(separator: ",")
        let path = scratch.file("wide.csv", header + "\n" + row + "\n")
        let start = Date()
        let report = try DatasetReader.read(path: path)
        #expect(report.dataset.columnNames.last == "x_20000")
        #expect(Set(report.dataset.columnNames).count == 20_000)
        #expect(report.warnings.count <= 21, "one warning per rename would flood the screen")
        #expect(Date().timeIntervalSince(start) < 20, "renaming must not be quadratic")
        var cancelled = ReadOptions()
        cancelled.cancelled = { true }
        #expect(throws: CommandCancelled.self) { try DatasetReader.read(path: path, options: cancelled) }
    }

    @Test func fifoReadIsCancellable() throws {
        let path = scratch.path("pipe.csv")
        #expect(mkfifo(path, 0o600) == 0)
        let started = Date()
        let flag = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { flag.set() }
        #expect(throws: CommandCancelled.self) {
            try DatasetReader.read(path: path, options: ReadOptions(cancelled: { flag.isSet }))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func fifoWithAWriterIsRead() throws {
        let path = scratch.path("feed.csv")
        #expect(mkfifo(path, 0o600) == 0)
        DispatchQueue.global().async {
            let fd = open(path, O_WRONLY)
            let text = Array("a,b\n1,2\n3,4\n".utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        #expect(try load(path).rowCount == 2)
    }

    @Test func fileTruncatedWhileReadIsNoCrash() throws {
        // The reader copies with read(2): shrinking the file underneath cannot fault (a mapping would SIGBUS).
        let path = scratch.file("shrink.csv", "a,b\n" + String(repeating: "1,2\n", count: 500_000))
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            truncate(path, 10)
            done.signal()
        }
        _ = try? DatasetReader.read(path: path)
        done.wait()
        #expect(try load(path).columnNames == ["a", "b"])
    }
}

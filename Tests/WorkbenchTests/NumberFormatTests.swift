import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite struct NumberFormatTests {
    let scratch = ScratchFolder()

    func values(_ data: Dataset, _ name: String) -> [String] {
        guard let column = try? data.column(name) else { return [] }
        return (0..<column.count).map { column.isNull($0) ? "null" : column.formatted(at: $0) }
    }

    @Test func spreadsheetNumbersAreNumbers() throws {
        let text = """
            金额,单价,折扣,余额,数量
            "2,703.29",¥2703.29,12.5%,"(1,234)",１２３
            "1,000,000.5",￥15,100%,(5),４５
            12,$3.50,0.5%,"1,234",7
            ,RMB 8,-,-,
            "-3,000",20元,,-1,0

            """
        let report = try DatasetReader.read(path: scratch.file("money.csv", text))
        let data = report.dataset
        #expect((try? data.column("金额"))?.type == .double)
        #expect(values(data, "金额") == ["2703.29", "1000000.5", "12", "null", "-3000"].map { v in
            v == "null" ? v : ValueFormat.double(Double(v)!)
        })
        #expect(values(data, "单价") == ["2703.29", "15", "3.5", "8", "20"].map { ValueFormat.double(Double($0)!) })
        #expect((try? data.column("余额"))?.type == .integer)
        #expect(values(data, "余额") == ["-1234", "-5", "1234", "null", "-1"])
        #expect(values(data, "数量") == ["123", "45", "7", "null", "0"])
        let discount = try data.column("折扣")
        guard case .doubles(let d) = discount.values else { Issue.record("折扣 not double"); return }
        #expect(d[0] == 0.125 && d[1] == 1.0 && d[2] == 0.005)
        #expect(report.notes.contains { $0.contains("折扣") && $0.contains("0.125") })
    }

    @Test func forcedDoubleAcceptsFormattedValuesAndErrorsShowThemWhole() throws {
        let path = scratch.file("forced.csv", "id,金额\n1,\"2,703.29\"\n2,¥5\n3,\"2,70x.29\"\n")
        let error = loadError(path, ReadOptions(types: ["金额": .double]))
        #expect(error.contains("forced.csv:4:3"), "\(error)")
        #expect(error.contains("'2,70x.29'"), "the raw value, not a mangled prefix: \(error)")
        let ok = scratch.file("ok.csv", "id,金额\n1,\"2,703.29\"\n2,¥5\n")
        #expect(values(try load(ok, ReadOptions(types: ["金额": .double])), "金额") == ["2703.29", "5"].map {
            ValueFormat.double(Double($0)!)
        })
    }

    @Test func longBadValuesAreShortened() throws {
        let long = String(repeating: "长", count: 5000)
        let error = loadError(scratch.file("long.csv", "a\n1\n\(long)\n"), ReadOptions(types: ["a": .integer]))
        #expect(error.count < 600)
        #expect(error.contains("…"))
    }

    @Test func decimalComma() throws {
        let path = scratch.file("eu.csv", "preis;menge\n\"1.234,5\";2\n3,25;\"1.000\"\n")
        let data = try load(path, ReadOptions(delimiter: ";", decimalComma: true))
        #expect(values(data, "preis") == [ValueFormat.double(1234.5), ValueFormat.double(3.25)])
        #expect(values(data, "menge") == ["2", "1000"])
    }

    @Test func integersBeyond64BitsStayText() throws {
        let path = scratch.file("trades.csv", "trade_no,amount\n1234567890123456789012345678,1\n1234567890123456789012345679,2\n")
        let report = try DatasetReader.read(path: path)
        let column = try report.dataset.column("trade_no")
        #expect(column.type == .string)
        #expect(values(report.dataset, "trade_no") == ["1234567890123456789012345678", "1234567890123456789012345679"])
        #expect(report.notes.contains { $0.contains("trade_no") && $0.contains("64") })
        // Mixed with small integers, the column is still text (a double would merge the two).
        let mixed = scratch.file("mixed.csv", "n\n5\n1234567890123456789012345678\n")
        #expect((try load(mixed).column("n")).type == .string)
    }

    @Test func nullTokens() throws {
        let path = scratch.file("nulls.csv", "a,b\n1,x\nNA,\"\"\nN/A,NULL\n-,无\n5,\"NA\"\n")
        let data = try load(path)
        #expect((try data.column("a")).type == .integer)
        #expect(values(data, "a") == ["1", "null", "null", "null", "5"])
        #expect(values(data, "b") == ["x", "null", "null", "null", "NA"])
        let custom = try load(path, ReadOptions(nullTokens: ["无"]))
        #expect((try custom.column("a")).type == .string)
        #expect(values(custom, "b")[4] == "NA")
        #expect(values(custom, "b")[3] == "null")
    }

    @Test func dayMonthOrderIsInferred() throws {
        let us = scratch.file("us.csv", "d\n11/11/2025\n12/25/2025\n1/2/2026\n")
        #expect(values(try load(us), "d") == ["2025-11-11", "2025-12-25", "2026-01-02"])
        let eu = scratch.file("eu.csv", "d\n11/11/2025\n25/12/2025\n1/2/2026\n")
        #expect(values(try load(eu), "d") == ["2025-11-11", "2025-12-25", "2026-02-01"])
        let ambiguous = scratch.file("amb.csv", "d\n3/4/2025\n5/6/2025\n")
        let report = try DatasetReader.read(path: ambiguous)
        #expect(values(report.dataset, "d") == ["2025-03-04", "2025-05-06"])
        #expect(report.warnings.contains { $0.contains("month/day/year") && $0.contains("--date-format") })
        let times = scratch.file("times.csv", "t\n25/12/2025 14:30\n1/2/2026 08:00:05\n")
        #expect(values(try load(times), "t") == ["2025-12-25 14:30:00", "2026-02-01 08:00:05"])
    }

    @Test func explicitDatePatternAndExcelSerials() throws {
        let path = scratch.file("pattern.csv", "d,s\n03.04.2025,45972\n28.02.2024,45292.5\n")
        let data = try load(path, ReadOptions(types: ["s": .datetime], dateFormat: DatePattern(argument: "%d.%m.%Y")))
        #expect(values(data, "d") == ["2025-04-03", "2024-02-28"])
        #expect(values(data, "s") == ["2025-11-11 00:00:00", "2024-01-01 12:00:00"])
        // Serial 1 is 1900-01-01 in Excel (which counts a 29 February 1900 that never was).
        let serial = try load(scratch.file("serial.csv", "d\n45972\n1\n61\n"), ReadOptions(types: ["d": .date]))
        #expect(values(serial, "d") == ["2025-11-11", "1900-01-01", "1900-03-01"])
        #expect(DatePattern(argument: "%Y年%m月%d日")?.hasTime == false)
        #expect(DatePattern(argument: "%Q") == nil)
    }

    @Test func exportRoundTripsTextThatLooksFormatted() throws {
        let original = try Dataset(columns: [
            Column(name: "code", strings: ["1,234", "¥5", "12%", "", "NA", "-", "(3)"]),
            Column(name: "amount", doubles: [1.5, 2, 3, 4, 5, 6, 7]),
        ])
        let path = scratch.path("tricky.csv")
        try DatasetWriter.writeCSV(original, to: path)
        #expect(same(try load(path), original))
    }
}

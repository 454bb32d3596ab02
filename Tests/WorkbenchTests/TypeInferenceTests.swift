import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite("Type inference")
struct TypeInferenceTests {
    let scratch = ScratchFolder()

    @Test func infersEachTypeFromBytes() throws {
        let d = try load(
            scratch.file(
                "t.csv",
                """
                i,d,date,dt,b,s,id
                1,1.5,2024-01-31,2024-01-31 08:30:00,true,a,007
                -20, 3 ,2024/02/29,2024-02-01T09:00,FALSE,b,010
                ,1e-3,2026年1月2日,2024-02-01 10:00,,c,123

                """))
        #expect(try d.column("i").values == .integers([1, -20, 0]))
        #expect(try d.column("i").isNull(2))
        #expect(try d.column("d").values == .doubles([1.5, 3, 0.001]))
        let days = [CivilDate.days(year: 2024, month: 1, day: 31), CivilDate.days(year: 2024, month: 2, day: 29),
                    CivilDate.days(year: 2026, month: 1, day: 2)]
        #expect(try d.column("date").values == .integers(days))
        #expect(try d.column("date").type == .date)
        #expect(try d.column("dt").type == .datetime)
        #expect(try d.column("dt").formatted(at: 1) == "2024-02-01 09:00:00")
        #expect(try d.column("b").type == .bool && d.column("b").values == .bools([true, false, false]))
        #expect(try d.column("s").type == .string)
        #expect(try d.column("id").type == .string, "leading zeros keep identifiers as text")
    }

    @Test func wideningOnLaterValues() throws {
        var text = "a,b,c,d\n"
        for i in 0..<1000 { text += "\(i),\(i),2024-01-01,\(i)\n" }
        text += "1.5,x,2024-01-01 12:00:00,99999999999999999999\n"
        let d = try load(scratch.file("w.csv", text))
        #expect(try d.column("a").type == .double)
        #expect(try d.column("b").type == .string)
        #expect(try d.column("c").type == .datetime)
        #expect(try d.column("c").formatted(at: 0) == "2024-01-01 00:00:00")
        #expect(try d.column("d").type == .string, "an integer beyond Int64 keeps every digit as text")
    }

    @Test func doublesAreExactlyRounded() throws {
        let texts = ["0.1", "2.2250738585072014e-308", "1.7976931348623157e308", "123456789012345678901234.0",
                     "0.30000000000000004", "-4.9e-324", "3.14159265358979323846", ".5", "1E5", "NaN", "-inf"]
        let d = try load(scratch.file("x.csv", "x\n" + texts.joined(separator: "\n") + "\n"))
        guard case .doubles(let values) = try d.column("x").values else { Issue.record("not doubles"); return }
        for (text, value) in zip(texts.dropLast(2), values) { #expect(value == Double(text), "\(text)") }
        #expect(values[9].isNaN && values[10] == -.infinity)
    }

    @Test func fieldParserRejectsNearMisses() {
        func kind(_ s: String) -> FieldParser.Kind { FieldParser.classify(s) }
        #expect(kind("12a") == .string)
        #expect(kind("1.2.3") == .string)
        #expect(kind("2024-02-30") == .string)
        #expect(kind("2024-13-01") == .string)
        #expect(kind("2024-01-01 25:00") == .string)
        #expect(kind("9223372036854775807") == .integer)
        #expect(kind("9223372036854775808") == .double)
        #expect(kind("-9223372036854775808") == .integer)
        #expect(kind("e5") == .string)
        #expect(kind("1e") == .string)
        #expect(kind("truee") == .string)
        #expect(kind("上海") == .string)
    }

    @Test func typesOverrideInference() throws {
        let path = scratch.file("o.csv", "code,amount,day\n001,5,2024-01-01\n002,6,2024-01-02\n")
        let d = try load(path, ReadOptions(types: ["amount": .double, "day": .string, "code": .integer]))
        #expect(try d.column("amount").values == .doubles([5, 6]))
        #expect(try d.column("day").values == .strings(["2024-01-01", "2024-01-02"]))
        let bad = loadError(path, ReadOptions(types: ["day": .integer]))
        #expect(bad.contains("o.csv:2:7") && bad.contains("'2024-01-01'") && bad.contains("not an integer"), "\(bad)")
        let unknown = loadError(path, ReadOptions(types: ["amont": .double]))
        #expect(unknown.contains("did you mean 'amount'"), "\(unknown)")
    }

    @Test func quotedValuesAreTextUnlessTheWholeHeaderIsQuoted() throws {
        let selective = try load(scratch.file("s.csv", "a,b\n\"1\",2\n\"3\",4\n"))
        #expect(try selective.column("a").type == .string && selective.column("b").type == .integer)
        let all = try load(scratch.file("all.csv", "\"a\",\"b\"\n\"1\",\"2\"\n"))
        #expect(try all.column("a").type == .integer && all.column("b").type == .integer)
    }

    @Test func jsonLinesKeepsKeyOrderTypesAndNesting() throws {
        let path = scratch.file(
            "e.jsonl",
            """
            {"id": 1, "名称": "手机", "price": 1999, "ok": true, "day": "2024-01-01", "tags": ["a", "b"]}

            {"id": 2, "名称": "耳机\\n\\u84dd\\u7259", "price": 99.5, "ok": false, "day": "2024-01-02", "extra": null}
            {"id": 3, "price": null, "ok": null, "day": null}
            """)
        let d = try load(path)
        #expect(d.columnNames == ["id", "名称", "price", "ok", "day", "tags", "extra"])
        #expect(try d.column("id").values == .integers([1, 2, 3]))
        #expect(try d.column("名称").stringValues() == ["手机", "耳机\n蓝牙", nil])
        #expect(try d.column("price").type == .double && d.column("price").isNull(2))
        #expect(try d.column("ok").type == .bool)
        #expect(try d.column("day").type == .date)
        #expect(try d.column("tags").stringValues() == ["[\"a\", \"b\"]", nil, nil])
        let bad = loadError(scratch.file("b.jsonl", "{\"a\": 1}\n{\"a\": 2,}\n"))
        #expect(bad.contains("b.jsonl:2") && bad.contains("column 9"), "\(bad)")
    }
}

import OpsKit
import Testing

@testable import Workbench

/// What a Chinese input method types, and `~`, on the command line.
@Suite struct LineTokenizerIMETests {
    @Test func fullWidthQuotesAndCommas() throws {
        #expect(try LineTokenizer.tokenize("load 订单 “我的 文件.csv” --types 金额=double，日期=date")
            == ["load", "订单", "我的 文件.csv", "--types", "金额=double,日期=date"])
        #expect(try LineTokenizer.tokenize("say ‘a b’ \"，\"") == ["say", "a b", "，"])
        for token in ["“x”", "a，b", "~/x"] {
            #expect(try LineTokenizer.tokenize("cmd " + LineTokenizer.quote(token)) == ["cmd", token])
        }
    }

    @Test func tildeIsTheHomeFolder() throws {
        let home = FilePath.expandingTilde("~")
        #expect(home != "~" && !home.isEmpty)
        #expect(try LineTokenizer.tokenize("load x ~/Downloads/订单.csv") == ["load", "x", home + "/Downloads/订单.csv"])
        #expect(try LineTokenizer.tokenize("run --out=~/r.txt") == ["run", "--out=" + home + "/r.txt"])
        #expect(try LineTokenizer.tokenize("say a~b '~/q'") == ["say", "a~b", "~/q"])
        #expect(FilePath.expandingTilde("/abs/~x") == "/abs/~x")
    }
}

import OpsKit
import Testing

@testable import Workbench

@Suite struct LineTokenizerTests {
    @Test func splitsLikeAShell() throws {
        #expect(try LineTokenizer.tokenize("load users  examples/users.csv") == ["load", "users", "examples/users.csv"])
        #expect(try LineTokenizer.tokenize(#"sql "SELECT * FROM t WHERE a = 'x'" --as r"#) == ["sql", "SELECT * FROM t WHERE a = 'x'", "--as", "r"])
        #expect(try LineTokenizer.tokenize(#"ask "退货要多久?""#) == ["ask", "退货要多久?"])
        #expect(try LineTokenizer.tokenize(#"a 'it''s' b\ c "q\"uote""#) == ["a", "its", "b c", "q\"uote"])
        #expect(try LineTokenizer.tokenize("show t # a comment") == ["show", "t"])
        #expect(try LineTokenizer.tokenize("say a#b") == ["say", "a#b"])
        #expect(try LineTokenizer.tokenize(#"x """#) == ["x", ""])
    }

    @Test func unclosedQuoteNamesTheColumn() {
        #expect(throws: OpsError.self) { try LineTokenizer.tokenize(#"sql "SELECT 1"#) }
        do {
            _ = try LineTokenizer.tokenize(#"sql "SELECT 1"#)
        } catch let error as OpsError {
            #expect(error.message.contains("column 5"))
        } catch {}
    }

    @Test func quotingRoundTrips() throws {
        for token in ["plain", "two words", "with \"quote\"", "back\\slash", "购买 金额", "", "#hash", "tab\there"] {
            #expect(try LineTokenizer.tokenize("cmd " + LineTokenizer.quote(token)) == ["cmd", token])
        }
    }

    @Test func continuation() {
        #expect(LineTokenizer.continues("segment kmeans users \\"))
        #expect(!LineTokenizer.continues("path\\\\"))
        #expect(!LineTokenizer.continues("show users"))
    }

    @Test func expandsVariables() throws {
        #expect(try VariableExpander.expand("load ${name} ${dir}/a.csv", variables: ["name": "u", "dir": "data"]) == "load u data/a.csv")
        #expect(try VariableExpander.expand("echo $${name}", variables: [:]) == "echo ${name}")
        #expect(throws: OpsError.self) { try VariableExpander.expand("load ${nme}", variables: ["name": "u"]) }
    }
}

import ArgumentParser
import Foundation
import OpsKit

/// `opsbench`: the interactive shell by default, `opsbench run` for scripts and transcripts.
@main
struct Opsbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsbench", abstract: Strings.rootAbstract, usage: Strings.rootUsage, discussion: Strings.rootDiscussion,
        version: Strings.version, subcommands: [ReplCommand.self, RunCommand.self], defaultSubcommand: ReplCommand.self)

    /// Chooses the interface language before any help text is read (`--lang`, else the environment).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count,
            let language = Language(identifier: arguments[index + 1])
        {
            Language.current = language
        } else {
            Language.current = Language.fromEnvironment(ProcessInfo.processInfo.environment).language
        }
        main(nil)
    }
}

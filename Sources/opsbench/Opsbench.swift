import ArgumentParser

/// `opsbench`: the interactive shell by default, `opsbench run` for scripts and transcripts.
@main
struct Opsbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsbench", abstract: Strings.rootAbstract, usage: Strings.rootUsage, discussion: Strings.rootDiscussion,
        version: Strings.version, subcommands: [ReplCommand.self, RunCommand.self], defaultSubcommand: ReplCommand.self)
}

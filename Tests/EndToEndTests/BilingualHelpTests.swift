import Foundation
import OpsKit
import PluginCatalog
import Testing
import Workbench

/// Every command's help, rendered from its descriptor, in both interface languages:
/// in Chinese no abstract, discussion, argument or choice help is left in English,
/// and the columns of the rendered help line up by display width.
struct BilingualHelpTests {
    static let registry = CommandRegistry(plugins: bundledPlugins)

    /// Han characters: a Chinese text has some, whatever it quotes in Latin letters.
    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// The texts of a descriptor a person reads in help, each with where it comes from.
    static func texts(of descriptor: CommandDescriptor) -> [(place: String, text: Localized)] {
        var texts: [(String, Localized)] = [("abstract", descriptor.abstract)]
        if let discussion = descriptor.discussion { texts.append(("discussion", discussion)) }
        for argument in descriptor.arguments where !argument.isHidden {
            let name = argument.names.first ?? "<\(argument.valueName)>"
            texts.append((name, argument.help))
            for choice in argument.value?.choices ?? [] {
                if let help = choice.help { texts.append(("\(name) \(choice.value)", help)) }
            }
        }
        for example in descriptor.examples {
            if let comment = example.comment { texts.append(("example \(example.line)", comment)) }
        }
        return texts
    }

    @Test func everyHelpTextHasAChineseHalf() {
        var english: [String] = []
        for entry in Self.registry.allCommands {
            for (place, text) in Self.texts(of: entry.descriptor) where !text.en.isEmpty && !Self.isChinese(text.zh) {
                english.append("\(entry.fullName) \(place): \(text.zh)")
            }
        }
        for plugin in Self.registry.plugins {
            let summary = Localized(decoding: plugin.summary)
            if !Self.isChinese(summary.zh) { english.append("\(plugin.name) summary: \(summary.zh)") }
        }
        #expect(english.isEmpty, "English-only help in the Chinese interface:\n\(english.joined(separator: "\n"))")
    }

    @Test func everyCommandsHelpRendersInBothLanguages() {
        for entry in Self.registry.allCommands {
            let english = Language.with(.en) { CommandHelp(entry.descriptor, width: 80).render() }
            let chinese = Language.with(.zh) { CommandHelp(entry.descriptor, width: 80).render() }
            #expect(english.hasPrefix("USAGE: \(entry.fullName)"), "\(entry.fullName): \(english.prefix(80))")
            #expect(chinese.hasPrefix("用法: \(entry.fullName)"), "\(entry.fullName): \(chinese.prefix(80))")
            #expect(!chinese.contains("OPTIONS") && !chinese.contains("USAGE"), "\(entry.fullName): English headings in Chinese help")
            #expect(!chinese.contains("(default:"), "\(entry.fullName): an English default in Chinese help")
            #expect(!chinese.contains("\u{1E}") && !english.contains("\u{1E}"), "\(entry.fullName): an encoded text was not resolved")
            #expect(Self.isChinese(String(chinese.split(separator: "\n")[2])), "\(entry.fullName): the overview line is not Chinese")
        }
    }

    /// In Chinese help the descriptions of options start at one display column, whatever
    /// the width of the option labels, and no line is wider than the help's width.
    @Test func chineseHelpIsAlignedAndWrappedByDisplayWidth() throws {
        let width = 72
        for entry in Self.registry.allCommands {
            let help = Language.with(.zh) { CommandHelp(entry.descriptor, width: width).render() }
            var starts: [Substring: Set<Int>] = [:], section: Substring = ""
            for line in help.split(separator: "\n") {
                if line.hasPrefix("用法") { continue }  // the usage line is not wrapped
                if !line.hasPrefix(" ") { section = line; continue }  // each section has its own column
                if section.hasPrefix("示例") { continue }  // examples are command lines, never broken
                #expect(DisplayWidth.of(line) <= width + 2, "\(entry.fullName): too wide (\(DisplayWidth.of(line))): \(line)")
                guard line.hasPrefix("  -") || line.hasPrefix("  <"), let gap = line.dropFirst(2).range(of: "  ") else { continue }
                let rest = line[gap.upperBound...].drop { $0 == " " }
                guard let first = rest.first, Self.isChinese(String(first)) else { continue }
                starts[section, default: []].insert(DisplayWidth.of(line[..<rest.startIndex]))
            }
            for (section, columns) in starts {
                #expect(columns.count == 1, "\(entry.fullName) \(section) Chinese descriptions start at columns \(columns.sorted())\n\(help)")
            }
        }
    }
}

/// A command's help, rendered from its descriptor in the interface language:
/// usage, overview, arguments and options (with value types, ranges, choices
/// and defaults), rules and examples. Nothing is taken from argument-parser's
/// own help text.
public struct CommandHelp {
    public let descriptor: CommandDescriptor
    public let width: Int

    public init(_ descriptor: CommandDescriptor, width: Int = 100) {
        self.descriptor = descriptor
        self.width = max(40, width)
    }

    public func render() -> String {
        var text = HelpText.usage + ": " + usage() + "\n"
        text += "\n" + HelpText.overview + ": " + descriptor.abstract.text + "\n"
        if let discussion = descriptor.discussion { text += "\n" + wrap(discussion.text, indent: 0) }
        let visible = descriptor.arguments.filter { !$0.isHidden }
        let positionals = visible.filter { $0.kind == .positional }
        let options = visible.filter { $0.kind != .positional }
        if !positionals.isEmpty { text += section(HelpText.arguments, positionals) }
        if !options.isEmpty { text += section(HelpText.options, options) }
        if !descriptor.rules.isEmpty {
            text += "\n" + HelpText.rules + ":\n" + descriptor.rules.map { "  " + $0.text + "\n" }.joined()
        }
        if !descriptor.examples.isEmpty {
            text += "\n" + HelpText.examples + ":\n"
            for example in descriptor.examples {
                text += "  " + example.line + (example.comment.map { "    # " + $0.text } ?? "") + "\n"
            }
        }
        return text
    }

    /// `segment kmeans <dataset> --features <features> [--k <k>] [--geo]`.
    public func usage() -> String {
        var parts = [descriptor.fullName]
        for argument in descriptor.arguments where !argument.isHidden {
            var part: String
            switch argument.kind {
            case .positional: part = "<\(argument.valueName)>" + (argument.isRepeating ? " ..." : "")
            case .option: part = "\(argument.displayName) <\(argument.valueName)>"
            case .flag: part = argument.displayName
            }
            if !argument.isRequired { part = "[\(part)]" }
            parts.append(part)
        }
        return parts.joined(separator: " ")
    }

    private func section(_ title: String, _ arguments: [ArgumentDescriptor]) -> String {
        let labels = arguments.map(label)
        let column = min(30, (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        var text = "\n" + title + ":\n"
        for (argument, label) in zip(arguments, labels) {
            let description = [argument.help.text, details(argument)].filter { !$0.isEmpty }.joined(separator: " ")
            let head = "  " + label
            if DisplayWidth.of(head) + 2 > column {
                text += head + "\n" + wrap(description, indent: column)
            } else {
                let body = wrap(description, indent: column)
                text += DisplayWidth.pad(head, to: column) + body.dropFirst(column)
            }
            for choice in argument.value?.choices ?? [] {
                guard let help = choice.help else { continue }
                let head = String(repeating: " ", count: column + 2) + choice.value, helpColumn = column + 2 + 13
                let body = wrap(help.text, indent: helpColumn)
                text += DisplayWidth.of(head) + 1 > helpColumn
                    ? head + "\n" + body : DisplayWidth.pad(head, to: helpColumn) + body.dropFirst(helpColumn)
            }
        }
        return text
    }

    private func label(_ argument: ArgumentDescriptor) -> String {
        switch argument.kind {
        case .positional: return "<\(argument.valueName)>"
        case .flag: return argument.names.joined(separator: ", ")
        case .option: return argument.names.joined(separator: ", ") + " <\(argument.valueName)>"
        }
    }

    /// `(auto | a whole number between 1 and 10000; default: auto)`.
    private func details(_ argument: ArgumentDescriptor) -> String {
        var parts: [String] = []
        if let spec = argument.value {
            var accepted = spec.specialValues
            switch spec.kind {
            case .integer, .number, .duration, .integerRange, .date:
                if let values = spec.valuesText { accepted.append(values) }
            case .choice where spec.choices.allSatisfy({ $0.help == nil }):
                if let values = spec.valuesText { accepted.append(values) }
            case .choice, .text:
                break
            }
            if !accepted.isEmpty { parts.append(accepted.joined(separator: " | ")) }
            if spec.isList { parts.append(HelpText.commaList) }
        }
        if argument.isRepeating, argument.kind == .option { parts.append(HelpText.repeatable) }
        if let value = argument.defaultValue, !value.isEmpty { parts.append(HelpText.defaultValue + ": " + value) }
        return parts.isEmpty ? "" : "(" + parts.joined(separator: "; ") + ")"
    }

    /// `text` filled to the width in display columns, each line indented by `indent` columns.
    /// Lines break at spaces and, as in Chinese typesetting, beside any wide character — never
    /// before closing punctuation nor after opening punctuation.
    private func wrap(_ text: String, indent: Int) -> String {
        let room = max(20, width - indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for unit in Self.units(of: paragraph) {
                let unitWidth = DisplayWidth.of(unit.text)
                if line.isEmpty {
                    (line, lineWidth) = (unit.text, unitWidth)
                } else if lineWidth + unit.separator.count + unitWidth > room {
                    lines.append(line)
                    (line, lineWidth) = (unit.text, unitWidth)
                } else {
                    line += unit.separator + unit.text
                    lineWidth += unit.separator.count + unitWidth
                }
            }
            lines.append(line)
        }
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + $0 + "\n" }.joined()
    }

    /// The pieces a line may break between — words of narrow characters and single wide
    /// characters (with the punctuation that sticks to them) — each with what separates it
    /// from the piece before: a space, or nothing.
    static func units(of paragraph: Substring) -> [(separator: String, text: String)] {
        var units: [(separator: String, text: String)] = []
        var separator = "", word = "", opening = ""
        func finishWord() {
            guard !word.isEmpty else { return }
            units.append((separator, word))
            separator = ""
            word = ""
        }
        for character in paragraph {
            if character == " " {
                finishWord()
                if !opening.isEmpty { units.append((separator, opening)); opening = "" }
                separator = " "
            } else if noBreakBefore.contains(character), opening.isEmpty, !word.isEmpty || (separator.isEmpty && !units.isEmpty) {
                if word.isEmpty {
                    units[units.count - 1].text.append(character)
                } else {
                    word.append(character)
                    if DisplayWidth.of(String(character)) > 1 { finishWord() }  // a line may break after "、" in "a、b"
                }
            } else if noBreakAfter.contains(character) {
                finishWord()
                opening.append(character)
            } else if DisplayWidth.of(String(character)) > 1 {
                finishWord()
                units.append((separator, opening + String(character)))
                separator = ""
                opening = ""
            } else {
                if word.isEmpty { word = opening; opening = "" }
                word.append(character)
            }
        }
        finishWord()
        if !opening.isEmpty { units.append((separator, opening)) }
        return units
    }

    /// Characters a line may not start with (closing punctuation, Chinese and Western).
    private static let noBreakBefore: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "】", ",", ".", ";", ":", ")", "]", "?", "!"]
    /// Characters a line may not end with (opening punctuation).
    private static let noBreakAfter: Set<Character> = ["（", "「", "『", "“", "‘", "《", "【"]
}

/// Headings and words of generated help, in both interface languages.
public enum HelpText {
    public static var usage: String { L("USAGE", "用法") }
    public static var overview: String { L("OVERVIEW", "说明") }
    public static var arguments: String { L("ARGUMENTS", "参数") }
    public static var options: String { L("OPTIONS", "选项") }
    public static var rules: String { L("RULES", "规则") }
    public static var examples: String { L("EXAMPLES", "示例") }
    public static var defaultValue: String { L("default", "默认") }
    public static var commaList: String { L("comma-separated", "逗号分隔") }
    public static var repeatable: String { L("repeatable", "可重复") }
}

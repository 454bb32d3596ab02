import ArgumentParser

/// How comma lists are written: `a,b,c`, spaces around items ignored, the
/// full-width `，` (typed by Chinese input methods) separating like `,`.
public enum CommaListSyntax {
    public static let separators: Set<Character> = [",", "，"]

    /// The non-empty, trimmed items of a list.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

/// A comma-separated list of values of one type: `--features 浏览次数,购买金额`,
/// `--models ets,theta`, `--level 80，95`. Empty lists are refused; each item is
/// parsed (and range- or choice-checked) by `Element`.
///
/// `CommaList<String>` with `completion: .columns` is a column list; give
/// `CommaList<SomeChoice>` to complete and check choices.
public struct CommaList<Element: ExpressibleByArgument & Sendable>: DescribedValue, RandomAccessCollection, CustomStringConvertible {
    public let elements: [Element]

    public init(_ elements: [Element]) { self.elements = elements }

    public init?(argument: String) {
        let parts = CommaListSyntax.split(argument)
        guard !parts.isEmpty else { return nil }
        var elements: [Element] = []
        for part in parts {
            guard let element = Element(argument: part) else { return nil }
            elements.append(element)
        }
        self.elements = elements
    }

    public static var valueSpec: ValueSpec {
        var spec = ValueSpecChannel.spec(of: Element.self)
        spec.isList = true
        return spec
    }

    public static var allValueStrings: [String] { Element.allValueStrings }
    public static var defaultCompletionKind: CompletionKind { Element.defaultCompletionKind }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Element { elements[position] }

    public var description: String { elements.map(\.defaultValueDescription).joined(separator: ",") }
    public var defaultValueDescription: String { description }
}

extension CommaList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension CommaList: Equatable where Element: Equatable {}

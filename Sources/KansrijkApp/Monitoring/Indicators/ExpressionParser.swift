import Foundation

/// A parse error with a Dutch message and the position (1-based) where it went wrong.
struct ExpressionError: Error, Equatable, CustomStringConvertible {
    var message: String
    var position: Int
    var description: String { "\(message) (bij teken \(position))" }
}

/// Recursive descent over: expression = term { (+|-) term }; term = factor { * factor };
/// factor = name | number | ( expression ). Names are lower case letters, digits and `_`.
struct ExpressionParser {
    private let chars: [Character]
    private var index = 0

    static func parse(_ text: String, knownElements: Set<String>? = nil) throws(ExpressionError) -> IndicatorExpression {
        var parser = ExpressionParser(chars: Array(text))
        parser.skipSpaces()
        guard parser.index < parser.chars.count else { throw ExpressionError(message: "De uitdrukking is leeg", position: 1) }
        let expression = try parser.expression()
        parser.skipSpaces()
        if parser.index < parser.chars.count {
            if parser.chars[parser.index] == "/" { throw ExpressionError(message: Self.noDivision, position: parser.index + 1) }
            throw ExpressionError(message: "Onverwacht teken '\(parser.chars[parser.index])'", position: parser.index + 1)
        }
        if let known = knownElements, let unknown = expression.elements.first(where: { !known.contains($0) }) {
            throw ExpressionError(message: "Onbekend gegevenselement '\(unknown)'", position: (text.range(of: unknown).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0) + 1)
        }
        return expression
    }

    static let noDivision = "Delen kan niet in een teller of noemer; de indicator deelt zelf teller door noemer"

    private init(chars: [Character]) { self.chars = chars }

    private mutating func skipSpaces() { while index < chars.count, chars[index].isWhitespace { index += 1 } }

    private mutating func expression() throws(ExpressionError) -> IndicatorExpression {
        var left = try term()
        while true {
            skipSpaces()
            guard index < chars.count, chars[index] == "+" || chars[index] == "-" else { return left }
            let op = chars[index]; index += 1
            let right = try term()
            left = op == "+" ? .add(left, right) : .subtract(left, right)
        }
    }

    private mutating func term() throws(ExpressionError) -> IndicatorExpression {
        var left = try factor()
        while true {
            skipSpaces()
            guard index < chars.count, chars[index] == "*" else { return left }
            index += 1
            left = .multiply(left, try factor())
        }
    }

    private mutating func factor() throws(ExpressionError) -> IndicatorExpression {
        skipSpaces()
        guard index < chars.count else { throw ExpressionError(message: "De uitdrukking houdt op waar een naam, getal of '(' hoort", position: index + 1) }
        let c = chars[index]
        if c == "(" {
            let open = index
            index += 1
            let inner = try expression()
            skipSpaces()
            guard index < chars.count, chars[index] == ")" else { throw ExpressionError(message: "Haakje '(' wordt niet gesloten", position: open + 1) }
            index += 1
            return inner
        }
        if c.isASCII, c.isNumber {
            let start = index
            while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
            guard let n = Int(String(chars[start..<index])), n <= 1_000_000 else { throw ExpressionError(message: "Getal te groot", position: start + 1) }
            return .constant(n)
        }
        if c.isASCII, c.isLetter, c.isLowercase {
            let start = index
            while index < chars.count, chars[index].isASCII, chars[index].isLowercase || chars[index].isNumber || chars[index] == "_" { index += 1 }
            return .element(String(chars[start..<index]))
        }
        if c == "/" { throw ExpressionError(message: Self.noDivision, position: index + 1) }
        throw ExpressionError(message: "Verwacht een gegevenselement (kleine letters, cijfers, _), een getal of '(' maar vond '\(c)'", position: index + 1)
    }
}

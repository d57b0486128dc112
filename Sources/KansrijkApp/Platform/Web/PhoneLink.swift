import Leaf
import Vapor

/// Tap-to-call links (issue 15): a Dutch phone number as written ("030 - 654 32 10", "(030) 6543210",
/// "+31 30 654 3210") becomes one `tel:` address in international form (`tel:+31306543210`), so a
/// phone dials it from anywhere. Numbers that only work inside the Netherlands (0800/090x, 14 0xx,
/// 112) keep their national digits.
enum PhoneLink {
    /// The `tel:` address, or nil when the text holds no number.
    static func href(_ text: String) -> String? {
        // the number is what comes before any words ("030 1234567 (toets 2)" dials 0301234567)
        let allowed = Set("0123456789 +-./()\u{00A0}")
        let number = text.trimmingCharacters(in: .whitespaces).prefix { allowed.contains($0) }
        let digits = number.filter { ("0"..."9").contains($0) }
        guard digits.count >= 3 else { return nil }
        let plus = number.trimmingCharacters(in: .whitespaces).hasPrefix("+")
        if plus { return "tel:+" + digits }
        if digits.hasPrefix("00") { return "tel:+" + digits.dropFirst(2) }
        let nationalOnly = ["0800", "0900", "0906", "0909"].contains { digits.hasPrefix($0) }
        if digits.count == 10, digits.hasPrefix("0"), !nationalOnly { return "tel:+31" + digits.dropFirst() }
        return "tel:" + digits
    }
}

/// `#tel(service.phone)`: the number's `tel:` address (empty when there is none).
struct PhoneLinkTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        .string(ctx.parameters.first?.string.flatMap(PhoneLink.href) ?? "")
    }
}

import Foundation

/// What a chosen password must be (invitation, reset, own account page): at least 10 characters,
/// typed the same twice, not the e-mail address, and not one of the passwords people pick most.
/// Length beats composition rules (NIST SP 800-63B); bcrypt reads 72 bytes, so more is allowed but unused.
enum PasswordRules {
    static let minimumLength = 10
    static let maximumBytes = 1024

    /// A few of the most used passwords of 10 characters or more, compared in lower case.
    static let common: Set<String> = [
        "1234567890", "12345678910", "0123456789", "1234567891", "qwertyuiop", "wachtwoord", "wachtwoord1",
        "wachtwoord123", "welkom1234", "welkom12345", "password123", "password1234", "passwordpassword",
        "iloveyou123", "qwerty1234", "qwerty12345", "1q2w3e4r5t", "abcdefghij", "aaaaaaaaaa", "kansrijk123",
        "kansrijkestart", "zomer2024!", "zomer2025!", "winter2025!", "voorjaar2025",
    ]

    enum Problem: String {
        case missing = "password.rule.missing"
        case tooShort = "password.rule.short"
        case tooLong = "password.rule.long"
        case mismatch = "password.rule.mismatch"
        case isEmail = "password.rule.email"
        case common = "password.rule.common"
    }

    static func check(_ password: String?, repeated: String?, email: String) -> Problem? {
        guard let password, !password.isEmpty else { return .missing }
        if password.count < minimumLength { return .tooShort }
        if password.utf8.count > maximumBytes { return .tooLong }
        let lower = password.lowercased()
        if lower == email.lowercased() || lower == email.lowercased().split(separator: "@").first.map(String.init) { return .isEmail }
        if common.contains(lower) { return .common }
        if password != repeated { return .mismatch }
        return nil
    }
}

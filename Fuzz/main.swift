import Foundation
import KansrijkFuzzMain
import Vapor
@testable import KansrijkApp

/// libFuzzer targets for every parser that anonymous input (or an imported file) reaches (issue
/// #13): no input may trap. The target is chosen by `KANSRIJK_FUZZ_TARGET`; see Fuzz/README.md.
enum FuzzTarget: String, CaseIterable {
    case query, form, multipart, csv, hsds

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["KANSRIJK_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("KANSRIJK_FUZZ_TARGET must be one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()

    static let scratchFile = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-fuzz-\(getpid()).csv").path
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ pointer: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: pointer, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    switch FuzzTarget.current {
    case .query:
        // the search page's query string, the log-in page's return path, the language toggle
        let query = QueryString(text)
        _ = (query["q"], query["gemeente"], query["pagina"])
        _ = SafeReturnPath.rebuild(text, roots: ["zorg", "aanbod", "monitor"])
        _ = PageMeta.languageToggleURL(text, lang: "en")
        _ = CalendarDay.parse(text)
    case .form:
        // urlencoded bodies as the pages decode them, before and after the CSRF check
        let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        let decoder = URLEncodedFormDecoder()
        let body = ByteBuffer(data: bytes)
        _ = try? decoder.decode(LoginController.Form.self, from: body, headers: headers)
        _ = try? decoder.decode(ClientForm.self, from: body, headers: headers)
        _ = try? decoder.decode(BreakGlassForm.self, from: body, headers: headers)
        _ = try? decoder.decode([String: String].self, from: body, headers: headers)
    case .multipart:
        // first line: the Content-Type header; the rest: the body. Only what the guard lets through
        // reaches the decoder, as in the server
        let parts = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false)
        let contentType = String(decoding: parts.first ?? Data(), as: UTF8.self)
        let body = ByteBuffer(data: parts.count > 1 ? Data(parts[1]) : Data())
        // as the server: the guard on the header, Vapor's choice of decoder by media type, the
        // envelope check once the body is collected (CSRFMiddleware), then MultipartKit
        if RequestBodyGuard.problem(method: .POST, contentType: contentType) == nil,
           HTTPMediaType.formData == HTTPHeaders([("Content-Type", contentType)]).contentType,
           let boundary = RequestBodyGuard.boundary(in: contentType), MultipartEnvelope.isSafe(body, boundary: boundary) {
            _ = try? FormDataDecoder().decode(LoginController.Form.self, from: body, headers: ["Content-Type": contentType])
            _ = try? FormDataDecoder().decode([String: String].self, from: body, headers: ["Content-Type": contentType])
        }
    case .csv:
        // the one CSV reader (every separator, kept ragged rows, a preview) and writer, and the births scanner
        for separator in [CSVFile.Separator.detect, .semicolon, .tab] {
            if let table = try? CSVFile.read(bytes, separator: separator, ragged: .keep) {
                _ = CSVFile.write(header: table.header, rows: table.rows.prefix(50).map(\.fields), separator: separator, for: .spreadsheet)
            }
        }
        _ = try? CSVFile.read(bytes, maxRows: 3)
        if FileManager.default.createFile(atPath: FuzzTarget.scratchFile, contents: bytes) {
            try? DelimitedFileScanner(separator: UInt8(ascii: ";")).scan(path: FuzzTarget.scratchFile) { line in
                for i in 0..<line.count { _ = (line.string(i), line.int(i), line.decimal(i), line.municipalityNumber(i)) }
            }
        }
    case .hsds:
        _ = HSDSJSONReader.read(bytes)
    }
    return 0
}

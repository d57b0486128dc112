import Foundation
import Vapor

/// A signed agreement and, optionally, its document (multipart form).
struct CoalitionAgreementForm: Content, Sendable {
    var kind: String?
    var title: String?
    var signedOn: String?
    var signatories: String?
    var ambitions: [String]?
    var document: File?

    enum CodingKeys: String, CodingKey {
        case kind, title, signatories, ambitions, document
        case signedOn = "signed_on"
    }

    struct Upload: Equatable { var fileName: String; var contentType: String; var data: Data }

    struct Valid {
        var kind: CoalitionAgreementKind; var title: String; var signedOn: Date; var signatories: String; var ambitionIDs: [UUID]
        /// nil when no file was chosen (an edit keeps the stored one).
        var upload: Upload?
    }

    func validate(ambitions allowed: Set<UUID>, today: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let kind = CoalitionAgreementKind(rawValue: FormInput.text(self.kind) ?? "")
        if kind == nil { errors["kind"] = m.choice }
        let title = FormInput.limited(self.title, "title", max: 200, required: true, &errors, m)
        let signed = FormInput.day(signedOn, "signed_on", required: true, &errors, m)
        if let signed, signed > today { errors["signed_on"] = m.future }
        let signatories = FormInput.lines(self.signatories)
        if signatories.isEmpty { errors["signatories"] = m.required } else if signatories.count > 2000 { errors["signatories"] = m.tooLong(2000) }
        let ids = (ambitions ?? []).map { UUID(uuidString: $0) }
        if ids.contains(where: { $0 == nil || !allowed.contains($0!) }) { errors["ambitions"] = m.choice }
        var upload: Upload?
        // a file input left empty still sends a part, with no name and no bytes
        if let file = document, !(file.filename.isEmpty && file.data.readableBytes == 0) {
            let bytes = Array(file.data.readableBytesView)
            switch UploadCheck.check(bytes, fileName: file.filename) {
            case .success(let accepted):
                upload = Upload(fileName: accepted.fileName, contentType: accepted.kind.contentType, data: Data(bytes))
            case .failure(.empty): errors["document"] = m.fileEmpty
            case .failure(.tooLarge(let n)): errors["document"] = m.fileTooLarge(n)
            case .failure(.unsupportedType): errors["document"] = m.fileType
            }
        }
        guard errors.isEmpty, let kind, let title, let signed else { return .failure(errors) }
        return .success(Valid(kind: kind, title: title, signedOn: signed, signatories: signatories,
                              ambitionIDs: Array(Set(ids.compactMap { $0 })), upload: upload))
    }
}

import Vapor

/// One page of an HSDS list (`#/components/schemas/Page` of the HSDS OpenAPI plus `contents`).
struct HSDSPage<Item: Content>: Content {
    var totalItems: Int
    var totalPages: Int
    var pageNumber: Int
    var size: Int
    var firstPage: Bool
    var lastPage: Bool
    var empty: Bool
    var contents: [Item]

    enum CodingKeys: String, CodingKey {
        case size, empty, contents
        case totalItems = "total_items"
        case totalPages = "total_pages"
        case pageNumber = "page_number"
        case firstPage = "first_page"
        case lastPage = "last_page"
    }

    /// An empty result is one empty page, so `page_number` 1 is always a valid page.
    init(contents: [Item], total: Int, paging: HSDSPaging) {
        self.totalItems = total
        self.totalPages = max(1, (total + paging.perPage - 1) / paging.perPage)
        self.pageNumber = paging.page
        self.size = contents.count
        self.firstPage = paging.page == 1
        self.lastPage = paging.page >= totalPages
        self.empty = total == 0
        self.contents = contents
    }
}

extension HSDSPage {
    /// The page as a JSON response whose items are already encoded (see `HSDSServiceJSONCache`):
    /// the same envelope fields and values as encoding an `HSDSPage`, around the items' bytes.
    static func response(encoded items: [[UInt8]], total: Int, paging: HSDSPaging) -> Response {
        HSDSPage<HSDSService>(contents: [], total: total, paging: paging).response(encoded: items)
    }

    /// The paging fields first, then `contents`: the Open Referral UK validator expects the
    /// metadata at the start of the payload, and `JSONEncoder` keeps no key order.
    func response(encoded items: [[UInt8]]) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: items.reduce(160) { $0 + $1.count + 1 })
        buffer.writeString("{\"total_items\":\(totalItems),\"total_pages\":\(totalPages),"
            + "\"page_number\":\(pageNumber),\"size\":\(items.count),\"first_page\":\(firstPage),"
            + "\"last_page\":\(lastPage),\"empty\":\(empty),\"contents\":[")
        for (i, item) in items.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(item)
        }
        buffer.writeString("]}")
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: buffer))
    }

    func response() throws -> Response {
        let encoder = JSONEncoder()
        return response(encoded: try contents.map { Array(try encoder.encode($0)) })
    }

    func encodeResponse(for request: Request) async throws -> Response { try response() }

    func encodeResponse(for request: Request) -> EventLoopFuture<Response> {
        request.eventLoop.makeCompletedFuture { try response() }
    }
}

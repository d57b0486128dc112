import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS paging")
struct HSDSPagingTests {
    @Test("page fields agree with each other, also past the last page and for an empty result")
    func pageFields() {
        // setup
        let items = Array(1...5)
        // act
        let middle = HSDSPage(contents: items, total: 21, paging: HSDSPaging(page: 2, perPage: 5))
        let last = HSDSPage(contents: [1], total: 21, paging: HSDSPaging(page: 5, perPage: 5))
        let beyond = HSDSPage<Int>(contents: [], total: 21, paging: HSDSPaging(page: 9, perPage: 5))
        let empty = HSDSPage<Int>(contents: [], total: 0, paging: HSDSPaging())
        // check
        #expect((middle.totalPages, middle.pageNumber, middle.size, middle.firstPage, middle.lastPage, middle.empty) == (5, 2, 5, false, false, false))
        #expect((last.totalPages, last.lastPage) == (5, true))
        #expect((beyond.size, beyond.lastPage, beyond.empty) == (0, true, false))
        #expect((empty.totalPages, empty.firstPage, empty.lastPage, empty.empty) == (1, true, true, true))
    }

    @Test("a page slices an ordered list; a page past the end is empty")
    func slicing() {
        let items = Array(0..<12)
        #expect(Array(HSDSPaging(page: 1, perPage: 5).slice(items)) == [0, 1, 2, 3, 4])
        #expect(Array(HSDSPaging(page: 3, perPage: 5).slice(items)) == [10, 11])
        #expect(HSDSPaging(page: 4, perPage: 5).slice(items).isEmpty)
    }

    @Test("defaults are page 1 and 50 per page")
    func defaults() throws {
        #expect(try HSDSPaging(page: nil, perPage: nil) == HSDSPaging(page: 1, perPage: 50))
        #expect(try HSDSPaging(page: "3", perPage: "200") == HSDSPaging(page: 3, perPage: 200))
    }

    @Test("what is not a whole number in range is a 400 that names the parameter", arguments: [
        ("abc", nil), ("0", nil), ("-1", nil), ("1.5", nil), ("99999999999999999999", nil),
        (nil, "0"), (nil, "201"), (nil, "10000"), (nil, "veel"),
    ] as [(String?, String?)])
    func invalid(page: String?, perPage: String?) {
        #expect {
            _ = try HSDSPaging(page: page, perPage: perPage)
        } throws: { error in
            guard let abort = error as? Abort, abort.status == .badRequest else { return false }
            return abort.reason.contains(page == nil ? "per_page" : "page")
        }
    }
}

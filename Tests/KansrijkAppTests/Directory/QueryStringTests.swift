import Testing
@testable import KansrijkApp

/// The search page's query-string reader (`QueryString`).
@Suite("Search query string")
struct QueryStringTests {
    @Test("plain pairs, + as a space, percent escapes, an = inside a value")
    func decodesPairs() {
        let query = QueryString("q=schulden+en%20geld&gemeente=GM0355&fase=0-1&x=a=b")
        #expect(query["q"] == "schulden en geld")
        #expect(query["gemeente"] == "GM0355")
        #expect(query["fase"] == "0-1")
        #expect(query["x"] == "a=b")
        #expect(query["thema"] == nil)
    }

    @Test("names are decoded too; a literal %2B is a plus, not a space")
    func decodesNames() {
        let query = QueryString("%71=a%2Bb&the%20name=x")
        #expect(query["q"] == "a+b")
        #expect(query["the name"] == "x")
    }

    @Test("a repeated name: the first occurrence wins, even when it is empty")
    func firstWins() {
        #expect(QueryString("q=eerste&q=tweede")["q"] == "eerste")
        #expect(QueryString("q=&q=tweede")["q"] == "")
    }

    @Test("a pair without = is no parameter; empty pairs and an empty query are nothing")
    func barePairs() {
        #expect(QueryString("q&gemeente=GM0355")["q"] == nil)
        #expect(QueryString("q&q=schuld")["q"] == "schuld")
        #expect(QueryString("&&q=a&&")["q"] == "a")
        #expect(QueryString("")["q"] == nil)
        #expect(QueryString(nil)["q"] == nil)
        #expect(QueryString("=x")[""] == "x")
    }

    @Test("a malformed escape stays as it is and does not hide the other parameters")
    func malformedEscapes() {
        let query = QueryString("q=100%&gemeente=GM%zz55&fase=%4&thema=%%41&taal=%E")
        #expect(query["q"] == "100%")
        #expect(query["gemeente"] == "GM%zz55")
        #expect(query["fase"] == "%4")
        #expect(query["thema"] == "%A")
        #expect(query["taal"] == "%E")
    }

    @Test("UTF-8 escapes become text; bytes that are not UTF-8 become U+FFFD")
    func utf8() {
        #expect(QueryString("q=Fran%C3%A7ais+%E2%82%AC")["q"] == "Français €")
        #expect(QueryString("q=caf%E9")["q"] == "caf\u{FFFD}")
        #expect(QueryString("q=%C3")["q"] == "\u{FFFD}")
        #expect(QueryString("q=%FF%FEok")["q"] == "\u{FFFD}\u{FFFD}ok")
        #expect(QueryString("q=%00")["q"] == "\u{0}")
    }

    @Test("text that is already Unicode in the raw query is kept")
    func rawUnicode() {
        #expect(QueryString("q=crèche+ü")["q"] == "crèche ü")
    }
}

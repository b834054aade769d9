import DubanControlServer
import Testing

/// The request target split into the path and its query parameters (decoded on the bytes, without Foundation).
@Suite struct ControlRequestTests {
    func query(_ uri: String) -> [String: String] {
        ControlRequest(method: "GET", uri: uri).query
    }

    @Test("paths stay percent-encoded; parameters are decoded")
    func pathAndQuery() {
        let request = ControlRequest(method: "GET", uri: "/v1/occurrences/a%2Fb?org=%E5%BA%B7%E4%B9%90&limit=5")
        #expect(request.path == "/v1/occurrences/a%2Fb")
        #expect(request.query == ["org": "康乐", "limit": "5"])
        #expect(ControlRequest(method: "GET", uri: "/v1/status").query.isEmpty)
        #expect(ControlRequest(method: "GET", uri: "").path == "")
        #expect(ControlRequest(method: "GET", uri: "/v1/status?").query.isEmpty)
    }

    @Test("+ is a space in values only; %41 in names; the last of a repeated name wins; no = is empty")
    func forms() {
        #expect(query("/x?q=a+b%20c") == ["q": "a b c"])
        #expect(query("/x?a+b=1") == ["a+b": "1"])
        #expect(query("/x?%41=1") == ["A": "1"])
        #expect(query("/x?a=1&a=2") == ["a": "2"])
        #expect(query("/x?flag&b=") == ["flag": "", "b": ""])
        #expect(query("/x?a=1=2") == ["a": "1=2"])
        #expect(query("/x?a=%2B") == ["a": "+"])
    }

    @Test("a malformed escape or bytes that are not UTF-8 are kept as written")
    func malformed() {
        #expect(query("/x?a=%zz") == ["a": "%zz"])
        #expect(query("/x?a=%4") == ["a": "%4"])
        #expect(query("/x?a=100%") == ["a": "100%"])
        #expect(query("/x?a=%E4+x") == ["a": "%E4+x"], "a lone lead byte: as written, + included")
        #expect(query("/x?a=%FF%FE") == ["a": "%FF%FE"])
    }

    @Test("header names match in any ASCII case, and only letters fold")
    func headerNames() {
        let request = ControlRequest(method: "GET", uri: "/", headers: [("if-none-match", "\"a\""), ("X-1", "one")])
        #expect(request.header("If-None-Match") == "\"a\"")
        #expect(request.header("IF-NONE-MATCH") == "\"a\"")
        #expect(request.header("x-1") == "one")
        #expect(request.header("If-None-Matc") == nil)
        #expect(request.header("X\u{11}") == nil, "0x11 and 0x31 differ by 0x20 but are not letters")
    }
}

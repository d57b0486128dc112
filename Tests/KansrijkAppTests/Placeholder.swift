import Testing
@testable import KansrijkApp

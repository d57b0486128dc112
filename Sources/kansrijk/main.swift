import KansrijkApp
try await Kansrijk.main()

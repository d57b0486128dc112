import KansrijkApp
Kansrijk.runTasksOnEventLoops()
try await Kansrijk.main()

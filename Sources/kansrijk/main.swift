import KansrijkApp

Kansrijk.runTasksOnEventLoops()
await Kansrijk.main()

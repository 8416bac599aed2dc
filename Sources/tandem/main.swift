import TandemCommands

TandemCommand.main()

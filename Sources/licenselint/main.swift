import LicenseLintCLI

CLI.main()

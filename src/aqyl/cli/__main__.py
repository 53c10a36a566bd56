from aqyl.cli.main import main

main()

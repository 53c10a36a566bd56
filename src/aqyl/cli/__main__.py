from aqyl.cli import main

main()

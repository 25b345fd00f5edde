from ovaltime.cli.app import main

main()

from campus.cli import main

main("identity")

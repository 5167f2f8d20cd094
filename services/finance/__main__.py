from campus.cli import main

main("finance")
